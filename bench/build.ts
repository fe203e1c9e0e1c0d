/**
 * Build benchmark: `npm run build` end to end in a fresh copy of the project
 * (git-tracked files, node_modules linked), cold (no warehouse, no Framework
 * cache, no output), on the sample data and on 10× the sample data; then a
 * rebuild after one input file changed. Framework's log tells how many loader
 * processes ran, which proves the 44 Kreis pages cost one.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loaderRuns, median } from "./stats.ts";

export interface BuildRun {
  ms: number;
  /** From output timestamps: ingest + prepare-site, Framework's build, finish-site. */
  phases: { ingest_ms: number; framework_ms: number; finish_ms: number };
  loaderProcesses: number;
  loaderRuns: Record<string, number>;
}

/** A fresh copy of the project's tracked files; node_modules is a link, so Framework resolves packages as in the project. */
export function copyProject(): string {
  const root = resolve(".");
  const dir = mkdtempSync(join(tmpdir(), "pik-bench-"));
  const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Removes everything a build leaves behind: warehouse, Framework's cache, output. */
export function makeCold(dir: string): void {
  for (const p of ["warehouse", "src/.observablehq/cache", "dist"]) rmSync(join(dir, p), { recursive: true, force: true });
}

/** Loader outputs as Framework logs them: src/data/mittel.json.ts → /data/mittel.json. */
function loaderOutputs(dir: string): string[] {
  return readdirSync(join(dir, "src/data"))
    .filter((f) => /\.(ts|js|py|sh)$/.test(f))
    .map((f) => `/data/${f.replace(/\.(ts|js|py|sh)$/, "")}`);
}

/** One `npm run build` in dir; every output line is timestamped to find the phases. */
export function runBuild(dir: string, env: Record<string, string> = {}): Promise<BuildRun & { log: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PIK_")));
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const lines: { t: number; line: string }[] = [];
    const child = spawn("npm", ["run", "--silent", "build"], {
      cwd: dir,
      env: { ...clean, ...env, OBSERVABLE_TELEMETRY_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let rest = "";
    const onData = (chunk: Buffer) => {
      const t = performance.now() - started;
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop()!;
      for (const line of parts) lines.push({ t, line });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (rest) lines.push({ t: ms, line: rest });
      const log = lines.map((l) => l.line).join("\n");
      if (code !== 0) return reject(new Error(`npm run build in ${dir}: exit ${code}\n${log.slice(-3000)}`));
      const at = (re: RegExp) => lines.find((l) => re.test(l.line))?.t ?? NaN;
      const frameworkStart = at(/^Seiten-Cache/);
      const frameworkEnd = at(/links validated|^\d+ HTML-Seiten in /);
      const runs = loaderRuns(log, loaderOutputs(dir));
      resolvePromise({
        ms: Math.round(ms),
        phases: {
          ingest_ms: Math.round(frameworkStart),
          framework_ms: Math.round(frameworkEnd - frameworkStart),
          finish_ms: Math.round(ms - frameworkEnd),
        },
        loaderProcesses: Object.values(runs).reduce((a, b) => a + b, 0),
        loaderRuns: runs,
        log,
      });
    });
  });
}

/** One run of the Kreisprofile loader on its own (a process, as Framework starts it), in ms. */
function timeLoader(dir: string): number {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PIK_")));
  const started = performance.now();
  execFileSync(join(dir, "node_modules/.bin/tsx"), ["src/data/kreisprofile.zip.ts"], { cwd: dir, env: clean, stdio: ["ignore", "ignore", "ignore"] });
  return Math.round(performance.now() - started);
}

export interface BuildResults {
  repeat: number;
  cold_sample_ms: number;
  cold_sample_runs_ms: number[];
  cold_sample_phases: BuildRun["phases"];
  cold_10x_ms: number | null;
  cold_10x_phases: BuildRun["phases"] | null;
  rebuild_one_file_ms: number;
  rebuild_phases: BuildRun["phases"];
  loader_processes_cold: number;
  loader_processes_rebuild: number;
  kreis_pages: number;
  kreisprofile_loader_runs: number;
  kreisprofile_loader_ms: number;
  alternative_44_loaders_ms_estimate: number;
}

export async function benchBuild(opts: { repeat: number; tenfold: boolean; log: (s: string) => void }): Promise<{ results: BuildResults; siteDir: string; cleanup: () => void }> {
  const dir = copyProject();
  const { log } = opts;
  log(`  Projektkopie: ${dir}`);
  const cold: (BuildRun & { log: string })[] = [];
  for (let i = 0; i < opts.repeat; i++) {
    makeCold(dir);
    cold.push(await runBuild(dir));
    log(`  kalter Build ${i + 1}/${opts.repeat}: ${cold.at(-1)!.ms} ms, ${cold.at(-1)!.loaderProcesses} Loader-Prozesse`);
  }
  const last = cold.at(-1)!;
  const kreisPages = readdirSync(join(dir, "dist/kreise")).filter((f) => f.endsWith(".html")).length;

  const loaderMs = median([timeLoader(dir), timeLoader(dir), timeLoader(dir)]);
  log(`  Kreisprofile-Loader allein: ${loaderMs} ms (Median von 3)`);

  // Rebuild: Stuttgart's refugee count of 15.09.2024 changes, nothing else. Output to
  // another folder, so dist/ stays the cold build of the unchanged sample for the browser parts.
  const file = join(dir, "data/gefluechtete_au.csv");
  const before = readFileSync(file, "utf8");
  const after = before.replace("08111,2024-09-15,10790", "08111,2024-09-15,12345");
  if (after === before) throw new Error("Zeile 08111,2024-09-15,10790 fehlt in data/gefluechtete_au.csv");
  writeFileSync(file, after);
  const rebuild = await runBuild(dir, { PIK_SITE_OUT: join(dir, "dist-rebuild") });
  log(`  Rebuild nach geänderter Datei: ${rebuild.ms} ms, ${rebuild.loaderProcesses} Loader-Prozesse`);
  writeFileSync(file, before);

  let tenfold: BuildRun | null = null;
  if (opts.tenfold) {
    const data10 = join(dir, "data-10x");
    execFileSync(join(dir, "node_modules/.bin/tsx"), ["loaders/sample-data/cli.ts", "--scale", "10", "--out", data10], { cwd: dir, stdio: "ignore" });
    rmSync(join(dir, "src/.observablehq/cache"), { recursive: true, force: true });
    tenfold = await runBuild(dir, { PIK_DATA_DIR: data10, PIK_WAREHOUSE: join(dir, "warehouse-10x/pik.duckdb"), PIK_SITE_OUT: join(dir, "dist-10x") });
    log(`  kalter Build 10× Beispieldaten: ${tenfold.ms} ms`);
  }

  const coldMs = cold.map((r) => r.ms);
  return {
    results: {
      repeat: opts.repeat,
      cold_sample_ms: median(coldMs),
      cold_sample_runs_ms: coldMs,
      cold_sample_phases: last.phases,
      cold_10x_ms: tenfold?.ms ?? null,
      cold_10x_phases: tenfold?.phases ?? null,
      rebuild_one_file_ms: rebuild.ms,
      rebuild_phases: rebuild.phases,
      loader_processes_cold: last.loaderProcesses,
      loader_processes_rebuild: rebuild.loaderProcesses,
      kreis_pages: kreisPages,
      kreisprofile_loader_runs: last.loaderRuns["/data/kreisprofile.zip"] ?? 0,
      kreisprofile_loader_ms: loaderMs,
      alternative_44_loaders_ms_estimate: loaderMs * kreisPages,
    },
    siteDir: join(dir, "dist"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
