import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { exportTable, writeCsv, writeParquet, writeXlsx } from "../../loaders/export/index.ts";

// ---------------------------------------------------------------------------
// Fixture: an in-memory table with every type and the hostile texts
// ---------------------------------------------------------------------------

type Fixture = [
  aktenzeichen: string,
  empfaenger_name: string | null,
  bewilligt_eur: string | null,
  quote: string | null,
  jahr: string | null,
  einwohner: string | null,
  beginn: string | null,
  besetzt: string | null,
];

const HOSTILE_NAMES = [
  '=HYPERLINK("http://x","y")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\tTAB",
  "\rCR",
  "<script>alert(1)</script>",
  'Müller; "Söhne"\nGmbH – 5 € Straße',
  "",
  "Komma,=1+1",
  "x_x0041_y\u0001z",
  null,
] as const;

const ROWS: Fixture[] = [
  ["AZ-001", HOSTILE_NAMES[0], "12345678.90", "0.8123", "2018", "1234567", "2018-12-31", "true"],
  ["AZ-002", HOSTILE_NAMES[1], "-12.50", "1.0000", "2019", "0", "2019-01-01", "false"],
  ["AZ-003", HOSTILE_NAMES[2], null, null, null, null, null, null],
  ["AZ-004", HOSTILE_NAMES[3], "0.05", "-0.0001", "2020", "-5", "2020-02-29", "true"],
  ["AZ-005", HOSTILE_NAMES[4], "-1234567.89", "0.5", "2021", "42", "2021-06-30", "false"],
  ["AZ-006", HOSTILE_NAMES[5], "0", "0", "2022", "7", "2022-01-01", "true"],
  ["AZ-007", HOSTILE_NAMES[6], "100.1", "0.1", "2023", "8", "2023-12-01", "false"],
  ["AZ-008", HOSTILE_NAMES[7], "999999999999.99", "0.3333", "2024", "9", "2024-02-29", "true"],
  ["AZ-009", HOSTILE_NAMES[8], "1", "1", "2025", "10", "2025-05-05", "false"],
  ["AZ-010", HOSTILE_NAMES[9], "2.5", "0.25", "2026", "11", "2026-06-06", "true"],
  ["AZ-011", HOSTILE_NAMES[10], "3", "0.125", "2027", "12", "2027-07-07", "false"],
  ["AZ-012", HOSTILE_NAMES[11], "-0.01", "0.9999", "2028", "13", "2028-08-08", "true"],
];

const COLUMNS = ["aktenzeichen", "empfaenger_name", "bewilligt_eur", "quote", "jahr", "einwohner", "beginn", "besetzt"];

/** The expected CSV, written by hand. */
const EXPECTED_CSV_LINES = [
  "aktenzeichen;empfaenger_name;bewilligt_eur;quote;jahr;einwohner;beginn;besetzt",
  `AZ-001;"'=HYPERLINK(""http://x"",""y"")";12345678,90;0,8123;2018;1234567;2018-12-31;ja`,
  "AZ-002;'+1+1;-12,50;1,0000;2019;0;2019-01-01;nein",
  "AZ-003;'-2+3;;;;;;",
  "AZ-004;'@SUM(A1);0,05;-0,0001;2020;-5;2020-02-29;ja",
  "AZ-005;'\tTAB;-1234567,89;0,5000;2021;42;2021-06-30;nein",
  `AZ-006;"'\rCR";0,00;0,0000;2022;7;2022-01-01;ja`,
  "AZ-007;<script>alert(1)</script>;100,10;0,1000;2023;8;2023-12-01;nein",
  `AZ-008;"Müller; ""Söhne""\nGmbH – 5 € Straße";999999999999,99;0,3333;2024;9;2024-02-29;ja`,
  `AZ-009;"";1,00;1,0000;2025;10;2025-05-05;nein`,
  `AZ-010;"Komma,=1+1";2,50;0,2500;2026;11;2026-06-06;ja`,
  "AZ-011;x_x0041_y\u0001z;3,00;0,1250;2027;12;2027-07-07;nein",
  "AZ-012;;-0,01;0,9999;2028;13;2028-08-08;ja",
];
const EXPECTED_CSV = "\uFEFF" + EXPECTED_CSV_LINES.map((l) => l + "\r\n").join("");

