/**
 * Rules across tables, run on the staged rows after each table's own checks.
 *
 * Rejections (a row that points at nothing valid) and warnings (figures that
 * do not make a row wrong but deserve a look) are appended to the tables'
 * findings. A row already rejected for its own reasons is not judged again.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { de, fill } from "./messages.ts";
import { sqlString } from "./sql-text.ts";
import { befundTable, stageTable } from "./stage.ts";

/** Rows of a staged table that passed their own checks so far. */
export const passing = (table: string) => `(
  SELECT s.rowid AS ord, s.* FROM ${stageTable(table)} s
  WHERE s.ok AND NOT s.leer
    AND s.rowid NOT IN (SELECT ord FROM ${befundTable(table)} WHERE schwere = 'fehler')
)`;

const msgSql = (template: string, wertSql: string) => `replace(${sqlString(template)}, '{wert}', coalesce(${wertSql}, ''))`;

/** A file whose table was refused as a whole: rows that depend on it are follow-on rejections. */
export interface RefusedTable {
  /** File name as reported, e.g. `bewilligungen.csv`. */
  datei: string;
  /** Whether its rows were staged (readable, but refused): then their keys are known. */
  staged: boolean;
}

const stagedColumn = async (conn: DuckDBConnection, table: string, column: string): Promise<boolean> =>
  Number(
    (
      await conn.runAndReadAll(
        `SELECT count(*) FROM duckdb_columns() WHERE table_name = ${sqlString(stageTable(table))} AND column_name = ${sqlString(column)}`,
      )
    ).getRows()[0]?.[0] ?? 0,
  ) > 0;

/**
 * A Förderbereich must be in the list (`ref.foerderbereiche`: the default list or
 * the table `foerderbereiche`). The message names the known keys and says how a
 * new measure is added. When the table `foerderbereiche` was refused, an area that
 * only it names is a follow-on rejection: the cause is that table, not the row.
 */
export async function checkFoerderbereichReferences(
  conn: DuckDBConnection,
  present: ReadonlySet<string>,
  refusedList: RefusedTable | null = null,
): Promise<void> {
  const known = (await conn.runAndReadAll("SELECT foerderbereich FROM ref.foerderbereiche ORDER BY reihenfolge")).getRows().map((r) => String(r[0]));
  const template = fill(de.foerderbereich_unbekannt, { erlaubt: known.join(", "), wert: "{wert}" });
  const onlyInRefused =
    refusedList?.staged && (await stagedColumn(conn, "foerderbereiche", "foerderbereich"))
      ? `(SELECT DISTINCT foerderbereich FROM ${stageTable("foerderbereiche")} WHERE NOT leer AND foerderbereich IS NOT NULL)`
      : `(SELECT NULL::VARCHAR AS foerderbereich WHERE false)`;
  const followOn = refusedList ? sqlString(fill(de.folge_foerderbereich, { datei: refusedList.datei })) : "NULL";
  for (const table of ["haushalt", "bewilligungen"]) {
    if (!present.has(table)) continue;
    await conn.run(`INSERT INTO ${befundTable(table)}
      SELECT p.ord, 'foerderbereich', p.foerderbereich,
        CASE WHEN p.foerderbereich IN ${onlyInRefused} THEN 'folge_foerderbereich' ELSE 'foerderbereich_unbekannt' END,
        CASE WHEN p.foerderbereich IN ${onlyInRefused} THEN ${followOn} ELSE ${msgSql(template, "p.foerderbereich")} END,
        'fehler'
      FROM ${passing(table)} p
      WHERE p.foerderbereich NOT IN (SELECT foerderbereich FROM ref.foerderbereiche)`);
  }
}

export async function checkKreisReferences(conn: DuckDBConnection, present: ReadonlySet<string>): Promise<void> {
  const refs: [table: string, column: string][] = [
    ["bewilligungen", "empfaenger_ags"],
    ["gefluechtete_au", "kreis_ags"],
    ["kreise", "kreis_ags"],
  ];
  for (const [table, column] of refs) {
    if (!present.has(table)) continue;
    await conn.run(`INSERT INTO ${befundTable(table)}
      SELECT p.ord, '${column}', p.${column}, 'kreis_unbekannt', ${msgSql(de.kreis_unbekannt, `p.${column}`)}, 'fehler'
      FROM ${passing(table)} p
      WHERE left(p.${column}, 5) NOT IN (SELECT kreis_ags FROM ref.kreise)`);
  }
}

/** A Gemeinde's population (optional table `gemeinden`) must name one of the Gemeinden (`ref.gemeinden`). */
export async function checkGemeindeReferences(conn: DuckDBConnection, present: ReadonlySet<string>): Promise<void> {
  if (!present.has("gemeinden")) return;
  await conn.run(`INSERT INTO ${befundTable("gemeinden")}
    SELECT p.ord, 'gemeinde_ags', p.gemeinde_ags, 'gemeinde_unbekannt', ${msgSql(de.gemeinde_unbekannt, "p.gemeinde_ags")}, 'fehler'
    FROM ${passing("gemeinden")} p
    WHERE p.gemeinde_ags NOT IN (SELECT gemeinde_ags FROM ref.gemeinden)`);
}

