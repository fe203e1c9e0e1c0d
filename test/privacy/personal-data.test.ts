/**
 * Personal data never leaves the input: the `name` column of stellen (the
 * names of the staff in the staffing reports) is not written to the warehouse,
 * the built site or any export. The test takes every name in the sample
 * data's stellen.csv and scans everything produced from that data:
 *  - a warehouse built from it: every VARCHAR column of every table in every
 *    schema (eingang, main, meta findings, ref …), by SQL (the file is compressed);
 *  - the export (`npm run export`): CSV and manifest as text, XLSX unzipped,
 *    Parquet read back with DuckDB, and the command's own console output;
 *  - the built site folder (the one the browser tests use): every file, zip
 *    archives unpacked.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_OUT } from "../site/global-setup.ts";

const work = mkdtempSync(join(tmpdir(), "pik-privacy-"));
const WAREHOUSE = join(work, "pik.duckdb");
const EXPORT = join(work, "export");
let exportOutput = "";

/** The distinct non-empty values of the `name` column of data/stellen.csv (parsed independently). */
function staffNames(): string[] {
  const lines = readFileSync("data/stellen.csv", "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0]!.split(";");
  const col = header.indexOf("name");
  expect(col, "Spalte name in stellen.csv").toBeGreaterThanOrEqual(0);
  const names = new Set<string>();
  for (const line of lines.slice(1)) {
    const v = line.split(";")[col]?.trim();
    if (v) names.add(v.replace(/^"|"$/g, ""));
  }
  return [...names];
}
const NAMES = staffNames();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NAME_RE = new RegExp(NAMES.map(escapeRe).join("|"));

/** The staff names found in a text (empty when none). */
function namesIn(text: string): string[] {
  const m = text.match(new RegExp(NAME_RE.source, "g"));
  return m ? [...new Set(m)] : [];
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

/** Parquet files found inside zip archives, unpacked for the DuckDB scan. */
const unpackedParquet: string[] = [];

/** Every text a file holds: zip members unpacked (XLSX, ZIP; Parquet members set aside), everything else as UTF-8. */
async function texts(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 2).toString("latin1") === "PK") {
    const zip = await JSZip.loadAsync(bytes);
    const out: string[] = [];
    for (const f of Object.values(zip.files).filter((f) => !f.dir)) {
      if (f.name.endsWith(".parquet")) {
        const target = join(work, `unpacked-${unpackedParquet.length}.parquet`);
        writeFileSync(target, await f.async("nodebuffer"));
        unpackedParquet.push(target);
      } else out.push(await f.async("string"));
    }
    return out;
  }
  return [bytes.toString("utf8"), bytes.toString("latin1")];
}

