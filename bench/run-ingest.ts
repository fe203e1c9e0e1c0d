/**
 * One timed ingest in a fresh process (so peak memory is this run's alone):
 *
 *   tsx bench/run-ingest.ts ours DATA_DIR WAREHOUSE      our read + validate + load
 *   tsx bench/run-ingest.ts duckdb CSV_FILE WAREHOUSE    DuckDB's read_csv into a table
 *
 * Prints one JSON line: {"ms": …, "peakRssMb": …, "rows": …}.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { rmSync } from "node:fs";
import { ingest } from "../loaders/warehouse/build.ts";

const [mode, input, warehouse] = process.argv.slice(2);
if (!mode || !input || !warehouse) throw new Error("usage: run-ingest.ts ours|duckdb INPUT WAREHOUSE");
rmSync(warehouse, { force: true });
rmSync(`${warehouse}.json`, { force: true });

const started = performance.now();
let rows = 0;
if (mode === "ours") {
  const outcome = await ingest({ dataDir: input, warehouse, force: true });
  if (outcome.status !== "built") throw new Error(`ingest ${outcome.status}`);
  rows = outcome.validation.files.find((f) => f.tabelle === "auszahlungen")?.akzeptiert ?? 0;
} else {
  const instance = await DuckDBInstance.create(warehouse, { memory_limit: "3GB" });
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE auszahlungen AS SELECT * FROM read_csv('${input.replaceAll("'", "''")}')`);
  await conn.run("CHECKPOINT");
  rows = Number((await conn.runAndReadAll("SELECT count(*) FROM auszahlungen")).getRows()[0]![0]);
  conn.closeSync();
  instance.closeSync();
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows }));