/** The names as a spreadsheet must see them (CSV and XLSX). */
const EXPECTED_NAMES: (string | null)[] = [
  `'=HYPERLINK("http://x","y")`,
  "'+1+1",
  "'-2+3",
  "'@SUM(A1)",
  "'\tTAB",
  "'\rCR",
  "<script>alert(1)</script>",
  'Müller; "Söhne"\nGmbH – 5 € Straße',
  "",
  "Komma,=1+1",
  "x_x0041_y\u0001z",
  null,
];

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  await conn.run(`CREATE TABLE main.zuwendungen (
    aktenzeichen VARCHAR, empfaenger_name VARCHAR, bewilligt_eur DECIMAL(18,2), quote DECIMAL(18,4),
    jahr INTEGER, einwohner INTEGER, beginn DATE, besetzt BOOLEAN)`);
  for (const row of ROWS) {
    await conn.run(
      `INSERT INTO main.zuwendungen VALUES ($1, $2, CAST($3 AS DECIMAL(18,2)), CAST($4 AS DECIMAL(18,4)),
        CAST($5 AS INTEGER), CAST($6 AS INTEGER), CAST($7 AS DATE), CAST($8 AS BOOLEAN))`,
      row,
    );
  }
  dir = await mkdtemp(path.join(tmpdir(), "pik-export-"));
});

