/**
 * Where the warehouse is and how to open it for reading. Kept apart from the
 * build (build.ts), whose imports (readers, validation, exceljs) cost about 0.7 s
 * per process: every data loader of the site is a process that only reads.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { InputFingerprint } from "./fingerprint.ts";

export const DEFAULT_DATA_DIR = "data";
export const DEFAULT_WAREHOUSE = "warehouse/pik.duckdb";

export const dataDirFromEnv = () => resolve(process.env.PIK_DATA_DIR ?? DEFAULT_DATA_DIR);
export const warehouseFromEnv = () => resolve(process.env.PIK_WAREHOUSE ?? DEFAULT_WAREHOUSE);

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
}

export const sidecarPath = (warehouse: string) => `${warehouse}.json`;

export function readBuildInfo(warehouse: string): BuildInfo | null {
  const path = sidecarPath(warehouse);
  if (!existsSync(path) || !existsSync(warehouse)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as BuildInfo;
}

/** Opens the warehouse read-only: loaders never write, and many may read at once. */
export async function openWarehouse(path = warehouseFromEnv()) {
  if (!existsSync(path)) throw new Error(`Kein Data Warehouse unter ${path}: zuerst „npm run ingest“ ausführen.`);
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  return { instance, connection: await instance.connect() };
}
