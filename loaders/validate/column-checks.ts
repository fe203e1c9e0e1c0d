/**
 * What every column kind's SQL builder gets (the column and its rules as the
 * zod schema states them), and the checks several kinds share: required, type
 * and range, each with its German message.
 */
import { z } from "zod";
import { columnMeta, type ColumnMeta } from "../schema/columns.ts";
import { de, fill } from "./messages.ts";

export interface ColumnCheck {
  /** Rule id, e.g. `pflicht`, `typ`, `bereich_min`. */
  regel: string;
  /** SQL that is true when the value breaks the rule (over `raw` and the parsed value). */
  violation: string;
  /** German message; `{wert}` still to be filled with the raw value (in SQL). */
  message: string;
}

/** The parts of a column's JSON Schema that carry its rules. */
type JsonSchema = {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: string[];
  pattern?: string;
};

/** One column as a builder sees it. */
export interface ColumnContext {
  name: string;
  meta: ColumnMeta;
  required: boolean;
  /**
   * Bounds, enum values and patterns, read from the schema's JSON Schema form
   * so that the rules are written once (in `loaders/schema`).
   */
  js: JsonSchema;
  /** A German message for this column; `{wert}` is left for SQL to fill. */
  msg: (template: string, extra?: Record<string, string | number>) => string;
}

export function columnContext(name: string, schema: z.ZodType): ColumnContext {
  const meta = columnMeta(schema);
  const required = !(schema instanceof z.ZodOptional);
  const js = z.toJSONSchema(schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema) as JsonSchema;
  const msg = (template: string, extra: Record<string, string | number> = {}) =>
    fill(template, { spalte: name, ...extra, wert: "{wert}" });
  return { name, meta, required, js, msg };
}

const germanNumber = (n: number) => String(n).replace(".", ",");
const germanEuro = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A bound as a message names it: amounts as `1.000.000.000,00 €`, other numbers plain (`2100`, `0,25`). */
const germanBound = (n: number, meta: ColumnMeta) => (meta.unit === "EUR" ? `${germanEuro.format(n)} €` : germanNumber(n));

/** An empty required cell; a yes/no column that reads empty as „nein“ has none. */
export const requiredCheck = ({ required, meta, msg }: ColumnContext, raw: string): ColumnCheck[] =>
  required && !meta.emptyIsFalse ? [{ regel: "pflicht", violation: `${raw} IS NULL`, message: msg(de.pflicht) }] : [];

/** A value that is there but cannot be read as the column's kind. */
export const typeCheck = ({ meta, js, msg }: ColumnContext, raw: string, parsed: string): ColumnCheck => ({
  regel: "typ",
  violation: `${raw} IS NOT NULL AND ${parsed} IS NULL`,
  message: msg(de.typ[meta.kind], {
    erlaubt: (js.enum ?? []).join(", "),
    ags:
      meta.kind === "ags"
        ? js.pattern?.includes("(")
          ? de.ags_regel.kreis_oder_gemeinde
          : js.pattern?.includes("{6}")
            ? de.ags_regel.gemeinde
            : de.ags_regel.kreis
        : "",
  }),
});

/**
 * @param beyondType SQL true when the value is a number too large for the column's SQL
 *   type (so `parsed` is NULL), by sign: it breaks the bound all the same, and „keine Zahl“
 *   would be wrong.
 */
export function rangeChecks(
  { meta, js, msg }: ColumnContext,
  parsed: string,
  literal: (n: number) => string,
  beyondType?: (negative: boolean) => string,
): ColumnCheck[] {
  const out: ColumnCheck[] = [];
  const or = (negative: boolean) => (beyondType ? ` OR (${beyondType(negative)})` : "");
  if (js.minimum !== undefined)
    out.push({ regel: "bereich_min", violation: `${parsed} < ${literal(js.minimum)}${or(true)}`, message: msg(de.bereich_min, { grenze: germanBound(js.minimum, meta) }) });
  if (js.exclusiveMinimum !== undefined)
    out.push({ regel: "bereich_gt", violation: `${parsed} <= ${literal(js.exclusiveMinimum)}${or(true)}`, message: msg(de.bereich_gt, { grenze: germanBound(js.exclusiveMinimum, meta) }) });
  if (js.maximum !== undefined)
    out.push({ regel: "bereich_max", violation: `${parsed} > ${literal(js.maximum)}${or(false)}`, message: msg(de.bereich_max, { grenze: germanBound(js.maximum, meta) }) });
  return out;
}