afterAll(async () => {
  conn.closeSync();
  instance.closeSync();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Helpers: a tiny RFC 4180 parser and a tiny zip reader
// ---------------------------------------------------------------------------

function parseCsv(text: string, delimiter = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      expect(c === '"' || c === "\n" || c === "\r", `unquoted ${JSON.stringify(c)} at ${i}`).toBe(false);
      field += c;
      i++;
    }
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

interface ZipEntry {
  name: string;
  dosTime: number;
  dosDate: number;
  data: Buffer;
}

function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  expect(eocd).toBeGreaterThanOrEqual(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const dosTime = buf.readUInt16LE(p + 12);
    const dosDate = buf.readUInt16LE(p + 14);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    expect(buf.readUInt16LE(local + 10)).toBe(dosTime);
    expect(buf.readUInt16LE(local + 12)).toBe(dosDate);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compSize);
    entries.push({ name, dosTime, dosDate, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

describe("CSV", () => {
  let file: string;
  let bytes: Buffer;
  beforeAll(async () => {
    file = path.join(dir, "z.csv");
    const res = await writeCsv(conn, "main.zuwendungen", file);
    expect(res).toEqual({ path: file, rows: ROWS.length });
    bytes = await readFile(file);
  });

  it("is exactly the expected file: BOM, ';', CRLF, decimal comma, exact cents, ja/nein, ISO dates", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(EXPECTED_CSV);
  });

  it("parses back (RFC 4180) to the expected cells, hostile cells starting with '", () => {
    const rows = parseCsv(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows).toHaveLength(ROWS.length + 1);
    for (const [i, r] of rows.slice(1).entries()) {
      expect(r).toHaveLength(COLUMNS.length);
      expect(r[1]).toBe(EXPECTED_NAMES[i] ?? "");
    }
    for (const r of rows.slice(1)) {
      const name = r[1]!;
      expect(/^[=+\-@\t\r]/.test(name), name).toBe(false);
    }
    expect(rows.map((r) => r[2])).toEqual([
      "bewilligt_eur",
      "12345678,90",
      "-12,50",
      "",
      "0,05",
      "-1234567,89",
      "0,00",
      "100,10",
      "999999999999,99",
      "1,00",
      "2,50",
      "3,00",
      "-0,01",
    ]);
  });

  it("reads back with DuckDB read_csv to the same typed values", async () => {
    const csvPath = file.replaceAll("'", "''");
    const reader = await conn.runAndReadAll(`
      SELECT c.aktenzeichen,
             CAST(c.bewilligt_eur AS VARCHAR) AS b, CAST(t.bewilligt_eur AS VARCHAR) AS tb,
             CAST(c.quote AS VARCHAR) AS q, CAST(t.quote AS VARCHAR) AS tq,
             c.jahr = t.jahr OR (c.jahr IS NULL AND t.jahr IS NULL) AS jahr_ok,
             c.beginn IS NOT DISTINCT FROM t.beginn AS beginn_ok,
             c.besetzt, t.besetzt AS tbesetzt
      FROM read_csv('${csvPath}', delim = ';', quote = '"', escape = '"', header = true,
                    decimal_separator = ',', auto_detect = false,
                    columns = {'aktenzeichen': 'VARCHAR', 'empfaenger_name': 'VARCHAR',
                               'bewilligt_eur': 'DECIMAL(18,2)', 'quote': 'DECIMAL(18,4)', 'jahr': 'INTEGER',
                               'einwohner': 'INTEGER', 'beginn': 'DATE', 'besetzt': 'VARCHAR'}) c
      JOIN main.zuwendungen t USING (aktenzeichen)
      ORDER BY c.aktenzeichen`);
    const rows = reader.getRowObjectsJS();
    expect(rows).toHaveLength(ROWS.length);
    for (const r of rows) {
      expect(r["b"]).toBe(r["tb"]);
      expect(r["q"]).toBe(r["tq"]);
      expect(r["jahr_ok"]).toBe(true);
      expect(r["beginn_ok"]).toBe(true);
      expect(r["besetzt"]).toBe(r["tbesetzt"] === null ? null : r["tbesetzt"] ? "ja" : "nein");
    }
  });
});

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

describe("XLSX", () => {
  let file: string;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    file = path.join(dir, "z.xlsx");
    const res = await writeXlsx(conn, "main.zuwendungen", file, { columnUnits: { bewilligt_eur: "EUR" } });
    expect(res).toEqual({ path: file, rows: ROWS.length });
    ws = await readSheet(file);
  });

  it("has one sheet named after the table, bold frozen header and an autofilter", () => {
    expect(ws.name).toBe("zuwendungen");
    const header = ws.getRow(1);
    expect(COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(COLUMNS);
    for (let i = 1; i <= COLUMNS.length; i++) expect(header.getCell(i).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:H13");
    expect(ws.rowCount).toBe(ROWS.length + 1);
    expect(header.getCell(3).note).toBe("Einheit: EUR");
    for (let i = 1; i <= COLUMNS.length; i++) {
      const w = ws.getColumn(i).width ?? 0;
      expect(w).toBeGreaterThanOrEqual(8);
      expect(w).toBeLessThanOrEqual(60);
    }
  });

  it("holds text as strings, neutralised, and never a formula", async () => {
    for (const [i, expected] of EXPECTED_NAMES.entries()) {
      const cell = ws.getRow(i + 2).getCell(2);
      expect(cell.formula).toBeUndefined();
      if (expected === null) {
        expect(cell.type).toBe(ExcelJS.ValueType.Null);
      } else {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(expected);
      }
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    // And in the file itself: no <f> element anywhere, strings as shared strings.
    const entries = readZip(await readFile(file));
    const sheetXml = entries.find((e) => e.name.endsWith("worksheets/sheet1.xml"))!.data.toString("utf8");
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(sheetXml).not.toContain('t="str"');
    const strings = entries.find((e) => e.name.endsWith("sharedStrings.xml"))!.data.toString("utf8");
    expect(strings).toContain("&lt;script&gt;");
    expect(strings).toContain("_x000D_CR");
  });

  it("holds numbers as numeric cells with number formats, exact to the cent", () => {
    const amounts = ROWS.map((_, i) => ws.getRow(i + 2).getCell(3));
    expect(amounts.map((c) => c.value)).toEqual([
      12345678.9,
      -12.5,
      null,
      0.05,
      -1234567.89,
      0,
      100.1,
      999999999999.99,
      1,
      2.5,
      3,
      -0.01,
    ]);
    for (const c of amounts) {
      if (c.value === null) continue;
      expect(c.type).toBe(ExcelJS.ValueType.Number);
      expect(c.numFmt).toBe("#,##0.00");
    }
    const quote = ws.getRow(2).getCell(4);
    expect(quote.type).toBe(ExcelJS.ValueType.Number);
    expect(quote.value).toBe(0.8123);
    expect(quote.numFmt).toBe("0.0###");
    expect(ws.getRow(5).getCell(4).value).toBe(-0.0001);
    const jahr = ws.getRow(2).getCell(5);
    expect(jahr.value).toBe(2018);
    expect(jahr.numFmt).toBe("0");
    const einwohner = ws.getRow(2).getCell(6);
    expect(einwohner.value).toBe(1234567);
    expect(einwohner.numFmt).toBe("#,##0");
    expect(ws.getRow(5).getCell(6).value).toBe(-5);
  });

  it("holds dates as real dates and booleans as ja/nein", () => {
    const d = ws.getRow(2).getCell(7);
    expect(d.type).toBe(ExcelJS.ValueType.Date);
    expect(d.value).toEqual(new Date(Date.UTC(2018, 11, 31)));
    expect(d.numFmt).toBe("dd.mm.yyyy");
    expect(ws.getRow(5).getCell(7).value).toEqual(new Date(Date.UTC(2020, 1, 29)));
    expect(ws.getRow(4).getCell(7).type).toBe(ExcelJS.ValueType.Null);
    expect(ws.getRow(2).getCell(8).value).toBe("ja");
    expect(ws.getRow(3).getCell(8).value).toBe("nein");
    expect(ws.getRow(4).getCell(8).type).toBe(ExcelJS.ValueType.Null);
  });

  it("has fixed workbook properties and is byte-for-byte reproducible", async () => {
    const created = new Date(Date.UTC(2024, 4, 17, 10, 30, 0));
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2021, 0, 1, 8, 0, 0)));
      await writeXlsx(conn, "main.zuwendungen", a, { created });
      vi.setSystemTime(new Date(Date.UTC(2031, 6, 9, 17, 45, 13)));
      await writeXlsx(conn, "main.zuwendungen", b, { created });
    } finally {
      vi.useRealTimers();
    }
    const bytesA = await readFile(a);
    expect(bytesA.equals(await readFile(b))).toBe(true);
    // Every zip entry carries the given moment (DOS time, UTC).
    for (const e of readZip(bytesA)) {
      expect(e.dosDate).toBe(((2024 - 1980) << 9) | (5 << 5) | 17);
      expect(e.dosTime).toBe((10 << 11) | (30 << 5));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    expect(wb.creator).toBe("PIK-Monitor");
    expect(wb.created).toEqual(created);
    expect(wb.modified).toEqual(created);
  });
});

// ---------------------------------------------------------------------------
// Parquet
// ---------------------------------------------------------------------------

describe("Parquet", () => {
  it("keeps the types (DECIMAL stays DECIMAL) and the values unchanged", async () => {
    const file = path.join(dir, "z.parquet");
    expect(await writeParquet(conn, "main.zuwendungen", file)).toEqual({ path: file, rows: ROWS.length });
    const p = `read_parquet('${file.replaceAll("'", "''")}')`;
    const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${p}`)).getRowObjectsJS();
    expect(types.map((t) => [t["column_name"], t["column_type"]])).toEqual([
      ["aktenzeichen", "VARCHAR"],
      ["empfaenger_name", "VARCHAR"],
      ["bewilligt_eur", "DECIMAL(18,2)"],
      ["quote", "DECIMAL(18,4)"],
      ["jahr", "INTEGER"],
      ["einwohner", "INTEGER"],
      ["beginn", "DATE"],
      ["besetzt", "BOOLEAN"],
    ]);
    const back = (
      await conn.runAndReadAll(
        `SELECT aktenzeichen, empfaenger_name, CAST(bewilligt_eur AS VARCHAR) AS b FROM ${p} ORDER BY aktenzeichen`,
      )
    ).getRowObjectsJS();
    expect(back.map((r) => r["empfaenger_name"])).toEqual([...HOSTILE_NAMES]);
    expect(back.map((r) => r["b"])).toEqual([
      "12345678.90",
      "-12.50",
      null,
      "0.05",
      "-1234567.89",
      "0.00",
      "100.10",
      "999999999999.99",
      "1.00",
      "2.50",
      "3.00",
      "-0.01",
    ]);
    const diff = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM ((SELECT * FROM ${p} EXCEPT ALL SELECT * FROM main.zuwendungen)
         UNION ALL (SELECT * FROM main.zuwendungen EXCEPT ALL SELECT * FROM ${p}))`,
    );
    expect(diff.getRowObjectsJS()[0]?.["n"]).toBe(0);
    const again = path.join(dir, "z2.parquet");
    await writeParquet(conn, "main.zuwendungen", again);
    expect((await readFile(again)).equals(await readFile(file))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// exportTable
// ---------------------------------------------------------------------------

describe("exportTable", () => {
  it("writes all three files and nothing else", async () => {
    const out = path.join(dir, "out", "nested");
    const res = await exportTable(conn, "main.zuwendungen", out, "zuwendungen", {
      sheetTitle: "Zuwendungen 2018–2028 & mehr",
      columnUnits: { bewilligt_eur: "EUR" },
    });
    expect(res).toEqual({
      csv: path.join(out, "zuwendungen.csv"),
      xlsx: path.join(out, "zuwendungen.xlsx"),
      parquet: path.join(out, "zuwendungen.parquet"),
      rows: ROWS.length,
    });
    expect((await readdir(out)).sort()).toEqual(["zuwendungen.csv", "zuwendungen.parquet", "zuwendungen.xlsx"]);
    expect((await readFile(res.csv)).toString("utf8")).toBe(EXPECTED_CSV);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(res.xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["zuwendungen"]);
    expect(wb.title).toBe("Zuwendungen 2018–2028 & mehr");
    expect(wb.worksheets[0]!.headerFooter.oddHeader).toBe("&CZuwendungen 2018–2028 && mehr");
  });

  it("rejects bad names and leaves no temporary file behind on failure", async () => {
    const out = path.join(dir, "fail");
    await expect(exportTable(conn, "main.gibt_es_nicht", out, "x")).rejects.toThrow();
    expect(await readdir(out)).toEqual([]);
    await expect(exportTable(conn, "main.zuwendungen", out, "../x")).rejects.toThrow(/Dateiname/);
    await expect(exportTable(conn, "main..x", out, "x")).rejects.toThrow(/Tabellenname/);
  });

  it("rejects (does not crash) when the target folder is missing", async () => {
    const missing = path.join(dir, "gibt-es-nicht", "x");
    await expect(writeCsv(conn, "main.zuwendungen", `${missing}.csv`)).rejects.toThrow(/ENOENT/);
    await expect(writeXlsx(conn, "main.zuwendungen", `${missing}.xlsx`)).rejects.toThrow(/ENOENT/);
    await expect(writeParquet(conn, "main.zuwendungen", `${missing}.parquet`)).rejects.toThrow();
  });

  it("refuses an XLSX beyond Excel's 1,048,576 rows before writing", async () => {
    await conn.run("CREATE TABLE main.zu_gross AS SELECT i::INTEGER AS zeile FROM range(0, 1048576) t(i)");
    const file = path.join(dir, "zu_gross.xlsx");
    await expect(writeXlsx(conn, "main.zu_gross", file)).rejects.toThrow(/höchstens 1048575 Datenzeilen/);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    await conn.run("DROP TABLE main.zu_gross");
  });

  it("streams a large table in chunks", async () => {
    await conn.run(`CREATE TABLE main.gross AS
      SELECT i::INTEGER AS zeile, ('=Name ' || i) AS name, (i * 1.01 - 500)::DECIMAL(18,2) AS betrag_eur,
             DATE '2018-01-01' + (i % 3650)::INTEGER AS stichtag, i % 2 = 0 AS besetzt
      FROM range(0, 50000) t(i)`);
    const out = path.join(dir, "gross");
    const res = await exportTable(conn, "main.gross", out, "gross");
    expect(res.rows).toBe(50000);
    const lines = (await readFile(res.csv, "utf8")).split("\r\n");
    expect(lines).toHaveLength(50002); // header + rows + empty after the last CRLF
    expect(lines[1]).toBe("0;'=Name 0;-500,00;2018-01-01;ja");
    expect(lines[50000]).toBe("49999;'=Name 49999;49998,99;2024-12-24;nein");
    const ws = await readSheet(res.xlsx);
    expect(ws.rowCount).toBe(50001);
    expect(ws.getRow(50001).getCell(3).value).toBe(49998.99);
    expect(ws.getRow(50001).getCell(2).value).toBe("'=Name 49999");
  });
});
