/**
 * The spellings users' software writes for numbers, dates, yes/no and keys,
 * as SQL over a cell: German and plain notations are both accepted, so that a
 * value is never refused for its notation alone.
 */
import { sqlString } from "./sql-text.ts";

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
export const normalizeDecimal = (raw: string) => {
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

export const GERMAN_DATE = "[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}";
export const ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
/** Midnight, with or without seconds and fractions (`00:00`, `00:00:00`, `00:00:00.000`). */
export const ZERO_TIME = "00:00(:00(\\.0+)?)?";
/** Any clock time after a date (a space before it, or ISO's `T`). */
export const ANY_TIME = " ?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?";

export const decimalPlaces = (normalized: string) =>
  `CASE WHEN contains(${normalized}, '.') THEN length(${normalized}) - strpos(${normalized}, '.') ELSE 0 END`;

/** Enum spelling as the header rule: case, umlauts, spaces and hyphens do not matter. */
export const normalizeWord = (raw: string) =>
  `replace(replace(replace(replace(replace(replace(lower(${raw}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), ' ', '_'), '-', '_')`;

export const TRUE_WORDS = ["ja", "j", "true", "wahr", "1", "x"];
export const FALSE_WORDS = ["nein", "n", "false", "falsch", "0"];

export const sqlList = (values: readonly string[]) => values.map(sqlString).join(", ");
