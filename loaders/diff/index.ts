/**
 * Compares two export folders (`npm run export` output) and lists which
 * published figures changed: per table, key, column the old and the new value,
 * plus rows that were added or removed. The Parquet files are read with DuckDB
 * (exact DECIMALs and DATEs, no text parsing); keys come from
 * PUBLISHED_TABLES[].key. A table without a key (the Prüfbericht) is compared
 * as a set of whole rows: only added/removed rows.
 *
 *   npm run diff -- OLD_EXPORT_DIR NEW_EXPORT_DIR
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED_TABLES, publishedColumns, type PublishedTable } from "../tables/index.ts";

/** One changed value of a published figure. */
export interface DiffChange {
  table: string;
  /** Key as `spalte=wert, …` (key columns in declared order). */
  key: string;
  column: string;
  old: string | null;
  new: string | null;
}

/** A row present in only one of the two exports. */
export interface DiffRow {
  table: string;
  key: string;
  kind: "hinzugefuegt" | "entfernt";
}

export interface DiffResult {
  changes: DiffChange[];
  rows: DiffRow[];
  /** Tables whose Parquet file is missing in one of the folders. */
  missing: { table: string; side: "alt" | "neu" }[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, string | null>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, string | null>[];
}

/** SQL text of a key: `a=1, b=x` (NULL shown as empty). */
function keyExpr(alias: string, cols: readonly string[]): string {
  const parts = cols.map((c) => `${literal(`${c}=`)} || coalesce(CAST(${alias}.${ident(c)} AS VARCHAR), '')`);
  return parts.length === 0 ? "''" : parts.join(` || ', ' || `);
}

async function diffTable(conn: DuckDBConnection, t: PublishedTable, oldFile: string, newFile: string): Promise<Omit<DiffResult, "missing">> {
  const columns = publishedColumns(t).map((c) => c.name);
  const key = t.key.length > 0 ? [...t.key] : columns;
  const values = columns.filter((c) => !key.includes(c));
  const alt = `read_parquet(${literal(oldFile)})`;
  const neu = `read_parquet(${literal(newFile)})`;
  const on = key.map((c) => `a.${ident(c)} IS NOT DISTINCT FROM n.${ident(c)}`).join(" AND ");
  const order = key.map((c) => ident(c)).join(", ");
  const changes: DiffChange[] = [];
  if (values.length > 0) {
    const unions = values.map(
      (c, i) => `SELECT ${i} AS pos, ${literal(c)} AS spalte, ${key.map((k) => `n.${ident(k)}`).join(", ")}, ${keyExpr("n", key)} AS schluessel,
  CAST(a.${ident(c)} AS VARCHAR) AS alt, CAST(n.${ident(c)} AS VARCHAR) AS neu
FROM ${alt} AS a JOIN ${neu} AS n ON ${on}
WHERE a.${ident(c)} IS DISTINCT FROM n.${ident(c)}`,
    );
    const rs = await query(conn, `SELECT spalte, schluessel, alt, neu FROM (${unions.join("\nUNION ALL\n")}) ORDER BY ${order}, pos`);
    for (const r of rs) changes.push({ table: t.name, key: String(r["schluessel"]), column: String(r["spalte"]), old: r["alt"] ?? null, new: r["neu"] ?? null });
  }
  const rows: DiffRow[] = [];
  const onlyIn = async (from: string, other: string, kind: DiffRow["kind"]) => {
    const rs = await query(
      conn,
      `SELECT ${keyExpr("n", key)} AS schluessel FROM ${from} AS n
WHERE NOT EXISTS (SELECT 1 FROM ${other} AS a WHERE ${on}) ORDER BY ${key.map((c) => `n.${ident(c)}`).join(", ")}`,
    );
    for (const r of rs) rows.push({ table: t.name, key: String(r["schluessel"]), kind });
  };
  await onlyIn(neu, alt, "hinzugefuegt");
  await onlyIn(alt, neu, "entfernt");
  return { changes, rows };
}

/** The differences between two export folders, table by table in contract order. */
export async function diffExports(oldDir: string, newDir: string): Promise<DiffResult> {
  const instance = await DuckDBInstance.create(":memory:");
  try {
    const conn = await instance.connect();
    const result: DiffResult = { changes: [], rows: [], missing: [] };
    for (const t of PUBLISHED_TABLES) {
      const oldFile = join(oldDir, `${t.name}.parquet`);
      const newFile = join(newDir, `${t.name}.parquet`);
      const haveOld = existsSync(oldFile);
      const haveNew = existsSync(newFile);
      if (!haveOld) result.missing.push({ table: t.name, side: "alt" });
      if (!haveNew) result.missing.push({ table: t.name, side: "neu" });
      if (!haveOld || !haveNew) continue;
      const d = await diffTable(conn, t, oldFile, newFile);
      result.changes.push(...d.changes);
      result.rows.push(...d.rows);
    }
    conn.closeSync();
    return result;
  } finally {
    instance.closeSync();
  }
}

/** A value as printed: decimal comma for numbers, `–` for empty. */
function shown(v: string | null): string {
  if (v === null) return "–";
  return /^-?\d+\.\d+$/.test(v) ? v.replace(".", ",") : v;
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** The report printed by `npm run diff` (German). */
export function formatDiff(d: DiffResult): string {
  const out: string[] = [];
  for (const m of d.missing) out.push(`Hinweis: ${m.table}.parquet fehlt im ${m.side === "alt" ? "alten" : "neuen"} Export; nicht verglichen.`);
  if (d.changes.length === 0 && d.rows.length === 0) {
    out.push("Keine Änderungen an veröffentlichten Zahlen.");
    return out.join("\n");
  }
  out.push(`Geänderte Werte: ${d.changes.length}`);
  if (d.changes.length > 0) {
    out.push(table(["Tabelle", "Schlüssel", "Spalte", "Alt", "Neu"], d.changes.map((c) => [c.table, c.key, c.column, shown(c.old), shown(c.new)])));
  }
  const added = d.rows.filter((r) => r.kind === "hinzugefuegt");
  const removed = d.rows.filter((r) => r.kind === "entfernt");
  out.push("", `Zeilen hinzugefügt: ${added.length}`);
  if (added.length > 0) out.push(table(["Tabelle", "Schlüssel"], added.map((r) => [r.table, r.key])));
  out.push("", `Zeilen entfernt: ${removed.length}`);
  if (removed.length > 0) out.push(table(["Tabelle", "Schlüssel"], removed.map((r) => [r.table, r.key])));
  return out.join("\n");
}
