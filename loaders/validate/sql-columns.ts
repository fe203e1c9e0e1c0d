/**
 * Turns a column's zod schema into SQL: how its raw text is parsed and which
 * checks it must pass, in the order in which a user should hear about them.
 *
 * Bounds, enum values and patterns are read from the schema's JSON Schema form,
 * so the rules are written once (in `loaders/schema`) and run here in bulk: a
 * per-row JavaScript validation would not keep up with 10 M payment rows.
 * The SQL of each column kind is its own builder (column-kinds.ts).
 */
import type { z } from "zod";
import type { ColumnMeta } from "../schema/columns.ts";
import { columnContext } from "./column-checks.ts";
import { KIND_BUILDERS, type KindSql } from "./column-kinds.ts";

export interface ColumnSql extends KindSql {
  name: string;
  meta: ColumnMeta;
  required: boolean;
}

export function columnSql(name: string, schema: z.ZodType): ColumnSql {
  const context = columnContext(name, schema);
  const { meta, required } = context;
  return { name, meta, required, ...KIND_BUILDERS[meta.kind](context) };
}

export function tableColumnsSql(schema: z.ZodObject): ColumnSql[] {
  return Object.entries(schema.shape).map(([name, s]) => columnSql(name, s as z.ZodType));
}
