/**
 * Turns a column's zod schema into SQL: how its raw text is parsed and which
 * checks it must pass, in the order in which a user should hear about them.
 *
 * Bounds, enum values and patterns are read from the schema's JSON Schema form,
 * so the rules are written once (in `loaders/schema`) and run here in bulk: a
 * per-row JavaScript validation would not keep up with 10 M payment rows.
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

export interface ColumnSql {
  name: string;
  meta: ColumnMeta;
  required: boolean;
  /**
   * Optional intermediate text over the raw cell (trimmed, NULL if empty), computed
   * once per row: e.g. a German decimal reduced to `-1234.56`. Default: the raw cell.
   */
  text?: (raw: string) => string;
  /** Parsing SQL over the intermediate text. */
  parse: (text: string) => string;
  /** Checks over the raw cell, the intermediate text and the parsed value. */
  checks: (raw: string, text: string, parsed: string) => ColumnCheck[];
  /** A warning about a value that was read with a documented correction. */
  warning?: { regel: string; when: (raw: string) => string; message: string };
}

type JsonSchema = {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: string[];
  pattern?: string;
};

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A cell without surrounding space, tab or no-break space; NULL if nothing is
 * left. Trimming every cell costs more than reading the file, so only cells
 * that need it are trimmed (the test is cheap, most cells pass it).
 */
export const trimmed = (cell: string) =>
  `CASE WHEN ${cell} = '' OR starts_with(${cell}, ' ') OR ends_with(${cell}, ' ') OR contains(${cell}, chr(9)) OR contains(${cell}, chr(160))
    THEN NULLIF(trim(${cell}, ' \t\u00a0'), '') ELSE ${cell} END`;

/**
 * Thousands separators other than `.` that German software writes: no-break
 * space (Excel, Intl), narrow no-break space and thin space (DIN 5008).
 */
const SPACES = "\u00a0\u202f\u2009";

/**
 * German and plain notations of a decimal, reduced to `-1234.56` (NULL if neither).
 * Two spellings are first brought to the plain German one: thousands groups
 * separated by one of SPACES (`400 000,00`), and the trailing minus of SAP and
 * other ERP exports (`4.100,50-` is −4.100,50).
 */
const normalizeDecimal = (raw: string) => {
  const bare = `trim(replace(replace(${raw}, '€', ''), 'EUR', ''), ' ${SPACES}')`;
  const signed = `CASE WHEN regexp_full_match(${bare}, '[0-9][0-9.,${SPACES}]*-') THEN '-' || rtrim(${bare}, '-') ELSE ${bare} END`;
  const s = `(CASE WHEN regexp_full_match(${signed}, '[+-]?[0-9]{1,3}([${SPACES}][0-9]{3})+(,[0-9]+)?')
      THEN regexp_replace(${signed}, '[${SPACES}]', '', 'g') ELSE ${signed} END)`;
  return `CASE
      WHEN regexp_full_match(${s}, '[+-]?([0-9]+|[0-9]{1,3}(\\.[0-9]{3})+),[0-9]+') THEN replace(replace(${s}, '.', ''), ',', '.')
      WHEN regexp_full_match(${s}, '[+-]?[1-9][0-9]{0,2}(\\.[0-9]{3})+') THEN replace(${s}, '.', '')
      WHEN regexp_full_match(${s}, '[+-]?[0-9]+(\\.[0-9]+)?') THEN ${s}
    END`;
};

const GERMAN_DATE = "[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}";
const ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
/** Midnight, with or without seconds and fractions (`00:00`, `00:00:00`, `00:00:00.000`). */
const ZERO_TIME = "00:00(:00(\\.0+)?)?";
/** Any clock time after a date (a space before it, or ISO's `T`). */
const ANY_TIME = " ?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?";

const decimalPlaces = (normalized: string) =>
  `CASE WHEN contains(${normalized}, '.') THEN length(${normalized}) - strpos(${normalized}, '.') ELSE 0 END`;

/** Enum spelling as the header rule: case, umlauts, spaces and hyphens do not matter. */
const normalizeWord = (raw: string) =>
  `replace(replace(replace(replace(replace(replace(lower(${raw}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), ' ', '_'), '-', '_')`;

const TRUE_WORDS = ["ja", "j", "true", "wahr", "1", "x"];
const FALSE_WORDS = ["nein", "n", "false", "falsch", "0"];

