/** `npm run ingest` and `npm run export`: build the warehouse (and write the published tables). */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { exportPublished } from "../export/published.ts";
import { ExportTargetError, checkExportTarget } from "../export/out-folder.ts";
import { dataDirFromEnv, ingest, openWarehouse, warehouseFromEnv, type IngestOutcome } from "../warehouse/build.ts";
import { withWriterLock } from "../warehouse/lock.ts";
import { currentBuildInfo } from "./build-info.ts";
import { formatReport } from "./report.ts";
import { UsageError, requireDir, type CommandArgs } from "./usage.ts";

/** Prints the findings and what was (not) published; the exit code follows from the outcome. */
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

export async function ingestCommand({ values, positionals }: CommandArgs): Promise<number> {
  const dataDir = requireDir(values.data ?? positionals[0] ?? dataDirFromEnv(), "Eingabeverzeichnis");
  // A sidecar lost to a kill or a full disk is restored (and said so) before the fingerprints are compared.
  await currentBuildInfo(warehouseFromEnv());
  const outcome = await ingest({
    dataDir,
    warehouse: warehouseFromEnv(),
    allowRejects: values["allow-rejects"],
    force: values.force,
  });
  return reportIngest(outcome, values.alle);
}

export async function exportCommand({ values }: CommandArgs): Promise<number> {
  const dataDir = requireDir(values.data ?? dataDirFromEnv(), "Eingabeverzeichnis (--data)");
  if (!values.out) throw new UsageError("Zielverzeichnis (--out) fehlt.");
  // Checked before the ingest: nothing is written when the target would overwrite an input or a user's file.
  try {
    checkExportTarget(values.out, dataDir);
  } catch (e) {
    if (e instanceof ExportTargetError) throw new UsageError(e.message);
    throw e;
  }
  const outDir = resolve(values.out);
  // One writer: the warehouse must not change between the ingest and the export that reads it.
  const warehouse = warehouseFromEnv();
  return withWriterLock(warehouse, async () => {
    await currentBuildInfo(warehouse);
    const outcome = await ingest({ dataDir, warehouse, allowRejects: values["allow-rejects"], force: values.force });
    const code = reportIngest(outcome, values.alle);
    if (code !== 0) return code;
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
