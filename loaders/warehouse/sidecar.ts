/**
 * Writing and restoring the sidecar `<warehouse>.json`.
 *
 * The warehouse and its sidecar are two files, and two renames are never one atomic
 * step. So the warehouse is the single source of truth: its table `meta.build` holds
 * everything the sidecar says, and the sidecar carries the stamp (inode, size, mtime)
 * of the warehouse file it belongs to. A sidecar that is missing, damaged or stamped
 * for another file is ignored by every reader (open.ts) and rebuilt from `meta.build`
 * by the next command (`restoreSidecar`). The sidecar itself is written to a temp
 * file, flushed and renamed, so it is never seen half-written.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { registerTemp, releaseTemp } from "../ops/temp.ts";
import { openWarehouse, readBuildInfo, sidecarPath, warehouseStamp, type BuildInfo } from "./open.ts";

/** Writes `info` as the sidecar of `warehouse`, stamped with the warehouse file's identity. */
export function writeSidecar(warehouse: string, info: BuildInfo): BuildInfo {
  const stamped: BuildInfo = { ...info, warehouseFile: warehouseStamp(warehouse) };
  const path = sidecarPath(warehouse);
  const tmp = registerTemp(`${path}.tmp-${process.pid}`);
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, JSON.stringify(stamped, null, 2) + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  releaseTemp(tmp);
  return stamped;
}

/** `meta.build` rows as the ingest writes them (all values text; `files` as JSON). */
export function buildRows(info: BuildInfo): [string, string][] {
  const rows: [string, string][] = Object.entries(info)
    .filter(([k, v]) => k !== "warehouseFile" && (typeof v !== "object" || v === null))
    .map(([k, v]) => [k, String(v)]);
  rows.push(["files", JSON.stringify(info.files)]);
  return rows;
}

/** The build info from `meta.build` rows; null when they are incomplete (a warehouse of an earlier version). */
export function infoFromRows(rows: readonly (readonly [string, string])[]): BuildInfo | null {
  const m = new Map(rows);
  const text = (k: string) => m.get(k);
  const num = (k: string) => Number(text(k));
  const req = ["inputHash", "codeHash", "releaseId", "builtAt", "dataDir", "files", "synthetic", "stand", "errors", "warnings"];
  if (req.some((k) => text(k) === undefined)) return null;
  let files: BuildInfo["files"];
  try {
    files = JSON.parse(text("files")!) as BuildInfo["files"];
  } catch {
    return null;
  }
  return {
    inputHash: text("inputHash")!,
    codeHash: text("codeHash")!,
    releaseId: text("releaseId")!,
    builtAt: text("builtAt")!,
    dataDir: text("dataDir")!,
    files,
    synthetic: text("synthetic") === "true",
    stand: text("stand") === "null" ? null : text("stand")!,
    errors: num("errors"),
    warnings: num("warnings"),
  };
}

/**
 * Restores a missing, damaged or mismatched sidecar from the warehouse's `meta.build`.
 * The caller holds the writer lock. Returns "ok" (sidecar fine or no warehouse),
 * "restored", or "unrecoverable" (a warehouse without complete meta.build: the next
 * ingest rebuilds it).
 */
export async function restoreSidecar(warehouse: string): Promise<"ok" | "restored" | "unrecoverable"> {
  if (!existsSync(warehouse) || readBuildInfo(warehouse)) return "ok";
  let rows: [string, string][] = [];
  const { instance, connection } = await openWarehouse(warehouse);
  try {
    const hasBuild = (
      await connection.runAndReadAll("SELECT 1 FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'build'")
    ).getRows().length;
    if (hasBuild) rows = (await connection.runAndReadAll("SELECT schluessel, wert FROM meta.build")).getRows() as [string, string][];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const info = infoFromRows(rows);
  if (!info) return "unrecoverable";
  writeSidecar(warehouse, info);
  return "restored";
}
