/**
 * Command line for staff: `validate`, `ingest`, `export`.
 *
 *   npm run validate -- DIR
 *   npm run ingest                     (PIK_DATA_DIR, default data/)
 *   npm run export -- --data DIR --out DIR [--allow-rejects]
 *
 * Bad input never produces a stack trace: it is a finding. Exit codes: 0 fine,
 * 1 the input has errors (or the export was refused), 2 wrong usage, an
 * operating-system error (German message: disk full, permission, …), a busy
 * warehouse, or an internal error. A kill signal exits with 128 + its number.
 * Temp files are removed on every exit path (ops/temp.ts).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportPublished } from "../export/published.ts";
import { previousExportFromEnv } from "../pages/daten.ts";
import { buildPublishedTables } from "../tables/index.ts";
import { formatReport } from "./report.ts";
import { warnOnAppropriations } from "../validate/cross-table.ts";
import { createWarehouseSchema, finishValidation, usableTables, validateInput, type ValidationResult } from "../validate/index.ts";
import { dataDirFromEnv, ingest, openWarehouse, readBuildInfo, warehouseFromEnv, type IngestOutcome } from "../warehouse/build.ts";
import { ExportTargetError, checkExportTarget } from "../export/out-folder.ts";
import { ManifestError } from "../warehouse/manifest.ts";
import { SiteOutputError, checkSiteOutput, realish } from "../site/output-folder.ts";
import { defaultSiteOut, prepareStaging, recoverSite, siteStaging, swapInSite } from "../site/staging.ts";
import { SiteReleaseChangedError, followWarehouse, invalidateSiteCache, siteCacheKey } from "../site/cache.ts";
import { finishSite, removeInternalArtifacts } from "../site/finish.ts";
import { softwareVersion } from "../site/release.ts";
import { EDITION_NAMES, EditionError, editionFromEnv } from "../queries/edition.ts";
import { diffExports, formatDiff } from "../diff/index.ts";
import { AnfrageError, anfrageTabelle, parseJahre, parseKreise } from "../anfrage/index.ts";
import { anfrageText, writeAnfrage } from "../anfrage/write.ts";
import { WarehouseLockedError, withWriterLock } from "../warehouse/lock.ts";
import { restoreSidecar } from "../warehouse/sidecar.ts";
import { installExitCleanup, removeStaleReadTemps } from "../ops/temp.ts";
import { describeOsError } from "../ops/os-errors.ts";
import { escapeControl, shownPath } from "../ops/names.ts";

class UsageError extends Error {}

const OPTION_EXAMPLES: Record<string, string> = { data: "ORDNER", out: "ORDNER", jahre: "2018-2020", kreise: "08111,08115", kennzahlen: "bewilligt_eur" };

/** node:util parseArgs reports wrong options in English: say it in German. */
function parseArgsUsage(e: unknown): UsageError | null {
  const err = e as { code?: string; message?: string };
  const option = /'(--?[^' ]+)/.exec(err.message ?? "")?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(err.message ?? "")) return new UsageError(`Die Option ${escapeControl(option)} nimmt keinen Wert.`);
      return new UsageError(
        `Die Option ${escapeControl(option)} braucht einen Wert, z. B. ${escapeControl(option)} ${OPTION_EXAMPLES[option.replace(/^-+/, "")] ?? "WERT"}.`,
      );
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`Unbekannte Option ${escapeControl(option)}.`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError("Zu viele Angaben ohne Option.");
    default:
      return null;
  }
}

/**
 * The build info of the warehouse, restoring a missing or damaged sidecar from the
 * warehouse's `meta.build` first (under the writer lock, as it writes the sidecar).
 */
async function currentBuildInfo(warehouse: string) {
  const before = readBuildInfo(warehouse);
  if (before || !existsSync(warehouse)) return before;
  const result = await withWriterLock(warehouse, () => restoreSidecar(warehouse));
  if (result === "restored") console.log(`Begleitdatei ${shownPath(warehouse + ".json")} aus dem Data Warehouse wiederhergestellt.`);
  return readBuildInfo(warehouse);
}

/** Validation only, in memory: nothing is written. */
export async function validateFolder(dir: string): Promise<ValidationResult> {
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: "3GB" });
  try {
    const conn = await instance.connect();
    await createWarehouseSchema(conn);
    const staging = await validateInput(conn, dir);
    await buildPublishedTables(conn);
    await warnOnAppropriations(conn, usableTables(staging));
    return await finishValidation(staging);
  } finally {
    instance.closeSync();
  }
}

