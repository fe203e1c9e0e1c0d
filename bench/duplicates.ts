/**
 * Duplicate keys (issue 12, item 9): before, 20,000 payments with one
 * zahlung_id (a 1 MB file) took 40 s and 3.8 GB, ran out of memory and left
 * 1.7 GB of DuckDB spill files in `./.tmp`, because every row's finding listed
 * every line of its key. Times `validate` on the small valid folder of the tests
 * plus N payments with the same zahlung_id, each run in a fresh process (so its
 * peak memory is its own) whose working directory is a fresh folder (so spill
 * files DuckDB leaves in `./.tmp` are found and counted).
 *
 *   tsx bench/duplicates.ts                 20,000 and 200,000 keys, 3 runs each
 *   tsx bench/duplicates.ts run DIR         one run (internal): prints one JSON line
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./stats.ts";

export interface DuplicatesResult {
  /** Rows with the same zahlung_id. */
  keys: number;
  /** Median of the runs. */
  ms: number;
  /** Highest peak resident memory of the runs, in MB. */
  peakRssMb: number;
  /** Bytes left in `./.tmp` by the runs (DuckDB spill files). */
  spillBytes: number;
  /** Every row of the key rejected, the key reported once. */
  correct: boolean;
  runs: number[];
}

interface RunOutput {
  ms: number;
  peakRssMb: number;
  rejected: number;
  keyFindings: number;
  followOns: number;
}

/** The valid test folder plus `keys - 1` copies of its first payment (Z-1). */
async function writeFolderWithDuplicates(keys: number): Promise<string> {
  const { validFolder } = await import("../test/helpers/folder.ts");
  return validFolder((t) => {
    const first = t.auszahlungen[1]!;
    for (let i = 1; i < keys; i++) t.auszahlungen.push([...first]);
  });
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);

export async function benchDuplicates(counts: readonly number[] = [20_000, 200_000], repeat = 3): Promise<DuplicatesResult[]> {
  const out: DuplicatesResult[] = [];
  const self = fileURLToPath(import.meta.url);
  const tsx = import.meta.resolve("tsx");
  for (const keys of counts) {
    const data = await writeFolderWithDuplicates(keys);
    const runs: RunOutput[] = [];
    let spillBytes = 0;
    try {
      for (let i = 0; i < repeat; i++) {
        const cwd = mkdtempSync(join(tmpdir(), "pik-bench-dup-"));
        try {
          const r = spawnSync(process.execPath, ["--import", tsx, self, "run", data], { cwd, encoding: "utf8" });
          if (r.status !== 0) throw new Error(`Lauf mit ${keys} Schlüsseln fehlgeschlagen: ${r.stderr.slice(-2000)}`);
          runs.push(JSON.parse(r.stdout.trim().split("\n").at(-1)!) as RunOutput);
          spillBytes += sizeOf(cwd);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
    out.push({
      keys,
      ms: Math.round(median(runs.map((r) => r.ms))),
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      spillBytes,
      correct: runs.every((r) => r.rejected === keys && r.keyFindings === 1 && r.followOns === keys - 1),
      runs: runs.map((r) => r.ms),
    });
  }
  return out;
}

/** One run: validate the folder, in this process. */
async function runOnce(dir: string): Promise<RunOutput> {
  const { validateFolder } = await import("../loaders/cli/main.ts");
  const t0 = performance.now();
  const r = await validateFolder(dir);
  const ms = performance.now() - t0;
  return {
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rejected: r.files.find((f) => f.tabelle === "auszahlungen")?.abgelehnt ?? 0,
    keyFindings: r.findings.filter((f) => f.regel === "schluessel_doppelt").length,
    followOns: r.findings.filter((f) => f.regel === "folge_schluessel_doppelt").length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === "run") {
    console.log(JSON.stringify(await runOnce(process.argv[3]!)));
  } else {
    for (const r of await benchDuplicates())
      console.log(`${r.keys} gleiche Schlüssel: ${(r.ms / 1000).toFixed(1)} s (Median), Spitzenspeicher ${r.peakRssMb} MB, Auslagerung ${r.spillBytes} B${r.correct ? "" : " (FALSCH)"}`);
  }
}