const sqlList = (values: readonly string[]) => values.map(sqlString).join(", ");

const germanNumber = (n: number) => String(n).replace(".", ",");
const germanEuro = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A bound as a message names it: amounts as `1.000.000.000,00 €`, other numbers plain (`2100`, `0,25`). */
const germanBound = (n: number, meta: ColumnMeta) => (meta.unit === "EUR" ? `${germanEuro.format(n)} €` : germanNumber(n));

export function columnSql(name: string, schema: z.ZodType): ColumnSql {
  const meta = columnMeta(schema);
  const required = !(schema instanceof z.ZodOptional);
  const js = z.toJSONSchema(schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema) as JsonSchema;
  const msg = (template: string, extra: Record<string, string | number> = {}) =>
    fill(template, { spalte: name, ...extra, wert: "{wert}" });

  const requiredCheck = (raw: string): ColumnCheck[] =>
    required && !meta.emptyIsFalse ? [{ regel: "pflicht", violation: `${raw} IS NULL`, message: msg(de.pflicht) }] : [];
  const typeCheck = (raw: string, parsed: string): ColumnCheck => ({
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
  const rangeChecks = (parsed: string, literal: (n: number) => string, beyondType?: (negative: boolean) => string): ColumnCheck[] => {
    const out: ColumnCheck[] = [];
    const or = (negative: boolean) => (beyondType ? ` OR (${beyondType(negative)})` : "");
    if (js.minimum !== undefined)
      out.push({ regel: "bereich_min", violation: `${parsed} < ${literal(js.minimum)}${or(true)}`, message: msg(de.bereich_min, { grenze: germanBound(js.minimum, meta) }) });
    if (js.exclusiveMinimum !== undefined)
      out.push({ regel: "bereich_gt", violation: `${parsed} <= ${literal(js.exclusiveMinimum)}${or(true)}`, message: msg(de.bereich_gt, { grenze: germanBound(js.exclusiveMinimum, meta) }) });
    if (js.maximum !== undefined)
      out.push({ regel: "bereich_max", violation: `${parsed} > ${literal(js.maximum)}${or(false)}`, message: msg(de.bereich_max, { grenze: germanBound(js.maximum, meta) }) });
    return out;
  };

  const base = { name, meta, required };
  switch (meta.kind) {
    case "text":
      return { ...base, parse: (raw) => raw, checks: (raw) => requiredCheck(raw) };
    case "int":
      return {
        ...base,
        parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '[+-]?[0-9]+') THEN TRY_CAST(${raw} AS ${meta.sqlType})
            WHEN regexp_full_match(${raw}, '[+-]?[1-9][0-9]{0,2}(\\.[0-9]{3})+') THEN TRY_CAST(replace(${raw}, '.', '') AS ${meta.sqlType})
          END`,
        checks: (raw, _text, parsed) => [...requiredCheck(raw), typeCheck(raw, parsed), ...rangeChecks(parsed, String)],
      };
    case "dec": {
      const scale = meta.scale ?? 2;
      return {
        ...base,
        text: normalizeDecimal,
        parse: (n) => `CASE WHEN ${decimalPlaces(n)} <= ${scale} THEN TRY_CAST(${n} AS ${meta.sqlType}) END`,
        checks: (raw, n, parsed) => {
          return [
            ...requiredCheck(raw),
            {
              regel: "typ",
              violation: `${raw} IS NOT NULL AND ${n} IS NULL`,
              message: msg(de.typ.dec),
            },
            {
              regel: "nachkommastellen",
              violation: `${raw} IS NOT NULL AND ${decimalPlaces(n)} > ${scale}`,
              message: msg(de.nachkommastellen, { stellen: scale }),
            },
            // A well-formed number past the DECIMAL type (e.g. 20 digits) is out of range, not „keine Zahl“.
            ...rangeChecks(parsed, (v) => `${v}::${meta.sqlType}`, (negative) =>
              `${n} IS NOT NULL AND ${parsed} IS NULL AND ${decimalPlaces(n)} <= ${scale} AND ${negative ? "" : "NOT "}starts_with(${n}, '-')`,
            ),
            typeCheck(raw, parsed),
          ];
        },
      };
    }
    case "date": {
      const [from, to] = [meta.minDate ?? "2000-01-01", meta.maxDate ?? "2099-12-31"];
      const german = (iso: string) => iso.split("-").reverse().join(".");
      return {
        ...base,
        // A zero time is what pandas, databases and LibreOffice append to a date: it is that date.
        parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '${GERMAN_DATE}') THEN try_strptime(${raw}, '%d.%m.%Y')::DATE
            WHEN regexp_full_match(${raw}, '${ISO_DATE}') THEN TRY_CAST(${raw} AS DATE)
            WHEN regexp_full_match(${raw}, '${GERMAN_DATE} ${ZERO_TIME}') THEN try_strptime(split_part(${raw}, ' ', 1), '%d.%m.%Y')::DATE
            WHEN regexp_full_match(${raw}, '${ISO_DATE}[T ]${ZERO_TIME}') THEN TRY_CAST(left(${raw}, 10) AS DATE)
          END`,
        checks: (raw, _text, parsed) => [
          ...requiredCheck(raw),
          {
            regel: "datum_uhrzeit",
            violation: `${raw} IS NOT NULL AND ${parsed} IS NULL AND regexp_full_match(${raw}, '(${GERMAN_DATE}|${ISO_DATE}[T ]?)${ANY_TIME}')`,
            message: msg(de.datum_uhrzeit),
          },
          {
            regel: "datum_jahr",
            violation: `${raw} IS NOT NULL AND ${parsed} IS NULL AND regexp_full_match(${raw}, '[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2}')`,
            message: msg(de.datum_jahr),
          },
          typeCheck(raw, parsed),
          {
            regel: "datum_bereich",
            violation: `${parsed} NOT BETWEEN DATE '${from}' AND DATE '${to}'`,
            message: msg(de.datum_bereich, { von: german(from), bis: german(to) }),
          },
        ],
      };
    }
    case "bool":
      return {
        ...base,
        parse: (raw) => `CASE
            WHEN ${raw} IS NULL THEN ${meta.emptyIsFalse ? "false" : "NULL"}
            WHEN lower(${raw}) IN (${sqlList(TRUE_WORDS)}) THEN true
            WHEN lower(${raw}) IN (${sqlList(FALSE_WORDS)}) THEN false
          END`,
        checks: (raw, _text, parsed) => [...requiredCheck(raw), typeCheck(raw, parsed)],
      };
    case "enum": {
      const values = js.enum ?? [];
      return {
        ...base,
        parse: (raw) => `CASE
            WHEN ${raw} IN (${sqlList(values)}) THEN ${raw}
            WHEN ${normalizeWord(raw)} IN (${sqlList(values)}) THEN ${normalizeWord(raw)}
          END`,
        checks: (raw, _text, parsed) => [...requiredCheck(raw), typeCheck(raw, parsed)],
      };
    }
    case "schluessel":
      // Spelled as enums are: case, umlauts, spaces and hyphens do not matter.
      return {
        ...base,
        parse: (raw) => `CASE WHEN regexp_full_match(${normalizeWord(raw)}, '[a-z0-9_]+') THEN ${normalizeWord(raw)} END`,
        checks: (raw, _text, parsed) => [...requiredCheck(raw), typeCheck(raw, parsed)],
      };
    case "ags": {
      // Excel turns a Schlüssel typed as a number into 8111 or 8111000: the leading zero is
      // restored with a warning, because the digits themselves are unambiguous.
      const pattern = (js.pattern ?? "^08\\d{3}$").replace(/^\^|\$$/g, "").replaceAll("\\d", "[0-9]");
      const withoutZero = pattern.replace(/^08/, "8");
      return {
        ...base,
        parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '${pattern}') THEN ${raw}
            WHEN regexp_full_match(${raw}, '${withoutZero}') THEN '0' || ${raw}
          END`,
        checks: (raw, _text, parsed) => [...requiredCheck(raw), typeCheck(raw, parsed)],
        warning: {
          regel: "ags_fuehrende_null",
          when: (raw) => `regexp_full_match(${raw}, '${withoutZero}')`,
          message: msg(de.ags_fuehrende_null),
        },
      };
    }
  }
}

export function tableColumnsSql(schema: z.ZodObject): ColumnSql[] {
  return Object.entries(schema.shape).map(([name, s]) => columnSql(name, s as z.ZodType));
}
