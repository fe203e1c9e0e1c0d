/**
 * Validates an input folder into a DuckDB connection: accepted rows land in
 * `eingang.*`, findings in `meta.befunde`, per-file counts in `meta.dateien`.
 *
 * Every data row ends accepted or rejected; per file, read = accepted + rejected
 * is checked here and an imbalance is a program error, never a quiet loss.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { listInputFiles } from "../read/input-folder.ts";
import { readRaw } from "../read/index.ts";
import { isUnreadable, type RawRows } from "../read/types.ts";
import { hasPersonalData, INPUT_SCHEMA, inputTableDdl, storedColumns } from "../schema/ddl.ts";
import { BEFUNDE_DDL } from "../base/finding.ts";
import { INPUT_TABLES, type InputTable } from "../schema/input-tables.ts";
import { loadGemeinden, REF_GEMEINDEN_DDL } from "../reference/gemeinden.ts";
import { loadKreise, REF_KREISE_DDL, EINWOHNER_QUELLE, EINWOHNER_STAND } from "../reference/kreise.ts";
import {
  INTEGRATIONSMANAGEMENT,
  loadDefaultFoerderbereiche,
  QUELLE_STANDARD,
  QUELLE_TABELLE,
  REF_FOERDERBEREICHE_DDL,
  withColours,
  writeFoerderbereiche,
} from "../reference/foerderbereiche.ts";
import {
  checkFoerderbereichReferences,
  checkGrantReferences,
  checkGemeindeReferences,
  checkKreisReferences,
  passing,
  type RefusedTable,
  warnOnAcceptedFigures,
  warnOutsideRunningYears,
} from "./cross-table.ts";
import { fileFinding, type Finding } from "../base/finding.ts";
import { de, fill } from "./messages.ts";
import { sqlString } from "./sql-text.ts";
import { amountTotalsOverflow, befundTable, checkKeys, headerPredicate, MAX_BETRAG_TEXT, MAX_SUMME_TEXT, mapHeader, stageRows, stageTable } from "./stage.ts";

export interface FileSummary {
  datei: string;
  tabelle: string;
  format: string;
  kodierung: string | null;
  trennzeichen: string | null;
  kopfzeile: number | null;
  gelesen: number;
  akzeptiert: number;
  abgelehnt: number;
  warnungen: number;
  leerzeilen: number;
}

export interface ValidationResult {
  files: FileSummary[];
  /** All findings, file-level ones included, with lines. */
  findings: Finding[];
  errors: number;
  warnings: number;
}

export const META_DDL = [
  BEFUNDE_DDL,
  `CREATE TABLE meta.dateien (datei VARCHAR, tabelle VARCHAR, format VARCHAR, kodierung VARCHAR, trennzeichen VARCHAR,
     kopfzeile INTEGER, gelesen BIGINT, akzeptiert BIGINT, abgelehnt BIGINT, warnungen BIGINT, leerzeilen BIGINT)`,
];

