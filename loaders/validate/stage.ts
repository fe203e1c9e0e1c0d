/**
 * Stages one input file: maps its header to the table's columns, parses and
 * checks every row in one SQL pass, and records the findings per row ordinal.
 *
 * The staged table `stage_<table>` keeps, for every data row in file order, the
 * parsed columns, one error code per column (NULL = fine), one flag per row rule
 * and the raw cells of the rows that need a finding. Row ordinals are the staged
 * table's rowid (the reader's relation is materialized in file order).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { z } from "zod";
import { normalizeHeader } from "../read/header.ts";
import type { RawRows } from "../read/types.ts";
import { MAX_BETRAG_EUR } from "../schema/columns.ts";
import type { InputTable } from "../schema/input-tables.ts";
import { de, fill } from "./messages.ts";
import { tableColumnsSql, type ColumnSql } from "./sql-columns.ts";
import { sqlString, trimmed } from "./sql-text.ts";

/** Findings of a staged table before lines are known: ordinals instead of lines. */
export const befundTable = (table: string) => `befund_${table}`;
export const stageTable = (table: string) => `stage_${table}`;

/** First non-empty cell of a totals row (any case, optionally with a colon). */
const TOTALS_WORDS = "(summe|gesamt|gesamtsumme|insgesamt|total):?";

export const BEFUND_COLUMNS = "ord BIGINT, spalte VARCHAR, wert VARCHAR, regel VARCHAR, meldung VARCHAR, schwere VARCHAR";

export interface HeaderMapping {
  /** Column name → index of the raw cell (c0 …). Absent: column not in the file. */
  columns: Map<string, number>;
  unknown: string[];
  missing: string[];
  duplicated: string[];
}

export function mapHeader(table: InputTable, header: readonly string[]): HeaderMapping {
  const names = Object.keys(table.schema.shape);
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((cell, i) => {
    const n = normalizeHeader(cell);
    if (names.includes(n)) {
      if (columns.has(n)) duplicated.push(n);
      else columns.set(n, i);
    } else if (n !== "") unknown.push(cell.trim());
  });
  const required = tableColumnsSql(table.schema).filter((c) => c.required).map((c) => c.name);
  const missing = required.filter((n) => !columns.has(n));
  return { columns, unknown, missing, duplicated };
}

/**
 * A predicate for readers: does this row hold the required column names? Strict:
 * all of them. Lenient (the second try, when no row holds all): at least half, so
 * a file that lacks one column is reported as such, naming the column, rather
 * than as a file without a header.
 */
export function headerPredicate(table: InputTable, mode: "strict" | "lenient" = "strict"): (cells: readonly string[]) => boolean {
  const required = tableColumnsSql(table.schema).filter((c) => c.required).map((c) => c.name);
  const needed = mode === "strict" ? required.length : Math.max(2, Math.ceil(required.length / 2));
  return (cells) => {
    const present = new Set(cells.map(normalizeHeader));
    return required.filter((n) => present.has(n)).length >= needed;
  };
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The staged row's field-count message and record text (the reader's FIELD_COLUMNS); NULL when it fits. */
const FIELDS = q("felder$meldung");
const FIELDS_WERT = q("felder$wert");

/**
 * Builds `stage_<table>` and `befund_<table>` from the raw rows. Columns the
 * file lacks (optional ones) are NULL.
 */
