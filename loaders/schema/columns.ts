/**
 * Column builders for the table schemas.
 *
 * A column is a zod schema of the *parsed* value plus metadata (`kind`, SQL type,
 * German label and definition). The zod schema is the single definition: its JSON
 * Schema form (`z.toJSONSchema`) drives the SQL checks of the validator, the DDL of
 * the warehouse and the data dictionary. Bounds, enums and patterns are therefore
 * written once, here, as ordinary zod constraints.
 */
import { z } from "zod";

export type ColumnKind = "text" | "int" | "dec" | "date" | "bool" | "enum" | "ags" | "schluessel";

/** The kinds' names in German: the README dictionary and /methodik say the same. */
export const KIND_DE: Record<ColumnKind, string> = {
  text: "Text",
  int: "ganze Zahl",
  dec: "Dezimalzahl",
  date: "Datum",
  bool: "ja/nein",
  enum: "Auswahl",
  ags: "Gemeindeschlüssel",
  schluessel: "Schlüssel",
};

export interface ColumnMeta {
  kind: ColumnKind;
  /** DuckDB type of the column in the warehouse. */
  sqlType: string;
  /** German label for tables, charts and the data dictionary. */
  label: string;
  /** German definition for the data dictionary and the methodology page. */
  definition: string;
  unit?: string;
  /** Decimal places allowed in the input (dec only). */
  scale?: number;
  /** Personal data: read for checks only, never written to the warehouse or any output. */
  personal?: boolean;
  /** Empty input counts as `false` (bool only; the contract allows `x`/empty). */
  emptyIsFalse?: boolean;
  /** Plausible range of a date (ISO); a typo in the year would otherwise spread a grant over centuries. */
  minDate?: string;
  maxDate?: string;
  /** Reference table whose keys are the allowed values (schluessel only), e.g. `foerderbereiche`. */
  reference?: string;
}

interface Described {
  label: string;
  definition: string;
  unit?: string;
}

const withMeta = <T extends z.ZodType>(schema: T, meta: ColumnMeta): T => schema.meta({ ...meta }) as T;

export const text = (d: Described & { personal?: boolean }) =>
  withMeta(z.string().min(1), { kind: "text", sqlType: "VARCHAR", ...d });

export const int = (d: Described & { min?: number; max?: number }) => {
  let s = z.number().int();
  if (d.min !== undefined) s = s.min(d.min);
  if (d.max !== undefined) s = s.max(d.max);
  return withMeta(s, { kind: "int", sqlType: "INTEGER", label: d.label, definition: d.definition, unit: d.unit });
};

/**
 * Decimal with a fixed number of places. Amounts use scale 2 (cents): an input
 * with more places is rejected, never rounded, because rounding would change a
 * booked amount without anyone noticing.
 */
export const dec = (
  d: Described & { scale: number; precision?: number; min?: number; max?: number; gt?: number },
) => {
  const precision = d.precision ?? 18;
  // The column's DECIMAL type bounds the value too; saying so in the schema keeps zod and SQL in step.
  // (Capped at the largest integer a double holds exactly: no amount comes near it.)
  const limit = Math.min(Number(`${"9".repeat(precision - d.scale)}.${"9".repeat(d.scale)}`), Number.MAX_SAFE_INTEGER);
  let s = z.number();
  s = d.min !== undefined ? s.min(d.min) : d.gt !== undefined ? s.gt(d.gt) : s.min(-limit);
  s = s.max(d.max ?? limit);
  return withMeta(s, {
    kind: "dec",
    sqlType: `DECIMAL(${precision},${d.scale})`,
    scale: d.scale,
    label: d.label,
    definition: d.definition,
    unit: d.unit,
  });
};

/**
 * Largest amount of one input row, in euros, either sign (issue 12). A grant, a
 * payment or a year's appropriation of the Pakt is at most some million euros,
 * so a thousand million is no real restriction; what it buys is that no sum can
 * overflow. The published tables hold sums as DECIMAL(18,2), i.e. up to
 * 9,999,999,999,999,999.99 €: ten million rows at this maximum still fit
 * (DuckDB sums DECIMAL(18,2) as DECIMAL(38,2), so only storing a sum can fail),
 * and `checkAmountTotals` refuses a file whose amounts add up to more.
 */
export const MAX_BETRAG_EUR = 1_000_000_000;

/** Amount in euros with cents. Sign rules live in the table's row rules. */
export const euro = (d: Described & { min?: number; gt?: number; max?: number }) => dec({ unit: "EUR", ...d, scale: 2 });

export const date = (d: Described) =>
  withMeta(z.iso.date(), { kind: "date", sqlType: "DATE", minDate: "2000-01-01", maxDate: "2099-12-31", ...d });

export const bool = (d: Described) =>
  withMeta(z.boolean(), { kind: "bool", sqlType: "BOOLEAN", emptyIsFalse: true, ...d });

export const oneOf = <const V extends readonly [string, ...string[]]>(values: V, d: Described) =>
  withMeta(z.enum(values), { kind: "enum", sqlType: "VARCHAR", ...d });

/**
 * Key of a reference list that the data itself supplies (lower case, `a-z0-9_`),
 * such as a Förderbereich: which keys exist is checked against the list at
 * validation time (`ref.*`), not fixed in the schema, because the list changes
 * without a release of this tool.
 */
export const schluessel = (d: Described & { reference: string }) =>
  withMeta(z.string().regex(/^[a-z0-9_]+$/), { kind: "schluessel", sqlType: "VARCHAR", label: d.label, definition: d.definition, reference: d.reference });

/** Amtlicher Gemeindeschlüssel: 5 digits for a Kreis, 8 for a municipality; Baden-Württemberg = 08. */
export const ags = (d: Described & { digits: "kreis" | "gemeinde" | "kreis_oder_gemeinde" }) =>
  withMeta(z.string().regex(d.digits === "kreis" ? /^08\d{3}$/ : d.digits === "gemeinde" ? /^08\d{6}$/ : /^08\d{3}(\d{3})?$/), {
    kind: "ags",
    sqlType: "VARCHAR",
    label: d.label,
    definition: d.definition,
  });

export function columnMeta(schema: z.ZodType): ColumnMeta {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const meta = (schema.meta() ?? inner.meta()) as ColumnMeta | undefined;
  if (!meta?.kind) throw new Error("column without metadata");
  return meta;
}
