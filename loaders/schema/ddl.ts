/** Warehouse DDL derived from the table schemas. */
import type { z } from "zod";
import { columnMeta } from "./columns.ts";
import type { InputTable } from "./input-tables.ts";

/** Schema (DuckDB namespace) of the accepted input rows. */
export const INPUT_SCHEMA = "eingang";

/** The columns that are stored: every column but personal data. */
export function storedColumns(table: InputTable): { name: string; sqlType: string }[] {
  return Object.entries(table.schema.shape)
    .map(([name, s]) => ({ name, meta: columnMeta(s as z.ZodType) }))
    .filter((c) => !c.meta.personal)
    .map((c) => ({ name: c.name, sqlType: c.meta.sqlType }));
}

/** True if the table has a personal column (never stored, never quoted in a finding). */
export const hasPersonalData = (table: InputTable): boolean =>
  Object.values(table.schema.shape).some((s) => columnMeta(s as z.ZodType).personal === true);

/** CREATE TABLE for the accepted rows of an input table. */
export function inputTableDdl(table: InputTable): string {
  const cols = storedColumns(table).map((c) => `  ${c.name} ${c.sqlType}`);
  return `CREATE TABLE ${INPUT_SCHEMA}.${table.name} (\n${cols.join(",\n")}\n)`;
}
