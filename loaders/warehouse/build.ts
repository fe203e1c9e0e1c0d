/**
 * Builds the DuckDB warehouse from an input folder.
 *
 * The new warehouse is written to a temporary file next to the old one and
 * renamed over it only when the build succeeded (rename is atomic), so a failed
 * ingest leaves the previous warehouse intact and readers never see half a file.
 * A sidecar JSON keeps the fingerprints that decide whether a rebuild is due; it
 * is written after the rename and stamped with the file it describes (sidecar.ts).
 * One writer at a time: the whole ingest holds the warehouse's lock (lock.ts).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname } from "node:path";
import { buildPublishedTables } from "../tables/index.ts";
import { INPUT_TABLES } from "../schema/input-tables.ts";
import { warnOnAppropriations } from "../validate/cross-table.ts";
import { createWarehouseSchema, finishValidation, usableTables, validateInput, type ValidationResult } from "../validate/index.ts";
import { fingerprintCode, fingerprintInput } from "./fingerprint.ts";
import { readManifest } from "./manifest.ts";
import { readBuildInfo, type BuildInfo } from "./open.ts";
import { withWriterLock } from "./lock.ts";
import { buildRows, restoreSidecar, writeSidecar } from "./sidecar.ts";
import { registerTemp, releaseTemp, removeStaleIn } from "../ops/temp.ts";
import { killPoint } from "../ops/kill-point.ts";

// Reading the warehouse lives in open.ts (light imports, for the data loaders); re-exported for callers of the build.
export { DEFAULT_DATA_DIR, DEFAULT_WAREHOUSE, dataDirFromEnv, openWarehouse, readBuildInfo, sidecarPath, warehouseFromEnv, type BuildInfo } from "./open.ts";

export interface IngestOptions {
  dataDir: string;
  warehouse: string;
  /** Publish the accepted rows even when rows were rejected. */
  allowRejects?: boolean;
  /** Rebuild even when the fingerprints are unchanged. */
  force?: boolean;
  /** DuckDB memory limit, e.g. '3GB'. */
  memoryLimit?: string;
}

export type IngestOutcome =
  | { status: "unchanged"; info: BuildInfo }
  | { status: "built"; info: BuildInfo; validation: ValidationResult }
  | { status: "refused"; validation: ValidationResult; emptyTables?: EmptyTable[] };

/** A required table with no accepted row, and why (German, for users). */
export interface EmptyTable {
  tabelle: string;
  grund: string;
}

/**
 * Required tables that would be published without a single row: `--allow-rejects`
 * publishes the accepted rows of a file, never a release in which a table lost
 * its whole file (a folder of unreadable files would otherwise give an empty release).
 */
export function emptyRequiredTables(validation: ValidationResult): EmptyTable[] {
  const out: EmptyTable[] = [];
  for (const t of INPUT_TABLES) {
    if (t.optional) continue;
    const file = validation.files.find((f) => f.tabelle === t.name);
    if (file && file.akzeptiert > 0) continue;
    let grund: string;
    if (!file) grund = "Datei fehlt";
    else {
      const cause = validation.findings.find((f) => f.datei === file.datei && f.zeile === null && f.schwere === "fehler");
      grund = cause
        ? cause.meldung
        : file.gelesen === 0
          ? `${file.datei} enthält keine Datenzeilen`
          : `alle ${file.gelesen} Zeilen von ${file.datei} abgelehnt`;
    }
    out.push({ tabelle: t.name, grund });
  }
  return out;
}

/**
 * Leftovers of a killed ingest next to the warehouse (`pik.duckdb.tmp-PID`, its `.wal`,
 * `pik.duckdb.json.tmp-PID`) whose process no longer runs. Returns the removed names.
 */
export function removeStaleWarehouseTemps(warehouse: string): string[] {
  const base = basename(warehouse).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return removeStaleIn(dirname(warehouse), new RegExp(`^${base}(?:\\.json)?\\.tmp-(\\d+)(?:\\.wal)?$`));
}