export async function stageRows(
  conn: DuckDBConnection,
  table: InputTable,
  raw: RawRows,
  mapping: HeaderMapping,
): Promise<void> {
  const cols = tableColumnsSql(table.schema);
  const rawName = (c: ColumnSql) => q(`raw$${c.name}`);
  const textName = (c: ColumnSql) => q(`txt$${c.name}`);
  const errName = (c: ColumnSql) => q(`err$${c.name}`);
  const ruleName = (id: string) => q(`rule$${id}`);
  const corrName = (id: string) => q(`corr$${id}`);
  const warnName = (c: ColumnSql) => q(`warn$${c.name}`);
  const cellCount = raw.header.length;

  const rawSelect = cols.map((c) => {
    const i = mapping.columns.get(c.name);
    return `${i === undefined ? "NULL::VARCHAR" : trimmed(`c${i}`)} AS ${rawName(c)}`;
  });
  // A record with the wrong number of fields: its cells are not where the header says, so it gets that one finding.
  rawSelect.push(`felder_meldung AS ${FIELDS}`, `felder_wert AS ${FIELDS_WERT}`);
  // coalesce stops at the first non-empty cell: most rows cost one test.
  const allCellsEmpty = cellCount ? `coalesce(${Array.from({ length: cellCount }, (_, i) => trimmed(`c${i}`)).join(", ")}) IS NULL` : "true";
  // A totals row („Summe“, „Gesamt“ … with empty key columns) is not data: kept out like a blank row, warned about once.
  const keyCells = (table.key ?? []).map((k) => mapping.columns.get(k));
  const firstCell = cellCount ? `coalesce(${Array.from({ length: cellCount }, (_, i) => trimmed(`c${i}`)).join(", ")})` : "NULL";
  const totalsRow = keyCells.length
    ? `coalesce(${keyCells.map((i) => (i === undefined ? "true" : `${trimmed(`c${i}`)} IS NULL`)).join(" AND ")}
        AND regexp_full_match(lower(${firstCell}), '${TOTALS_WORDS}'), false)`
    : "false";
  const textSelect = cols.map((c) => `${c.text ? c.text(rawName(c)) : rawName(c)} AS ${textName(c)}`);
  const parseSelect = cols.map((c) => `${c.parse(textName(c))} AS ${q(c.name)}`);
  const corrections = table.corrections ?? [];
  const correctionFlags = corrections.map((k) => `coalesce(${k.when}, false) AS ${corrName(k.id)}`);
  const correctionReplace = corrections.length
    ? `REPLACE (${corrections.map((k) => `CASE WHEN ${corrName(k.id)} THEN ${k.set} ELSE ${q(k.column)} END AS ${q(k.column)}`).join(", ")})`
    : "";
  const errSelect = cols.map((c) => {
    const checks = c.checks(rawName(c), textName(c), q(c.name));
    if (!checks.length) return `NULL::VARCHAR AS ${errName(c)}`;
    return `CASE ${checks.map((k) => `WHEN ${k.violation} THEN ${sqlString(k.regel)}`).join(" ")} END AS ${errName(c)}`;
  });
  const warnSelect = cols.filter((c) => c.warning).map((c) => `coalesce(${c.warning!.when(rawName(c))}, false) AS ${warnName(c)}`);
  const ruleSelect = table.rowRules.map((r) => `coalesce(${r.violation}, false) AS ${ruleName(r.id)}`);
  const okExpr = [`${FIELDS} IS NULL`, ...cols.map((c) => `${errName(c)} IS NULL`), ...table.rowRules.map((r) => `NOT ${ruleName(r.id)}`)].join(" AND ");
  const noteExpr =
    [...corrections.map((k) => corrName(k.id)), ...cols.filter((c) => c.warning).map(warnName)].join(" OR ") || "false";

  // Raw cells are kept only for rows that get a finding: the staged table of a
  // 10 M-row file then holds little more than the parsed values.
  const keepRaw = cols.map((c) => `CASE WHEN NOT ok OR noted THEN ${rawName(c)} END AS ${rawName(c)}`);
  const excludeRaw = cols.map(rawName).join(", ");
  const excludeText = cols.map(textName).join(", ");

  await conn.run(`CREATE OR REPLACE TEMP TABLE ${stageTable(table.name)} AS
    SELECT * EXCLUDE (${excludeRaw}, ${excludeText}), ${keepRaw.join(", ")}
    FROM (
      SELECT *, ${okExpr} AS ok, ${noteExpr} AS noted
      FROM (
        SELECT *, ${[...errSelect, ...warnSelect, ...ruleSelect].join(", ")}
        FROM (
          SELECT * ${correctionReplace}
          FROM (
            SELECT *${correctionFlags.length ? ", " + correctionFlags.join(", ") : ""}
            FROM (
              SELECT *, ${parseSelect.join(", ")}
              FROM (
                SELECT *, ${textSelect.join(", ")}
                FROM (SELECT ${rawSelect.join(", ")}, ${allCellsEmpty} OR ${totalsRow} AS leer, ${totalsRow} AS summe FROM ${raw.relation})
              )
            )
          )
        )
      )
    )`);

  // One finding per broken column, per broken row rule, per warning.
  const st = stageTable(table.name);
  const parts: string[] = [];
  for (const c of cols) {
    const checks = c.checks(rawName(c), textName(c), q(c.name));
    if (!checks.length) continue;
    const messageCase = `CASE ${errName(c)} ${checks
      .map((k) => `WHEN ${sqlString(k.regel)} THEN replace(${sqlString(k.message)}, '{wert}', coalesce(${rawName(c)}, ''))`)
      .join(" ")} END`;
    parts.push(`SELECT rowid, ${sqlString(c.name)}, ${rawName(c)}, ${errName(c)}, ${messageCase}, 'fehler'
      FROM ${st} WHERE NOT leer AND ${FIELDS} IS NULL AND ${errName(c)} IS NOT NULL`);
    if (c.warning)
      parts.push(`SELECT rowid, ${sqlString(c.name)}, ${rawName(c)}, ${sqlString(c.warning.regel)},
          replace(${sqlString(c.warning.message)}, '{wert}', coalesce(${rawName(c)}, '')), 'warnung'
        FROM ${st} WHERE NOT leer AND ${FIELDS} IS NULL AND ${warnName(c)}`);
  }
  for (const r of table.rowRules) {
    // A rule over a value that could not be read would only echo that cell's finding
    // (an unreadable bescheid_datum is not also a missing one): one finding per wrong cell.
    const unread = cols
      .filter((c) => new RegExp(`\\b${c.name}\\b`).test(r.violation))
      .map((c) => ` AND ${errName(c)} IS NULL`)
      .join("");
    parts.push(`SELECT rowid, ${sqlString(r.column)}, ${rawName({ name: r.column } as ColumnSql)}, ${sqlString(r.id)},
        replace(${sqlString(fill(r.message, { spalte: r.column, wert: "{wert}" }))}, '{wert}', coalesce(${rawName({ name: r.column } as ColumnSql)}, '')), 'fehler'
      FROM ${st} WHERE NOT leer AND ${FIELDS} IS NULL AND ${ruleName(r.id)}${unread}`);
  }
  for (const k of corrections)
    parts.push(`SELECT rowid, ${sqlString(k.column)}, ${rawName({ name: k.column } as ColumnSql)}, ${sqlString(k.id)},
        replace(${sqlString(k.message)}, '{wert}', coalesce(${rawName({ name: k.column } as ColumnSql)}, '')), 'warnung'
      FROM ${st} WHERE NOT leer AND ${FIELDS} IS NULL AND ${corrName(k.id)}`);

  parts.push(`SELECT rowid, NULL, ${FIELDS_WERT}, 'zeile_spaltenzahl', ${FIELDS}, 'fehler' FROM ${st} WHERE NOT leer AND ${FIELDS} IS NOT NULL`);

  await conn.run(`CREATE OR REPLACE TEMP TABLE ${befundTable(table.name)} (${BEFUND_COLUMNS})`);
  if (parts.length) await conn.run(`INSERT INTO ${befundTable(table.name)} ${parts.join("\nUNION ALL\n")}`);
  await warnOnTotalsRows(conn, table, cols.filter((c) => c.meta.kind === "dec" && mapping.columns.has(c.name)));
}

