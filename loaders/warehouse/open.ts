/**
 * Where the warehouse is and how to open it for reading. Kept apart from the
 * build (build.ts), whose imports (readers, validation, exceljs) cost about 0.7 s
 * per process: every data loader of the site is a process that only reads.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const DEFAULT_DATA_DIR = "data";
export const DEFAULT_WAREHOUSE = "warehouse/pik.duckdb";

export const dataDirFromEnv = () => resolve(process.env.PIK_DATA_DIR ?? DEFAULT_DATA_DIR);
export const warehouseFromEnv = () => resolve(process.env.PIK_WAREHOUSE ?? DEFAULT_WAREHOUSE);

// The sidecar's shape and its reader live in build-info.ts (no engine: the Framework config imports it).
export { readBuildInfo, sidecarPath, warehouseStamp, type BuildInfo, type WarehouseStamp } from "./build-info.ts";

/** Opens the warehouse read-only: loaders never write, and many may read at once. */
export async function openWarehouse(path = warehouseFromEnv()) {
  if (!existsSync(path)) throw new Error(`Kein Data Warehouse unter ${path}: zuerst „npm run ingest“ ausführen.`);
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  return { instance, connection: await instance.connect() };
}
