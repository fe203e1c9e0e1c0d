/**
 * The export conventions shared by the published tables and the pages' per-chart
 * downloads (src/components/tabular.js): German CSV and the minimal XLSX writer.
 * Expected values are written out by hand; XLSX files are read back with exceljs,
 * an independent reader.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sheetName as xlsxSheetName } from "../../loaders/export/xlsx.ts";
import { cellString, sheetName } from "../../src/components/export-rules.js";
import { columnName, crc32, csvNumber, scaleOf, toCsv, toXlsx } from "../../src/components/tabular.js";

const HOSTILE = ['=HYPERLINK("http://x","klick")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "<script>alert(1)</script>"];

describe("CSV", () => {
  it("writes BOM, `;`, CRLF, decimal comma with one scale per column, quoting and neutralised text", () => {
    const csv = toCsv(
      ["Kreis", "Betrag (€)", "Quote", "Anzahl", "Datum"],
      [
        ["Stuttgart", 24295.4, 0.1234, 3, new Date("2024-06-30T00:00:00Z")],
        ["Ulm; Stadt", -1.25, null, 12, null],
        ['Er sagte "ja"', 70000000, 0.5, 0, null],
      ],
    );
    expect(csv).toBe(
      "\uFEFFKreis;Betrag (€);Quote;Anzahl;Datum\r\n" +
        "Stuttgart;24295,40;0,1234;3;2024-06-30\r\n" +
        '"Ulm; Stadt";-1,25;;12;\r\n' +
        '"Er sagte ""ja""";70000000,00;0,5000;0;\r\n',
    );
  });

  it("neutralises every formula trigger in text, never in numbers", () => {
    const csv = toCsv(["Name", "Betrag"], HOSTILE.map((h) => [h, -5]));
    const lines = csv.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toEqual([
      `"'=HYPERLINK(""http://x"",""klick"")";-5`,
      "'+1+1;-5",
      "'-2+3;-5",
      "'@SUM(A1);-5",
      "'\tTab;-5",
      `"'\rCR";-5`,
      "<script>alert(1)</script>;-5",
    ]);
  });

  it("scales: most decimals of the column, at most 4; integers plain", () => {
    expect(scaleOf([1, 2.5, 3.25, "x", null])).toBe(2);
    expect(scaleOf([1 / 3])).toBe(4);
    expect(scaleOf([7, 8])).toBe(0);
    expect(csvNumber(1 / 3, 4)).toBe("0,3333");
    expect(csvNumber(-0.5)).toBe("-0,5");
  });
});

describe("XLSX", () => {
  it("crc32 and column names", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });

  it("reads back in exceljs: numbers stay numbers, text is neutralised, no formulas, bold, number formats, two sheets", async () => {
    const bytes = toXlsx([
      {
        name: "Daten",
        rows: [
          [{ v: "Kreis", bold: true }, { v: "Betrag", bold: true }],
          ["Stuttgart", { v: 1234.5, scale: 2 }],
          ...HOSTILE.map((h) => [h, -7]),
          [{ v: "Land", bold: true }, { v: 99, scale: 0, bold: true }],
          [null, null],
        ],
        widths: [20, 12],
        freeze: { rows: 1 },
      },
      { name: "Hinweise/Quelle", rows: [["Stand: 30.11.2025"]] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Daten", "Hinweise_Quelle"]);
    const ws = wb.getWorksheet("Daten")!;
    expect(ws.getCell("A1").value).toBe("Kreis");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B2").value).toBe(1234.5);
    expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
    const texts = HOSTILE.map((_, i) => ws.getCell(`A${i + 3}`).value);
    // A CR is stored as the OOXML escape _x000D_ (Excel and LibreOffice read a CR; exceljs leaves inline strings undecoded).
    expect(texts).toEqual(["'" + HOSTILE[0], "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTab", "'_x000D_CR", "<script>alert(1)</script>"]);
    for (let r = 1; r <= ws.rowCount; r++)
      for (const c of ["A", "B"]) expect(ws.getCell(`${c}${r}`).formula, `${c}${r}`).toBeUndefined();
    expect(ws.getCell("B3").value).toBe(-7);
    const land = ws.getCell(`B${HOSTILE.length + 3}`);
    expect([land.value, land.font?.bold, land.numFmt]).toEqual([99, true, "#,##0"]);
    expect(ws.getColumn(1).width).toBe(20);
    expect(wb.getWorksheet("Hinweise_Quelle")!.getCell("A1").value).toBe("Stand: 30.11.2025");
  });

  it("follows the export's rules for sheet names and control characters (export-rules.js, as npm run export)", async () => {
    const bytes = toXlsx([
      { name: "a/b", rows: [["x\u0001y\rz", "_x0041_"]] },
      { name: "A/B", rows: [] },
      { name: "''", rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    // Same name rule as the exports; Excel refuses two sheets whose names differ only in case.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["a_b", "A_B (2)", "Tabelle3"]);
    // Control characters as OOXML escapes and a literal escape escaped, as in the exported workbooks
    // (stored entries: the sheet's XML is readable in the bytes).
    const xml = new TextDecoder().decode(bytes);
    expect(xml).toContain('<t xml:space="preserve">x_x0001_y_x000D_z</t>');
    expect(xml).toContain('<t xml:space="preserve">_x005F_x0041_</t>');
    expect(cellString("x\u0001y\rz")).toBe("x_x0001_y_x000D_z");
    expect(sheetName("a/b")).toBe(xlsxSheetName("a/b"));
  });

  it("is deterministic", () => {
    const sheet = { name: "A", rows: [["x", 1]] };
    expect(Buffer.from(toXlsx([sheet])).equals(Buffer.from(toXlsx([sheet])))).toBe(true);
  });
});