/** Creates the warehouse schemas, the reference data and the empty input tables. */
export async function createWarehouseSchema(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${INPUT_SCHEMA}; CREATE SCHEMA IF NOT EXISTS ref; CREATE SCHEMA IF NOT EXISTS meta;`);
  for (const ddl of META_DDL) await conn.run(ddl);
  await conn.run(REF_KREISE_DDL);
  const values = loadKreise()
    .map(
      (k) =>
        `(${[k.kreis_ags, k.kreis_name, k.kreis_typ, k.regierungsbezirk].map(sqlString).join(", ")}, ${k.einwohner}, DATE '${EINWOHNER_STAND}', ${sqlString(EINWOHNER_QUELLE)}, ${k.flaeche_km2})`,
    )
    .join(",\n");
  await conn.run(`INSERT INTO ref.kreise VALUES ${values}`);
  await conn.run(REF_GEMEINDEN_DDL);
  const gemeinden = loadGemeinden()
    .map((g) => `(${[g.gemeinde_ags, g.gemeinde_name, g.gemeinde_typ, g.kreis_ags].map(sqlString).join(", ")})`)
    .join(",\n");
  await conn.run(`INSERT INTO ref.gemeinden VALUES ${gemeinden}`);
  await conn.run(REF_FOERDERBEREICHE_DDL);
  await writeFoerderbereiche(conn, loadDefaultFoerderbereiche(), QUELLE_STANDARD);
  for (const t of INPUT_TABLES) await conn.run(inputTableDdl(t));
}

interface Staged {
  table: InputTable;
  raw: RawRows;
  summary: FileSummary;
  /** Reader-level and file-level findings (lines known). */
  direct: Finding[];
  /** False when the file as a whole was refused (missing column …): every row rejected. */
  usable: boolean;
}

const count = async (conn: DuckDBConnection, sql: string): Promise<number> => {
  const r = await conn.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
};

/**
 * Reads, checks and loads the input folder. The connection must have the
 * warehouse schema (`createWarehouseSchema`). Call `finishValidation` after any
 * later warnings (they need the published tables) to write `meta.befunde`.
 */
export async function validateInput(conn: DuckDBConnection, dir: string): Promise<Staging> {
  const listing = listInputFiles(dir, INPUT_TABLES.map((t) => t.name));
  const fileLevel: Finding[] = [...listing.findings];
  const staged: Staged[] = [];
  const summaries: FileSummary[] = [];

  for (const table of INPUT_TABLES) {
    const file = listing.files.get(table.name);
    if (!file) {
      const doubled = listing.findings.some((f) => f.regel === "tabelle_doppelt" && f.meldung.includes(table.name));
      if (!table.optional && !doubled)
        fileLevel.push(fileFinding(`${table.name}.csv`, "tabelle_fehlt", fill(de.tabelle_fehlt, { tabelle: table.name })));
      continue;
    }
    const request = {
      path: file.path,
      datei: file.datei,
      connection: conn,
      stageName: table.name,
      personalData: hasPersonalData(table),
    };
    let result = await readRaw({ ...request, isHeader: headerPredicate(table, "strict") });
    if (isUnreadable(result) && result.finding.regel === "kopfzeile_fehlt") {
      const lenient = await readRaw({ ...request, isHeader: headerPredicate(table, "lenient") });
      if (!isUnreadable(lenient)) result = lenient;
    }
    const summary: FileSummary = {
      datei: file.datei,
      tabelle: table.name,
      format: file.format,
      kodierung: null,
      trennzeichen: null,
      kopfzeile: null,
      gelesen: 0,
      akzeptiert: 0,
      abgelehnt: 0,
      warnungen: 0,
      leerzeilen: 0,
    };
    summaries.push(summary);
    if (isUnreadable(result)) {
      fileLevel.push(result.finding);
      continue;
    }
    Object.assign(summary, {
      kodierung: result.encoding ?? null,
      trennzeichen: result.delimiter ?? null,
      kopfzeile: result.headerLine,
    });
    const mapping = mapHeader(table, result.header);
    const direct: Finding[] = [];
    for (const name of mapping.unknown)
      direct.push(fileFinding(file.datei, "spalte_unbekannt", fill(de.spalte_unbekannt, { spalte: name }), "warnung"));
    let usable = mapping.missing.length === 0 && mapping.duplicated.length === 0;
    // Stage even an unusable file (with the columns it has), so its rows are counted.
    await stageRows(conn, table, result, mapping);
    direct.push(...(await result.malformed()));
    if (usable) {
      await checkKeys(conn, table);
      const overflowing = await amountTotalsOverflow(conn, table);
      if (overflowing.length) {
        const rows = await count(conn, `SELECT count(*) FROM ${stageTable(table.name)} WHERE NOT leer`);
        for (const spalte of overflowing)
          direct.push({ ...fileFinding(file.datei, "summe_zu_gross", fill(de.summe_zu_gross, { spalte, grenze: MAX_SUMME_TEXT, betrag: MAX_BETRAG_TEXT, zeilen: rows })), spalte });
        // The rows' own findings stay; every other row is rejected with the file.
        await conn.run(`INSERT INTO ${befundTable(table.name)}
          SELECT rowid, NULL, NULL, 'datei_abgelehnt', NULL, 'fehler' FROM ${stageTable(table.name)}
          WHERE NOT leer AND rowid NOT IN (SELECT ord FROM ${befundTable(table.name)} WHERE schwere = 'fehler')`);
        usable = false;
      }
    } else {
      const rows = await count(conn, `SELECT count(*) FROM ${stageTable(table.name)} WHERE NOT leer`);
      for (const spalte of mapping.missing)
        direct.push({ ...fileFinding(file.datei, "spalte_fehlt", fill(de.spalte_fehlt, { spalte, zeilen: rows })), spalte });
      for (const spalte of mapping.duplicated)
        direct.push({ ...fileFinding(file.datei, "spalte_doppelt", fill(de.spalte_doppelt, { spalte })), spalte });
      // Their per-row findings would only repeat the missing column: drop them, reject all rows.
      await conn.run(`DELETE FROM ${befundTable(table.name)}`);
      await conn.run(`INSERT INTO ${befundTable(table.name)}
        SELECT rowid, NULL, NULL, 'datei_abgelehnt', NULL, 'fehler' FROM ${stageTable(table.name)} WHERE NOT leer`);
    }
    staged.push({ table, raw: result, summary, direct, usable });
  }

  const present = usableTables({ conn, staged, fileLevel, summaries });
  await adoptFoerderbereiche(conn, staged, present);
  await checkFoerderbereichReferences(conn, present, refused("foerderbereiche", staged, summaries));
  await checkKreisReferences(conn, present);
  await checkGemeindeReferences(conn, present);
  await checkGrantReferences(conn, present, refused("bewilligungen", staged, summaries) ?? missing("bewilligungen", staged, summaries));
  await warnOnAcceptedFigures(conn, present);
  await warnOutsideRunningYears(conn, present);

  for (const s of staged) {
    if (!s.usable) continue;
    const cols = storedColumns(s.table).map((c) => `"${c.name}"`).join(", ");
    await conn.run(`INSERT INTO ${INPUT_SCHEMA}.${s.table.name} (${cols})
      SELECT ${cols} FROM ${stageTable(s.table.name)} s
      WHERE s.ok AND NOT s.leer
        AND s.rowid NOT IN (SELECT ord FROM ${befundTable(s.table.name)} WHERE schwere = 'fehler')`);
  }
  return { conn, staged, fileLevel, summaries };
}

/** The table's file, when it was read but refused (staged) or could not be read at all. */
function refused(table: string, staged: readonly Staged[], summaries: readonly FileSummary[]): RefusedTable | null {
  const s = staged.find((x) => x.table.name === table);
  if (s) return s.usable ? null : { datei: s.summary.datei, staged: true };
  const unreadable = summaries.find((x) => x.tabelle === table);
  return unreadable ? { datei: unreadable.datei, staged: false } : null;
}

/** A required table without any file: what depends on it follows its absence. */
function missing(table: string, staged: readonly Staged[], summaries: readonly FileSummary[]): RefusedTable | null {
  return staged.some((x) => x.table.name === table) || summaries.some((x) => x.tabelle === table)
    ? null
    : { datei: `${table}.csv`, staged: false };
}

/**
 * An input table `foerderbereiche` replaces the default list, but only whole: a
 * list with a broken row or without integration management would reject the
 * grants of the areas it misses, so such a table is refused (every row rejected,
 * one finding on the file) and the default list stays.
 */
async function adoptFoerderbereiche(conn: DuckDBConnection, staged: Staged[], present: ReadonlySet<string>): Promise<void> {
  const s = staged.find((x) => x.table.name === "foerderbereiche");
  if (!s || !present.has("foerderbereiche")) return;
  const st = stageTable("foerderbereiche");
  const bt = befundTable("foerderbereiche");
  const rows = await count(conn, `SELECT count(*) FROM ${st} WHERE NOT leer`);
  const broken = await count(conn, `SELECT count(*) FROM ${st} WHERE NOT leer AND NOT ok`) +
    (await count(conn, `SELECT count(*) FROM ${bt} WHERE schwere = 'fehler'`));
  const hasIm = await count(conn, `SELECT count(*) FROM ${passing("foerderbereiche")} p WHERE p.foerderbereich = ${sqlString(INTEGRATIONSMANAGEMENT)}`);
  const refuse = (regel: string, meldung: string) => {
    s.direct.push({ ...fileFinding(s.summary.datei, regel, fill(meldung, { zeilen: rows })), spalte: "foerderbereich" });
    s.usable = false;
  };
  if (broken > 0) refuse("foerderbereiche_abgelehnt", de.foerderbereiche_abgelehnt);
  else if (hasIm === 0) refuse("foerderbereiche_ohne_im", de.foerderbereiche_ohne_im);
  if (!s.usable) {
    await conn.run(`INSERT INTO ${bt}
      SELECT rowid, NULL, NULL, 'datei_abgelehnt', NULL, 'fehler' FROM ${st}
      WHERE NOT leer AND rowid NOT IN (SELECT ord FROM ${bt} WHERE schwere = 'fehler')`);
    return;
  }
  const list = (
    await conn.runAndReadAll(`SELECT foerderbereich, name, kurzname, ab_jahr, bis_jahr FROM ${passing("foerderbereiche")} p ORDER BY ord`)
  ).getRowObjectsJS() as { foerderbereich: string; name: string; kurzname: string | null; ab_jahr: number | null; bis_jahr: number | null }[];
  await writeFoerderbereiche(conn, withColours(list), QUELLE_TABELLE);
}

export interface Staging {
  conn: DuckDBConnection;
  staged: Staged[];
  fileLevel: Finding[];
  summaries: FileSummary[];
}

/** Tables whose file was read and staged as a whole (for rules that run later). */
export const usableTables = (staging: Staging): ReadonlySet<string> =>
  new Set(staging.staged.filter((s) => s.usable).map((s) => s.table.name));

/**
 * Maps ordinals to lines, writes `meta.befunde` and `meta.dateien`, checks the
 * row balance and drops the staging tables.
 */
export async function finishValidation(staging: Staging): Promise<ValidationResult> {
  const { conn, staged, fileLevel, summaries } = staging;
  const findings: Finding[] = [];

  for (const s of staged) {
    const bt = befundTable(s.table.name);
    const ords = (await conn.runAndReadAll(`SELECT DISTINCT ord FROM ${bt} WHERE regel <> 'datei_abgelehnt' ORDER BY ord`))
      .getRows()
      .map((r) => Number(r[0]));
    const lines = ords.length ? await s.raw.lineOf(ords) : new Map<number, number>();
    await conn.run(`CREATE OR REPLACE TEMP TABLE zeilen (ord BIGINT, zeile INTEGER)`);
    if (lines.size) {
      const appender = await conn.createAppender("zeilen", "main", "temp");
      for (const [ord, zeile] of lines) {
        appender.appendBigInt(BigInt(ord));
        appender.appendInteger(zeile);
        appender.endRow();
      }
      appender.closeSync();
    }
    const rows = (
      await conn.runAndReadAll(`SELECT z.zeile, b.spalte, b.wert, b.regel, b.meldung, b.schwere
        FROM ${bt} b LEFT JOIN zeilen z USING (ord)
        WHERE b.regel <> 'datei_abgelehnt' ORDER BY z.zeile, b.spalte`)
    ).getRows();
    // An XLSX row number means nothing without its sheet (a workbook may hold several).
    const sheet = s.raw.blatt === undefined ? "" : `Blatt „${s.raw.blatt}“: `;
    for (const [zeile, spalte, wert, regel, meldung, schwere] of rows) {
      findings.push({
        datei: s.summary.datei,
        zeile: zeile === null ? null : Number(zeile),
        spalte: spalte as string | null,
        wert: wert as string | null,
        regel: regel as string,
        meldung: sheet + resolveLinePlaceholders(String(meldung), lines),
        schwere: schwere as Finding["schwere"],
      });
    }
    findings.push(...s.direct);

    const malformed = s.direct.filter((f) => f.regel.startsWith("zeile_") && f.schwere === "fehler").length;
    const staged = await count(conn, `SELECT count(*) FROM ${stageTable(s.table.name)} WHERE NOT leer`);
    const rejectedRows = await count(conn, `SELECT count(DISTINCT ord) FROM ${bt} WHERE schwere = 'fehler'`);
    const accepted = s.usable ? await count(conn, `SELECT count(*) FROM ${INPUT_SCHEMA}.${s.table.name}`) : 0;
    Object.assign(s.summary, {
      gelesen: staged + malformed,
      akzeptiert: accepted,
      abgelehnt: rejectedRows + malformed,
      warnungen:
        (await count(conn, `SELECT count(*) FROM ${bt} WHERE schwere = 'warnung'`)) +
        s.direct.filter((f) => f.schwere === "warnung").length,
      leerzeilen: await count(conn, `SELECT count(*) FROM ${stageTable(s.table.name)} WHERE leer AND NOT summe`),
    });
    if (s.summary.gelesen !== s.summary.akzeptiert + s.summary.abgelehnt)
      throw new Error(
        `Zeilenbilanz verletzt in ${s.summary.datei}: gelesen ${s.summary.gelesen} ≠ akzeptiert ${s.summary.akzeptiert} + abgelehnt ${s.summary.abgelehnt}`,
      );
    await conn.run(`DROP TABLE ${stageTable(s.table.name)}; DROP TABLE ${bt};`);
    await s.raw.dispose();
  }
  findings.push(...fileLevel);
  // Unreadable files: findings only; their summaries stay at zero rows.
  await writeMeta(conn, findings, summaries);
  return {
    files: summaries,
    findings,
    errors: findings.filter((f) => f.schwere === "fehler").length,
    warnings: findings.filter((f) => f.schwere === "warnung").length,
  };
}

/** `{zeilen:3,7}` (ordinals) → `12, 19` (lines). */
function resolveLinePlaceholders(message: string, lines: Map<number, number>): string {
  return message.replace(/\{zeilen:([\d,]+)\}/g, (_, ords: string) =>
    ords
      .split(",")
      .map((o) => String(lines.get(Number(o)) ?? "?"))
      .join(", "),
  );
}

async function writeMeta(conn: DuckDBConnection, findings: Finding[], summaries: FileSummary[]): Promise<void> {
  const a = await conn.createAppender("befunde", "meta");
  for (const f of findings) {
    a.appendVarchar(f.datei);
    if (f.zeile === null) a.appendNull();
    else a.appendInteger(f.zeile);
    for (const v of [f.spalte, f.wert, f.regel, f.meldung, f.schwere]) {
      if (v === null) a.appendNull();
      else a.appendVarchar(v);
    }
    a.endRow();
  }
  a.closeSync();
  const d = await conn.createAppender("dateien", "meta");
  for (const s of summaries) {
    for (const v of [s.datei, s.tabelle, s.format, s.kodierung, s.trennzeichen]) {
      if (v === null) d.appendNull();
      else d.appendVarchar(v);
    }
    if (s.kopfzeile === null) d.appendNull();
    else d.appendInteger(s.kopfzeile);
    for (const n of [s.gelesen, s.akzeptiert, s.abgelehnt, s.warnungen, s.leerzeilen]) d.appendBigInt(BigInt(n));
    d.endRow();
  }
  d.closeSync();
}

