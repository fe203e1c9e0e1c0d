/**
 * A changed list of Förderbereiche never leaves stale output: adding the input
 * table `foerderbereiche` is a new release (warehouse rebuilt, `ref.foerderbereiche`
 * holds the new area) and so a new site cache key.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { siteCacheKey } from "../../loaders/site/cache.ts";
import { ingest } from "../../loaders/warehouse/build.ts";
import { csv, removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function areas(warehouse: string): Promise<string[][]> {
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll("SELECT foerderbereich, name, quelle FROM ref.foerderbereiche ORDER BY reihenfolge")).getRows();
  conn.closeSync();
  db.closeSync();
  return rows.map((r) => r.map(String));
}

describe("a new list of Förderbereiche", () => {
  it("rebuilds the warehouse with the new area and changes the site cache key", async () => {
    const dir = validFolder();
    dirs.push(dir);
    const warehouse = join(dir, "wh", "pik.duckdb");
    const first = await ingest({ dataDir: dir, warehouse });
    expect(first.status).toBe("built");
    expect((await areas(warehouse)).length).toBe(8);

    writeFileSync(
      join(dir, "foerderbereiche.csv"),
      csv([
        ["foerderbereich", "name", "kurzname", "ab_jahr", "bis_jahr"],
        ["integrationsmanagement", "Integrationsmanagement", "", "2017", ""],
        ["spracherwerb", "Spracherwerb", "", "2017", ""],
        ["wohnraum", "Wohnraum für Geflüchtete", "Wohnraum", "2018", ""],
      ]),
    );
    const second = await ingest({ dataDir: dir, warehouse });
    expect(second.status).toBe("built");
    expect(await areas(warehouse)).toEqual([
      ["integrationsmanagement", "Integrationsmanagement", "Eingabetabelle foerderbereiche"],
      ["spracherwerb", "Spracherwerb", "Eingabetabelle foerderbereiche"],
      ["wohnraum", "Wohnraum für Geflüchtete", "Eingabetabelle foerderbereiche"],
    ]);
    const r1 = first.status === "built" ? first.info.releaseId : "";
    const r2 = second.status === "built" ? second.info.releaseId : "";
    expect(r2).not.toBe(r1);
    expect(siteCacheKey(r2)).not.toBe(siteCacheKey(r1));
  });
});
