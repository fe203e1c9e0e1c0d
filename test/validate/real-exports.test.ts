/**
 * Files as office software really writes them give the same published tables
 * as the plain CSV input, value for value: XLSX from exceljs (formulas whose
 * cached result is 0, computed doubles, an info sheet and a hidden sheet before
 * the data), a workbook saved by LibreOffice, amounts with the thousands spaces
 * of Excel/Intl/DIN 5008 and SAP's trailing minus, dates with a zero time, and
 * rows of nothing but delimiters. The reference is the plain CSV folder of
 * test/helpers/folder.ts, read by the same ingest: every variant must equal it.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUT_SCHEMA } from "../../loaders/schema/ddl.ts";
import { INPUT_TABLES } from "../../loaders/schema/input-tables.ts";
import { ingest } from "../../loaders/warehouse/build.ts";
import { csv, removeFolder, validTables, writeFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

interface Published {
  tables: Record<string, unknown[][]>;
  errors: number;
  gelesen: Record<string, number>;
}

/** Ingests a folder and reads back every published input table, sorted, as text. */
async function publish(files: Record<string, string | Buffer>): Promise<Published> {
  const dir = writeFolder(files);
  dirs.push(dir);
  const warehouse = join(dir, "w.duckdb");
  const outcome = await ingest({ dataDir: dir, warehouse });
  if (outcome.status !== "built") {
    const why = outcome.status === "refused" ? outcome.validation.findings.map((f) => `${f.datei}:${f.zeile}: ${f.meldung}`) : [];
    throw new Error(`not built (${outcome.status}): ${why.join(" | ")}`);
  }
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  try {
    const tables: Record<string, unknown[][]> = {};
    for (const t of INPUT_TABLES) {
      const exists = (await conn.runAndReadAll(
        `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE schema_name = '${INPUT_SCHEMA}' AND table_name = '${t.name}'`,
      )).getRows()[0]![0];
      if (!exists) continue;
      tables[t.name] = (await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM ${INPUT_SCHEMA}.${t.name} ORDER BY ALL`)).getRows();
    }
    const errors = Number((await conn.runAndReadAll(`SELECT count(*) FROM meta.befunde WHERE schwere = 'fehler'`)).getRows()[0]![0]);
    const gelesen = Object.fromEntries(
      (await conn.runAndReadAll(`SELECT tabelle, gelesen::INTEGER FROM meta.dateien`)).getRows().map((r) => [String(r[0]), Number(r[1])]),
    );
    return { tables, errors, gelesen };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const csvFiles = (t: Tables, except: string[] = []) =>
  Object.fromEntries(Object.entries(t).filter(([n]) => !except.includes(n)).map(([n, rows]) => [`${n}.csv`, csv(rows)]));

let reference: Published;
beforeAll(async () => {
  reference = await publish(csvFiles(validTables()));
  // Guard: the reference itself is the hand-written fixture, fully accepted.
  expect(reference.errors).toBe(0);
  expect(reference.tables.bewilligungen).toHaveLength(3);
  expect(reference.tables.auszahlungen).toContainEqual(["Z-4", "AZ-2", "2019-08-01", "-2500.00", "rueckforderung"]);
}, 120_000);

describe("real exports give the published tables of the plain CSV", () => {
  it("XLSX by exceljs: info sheet and hidden sheet first, formulas with cached 0, computed doubles", async () => {
    const t = validTables();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hinweise").addRow(["Export aus dem Fachverfahren, Stand 30.11.2025"]);
    const hidden = wb.addWorksheet("Alt", { state: "hidden" });
    hidden.addRow(t.bewilligungen[0]!);
    hidden.addRow(["AZ-9", "08111", "Versteckt", "spracherwerb", "beantragt", "", "", "2019-07-01", "2019-12-31", "0", ""]);
    const ws = wb.addWorksheet("Daten");
    ws.addRow(t.bewilligungen[0]!);
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    // 150000.7 − 100000.7 is 50000.000000000015 as a double; Excel shows 50000.
    const computed = 150000.7 - 100000.7;
    expect(computed).not.toBe(50000);
    ws.addRow(["AZ-1", "08111000", "Stadt Stuttgart", "integrationsmanagement", "bewilligt", d("2018-02-01"), d("2018-03-01"), d("2018-04-01"), d("2019-03-31"), { formula: "2*50000", result: 100000 }, 2]);
    ws.addRow(["AZ-2", "08115", "Landkreis Böblingen", "integrationsmanagement", "bewilligt", d("2018-02-01"), d("2018-03-15"), d("2018-04-01"), d("2019-03-31"), { formula: "150000.7-100000.7", result: computed }, 1]);
    ws.addRow(["AZ-3", "08115003", "Gemeinde X", "spracherwerb", "beantragt", d("2019-05-01"), null, d("2019-07-01"), d("2019-12-31"), { formula: "1-1", result: 0 }, null]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

    const got = await publish({ ...csvFiles(t, ["bewilligungen"]), "bewilligungen.xlsx": xlsx });
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
  });

  it("a workbook saved by LibreOffice Calc 7.4 (soffice --convert-to xlsx of test/data/libreoffice/bewilligungen.csv)", async () => {
    const t = validTables();
    const folder = csvFiles(t, ["bewilligungen"]);
    const got = await publish({ ...folder, "bewilligungen.xlsx": readFileSync(join(import.meta.dirname, "../data/libreoffice/bewilligungen.xlsx")) });
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
    // The CSV it was made from gives the same, too.
    const dir = writeFolder(folder);
    dirs.push(dir);
    copyFileSync(join(import.meta.dirname, "../data/libreoffice/bewilligungen.csv"), join(dir, "bewilligungen.csv"));
    expect((await publish({ ...folder, "bewilligungen.csv": readFileSync(join(dir, "bewilligungen.csv")) })).tables).toEqual(reference.tables);
  });

  it("amounts with U+00A0, U+202F, U+2009 thousands and SAP's trailing minus", async () => {
    const t = validTables();
    t.haushalt[1]![2] = "1\u00a0000\u00a0000,00";
    t.haushalt[2]![2] = "1\u202f000\u202f000,00 €";
    t.bewilligungen[1]![9] = "100\u2009000,00";
    t.bewilligungen[2]![9] = "50\u00a0000,00\u00a0€";
    t.auszahlungen[4]![3] = "2.500,00-";
    t.auszahlungen[1]![3] = "50\u202f000,00";
    const got = await publish(csvFiles(t));
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
  });

  it("dates with a zero time, as pandas, databases and LibreOffice write them", async () => {
    const t = validTables();
    t.bewilligungen[1]![5] = "2018-02-01T00:00:00";
    t.bewilligungen[1]![6] = "01.03.2018 00:00";
    t.bewilligungen[2]![6] = "2018-03-15 00:00:00";
    t.bewilligungen[2]![8] = "2019-03-31T00:00:00.000";
    t.auszahlungen[1]![2] = "15.04.2018 00:00:00";
    const got = await publish(csvFiles(t));
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
  });

  it("rows of nothing but delimiters, whatever their number, are blank rows", async () => {
    const t = validTables();
    const text = csv(t.bewilligungen).split("\n");
    // After the header, between rows and at the end: fewer, as many as and more fields than the header.
    const withBlanks = [text[0], ";;;", text[1], ";;;;;;;;;;", text[2], " ; ;\"\";", text[3], ";;;;;;;;;;;;;;", ""].join("\n");
    const got = await publish({ ...csvFiles(t, ["bewilligungen"]), "bewilligungen.csv": withBlanks });
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
    expect(got.gelesen.bewilligungen).toBe(3);
  });
});

/** Rows as Excel's tab-separated text exports write them (CRLF, tabs). */
const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";

describe("Excel's text formats", () => {
  it.each([
    ["Unicode-Text, UTF-16 LE with BOM", "utf-16le", Buffer.from([0xff, 0xfe])],
    ["Unicode-Text, UTF-16 BE with BOM", "utf-16be", Buffer.from([0xfe, 0xff])],
    ["Text (Tabstopp-getrennt), Windows-1252", "windows-1252", Buffer.alloc(0)],
  ] as const)("%s", async (_label, encoding, bom) => {
    const t = validTables();
    const files = Object.fromEntries(
      Object.entries(t).map(([n, rows]) => [`${n}.csv`, Buffer.concat([bom, iconv.encode(tsv(rows), encoding, { addBOM: false })])]),
    );
    // The bytes really are what the label says (Böblingen's ö: one byte in 1252, two in UTF-16).
    const bew = files["bewilligungen.csv"]!;
    if (encoding === "windows-1252") expect(bew.includes(Buffer.from([0x42, 0xf6]))).toBe(true);
    else expect(bew.subarray(0, 2)).toEqual(bom);
    const got = await publish(files);
    expect(got.errors).toBe(0);
    expect(got.tables).toEqual(reference.tables);
  });
});

describe("what stays an error", () => {
  it("a time in a date column and a two-digit year: one finding each, no follow-on „Bescheiddatum erforderlich“", async () => {
    const t = validTables();
    t.bewilligungen[1]![6] = "01.03.2018 10:30";
    t.bewilligungen[2]![6] = "15.03.18";
    const dir = writeFolder(csvFiles(t));
    dirs.push(dir);
    const outcome = await ingest({ dataDir: dir, warehouse: join(dir, "w.duckdb") });
    expect(outcome.status).toBe("refused");
    const findings = outcome.status === "refused" ? outcome.validation.findings : [];
    const bescheid = findings.filter((f) => f.spalte === "bescheid_datum" && f.schwere === "fehler");
    expect(bescheid.map((f) => [f.zeile, f.regel, f.wert])).toEqual([
      [2, "datum_uhrzeit", "01.03.2018 10:30"],
      [3, "datum_jahr", "15.03.18"],
    ]);
    expect(bescheid[1]!.meldung).toContain("vierstellig");
  });

  it("XLSX findings name the sheet", async () => {
    const t = validTables();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hinweise").addRow(["Bitte Blatt „Daten“ ausfüllen"]);
    const ws = wb.addWorksheet("Daten");
    for (const row of t.bewilligungen) ws.addRow(row);
    ws.getCell("J3").value = "fünfzigtausend";
    const dir = writeFolder({ ...csvFiles(t, ["bewilligungen"]), "bewilligungen.xlsx": Buffer.from(await wb.xlsx.writeBuffer()) });
    dirs.push(dir);
    const outcome = await ingest({ dataDir: dir, warehouse: join(dir, "w.duckdb") });
    const findings = outcome.status === "refused" ? outcome.validation.findings : [];
    const f = findings.find((x) => x.datei === "bewilligungen.xlsx" && x.spalte === "bewilligt_eur");
    expect(f).toMatchObject({ zeile: 3, wert: "fünfzigtausend", regel: "typ" });
    expect(f!.meldung).toMatch(/^Blatt „Daten“: „fünfzigtausend“ ist keine Zahl/);
  });
});

describe("--allow-rejects never publishes an empty table", () => {
  it("refuses when a required table lost its whole file, naming each empty table and why", async () => {
    const t = validTables();
    const dir = writeFolder({ ...csvFiles(t, ["bewilligungen"]), "bewilligungen.csv": Buffer.from([0x00, 0x01, 0x02, 0x03, 0x0a]) });
    dirs.push(dir);
    const outcome = await ingest({ dataDir: dir, warehouse: join(dir, "w.duckdb"), allowRejects: true });
    expect(outcome.status).toBe("refused");
    const empty = outcome.status === "refused" ? (outcome.emptyTables ?? []) : [];
    // Without grants, every payment and staffing report is rejected too (3 + 3 rows in the fixture).
    expect(empty.map((e) => e.tabelle)).toEqual(["bewilligungen", "auszahlungen", "stellen"]);
    expect(empty[0]!.grund).toMatch(/^bewilligungen\.csv: Die Datei enthält Binärdaten/);
    expect(empty[1]!.grund).toBe("alle 4 Zeilen von auszahlungen.csv abgelehnt");
  });

  it("still publishes the accepted rows when every table keeps some", async () => {
    const t = validTables();
    t.auszahlungen[1]![3] = "viel";
    const dir = writeFolder(csvFiles(t));
    dirs.push(dir);
    const outcome = await ingest({ dataDir: dir, warehouse: join(dir, "w.duckdb"), allowRejects: true });
    expect(outcome.status).toBe("built");
  });
});

describe("totals rows", () => {
  it("are not data, and one warning says whether their amounts agree with the rows above", async () => {
    const t = validTables();
    // 100.000 + 50.000 + 0 = 150.000 (agrees); payments 50.000 + 40.000 + 50.000 − 2.500 = 137.500, stated 140.000 (disagrees).
    t.bewilligungen.push(["", "", "Summe", "", "", "", "", "", "", "150.000,00", "3"]);
    t.auszahlungen.push(["", "GESAMT:", "", "140.000,00", ""]);
    const dir = writeFolder(csvFiles(t));
    dirs.push(dir);
    const outcome = await ingest({ dataDir: dir, warehouse: join(dir, "w.duckdb") });
    expect(outcome.status).toBe("built");
    const findings = outcome.status === "built" ? outcome.validation.findings : [];
    const totals = findings.filter((f) => f.regel === "summenzeile").map((f) => [f.datei, f.zeile, f.schwere, f.meldung]);
    expect(totals).toEqual([
      ["bewilligungen.csv", 5, "warnung", expect.stringContaining("bewilligt_eur 150.000,00 stimmt mit der Summe der Zeilen darüber überein; vzae_bewilligt 3,0000 stimmt")],
      ["auszahlungen.csv", 6, "warnung", expect.stringContaining("betrag_eur 140.000,00 weicht von der Summe der Zeilen darüber ab (137.500,00)")],
    ]);
    const got = await publish(csvFiles(t));
    expect(got.tables).toEqual(reference.tables);
    expect(got.gelesen).toMatchObject({ bewilligungen: 3, auszahlungen: 4 });
  });
});
