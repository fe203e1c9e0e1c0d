/**
 * Queries the site's data loaders run against the warehouse (read-only). Loaders
 * in `src/data/` call these and print the result; they hold no SQL of their own.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { PublishedTableName } from "../tables/index.ts";
import { openWarehouse, readBuildInfo, warehouseFromEnv, type BuildInfo } from "../warehouse/open.ts";

/** Rows as plain JSON values: DECIMAL and BIGINT come back as strings/numbers DuckDB chose. */
/** Values passed into SQL: always as bound parameters (`$name`), never written into the text. */
export type SqlParams = Record<string, string | number | null>;

/** A query's rows as JSON-safe objects (DECIMAL and BIGINT as text, dates ISO). */
export async function rows(conn: DuckDBConnection, sql: string, params: SqlParams = {}): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql, params);
  return r.getRowObjectsJson() as Record<string, unknown>[];
}

/** Opens the warehouse, runs `fn`, closes it: one loader, one short read. */
export async function withWarehouse<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const { instance, connection } = await openWarehouse();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A published table (contract §3) in its key order, as JSON rows. */
export async function publishedTable(conn: DuckDBConnection, name: PublishedTableName): Promise<Record<string, unknown>[]> {
  return rows(conn, `SELECT * FROM main.${name}`);
}

/** What every page shows in its header and footer: synthetic or not, Stand, release. */
export interface SiteMeta {
  synthetisch: boolean;
  stand: string | null;
  release: string;
  gebaut: string;
}

export function siteMeta(): SiteMeta {
  const info: BuildInfo | null = readBuildInfo(warehouseFromEnv());
  if (!info) throw new Error("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
  return { synthetisch: info.synthetic, stand: info.stand, release: info.releaseId, gebaut: info.builtAt };
}
