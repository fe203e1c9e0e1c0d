/**
 * One SQL builder per column kind (`loaders/schema/columns.ts`): how a raw cell
 * of that kind is parsed and which checks it must pass, in the order in which a
 * user should hear about them. A table keyed by kind, so that a new kind in the
 * schema fails to compile until it has its builder here.
 */
import type { ColumnKind } from "../schema/columns.ts";
import { rangeChecks, requiredCheck, typeCheck, type ColumnCheck, type ColumnContext } from "./column-checks.ts";
import { de } from "./messages.ts";
import {
  ANY_TIME,
  FALSE_WORDS,
  GERMAN_DATE,
  ISO_DATE,
  TRUE_WORDS,
  ZERO_TIME,
  decimalPlaces,
  normalizeDecimal,
  normalizeWord,
  sqlList,
} from "./sql-notation.ts";

/** The SQL of one column that depends on its kind. */
export interface KindSql {
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

type KindBuilder = (c: ColumnContext) => KindSql;

const text: KindBuilder = (c) => ({ parse: (raw) => raw, checks: (raw) => requiredCheck(c, raw) });

const int: KindBuilder = (c) => ({
  parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '[+-]?[0-9]+') THEN TRY_CAST(${raw} AS ${c.meta.sqlType})
            WHEN regexp_full_match(${raw}, '[+-]?[1-9][0-9]{0,2}(\\.[0-9]{3})+') THEN TRY_CAST(replace(${raw}, '.', '') AS ${c.meta.sqlType})
          END`,
  checks: (raw, _text, parsed) => [...requiredCheck(c, raw), typeCheck(c, raw, parsed), ...rangeChecks(c, parsed, String)],
});

const dec: KindBuilder = (c) => {
  const { meta, msg } = c;
  const scale = meta.scale ?? 2;
  return {
    text: normalizeDecimal,
    parse: (n) => `CASE WHEN ${decimalPlaces(n)} <= ${scale} THEN TRY_CAST(${n} AS ${meta.sqlType}) END`,
    checks: (raw, n, parsed) => [
      ...requiredCheck(c, raw),
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
      ...rangeChecks(c, parsed, (v) => `${v}::${meta.sqlType}`, (negative) =>
        `${n} IS NOT NULL AND ${parsed} IS NULL AND ${decimalPlaces(n)} <= ${scale} AND ${negative ? "" : "NOT "}starts_with(${n}, '-')`,
      ),
      typeCheck(c, raw, parsed),
    ],
  };
};

const date: KindBuilder = (c) => {
  const { meta, msg } = c;
  const [from, to] = [meta.minDate ?? "2000-01-01", meta.maxDate ?? "2099-12-31"];
  const german = (iso: string) => iso.split("-").reverse().join(".");
  return {
    // A zero time is what pandas, databases and LibreOffice append to a date: it is that date.
    parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '${GERMAN_DATE}') THEN try_strptime(${raw}, '%d.%m.%Y')::DATE
            WHEN regexp_full_match(${raw}, '${ISO_DATE}') THEN TRY_CAST(${raw} AS DATE)
            WHEN regexp_full_match(${raw}, '${GERMAN_DATE} ${ZERO_TIME}') THEN try_strptime(split_part(${raw}, ' ', 1), '%d.%m.%Y')::DATE
            WHEN regexp_full_match(${raw}, '${ISO_DATE}[T ]${ZERO_TIME}') THEN TRY_CAST(left(${raw}, 10) AS DATE)
          END`,
    checks: (raw, _text, parsed) => [
      ...requiredCheck(c, raw),
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
      typeCheck(c, raw, parsed),
      {
        regel: "datum_bereich",
        violation: `${parsed} NOT BETWEEN DATE '${from}' AND DATE '${to}'`,
        message: msg(de.datum_bereich, { von: german(from), bis: german(to) }),
      },
    ],
  };
};

const bool: KindBuilder = (c) => ({
  parse: (raw) => `CASE
            WHEN ${raw} IS NULL THEN ${c.meta.emptyIsFalse ? "false" : "NULL"}
            WHEN lower(${raw}) IN (${sqlList(TRUE_WORDS)}) THEN true
            WHEN lower(${raw}) IN (${sqlList(FALSE_WORDS)}) THEN false
          END`,
  checks: (raw, _text, parsed) => [...requiredCheck(c, raw), typeCheck(c, raw, parsed)],
});

const enumeration: KindBuilder = (c) => {
  const values = c.js.enum ?? [];
  return {
    parse: (raw) => `CASE
            WHEN ${raw} IN (${sqlList(values)}) THEN ${raw}
            WHEN ${normalizeWord(raw)} IN (${sqlList(values)}) THEN ${normalizeWord(raw)}
          END`,
    checks: (raw, _text, parsed) => [...requiredCheck(c, raw), typeCheck(c, raw, parsed)],
  };
};

/** Spelled as enums are: case, umlauts, spaces and hyphens do not matter. */
const schluessel: KindBuilder = (c) => ({
  parse: (raw) => `CASE WHEN regexp_full_match(${normalizeWord(raw)}, '[a-z0-9_]+') THEN ${normalizeWord(raw)} END`,
  checks: (raw, _text, parsed) => [...requiredCheck(c, raw), typeCheck(c, raw, parsed)],
});

/**
 * Excel turns a Schlüssel typed as a number into 8111 or 8111000: the leading zero is
 * restored with a warning, because the digits themselves are unambiguous.
 */
const ags: KindBuilder = (c) => {
  const pattern = (c.js.pattern ?? "^08\\d{3}$").replace(/^\^|\$$/g, "").replaceAll("\\d", "[0-9]");
  const withoutZero = pattern.replace(/^08/, "8");
  return {
    parse: (raw) => `CASE
            WHEN regexp_full_match(${raw}, '${pattern}') THEN ${raw}
            WHEN regexp_full_match(${raw}, '${withoutZero}') THEN '0' || ${raw}
          END`,
    checks: (raw, _text, parsed) => [...requiredCheck(c, raw), typeCheck(c, raw, parsed)],
    warning: {
      regel: "ags_fuehrende_null",
      when: (raw) => `regexp_full_match(${raw}, '${withoutZero}')`,
      message: c.msg(de.ags_fuehrende_null),
    },
  };
};

export const KIND_BUILDERS: Record<ColumnKind, KindBuilder> = { text, int, dec, date, bool, enum: enumeration, schluessel, ags };