export async function ingest(opts: IngestOptions): Promise<IngestOutcome> {
  // Checked first: an unusable manifest refuses the ingest before any temporary file exists.
  const manifest = readManifest(opts.dataDir);
  mkdirSync(dirname(opts.warehouse), { recursive: true });
  return withWriterLock(opts.warehouse, () => ingestLocked(opts, manifest));
}

async function ingestLocked(opts: IngestOptions, manifest: ReturnType<typeof readManifest>): Promise<IngestOutcome> {
  removeStaleWarehouseTemps(opts.warehouse);
  await restoreSidecar(opts.warehouse);
  const input = await fingerprintInput(opts.dataDir);
  const codeHash = fingerprintCode();
  const previous = readBuildInfo(opts.warehouse);
  if (!opts.force && previous && previous.inputHash === input.hash && previous.codeHash === codeHash)
    return { status: "unchanged", info: previous };

  const tmp = registerTemp(`${opts.warehouse}.tmp-${process.pid}`);
  registerTemp(`${tmp}.wal`);
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const instance = await DuckDBInstance.create(tmp, {
    memory_limit: opts.memoryLimit ?? "3GB",
    preserve_insertion_order: "true",
  });
  let validation: ValidationResult;
  try {
    const conn = await instance.connect();
    await createWarehouseSchema(conn);
    const staging = await validateInput(conn, opts.dataDir);
    await buildPublishedTables(conn);
    await warnOnAppropriations(conn, usableTables(staging));
    validation = await finishValidation(staging);
    // The Prüfbericht is a published table: rebuild it now that all findings are in.
    await buildPublishedTables(conn, ["pruefbericht"]);
    const stand = manifest.stand ?? (await dataStand(conn));
    const info: BuildInfo = {
      inputHash: input.hash,
      codeHash,
      releaseId: input.hash.slice(0, 6) + codeHash.slice(0, 6),
      builtAt: new Date().toISOString(),
      dataDir: opts.dataDir,
      files: input.files,
      synthetic: manifest.synthetisch === true,
      stand,
      errors: validation.errors,
      warnings: validation.warnings,
    };
    // Everything the sidecar says, so a lost or damaged sidecar can be restored from here.
    await conn.run(`CREATE TABLE meta.build AS SELECT * FROM (VALUES ${buildRows(info)
      .map(([k, v]) => `('${k}', '${v.replaceAll("'", "''")}')`)
      .join(", ")}) t(schluessel, wert)`);
    await conn.run("CHECKPOINT");
    conn.closeSync();
    instance.closeSync();
    const emptyTables = validation.errors > 0 ? emptyRequiredTables(validation) : [];
    if (validation.errors > 0 && (!opts.allowRejects || emptyTables.length > 0)) {
      rmSync(tmp, { force: true });
      return { status: "refused", validation, ...(emptyTables.length ? { emptyTables } : {}) };
    }
    await killPoint("warehouse-built");
    renameSync(tmp, opts.warehouse);
    releaseTemp(tmp);
    rmSync(`${opts.warehouse}.wal`, { force: true });
    // A kill here leaves warehouse B with sidecar A: its stamp no longer matches, readers ignore it, the next command restores it.
    await killPoint("warehouse-renamed");
    return { status: "built", info: writeSidecar(opts.warehouse, info), validation };
  } catch (e) {
    try {
      instance.closeSync();
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw e;
  }
}

/** The latest date in the data, when no manifest names the Stand. */
async function dataStand(conn: import("@duckdb/node-api").DuckDBConnection): Promise<string | null> {
  const r = await conn.runAndReadAll(`SELECT CAST(greatest(
      (SELECT max(buchungsdatum) FROM eingang.auszahlungen),
      (SELECT max(bescheid_datum) FROM eingang.bewilligungen),
      (SELECT max(stichtag) FROM eingang.stellen)) AS VARCHAR)`);
  return (r.getRows()[0]?.[0] as string | null) ?? null;
}

