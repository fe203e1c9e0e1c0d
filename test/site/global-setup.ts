/**
 * Builds the site once for the browser tests: sample data → warehouse → static
 * build in a test folder. The tests then serve that folder on 127.0.0.1.
 *
 * Where it can (root with util-linux `unshare`, as on CI), the build runs in a
 * network namespace with no network at all, so every test run proves the site
 * builds without a CDN or registry, as it must in a closed ministry network.
 *
 * The build compares against a "previous release" (PIK_PREVIOUS_EXPORT): the
 * export of a copy of the sample data with one known change, so /daten must
 * list exactly that change.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

export const SITE_OUT = resolve(process.env.PIK_SITE_OUT ?? ".cache/site");
export const PREVIOUS_EXPORT = resolve(".cache/previous-export");
/** The previous release's one difference: this appropriation (Ansatz) was 1,000,000 € lower. */
export const PREVIOUS_CHANGE = { jahr: 2019, foerderbereich: "integrationsmanagement", ansatzDelta: -1_000_000 } as const;

async function writePreviousExport(): Promise<void> {
  const data = resolve(".cache/previous-data");
  rmSync(data, { recursive: true, force: true });
  rmSync(PREVIOUS_EXPORT, { recursive: true, force: true });
  cpSync("data", data, { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(data, "haushalt.xlsx"));
  let changed = 0;
  wb.worksheets[0]!.eachRow((row) => {
    if (row.getCell(1).value === PREVIOUS_CHANGE.jahr && row.getCell(2).value === PREVIOUS_CHANGE.foerderbereich) {
      row.getCell(3).value = Number(row.getCell(3).value) + PREVIOUS_CHANGE.ansatzDelta;
      changed++;
    }
  });
  if (changed !== 1) throw new Error(`haushalt.xlsx: ${changed} Zeilen für ${JSON.stringify(PREVIOUS_CHANGE)}`);
  await wb.xlsx.writeFile(join(data, "haushalt.xlsx"));
  execFileSync("npx", ["tsx", "loaders/cli/main.ts", "export", "--data", data, "--out", PREVIOUS_EXPORT], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PIK_WAREHOUSE: resolve(".cache/previous-warehouse/pik.duckdb") },
    timeout: 300_000,
  });
}

function canIsolateNetwork(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("unshare", ["-n", "true"]).status === 0;
}

export default async function setup(): Promise<void> {
  if (process.env.PIK_SKIP_SITE_BUILD) return;
  await writePreviousExport();
  // Framework refuses to overwrite an output folder outside the project: start empty.
  rmSync(SITE_OUT, { recursive: true, force: true });
  mkdirSync(SITE_OUT, { recursive: true });
  const isolated = canIsolateNetwork();
  if (!isolated) console.warn("Hinweis: Site-Build ohne Netzwerk-Isolation (kein root/unshare).");
  const [command, args] = isolated ? ["unshare", ["-n", "npm", "run", "--silent", "build"]] : ["npm", ["run", "--silent", "build"]];
  execFileSync(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PIK_SITE_OUT: SITE_OUT, PIK_PREVIOUS_EXPORT: PREVIOUS_EXPORT, OBSERVABLE_TELEMETRY_DISABLE: "1" },
    timeout: 600_000,
  });
}