/**
 * Payments and staffing reports must point at a granted grant (staffing: in
 * integration management). Run after the grants' own checks, so a payment of
 * a rejected grant is rejected too and the balance stays visible. Such a payment
 * is a follow-on rejection that names where the cause is (the grant's file), so
 * that hundreds of them do not read as hundreds of wrong payments.
 */
export async function checkGrantReferences(
  conn: DuckDBConnection,
  present: ReadonlySet<string>,
  refusedGrants: RefusedTable | null = null,
): Promise<void> {
  const datei = refusedGrants?.datei ?? "bewilligungen.csv";
  const granted = present.has("bewilligungen")
    ? `(SELECT aktenzeichen, foerderbereich FROM ${passing("bewilligungen")} WHERE status = 'bewilligt')`
    : `(SELECT NULL::VARCHAR AS aktenzeichen, NULL::VARCHAR AS foerderbereich WHERE false)`;
  /** Aktenzeichen of grant rows that were rejected for their own reasons. */
  const rejectedGrants = present.has("bewilligungen")
    ? `(SELECT s.aktenzeichen FROM ${stageTable("bewilligungen")} s
        WHERE NOT s.leer AND s.aktenzeichen IS NOT NULL
          AND (NOT s.ok OR s.rowid IN (SELECT ord FROM ${befundTable("bewilligungen")} WHERE schwere = 'fehler')))`
    : `(SELECT NULL::VARCHAR AS aktenzeichen WHERE false)`;
  const rule = (own: string) =>
    present.has("bewilligungen")
      ? `CASE WHEN p.aktenzeichen IN ${rejectedGrants} THEN 'folge_zuwendung_abgelehnt' ELSE '${own}' END`
      : `'folge_datei_abgelehnt'`;
  const message = (own: string) =>
    present.has("bewilligungen")
      ? `CASE WHEN p.aktenzeichen IN ${rejectedGrants} THEN ${sqlString(fill(de.folge_zuwendung_abgelehnt, { datei }))}
          ELSE ${msgSql(own, "p.aktenzeichen")} END`
      : sqlString(fill(de.folge_datei_abgelehnt, { datei }));
  if (present.has("auszahlungen"))
    await conn.run(`INSERT INTO ${befundTable("auszahlungen")}
      SELECT p.ord, 'aktenzeichen', p.aktenzeichen, ${rule("zahlung_ohne_bewilligung")}, ${message(de.zahlung_ohne_bewilligung)}, 'fehler'
      FROM ${passing("auszahlungen")} p ANTI JOIN ${granted} g ON p.aktenzeichen = g.aktenzeichen`);
  if (present.has("stellen"))
    await conn.run(`INSERT INTO ${befundTable("stellen")}
      SELECT p.ord, 'aktenzeichen', p.aktenzeichen, ${rule("stelle_ohne_bewilligung")}, ${message(de.stelle_ohne_bewilligung)}, 'fehler'
      FROM ${passing("stellen")} p
      ANTI JOIN (SELECT aktenzeichen FROM ${granted} WHERE foerderbereich = 'integrationsmanagement') g ON p.aktenzeichen = g.aktenzeichen`);
}

/** German decimal in a message without trailing zeros: 1,5. */
const decimal = (sql: string) => `replace(CAST(CAST(${sql} AS DOUBLE) AS VARCHAR), '.', ',')`;

/** German amount in a message: 2.314.950,00. */
const euro = (sql: string) => `translate(format('{:,.2f}', ${sql}), ',.', '.,')`;

/**
 * Warnings on the accepted rows (contract §2): payments above the amount
 * granted, more filled VZÄ than granted. They name the grant's line.
 */
