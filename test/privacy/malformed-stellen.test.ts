/**
 * Issue 12, item 5: a malformed stellen.csv row (wrong field count, unclosed
 * quote) used to keep its raw line – with the employee's name – as the
 * finding's `wert`, and so reached the warehouse and the Prüfbericht exports.
 * The sample data plus two such rows holding names seen nowhere else are
 * ingested and exported (with --allow-rejects, so that the Prüfbericht is
 * published), then the warehouse (every VARCHAR column, by SQL) and every
 * exported file (CSV and manifest as text, XLSX unzipped, Parquet via DuckDB)
 * are searched for the names. The site is built from the warehouse's findings
 * (meta.befunde), so a warehouse without the names is a site without them.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const work = mkdtempSync(join(tmpdir(), "pik-privacy-malformed-"));
const INPUT = join(work, "in");
const EXPORT = join(work, "out");
const WAREHOUSE = join(work, "pik.duckdb");
const NAMES = ["Erika Fehlzeile", "Paul Offenquote"];
let output = "";

beforeAll(() => {
  cpSync("data", INPUT, { recursive: true });
  appendFileSync(
    join(INPUT, "stellen.csv"),
    `RPS15.2-IM-2017-0001;31.12.2017;901;1;ja;landkreis;hochschulabschluss;${NAMES[0]};zuviel\r\n` +
      `RPS15.2-IM-2017-0001;31.12.2017;902;1;ja;landkreis;hochschulabschluss;"${NAMES[1]}\r\n`,
  );
  output = execFileSync("npx", ["tsx", "loaders/cli/main.ts", "export", "--data", INPUT, "--out", EXPORT, "--allow-rejects"], {
    env: { ...process.env, PIK_WAREHOUSE: WAREHOUSE },
    encoding: "utf8",
    timeout: 300_000,
  });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hits = (text: string) => NAMES.filter((n) => text.includes(n));

describe("names in malformed stellen rows", () => {
  it("are in the input, and both rows are reported as rejected", () => {
    expect(hits(readFileSync(join(INPUT, "stellen.csv"), "utf8"))).toEqual(NAMES);
    const bericht = readFileSync(join(EXPORT, "pruefbericht.csv"), "utf8");
    expect(bericht).toContain("zeile_spaltenzahl;Zeile hat 9 statt 8 Felder.");
    expect(bericht).toContain("zeile_unlesbar");
  });

  it("are in no text column of the warehouse", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      await conn.run(`ATTACH '${WAREHOUSE}' AS wh (READ_ONLY)`);
      const cols = (
        await conn.runAndReadAll(
          `SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE database_name = 'wh' AND data_type = 'VARCHAR'`,
        )
      ).getRowObjectsJson() as { schema_name: string; table_name: string; column_name: string }[];
      expect(cols.some((c) => c.schema_name === "meta" && c.column_name === "wert")).toBe(true);
      const found: string[] = [];
      for (const c of cols) {
        const r = await conn.runAndReadAll(
          `SELECT count(*) FROM wh."${c.schema_name}"."${c.table_name}" WHERE ${NAMES.map((n) => `strpos("${c.column_name}", '${n}') > 0`).join(" OR ")}`,
        );
        if (Number(r.getRows()[0]![0]) > 0) found.push(`${c.schema_name}.${c.table_name}.${c.column_name}`);
      }
      expect(found).toEqual([]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }, 120_000);

  it("are in no exported file nor the command's output", async () => {
    const found: string[] = [];
    const parquet: string[] = [];
    for (const name of readdirSync(EXPORT)) {
      const path = join(EXPORT, name);
      if (name.endsWith(".parquet")) parquet.push(path);
      else if (name.endsWith(".xlsx")) {
        const zip = await JSZip.loadAsync(readFileSync(path));
        for (const f of Object.values(zip.files)) if (!f.dir && hits(await f.async("string")).length) found.push(`${name}/${f.name}`);
      } else if (hits(readFileSync(path, "utf8")).length) found.push(name);
    }
    expect(parquet.length).toBeGreaterThan(0);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      for (const p of parquet) {
        const r = await conn.runAndReadAll(`SELECT * FROM read_parquet('${p}')`);
        if (hits(JSON.stringify(r.getRowsJson())).length) found.push(p);
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    expect(found).toEqual([]);
    expect(hits(output)).toEqual([]);
  }, 120_000);
});
