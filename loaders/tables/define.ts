/**
 * What a published table is (German title, rows, typed columns, key, SELECT) and
 * the statement that creates it: one definition drives the DDL, the checks and the docs.
 */
import type { z } from "zod";
import { columnMeta, type ColumnMeta } from "../schema/columns.ts";

/** A published table (or helper view) as consumers see it. */
export interface PublishedTable {
  /** Table name in schema `main` and file name of the export. */
  name: string;
  /** German title. */
  title: string;
  /** German: what one row is, e.g. „eine Zeile je Kreis“. */
  rowsAre: string;
  /** German remarks for the methodology page (which rows are included, rounding). */
  notes?: string;
  /** Columns in output order; metadata via the builders of `columns.ts` (read it with `publishedColumns`). */
  columns: { readonly shape: Readonly<Record<string, z.core.$ZodType>> };
  /** Columns that identify a row (unique, checked after the build); empty if rows have no key. */
  key: readonly string[];
  /** Sort order of the stored table; defaults to `key`. NULLs sort first. */
  orderBy?: readonly string[];
  /** The SELECT; must yield exactly the declared columns (checked, then cast to the declared types). */
  sql: string;
}

/** The typed form used to write a definition: key and order name declared columns. */
interface TableDefinition<N extends string, S extends z.ZodRawShape> extends PublishedTable {
  name: N;
  columns: z.ZodObject<S>;
  key: readonly (keyof S & string)[];
  orderBy?: readonly (keyof S & string)[];
}

export const defineTable = <const N extends string, S extends z.ZodRawShape>(t: TableDefinition<N, S>): TableDefinition<N, S> => t;

/** Column metadata of a published column; `nullable` columns may be empty. */
export type PublishedColumnMeta = ColumnMeta & { nullable?: boolean };

/** A column that may be empty (NULL); without this wrapper a NULL is a build error. */
export const orNull = <T extends z.ZodType>(s: T) => s.nullable().meta({ ...columnMeta(s), nullable: true });

export interface PublishedColumn {
  name: string;
  label: string;
  definition: string;
  unit?: string;
  sqlType: string;
  nullable: boolean;
}

/** The columns of a published table for the data dictionary, in output order. */
export function publishedColumns(table: PublishedTable): PublishedColumn[] {
  return Object.entries(table.columns.shape).map(([name, s]) => {
    const m = columnMeta(s as z.ZodType) as PublishedColumnMeta;
    return {
      name,
      label: m.label,
      definition: m.definition,
      ...(m.unit !== undefined ? { unit: m.unit } : {}),
      sqlType: m.sqlType,
      nullable: m.nullable === true,
    };
  });
}

export const columnsOf = (t: PublishedTable) =>
  Object.entries(t.columns.shape).map(([name, s]) => ({
    name,
    meta: columnMeta(s as z.ZodType) as PublishedColumnMeta,
  }));

/**
 * The table's SELECT; a table that declares `foerderbereich_name` gets it here,
 * joined from `ref.foerderbereiche`, so no query repeats the join and every
 * download names the area in German from the one list.
 */
export function selectOf(t: PublishedTable): string {
  if (!("foerderbereich_name" in t.columns.shape)) return t.sql;
  return `SELECT q0.*, fb.name AS foerderbereich_name FROM (\n${t.sql}\n) AS q0
LEFT JOIN ref.foerderbereiche AS fb ON fb.foerderbereich = q0.foerderbereich`;
}

/** The statement that creates `main.<name>`: the SELECT, cast to the declared types, sorted. */
export function createStatement(t: PublishedTable, kind: "TABLE" | "VIEW" = "TABLE"): string {
  const cols = columnsOf(t).map((c) => `  CAST(q.${c.name} AS ${c.meta.sqlType}) AS ${c.name}`);
  const order = t.orderBy ?? t.key;
  const orderBy =
    kind === "TABLE" && order.length > 0 ? `\nORDER BY ${order.map((c) => `${c} NULLS FIRST`).join(", ")}` : "";
  return `CREATE OR REPLACE ${kind} main.${t.name} AS\nSELECT\n${cols.join(",\n")}\nFROM (\n${selectOf(t)}\n) AS q${orderBy}`;
}