export async function warnOnAcceptedFigures(conn: DuckDBConnection, present: ReadonlySet<string>): Promise<void> {
  if (!present.has("bewilligungen")) return;
  const grants = `(SELECT ord, aktenzeichen, bewilligt_eur, vzae_bewilligt FROM ${passing("bewilligungen")} WHERE status = 'bewilligt')`;
  if (present.has("auszahlungen")) {
    const template = fill(de.warn_auszahlung_ueber_bewilligung, { ausgezahlt: "{a}", bewilligt: "{b}", aktenzeichen: "{z}" });
    await conn.run(`INSERT INTO ${befundTable("bewilligungen")}
      SELECT g.ord, 'bewilligt_eur', CAST(g.bewilligt_eur AS VARCHAR), 'auszahlung_ueber_bewilligung',
        replace(replace(replace(${sqlString(template)}, '{a}', ${euro("z.netto")}), '{b}', ${euro("g.bewilligt_eur")}), '{z}', g.aktenzeichen),
        'warnung'
      FROM ${grants} g
      JOIN (SELECT aktenzeichen, sum(betrag_eur) AS netto FROM ${passing("auszahlungen")} GROUP BY aktenzeichen) z USING (aktenzeichen)
      WHERE z.netto > g.bewilligt_eur`);
  }
  if (present.has("stellen")) {
    const template = fill(de.warn_vzae_ueber_bewilligung, { stichtag: "{s}", besetzt: "{v}", bewilligt: "{b}", aktenzeichen: "{z}" });
    await conn.run(`INSERT INTO ${befundTable("bewilligungen")}
      SELECT g.ord, 'vzae_bewilligt', CAST(g.vzae_bewilligt AS VARCHAR), 'vzae_ueber_bewilligung',
        replace(replace(replace(replace(${sqlString(template)}, '{s}', strftime(v.stichtag, '%d.%m.%Y')),
          '{v}', ${decimal("v.besetzt")}), '{b}', ${decimal("g.vzae_bewilligt")}), '{z}', g.aktenzeichen),
        'warnung'
      FROM ${grants} g
      JOIN (
        SELECT aktenzeichen, stichtag, sum(vzae) AS besetzt FROM ${passing("stellen")} WHERE besetzt GROUP BY ALL
      ) v USING (aktenzeichen)
      WHERE v.besetzt > g.vzae_bewilligt`);
  }
}

/**
 * A booking outside the years its measure runs (`ab_jahr`–`bis_jahr` of the
 * list): a warning, not a rejection, because late payments and carried-over
 * grants of an ended measure are real; but an appropriation for 2026 in a
 * measure that ended in 2024 is more likely a wrong key than a decision.
 */
export async function warnOutsideRunningYears(conn: DuckDBConnection, present: ReadonlySet<string>): Promise<void> {
  const template = sqlString(de.warn_ausserhalb_laufzeit);
  const laufzeit = `CASE WHEN f.ab_jahr IS NULL THEN 'bis ' || f.bis_jahr WHEN f.bis_jahr IS NULL THEN 'ab ' || f.ab_jahr
    ELSE f.ab_jahr || '–' || f.bis_jahr END`;
  const message = (was: string) =>
    `replace(replace(replace(${template}, '{was}', ${was}), '{name}', f.name), '{laufzeit}', ${laufzeit})`;
  if (present.has("haushalt"))
    await conn.run(`INSERT INTO ${befundTable("haushalt")}
      SELECT p.ord, 'haushaltsjahr', CAST(p.haushaltsjahr AS VARCHAR), 'ausserhalb_laufzeit',
        ${message(`'Der Ansatz für ' || p.haushaltsjahr`)}, 'warnung'
      FROM ${passing("haushalt")} p JOIN ref.foerderbereiche f USING (foerderbereich)
      WHERE p.haushaltsjahr < coalesce(f.ab_jahr, p.haushaltsjahr) OR p.haushaltsjahr > coalesce(f.bis_jahr, p.haushaltsjahr)`);
  if (present.has("bewilligungen"))
    await conn.run(`INSERT INTO ${befundTable("bewilligungen")}
      SELECT p.ord, 'beginn', strftime(p.beginn, '%d.%m.%Y'), 'ausserhalb_laufzeit',
        ${message(`'Der Bewilligungszeitraum ' || strftime(p.beginn, '%d.%m.%Y') || '–' || strftime(p.ende, '%d.%m.%Y')`)}, 'warnung'
      FROM ${passing("bewilligungen")} p JOIN ref.foerderbereiche f USING (foerderbereich)
      WHERE p.status = 'bewilligt'
        AND (year(p.ende) < coalesce(f.ab_jahr, year(p.ende)) OR year(p.beginn) > coalesce(f.bis_jahr, year(p.beginn)))`);
}

/**
 * Commitments above the appropriation (contract §2): needs the pro-rata split
 * per year, so it runs after the published table `haushalt_jahr` exists.
 */
export async function warnOnAppropriations(conn: DuckDBConnection, present: ReadonlySet<string>): Promise<void> {
  if (!present.has("haushalt")) return;
  const template = fill(de.warn_bindung_ueber_ansatz, { jahr: "{j}", foerderbereich: "{f}", bewilligt: "{b}", ansatz: "{a}" });
  await conn.run(`INSERT INTO ${befundTable("haushalt")}
    SELECT p.ord, 'ansatz_eur', CAST(p.ansatz_eur AS VARCHAR), 'bindung_ueber_ansatz',
      replace(replace(replace(replace(${sqlString(template)}, '{j}', CAST(h.jahr AS VARCHAR)), '{f}', h.foerderbereich),
        '{b}', ${euro("h.bewilligt_eur")}), '{a}', ${euro("h.ansatz_eur")}),
      'warnung'
    FROM ${passing("haushalt")} p
    JOIN main.haushalt_jahr h ON h.jahr = p.haushaltsjahr AND h.foerderbereich = p.foerderbereich
    WHERE h.bewilligt_eur > h.ansatz_eur`);
}
