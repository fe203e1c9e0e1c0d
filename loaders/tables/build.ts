/**
 * Builds the helper views and the published tables in schema `main`, checking each
 * SELECT against its definition before and its constraints after.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { columnsOf, createStatement, selectOf, type PublishedTable } from "./define.ts";
import { HELPER_VIEWS, PUBLISHED_TABLES, type PublishedTableName } from "./all.ts";

/** The SELECT must yield exactly the declared columns (extra columns would be dropped silently). */
async function checkColumns(conn: DuckDBConnection, t: PublishedTable): Promise<void> {
  const reader = await conn.runAndReadAll(`DESCRIBE SELECT * FROM (\n${selectOf(t)}\n) AS q`);
  const got = reader.getRowObjectsJS().map((r) => String(r["column_name"]));
  const want = columnsOf(t).map((c) => c.name);
  const missing = want.filter((c) => !got.includes(c));
  const extra = got.filter((c) => !want.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `Tabelle ${t.name}: SELECT passt nicht zur Definition (fehlt: ${missing.join(", ") || "–"}; zu viel: ${extra.join(", ") || "–"})`,
    );
  }
}

/** After the build: no NULL in a column not declared nullable, no duplicate key. */
async function checkInvariants(conn: DuckDBConnection, t: PublishedTable): Promise<void> {
  const notNull = columnsOf(t).filter((c) => !c.meta.nullable);
  const parts = notNull.map((c) => `count(*) FILTER (WHERE ${c.name} IS NULL) AS "null:${c.name}"`);
  if (t.key.length > 0) {
    const k = t.key.join(", ");
    parts.push(`(SELECT count(*) FROM (SELECT ${k} FROM main.${t.name} GROUP BY ${k} HAVING count(*) > 1)) AS "doppelt"`);
  }
  if (parts.length === 0) return;
  const reader = await conn.runAndReadAll(`SELECT ${parts.join(", ")} FROM main.${t.name}`);
  const row = reader.getRowObjectsJS()[0] ?? {};
  const problems = Object.entries(row)
    .filter(([, n]) => Number(n) > 0)
    .map(([what, n]) =>
      what === "doppelt"
        ? `${n} doppelte Schlüssel (${t.key.join(", ")})`
        : `${n} leere Werte in ${what.slice("null:".length)}`,
    );
  if (problems.length > 0) throw new Error(`Tabelle ${t.name}: ${problems.join("; ")}`);
}

/**
 * Creates the helper views and then the published tables in schema `main`
 * (CREATE OR REPLACE), from `eingang.*` (all input tables must exist, possibly
 * empty), `ref.kreise` and `meta.befunde`. Each table's SELECT is checked
 * against its declared columns before, and its NOT NULL and key constraints
 * after, the build; a violation throws. Runs in the caller's transaction, if any.
 *
 * `only` rebuilds just the named tables (e.g. `["pruefbericht"]` once all
 * findings are in); the helper views are (re)created in any case.
 */
export async function buildPublishedTables(
  conn: DuckDBConnection,
  only?: readonly PublishedTableName[],
): Promise<void> {
  for (const v of HELPER_VIEWS) {
    await checkColumns(conn, v);
    await conn.run(createStatement(v, "VIEW"));
  }
  for (const t of PUBLISHED_TABLES) {
    if (only && !only.includes(t.name)) continue;
    await checkColumns(conn, t);
    await conn.run(createStatement(t, "TABLE"));
    await checkInvariants(conn, t);
  }
}