/**
 * One warning for the file's totals rows, on the first of them: a totals row
 * is not data, but whether its amounts agree with the rows above it is worth
 * knowing (a sum that disagrees with its detail points at a missing row).
 */
async function warnOnTotalsRows(conn: DuckDBConnection, table: InputTable, amounts: readonly ColumnSql[]): Promise<void> {
  const st = stageTable(table.name);
  const totals = (await conn.runAndReadAll(`SELECT rowid FROM ${st} WHERE summe ORDER BY rowid`)).getRows().map((r) => Number(r[0]));
  if (totals.length === 0) return;
  const first = totals[0]!;
  const comparisons: string[] = [];
  for (const c of amounts) {
    const [row] = (
      await conn.runAndReadAll(`SELECT (SELECT ${q(c.name)} FROM ${st} WHERE rowid = ${first})::VARCHAR,
        (SELECT sum(${q(c.name)}) FROM ${st} WHERE rowid < ${first} AND NOT leer)::VARCHAR`)
    ).getRows();
    const [stated, summed] = [row?.[0], row?.[1]];
    if (stated === null || stated === undefined) continue;
    const german = (v: unknown) => germanDecimal(String(v ?? "0"));
    comparisons.push(
      Number(stated) === Number(summed ?? 0)
        ? fill(de.summenzeile_gleich, { spalte: c.name, betrag: german(stated) })
        : fill(de.summenzeile_abweichend, { spalte: c.name, betrag: german(stated), summe: german(summed) }),
    );
  }
  const message = fill(de.summenzeile, { anzahl: totals.length }) + (comparisons.length ? ` ${comparisons.join("; ")}.` : "");
  await conn.run(`INSERT INTO ${befundTable(table.name)} VALUES (${first}, NULL, NULL, 'summenzeile', ${sqlString(message)}, 'warnung')`);
}