function requireDir(dir: string | undefined, what: string): string {
  if (!dir) throw new UsageError(`${what} fehlt.`);
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${what} ${shownPath(dir)} ist kein Verzeichnis.`);
  return path;
}

function reportIngest(outcome: IngestOutcome, all: boolean): number {
  if (outcome.status === "unchanged") {
    console.log(`Data Warehouse ist aktuell (Release ${outcome.info.releaseId}); Eingabe und Code unverändert.`);
    return 0;
  }
  console.log(formatReport(outcome.validation, all ? Infinity : 50));
  if (outcome.status === "refused" && outcome.emptyTables?.length) {
    const lines = outcome.emptyTables.map((e) => `  ${e.tabelle}: ${e.grund}`).join("\n");
    console.log(
      `\nNichts veröffentlicht: Diese Tabellen hätten keine einzige übernommene Zeile – auch mit --allow-rejects wird so kein Release veröffentlicht:\n${lines}`,
    );
    return 1;
  }
  if (outcome.status === "refused") {
    console.log(
      "\nNichts veröffentlicht: Die Eingabe enthält Fehler. Korrigieren oder mit --allow-rejects nur die übernommenen Zeilen veröffentlichen.",
    );
    return 1;
  }
  console.log(`\nData Warehouse gebaut: Release ${outcome.info.releaseId}, Datenstand ${outcome.info.stand ?? "unbekannt"}.`);
  return 0;
}

/** The site's build steps: a wrong PIK_EDITION stops `npm run build` / `npm start` at its first step. */
const SITE_STEPS = new Set(["ingest", "prepare-site", "finish-site"]);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const edition = SITE_STEPS.has(command ?? "") ? editionFromEnv() : null;
  if (command === "validate" || command === "ingest" || command === "export") removeStaleReadTemps();
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        data: { type: "string" },
        out: { type: "string" },
        "allow-rejects": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        alle: { type: "boolean", default: false },
        kreise: { type: "string" },
        jahre: { type: "string" },
        kennzahlen: { type: "string" },
        foerderbereich: { type: "string" },
      },
    });
  } catch (e) {
    throw parseArgsUsage(e) ?? e;
  }
  const { values, positionals } = parsed;
  switch (command) {
    case "validate": {
      const dir = requireDir(positionals[0] ?? values.data ?? process.env.PIK_DATA_DIR, "Eingabeverzeichnis");
      const result = await validateFolder(dir);
      console.log(formatReport(result, values.alle ? Infinity : 50));
      return result.errors === 0 ? 0 : 1;
    }
    case "ingest": {
      const dataDir = requireDir(values.data ?? positionals[0] ?? dataDirFromEnv(), "Eingabeverzeichnis");
      // A sidecar lost to a kill or a full disk is restored (and said so) before the fingerprints are compared.
      await currentBuildInfo(warehouseFromEnv());
      const outcome = await ingest({
        dataDir,
        warehouse: warehouseFromEnv(),
        allowRejects: values["allow-rejects"],
        force: values.force,
      });
      return reportIngest(outcome, values.alle ?? false);
    }
    case "export": {
      const dataDir = requireDir(values.data ?? dataDirFromEnv(), "Eingabeverzeichnis (--data)");
      if (!values.out) throw new UsageError("Zielverzeichnis (--out) fehlt.");
      // Checked before the ingest: nothing is written when the target would overwrite an input or a user's file.
      try {
        checkExportTarget(values.out, dataDir);
      } catch (e) {
        if (e instanceof ExportTargetError) throw new UsageError(e.message);
        throw e;
      }
      // One writer: the warehouse must not change between the ingest and the export that reads it.
      const warehouse = warehouseFromEnv();
      return withWriterLock(warehouse, async () => {
        await currentBuildInfo(warehouse);
        const outcome = await ingest({
          dataDir,
          warehouse,
          allowRejects: values["allow-rejects"],
          force: values.force,
        });
        const code = reportIngest(outcome, values.alle ?? false);
        if (code !== 0) return code;
        const outDir = resolve(values.out!);
        mkdirSync(outDir, { recursive: true });
        const { instance, connection } = await openWarehouse(warehouse);
        try {
          const written = await exportPublished(connection, outDir);
          for (const w of written) console.log(`${w.table}: ${w.rows} Zeilen → ${w.files.join(", ")}`);
        } finally {
          instance.closeSync();
        }
        return 0;
      });
    }
    case "diff": {
      const oldDir = requireDir(positionals[0], "Alter Exportordner");
      const newDir = requireDir(positionals[1], "Neuer Exportordner");
      console.log(formatDiff(await diffExports(oldDir, newDir)));
      return 0;
    }
    case "anfrage": {
      if (!values.jahre) throw new UsageError("Jahre (--jahre 2018-2020) fehlen.");
      const kennzahlen = (values.kennzahlen ?? "bewilligt_eur,ausgezahlt_eur").split(",").map((k) => k.trim()).filter(Boolean);
      let tabelle;
      try {
        const auswahl = { ...parseKreise(values.kreise), ...parseJahre(values.jahre), kennzahlen, foerderbereich: values.foerderbereich ?? null };
        const info = await currentBuildInfo(warehouseFromEnv());
        if (!info) throw new UsageError("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
        const { instance, connection } = await openWarehouse();
        try {
          tabelle = await anfrageTabelle(connection, auswahl, { synthetisch: info.synthetic, stand: info.stand, release: info.releaseId });
        } finally {
          instance.closeSync();
        }
      } catch (e) {
        if (e instanceof AnfrageError) throw new UsageError(e.message);
        throw e;
      }
      if (values.out) {
        await writeAnfrage(tabelle, resolve(values.out));
        console.log(`Anfrage-Tabelle: ${tabelle.zeilen.length} Zeilen, ${tabelle.spalten.length} Wertspalten → ${values.out}`);
      } else {
        console.log(anfrageText(tabelle));
      }
      return 0;
    }
    case "prepare-site": {
      // The build replaces its output folder: refuse any folder that holds more than an old site.
      checkSiteOutput(defaultSiteOut(), { dataDir: dataDirFromEnv(), warehouse: warehouseFromEnv() });
      const info = await currentBuildInfo(warehouseFromEnv());
      if (!info) throw new UsageError("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
      // The previous release compared on /daten is part of the loader output: its manifest's hash keys the cache.
      let previous: string | null;
      try {
        previous = previousExportFromEnv();
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      // The software version (package version, git commit) is printed in release.json and the footer.
      const { version, commit } = softwareVersion();
      const settings: Record<string, string> = { software: `${version}@${commit}`, ausgabe: edition! };
      if (previous) settings["vorherig"] = createHash("sha256").update(readFileSync(join(previous, "export-manifest.json"))).digest("hex");
      const result = invalidateSiteCache(siteCacheKey(info.releaseId, settings));
      // Framework writes into a staging folder; the previous site stays until finish-site swaps the new one in.
      const recovered = recoverSite();
      if (recovered === "restored") console.log(`Vorherige Website nach abgebrochenem Austausch wiederhergestellt: ${shownPath(realish(defaultSiteOut()))}`);
      prepareStaging();
      const ausgabe = EDITION_NAMES[edition!];
      console.log(
        result === "cleared"
          ? `Seiten-Cache geleert: Daten des Release ${info.releaseId} (${ausgabe}) werden neu geladen.`
          : `Seiten-Cache passt zu Release ${info.releaseId} (${ausgabe}).`,
      );
      return 0;
    }
    case "finish-site": {
      const out = defaultSiteOut();
      checkSiteOutput(out, { dataDir: dataDirFromEnv(), warehouse: warehouseFromEnv() });
      const staging = siteStaging(out);
      // The loaders ran between prepare-site and now: a warehouse changed meanwhile may have mixed two releases.
      followWarehouse(readBuildInfo(warehouseFromEnv())?.releaseId ?? null, "build");
      const pages = finishSite(staging);
      // The staging folder starts empty; kept as a guard should an intern build's files ever reach it.
      for (const f of removeInternalArtifacts(staging, edition!)) console.log(`Entfernt (nur interne Ausgabe): ${f}`);
      const dir = await swapInSite(out);
      console.log(`${pages} HTML-Seiten nachbearbeitet (lang="de", Zoom erlaubt); Website vollständig nach ${shownPath(dir)} übernommen.`);
      return 0;
    }
    default:
      throw new UsageError(`Unbekannter Befehl „${command ?? ""}“. Befehle: validate, ingest, export, diff, anfrage, prepare-site, finish-site.`);
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  installExitCleanup();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
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
    },
  );
}