/** Staff names found in any VARCHAR column of any table of a DuckDB database or in Parquet files. */
async function namesInDatabase(attach: string | null, parquet: string[]): Promise<{ where: string; names: string[] }[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    await conn.run(`CREATE TEMP TABLE staff(name VARCHAR)`);
    await conn.run(`INSERT INTO staff VALUES ${NAMES.map((n) => `('${n.replace(/'/g, "''")}')`).join(",")}`);
    const sources: { where: string; from: string; columns: string[] }[] = [];
    if (attach) {
      await conn.run(`ATTACH '${attach}' AS wh (READ_ONLY)`);
      const cols = (
        await conn.runAndReadAll(
          `SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE database_name = 'wh' AND data_type = 'VARCHAR'`,
        )
      ).getRowObjectsJson() as { schema_name: string; table_name: string; column_name: string }[];
      const byTable = new Map<string, string[]>();
      for (const c of cols) {
        const key = `wh."${c.schema_name}"."${c.table_name}"`;
        byTable.set(key, [...(byTable.get(key) ?? []), c.column_name]);
      }
      expect(byTable.size, "Tabellen mit Textspalten im Warehouse").toBeGreaterThan(5);
      for (const [from, columns] of byTable) sources.push({ where: from, from, columns });
    }
    for (const p of parquet) {
      const from = `read_parquet('${p}')`;
      const cols = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
      sources.push({ where: p, from, columns: cols.filter((c) => c.column_type === "VARCHAR").map((c) => c.column_name) });
    }
    const found: { where: string; names: string[] }[] = [];
    for (const s of sources) {
      for (const col of s.columns) {
        const r = await conn.runAndReadAll(
          `SELECT DISTINCT staff.name FROM ${s.from} AS t JOIN staff ON strpos(t."${col}", staff.name) > 0 LIMIT 5`,
        );
        const names = r.getRows().map((row) => String(row[0]));
        if (names.length) found.push({ where: `${s.where}.${col}`, names });
      }
    }
    return found;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

beforeAll(() => {
  // Ingest + export of the sample data into a warehouse and folder of this test.
  exportOutput = execFileSync("npx", ["tsx", "loaders/cli/main.ts", "export", "--data", "data", "--out", EXPORT], {
    env: { ...process.env, PIK_WAREHOUSE: WAREHOUSE, PIK_DATA_DIR: "data" },
    encoding: "utf8",
    timeout: 300_000,
  });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("personal data (stellen.name)", () => {
  it("the fixture really holds names, and the scan finds them where they are", async () => {
    expect(NAMES.length).toBeGreaterThan(10);
    expect(NAMES).toContain("Max Fiktiv");
    // The scanner itself must be able to fail: it finds the names in the input file.
    expect(namesIn(readFileSync("data/stellen.csv", "utf8")).length).toBeGreaterThan(10);
    const zip = new JSZip();
    zip.file("inner/stellen.json", JSON.stringify({ name: NAMES[0] }));
    const zipPath = join(work, "probe.zip");
    writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect((await texts(zipPath)).flatMap(namesIn)).toEqual([NAMES[0]]);
    const probeDb = join(work, "probe.duckdb");
    const instance = await DuckDBInstance.create(probeDb);
    const conn = await instance.connect();
    await conn.run(`CREATE SCHEMA x; CREATE TABLE x.stellen AS SELECT * FROM read_csv('data/stellen.csv', delim=';', all_varchar=true)`);
    for (let i = 0; i < 6; i++) await conn.run(`CREATE TABLE x.t${i} (v VARCHAR)`);
    conn.closeSync();
    instance.closeSync();
    const found = await namesInDatabase(probeDb, []);
    expect(found.map((f) => f.where)).toContain('wh."x"."stellen".name');
  });

  it("are in no text column of any warehouse table", async () => {
    expect(existsSync(WAREHOUSE)).toBe(true);
    expect(await namesInDatabase(WAREHOUSE, [])).toEqual([]);
  }, 120_000);

  it("are in no exported file (CSV, XLSX, Parquet, manifest) nor the command's output", async () => {
    const all = files(EXPORT);
    expect(all.some((f) => f.endsWith(".csv"))).toBe(true);
    expect(all.some((f) => f.endsWith(".xlsx"))).toBe(true);
    const hits: string[] = [];
    for (const f of all.filter((f) => !f.endsWith(".parquet")))
      for (const t of await texts(f)) for (const n of namesIn(t)) hits.push(`${f}: ${n}`);
    expect(hits).toEqual([]);
    const parquet = all.filter((f) => f.endsWith(".parquet"));
    expect(parquet.length).toBeGreaterThan(0);
    expect(await namesInDatabase(null, parquet)).toEqual([]);
    expect(namesIn(exportOutput)).toEqual([]);
  }, 120_000);

  it("are in no file of the built site", async () => {
    const all = files(SITE_OUT);
    expect(all.filter((f) => f.endsWith(".html")).length).toBeGreaterThanOrEqual(48);
    const hits: string[] = [];
    const before = unpackedParquet.length;
    for (const f of all) for (const t of await texts(f)) for (const n of namesIn(t)) hits.push(`${f}: ${n}`);
    expect(hits).toEqual([]);
    const parquet = [...all.filter((f) => f.endsWith(".parquet")), ...unpackedParquet.slice(before)];
    if (parquet.length) expect(await namesInDatabase(null, parquet)).toEqual([]);
  }, 120_000);
});
