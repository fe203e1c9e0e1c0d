/**
 * The sidecar `<warehouse>.json` as readers see it. No database engine here: the
 * Framework config and the data loaders import this (footer, release.json).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { InputFingerprint } from "./fingerprint.ts";

/** What the sidecar `<warehouse>.json` records about the build. */
export interface BuildInfo {
  inputHash: string;
  codeHash: string;
  /** First 12 hex digits of a hash over input and code: names a release. */
  releaseId: string;
  builtAt: string;
  dataDir: string;
  files: InputFingerprint["files"];
  /** From `manifest.json` of the input folder, when present. */
  synthetic: boolean;
  stand: string | null;
  errors: number;
  warnings: number;
  /**
   * Which file this sidecar describes (inode, size, modification time of the
   * warehouse as renamed into place). Absent in sidecars of earlier versions.
   */
  warehouseFile?: WarehouseStamp;
}

/** Identity of a warehouse file: a rename keeps it, a new build or a copy changes it. */
export interface WarehouseStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

export function warehouseStamp(path: string): WarehouseStamp {
  const s = statSync(path);
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

const sameStamp = (a: WarehouseStamp, b: WarehouseStamp) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

export const sidecarPath = (warehouse: string) => `${warehouse}.json`;

/**
 * The sidecar, when it describes the warehouse next to it; otherwise null.
 *
 * Null also for a damaged sidecar (e.g. 0 bytes after a full disk: "Unexpected end of
 * JSON input" used to stop every later command) and for one of another build (a kill
 * between the two renames of an ingest, a warehouse copied back by hand): its stamp
 * differs from the warehouse file. The CLI then restores it from the warehouse's own
 * `meta.build` (sidecar.ts), so no reader ever takes release A for warehouse B.
 */
export function readBuildInfo(warehouse: string): BuildInfo | null {
  const path = sidecarPath(warehouse);
  if (!existsSync(path) || !existsSync(warehouse)) return null;
  let info: BuildInfo;
  try {
    info = JSON.parse(readFileSync(path, "utf8")) as BuildInfo;
  } catch {
    return null;
  }
  if (!info || typeof info !== "object" || typeof info.releaseId !== "string") return null;
  if (info.warehouseFile && !sameStamp(info.warehouseFile, warehouseStamp(warehouse))) return null;
  return info;
}
