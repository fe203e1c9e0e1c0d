/**
 * Command line for staff: one module per command, dispatched here.
 *
 *   npm run validate -- DIR
 *   npm run ingest                     (PIK_DATA_DIR, default data/)
 *   npm run export -- --data DIR --out DIR [--allow-rejects]
 *   npm run diff -- ALT NEU
 *   npm run anfrage -- --jahre 2018-2020 [--kreise … | --gemeinden …] [--out DATEI]
 *   prepare-site / finish-site         (steps of npm run build / npm start)
 *
 * Bad input never produces a stack trace: it is a finding. Exit codes: 0 fine,
 * 1 the input has errors (or the export was refused), 2 wrong usage, an
 * operating-system error (German message: disk full, permission, …), a busy
 * warehouse, or an internal error. A kill signal exits with 128 + its number.
 * Temp files are removed on every exit path (ops/temp.ts).
 */
import { resolve } from "node:path";
import { describeOsError } from "../ops/os-errors.ts";
import { escapeControl } from "../ops/names.ts";
import { installExitCleanup, removeStaleReadTemps } from "../ops/temp.ts";
import { EditionError, editionFromEnv } from "../queries/edition.ts";
import { SiteReleaseChangedError } from "../site/cache.ts";
import { SiteOutputError } from "../site/output-folder.ts";
import { WarehouseLockedError } from "../warehouse/lock.ts";
import { ManifestError } from "../warehouse/manifest.ts";
import { anfrageCommand } from "./anfrage.ts";
import { diffCommand } from "./diff.ts";
import { exportCommand, ingestCommand } from "./ingest.ts";
import { finishSiteCommand, prepareSiteCommand } from "./site.ts";
import { UsageError, parseCommandArgs, type CommandArgs } from "./usage.ts";
import { validateCommand } from "./validate.ts";

export { validateFolder } from "./validate.ts";

/** The site's build steps: a wrong PIK_EDITION stops `npm run build` / `npm start` at its first step. */
const SITE_STEPS = new Set(["ingest", "prepare-site", "finish-site"]);
/** Commands that read input files: temp copies left by a killed earlier run are removed first. */
const READS_INPUT = new Set(["validate", "ingest", "export"]);

const COMMANDS: Record<string, (args: CommandArgs) => Promise<number>> = {
  validate: validateCommand,
  ingest: ingestCommand,
  export: exportCommand,
  diff: diffCommand,
  anfrage: anfrageCommand,
  "prepare-site": () => prepareSiteCommand(editionFromEnv()),
  "finish-site": () => finishSiteCommand(editionFromEnv()),
};

export async function main(argv: string[]): Promise<number> {
  const [command = "", ...rest] = argv;
  if (SITE_STEPS.has(command)) editionFromEnv();
  if (READS_INPUT.has(command)) removeStaleReadTemps();
  const args = parseCommandArgs(rest);
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(`Unbekannter Befehl „${command}“. Befehle: ${Object.keys(COMMANDS).join(", ")}.`);
  return run(args);
}

/** Known failures say what is wrong in German (exit 2); anything else is an internal error to report. */
function exitOnError(e: unknown): never {
  if (
    e instanceof EditionError || e instanceof ManifestError || e instanceof SiteOutputError || e instanceof WarehouseLockedError ||
    e instanceof SiteReleaseChangedError
  ) {
    console.error(`Fehler: ${escapeControl(e.message)}`);
    process.exit(2);
  }
  if (e instanceof UsageError) {
    console.error(`Aufruf: ${escapeControl(e.message)}`);
    process.exit(2);
  }
  const os = describeOsError(e);
  if (os) {
    console.error(`Fehler: ${os}`);
    if (process.env.PIK_DEBUG) console.error(e);
    process.exit(2);
  }
  console.error(`Interner Fehler (bitte melden): ${escapeControl((e as Error).message)}`);
  if (process.env.PIK_DEBUG) console.error(e);
  process.exit(2);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  installExitCleanup();
  main(process.argv.slice(2)).then((code) => process.exit(code), exitOnError);
}