/** `-1234.5` → `-1.234,50`-style German notation, exact (no float rounding). */
function germanDecimal(v: string): string {
  const [int = "0", frac] = v.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${digits}${frac !== undefined ? `,${frac}` : ""}`;
}

/** Lines a duplicate-key finding names; the count says how many there are in all. */
export const DUPLICATE_LINES_SHOWN = 5;

/**
 * Rejects every row whose key occurs more than once: with two rows for one
 * Aktenzeichen, no rule can tell which one is right.
 *
 * Each duplicated key is reported once, on its first row, with its count and
 * first DUPLICATE_LINES_SHOWN lines; its other rows are rejected as follow-ons
 * of that finding (`folge_schluessel_doppelt`, one per row, pointing to the
 * first line), so each row is still named. Messages stay short whatever the
 * count: listing every line in every row's message grew with the square of
 * the count (20,000 rows of one key took 40 s and 3.8 GB, issue 12).
 */
export async function checkKeys(conn: DuckDBConnection, table: InputTable): Promise<void> {
  if (!table.key?.length) return;
  const st = stageTable(table.name);
  const key = table.key.map(q).join(", ");
  const keyText = table.key.map((k) => `coalesce(CAST(${q(k)} AS VARCHAR), '')`).join(` || ', ' || `);
  const schluessel = table.key.join(", ");
  const first = fill(de.schluessel_doppelt, { schluessel, anzahl: "{anzahl}", zeilen: "{zeilen}" });
  const followOn = fill(de.folge_schluessel_doppelt, { schluessel, zeile: "{zeile}" });
  // Find the duplicated keys first (a plain count per key), then number only the
  // rows that carry them: a window over every row would sort the whole file.
  await conn.run(`INSERT INTO ${befundTable(table.name)}
    WITH dup AS (
      SELECT ${key}, count(*) AS anzahl FROM ${st}
      WHERE NOT leer AND ${FIELDS} IS NULL AND ${table.key.map((k) => `${q(k)} IS NOT NULL`).join(" AND ")}
      GROUP BY ALL HAVING count(*) > 1
    ),
    hit AS (
      SELECT s.rowid AS ord, ${table.key.map((k) => `s.${q(k)}`).join(", ")}, dup.anzahl,
        row_number() OVER (PARTITION BY ${table.key.map((k) => `s.${q(k)}`).join(", ")} ORDER BY s.rowid) AS nr
      FROM ${st} s JOIN dup USING (${key}) WHERE NOT s.leer AND s.${FIELDS} IS NULL
    ),
    head AS (
      SELECT ${key}, min(ord) AS erste,
        string_agg(CAST(ord AS VARCHAR), ',' ORDER BY ord) AS ords
      FROM hit WHERE nr <= ${DUPLICATE_LINES_SHOWN} GROUP BY ALL
    )
    SELECT hit.ord, ${sqlString(table.key[table.key.length - 1]!)}, ${keyText},
      CASE WHEN hit.nr = 1 THEN 'schluessel_doppelt' ELSE 'folge_schluessel_doppelt' END,
      CASE WHEN hit.nr = 1
        THEN replace(replace(${sqlString(first)}, '{anzahl}', replace(format('{:,}', hit.anzahl), ',', '.')),
          '{zeilen}', '{zeilen:' || head.ords || '}' || CASE WHEN hit.anzahl > ${DUPLICATE_LINES_SHOWN} THEN ', …' ELSE '' END)
        ELSE replace(${sqlString(followOn)}, '{zeile}', '{zeilen:' || head.erste || '}')
      END,
      'fehler'
    FROM hit JOIN head USING (${key})`);
}

/** Largest sum a published amount column (DECIMAL(18,2)) holds. */
export const MAX_SUMME_EUR = "9999999999999999.99";
export const MAX_SUMME_TEXT = "9.999.999.999.999.999,99 €";
export const MAX_BETRAG_TEXT = `${new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2 }).format(MAX_BETRAG_EUR)} €`;

/**
 * Amount columns whose accepted rows add up (in absolute value) to more than a
 * published DECIMAL(18,2) sum holds. With at most MAX_BETRAG_EUR per row that
 * takes over ten million rows, but a file that long must be a finding, not a
 * "Conversion Error" with SQL text while the published tables are built
 * (issue 12). DuckDB adds DECIMAL(18,2) as DECIMAL(38,2): the check itself
 * cannot overflow.
 */
export async function amountTotalsOverflow(conn: DuckDBConnection, table: InputTable): Promise<string[]> {
  const amounts = tableColumnsSql(table.schema).filter((c) => c.meta.kind === "dec" && c.meta.unit === "EUR");
  if (!amounts.length) return [];
  const [row] = (
    await conn.runAndReadAll(
      `SELECT ${amounts.map((c) => `coalesce(sum(abs(${q(c.name)})) > ${MAX_SUMME_EUR}::DECIMAL(38,2), false)`).join(", ")}
       FROM ${stageTable(table.name)} WHERE ok AND NOT leer`,
    )
  ).getRows();
  return amounts.filter((_, i) => row?.[i] === true).map((c) => c.name);
}
