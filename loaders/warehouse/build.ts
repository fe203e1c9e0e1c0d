/**
 * Builds the DuckDB warehouse from an input folder.
 *
 * The new warehouse is written to a temporary file next to the old one and
 * renamed over it only when the build succeeded (rename is atomic), so a failed
 * ingest leaves the previous warehouse intact and readers never see half a file.
 * A sidecar JSON keeps the fingerprints that decide whether a rebuild is due.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildPublishedTables } from "../queries/published.ts";
import { INPUT_TABLES } from "../schema/input-tables.ts";
import { warnOnAppropriations } from "../validate/cross-table.ts";
import { createWarehouseSchema, finishValidation, usableTables, validateInput, type ValidationResult } from "../validate/index.ts";
import { fingerprintCode, fingerprintInput } from "./fingerprint.ts";
import { readManifest } from "./manifest.ts";
import { readBuildInfo, sidecarPath, warehouseFromEnv, type BuildInfo } from "./open.ts";

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

export async function ingest(opts: IngestOptions): Promise<IngestOutcome> {
  // Checked first: an unusable manifest refuses the ingest before any temporary file exists.
  const manifest = readManifest(opts.dataDir);
  const input = await fingerprintInput(opts.dataDir);
  const codeHash = fingerprintCode();
  const previous = readBuildInfo(opts.warehouse);
  if (!opts.force && previous && previous.inputHash === input.hash && previous.codeHash === codeHash)
    return { status: "unchanged", info: previous };

  mkdirSync(dirname(opts.warehouse), { recursive: true });
  const tmp = `${opts.warehouse}.tmp-${process.pid}`;
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
    await conn.run(`CREATE TABLE meta.build AS SELECT * FROM (VALUES ${Object.entries(info)
      .filter(([, v]) => typeof v !== "object" || v === null)
      .map(([k, v]) => `('${k}', '${String(v).replaceAll("'", "''")}')`)
      .join(", ")}) t(schluessel, wert)`);
    await conn.run("CHECKPOINT");
    conn.closeSync();
    instance.closeSync();
    const emptyTables = validation.errors > 0 ? emptyRequiredTables(validation) : [];
    if (validation.errors > 0 && (!opts.allowRejects || emptyTables.length > 0)) {
      rmSync(tmp, { force: true });
      return { status: "refused", validation, ...(emptyTables.length ? { emptyTables } : {}) };
    }
    renameSync(tmp, opts.warehouse);
    rmSync(`${opts.warehouse}.wal`, { force: true });
    writeFileSync(sidecarPath(opts.warehouse), JSON.stringify(info, null, 2) + "\n");
    return { status: "built", info, validation };
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

