/**
 * Ingest benchmark: our read + validate + load of a payments file against
 * DuckDB alone loading the same CSV with read_csv, at 1 M and 10 M rows, in
 * the same run and on the same files. Each measurement runs in its own
 * process; runs alternate (ours, DuckDB, ours, …) so that caches and load
 * affect both alike; medians are reported.
 *
 *   npm run bench:ingest [-- --sizes 1000000,10000000 --repeat 3]
 *
 * Writes bench/results.json (key ingest_ratio_10m and the figures behind it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBenchmarkPayments } from "../loaders/sample-data/benchmark.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000000,10000000" },
    repeat: { type: "string", default: "3" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const repeat = Number(values.repeat);
const benchDir = resolve("bench/data");
mkdirSync(benchDir, { recursive: true });

interface Run {
  ms: number;
  peakRssMb: number;
  rows: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function runOnce(mode: "ours" | "duckdb", input: string): Run {
  const warehouse = join(benchDir, `bench-${mode}.duckdb`);
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/run-ingest.ts", mode, input, warehouse], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  });
  rmSync(warehouse, { force: true });
  rmSync(`${warehouse}.json`, { force: true });
  const line = out.trim().split("\n").pop()!;
  return JSON.parse(line) as Run;
}

const results: Record<string, unknown> = {};
const resultsPath = resolve("bench/results.json");
const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>) : {};

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);
console.log(`Ingest-Benchmark: ${cpus().length} Kerne, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const n of sizes) {
  const dir = join(benchDir, `zahlungen-${label(n)}`);
  const marker = join(dir, ".complete");
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    console.log(`Erzeuge ${n.toLocaleString("de-DE")} Zahlungszeilen in ${dir} …`);
    await writeBenchmarkPayments(dir, n);
    writeFileSync(marker, "");
  }
  const csvFile = join(dir, "auszahlungen.csv");
  const ours: Run[] = [];
  const duck: Run[] = [];
  for (let i = 0; i < repeat; i++) {
    ours.push(runOnce("ours", dir));
    duck.push(runOnce("duckdb", csvFile));
    console.log(`  ${label(n)} Lauf ${i + 1}: unser Ingest ${ours.at(-1)!.ms} ms, DuckDB read_csv ${duck.at(-1)!.ms} ms`);
  }
  if (ours.some((r) => r.rows !== n) || duck.some((r) => r.rows !== n))
    throw new Error(`Zeilenzahl stimmt nicht: erwartet ${n}, ours ${ours.map((r) => r.rows)}, duckdb ${duck.map((r) => r.rows)}`);
  const oursMs = median(ours.map((r) => r.ms));
  const duckMs = median(duck.map((r) => r.ms));
  const ratio = Math.round((oursMs / duckMs) * 100) / 100;
  const peak = Math.max(...ours.map((r) => r.peakRssMb));
  results[`ingest_ours_ms_${label(n)}`] = oursMs;
  results[`ingest_duckdb_ms_${label(n)}`] = duckMs;
  results[`ingest_ratio_${label(n)}`] = ratio;
  results[`ingest_peak_rss_mb_${label(n)}`] = peak;
  results[`ingest_duckdb_peak_rss_mb_${label(n)}`] = Math.max(...duck.map((r) => r.peakRssMb));
  console.log(
    `${label(n)}: unser Ingest ${oursMs} ms (Median), DuckDB read_csv ${duckMs} ms (Median), Verhältnis ${ratio}, Spitzenspeicher ${peak} MB`,
  );
}

const merged = {
  ...previous,
  ...results,
  ingest_machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  ingest_date: new Date().toISOString(),
  ingest_repeat: repeat,
};
writeFileSync(resultsPath, JSON.stringify(merged, null, 2) + "\n");
console.log(`→ ${resultsPath}`);

// The README quotes the latest figures: rewrite its table between the markers.
const fmt = (ms: unknown) => `${(Number(ms) / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} s`;
const table = [
  "| rows | our ingest | DuckDB `read_csv` | ratio | our peak memory |",
  "| --- | --- | --- | --- | --- |",
  // Every size measured so far (a --quick run of npm run bench measures 1 M only and keeps the 10 M figures).
  ...[1_000_000, 10_000_000, ...sizes].filter((n, i, a) => a.indexOf(n) === i && (merged as Record<string, unknown>)[`ingest_ratio_${label(n)}`] != null).sort((a, b) => a - b).map((n) => {
    const l = label(n);
    const m = merged as Record<string, unknown>;
    return `| ${n.toLocaleString("en-US")} | ${fmt(m[`ingest_ours_ms_${l}`])} | ${fmt(m[`ingest_duckdb_ms_${l}`])} | ${m[`ingest_ratio_${l}`]} | ${m[`ingest_peak_rss_mb_${l}`]} MB |`;
  }),
  "",
  `Measured ${merged.ingest_date.slice(0, 10)} on ${merged.ingest_machine.cpus} cores (${merged.ingest_machine.cpu}), ${merged.ingest_machine.memory_gib} GiB, Node ${merged.ingest_machine.node}; medians of ${repeat} runs.`,
].join("\n");
const readme = readFileSync("README.md", "utf8");
writeFileSync("README.md", readme.replace(/<!-- bench -->[\s\S]*?<!-- \/bench -->/, `<!-- bench -->\n${table}\n<!-- /bench -->`));
