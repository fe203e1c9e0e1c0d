import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, columnLetter } from "../../loaders/read/xlsx.ts";
import { expectRows, expectUnreadable, materialize, read, requires, useReaderContext } from "./helpers.ts";

const ctx = useReaderContext();

async function xlsxBytes(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Daten");
  fill(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("cellText", () => {
  it("turns every kind of cell value into the text the contract expects", () => {
    expect(cellText(null)).toBeNull();
    expect(cellText(undefined)).toBeNull();
    expect(cellText("")).toBeNull();
    expect(cellText(" text ")).toBe(" text ");
    // Decimal comma: the validator reads "2.125" as German thousands (2125).
    expect(cellText(1234.56)).toBe("1234,56");
    expect(cellText(2.125)).toBe("2,125");
    expect(cellText(-7)).toBe("-7");
    // Excel's precision: 15 significant digits, as the cell shows the value.
    expect(cellText(0.1 + 0.2)).toBe("0,3");
    expect(cellText(12000 - 12345.67)).toBe("-345,67");
    expect(cellText(123456789012345.6)).toBe("123456789012346");
    expect(cellText(-0)).toBe("0");
    expect(cellText(1e21)).toBe("1e+21");
    expect(cellText(true)).toBe("true");
    expect(cellText(false)).toBe("false");
    expect(cellText(new Date(Date.UTC(2018, 11, 31)))).toBe("2018-12-31");
    // 43465.99999999 days: a hair before midnight is midnight.
    expect(cellText(new Date(Date.UTC(2019, 0, 1) - 1))).toBe("2019-01-01");
    expect(cellText({ formula: "A1*2", result: 4 })).toBe("4");
    expect(cellText({ sharedFormula: "B2", result: "ja" } as ExcelJS.CellSharedFormulaValue)).toBe("ja");
    expect(cellText({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(cellText({ formula: "X()", result: undefined } as unknown as ExcelJS.CellFormulaValue)).toBeNull();
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText({ richText: [{ text: "Land" }, { text: "kreis", font: { bold: true } }] })).toBe("Landkreis");
    expect(cellText({ text: "Link", hyperlink: "https://example.org" })).toBe("Link");
    expect(
      cellText({ text: { richText: [{ text: "A" }, { text: "B" }] }, hyperlink: "x" } as unknown as ExcelJS.CellHyperlinkValue),
    ).toBe("AB");
  });

  it("names columns like Excel", () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("XLSX reader", () => {
  it("reads numbers, dates, formulas, rich text, hyperlinks, errors and booleans below a title row", async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getCell("A1").value = "Auszahlungen 2024";
      ws.mergeCells("A1:C1");
      ws.getRow(3).values = ["A", "B", "C", "D"];
      ws.getRow(4).values = [1234.56, new Date(Date.UTC(2024, 0, 31)), { formula: "A4*2", result: 2469.12 }, "ja"];
      ws.getRow(5).values = [
        0.1,
        { richText: [{ text: "Rhein-" }, { text: "Neckar", font: { italic: true } }] },
        { text: "Bericht", hyperlink: "https://example.org" },
        true,
      ];
      ws.getRow(6).values = [42, null, { formula: "1/0", result: { error: "#DIV/0!" } }, ""];
    });
    const rows = expectRows(await read(ctx, "werte.xlsx", bytes, requires("a", "b", "c")));
    expect(rows.format).toBe("xlsx");
    expect(rows.encoding).toBeUndefined();
    expect(rows.header).toEqual(["A", "B", "C", "D"]);
    expect(rows.headerLine).toBe(3);
    expect(await materialize(ctx, rows)).toEqual([
      ["1234,56", "2024-01-31", "2469,12", "ja"],
      ["0,1", "Rhein-Neckar", "Bericht", "true"],
      ["42", null, "#DIV/0!", null],
    ]);
    expect(await rows.lineOf([2, 0, 1, 7])).toEqual(
      new Map([
        [0, 4],
        [1, 5],
        [2, 6],
      ]),
    );
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("skips empty rows (also formatted or empty-string ones) and keeps sheet rows as lines", async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getRow(1).values = [" a ", "b", "c"];
      ws.getRow(2).values = ["1", "2", "3"];
      ws.getRow(4).values = ["4", "5", "6"]; // row 3 never written
      ws.getRow(5).values = ["", "", ""];
      ws.getCell("B6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      ws.getCell("A20").value = null;
    });
    const rows = expectRows(await read(ctx, "leerzeilen.xlsx", bytes));
    expect(rows.header).toEqual(["a", "b", "c"]);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
    expect(await rows.lineOf([0, 1])).toEqual(
      new Map([
        [0, 2],
        [1, 4],
      ]),
    );
    await rows.dispose();
  });

  it("reports a value beyond the header and leaves that row out", async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getRow(1).values = ["a", "b", "c"];
      ws.getRow(2).values = ["1", null, "3"];
      ws.getRow(3).values = ["4", "5", "6", null, "Notiz"];
      ws.getRow(4).values = ["7", "8", "9"];
    });
    const rows = expectRows(await read(ctx, "breit.xlsx", bytes));
    expect(await materialize(ctx, rows)).toEqual([
      ["1", null, "3"],
      ["7", "8", "9"],
    ]);
    expect(await rows.lineOf([1])).toEqual(new Map([[1, 4]]));
    expect(await rows.malformed()).toEqual([
      {
        datei: "breit.xlsx",
        zeile: 3,
        spalte: "E",
        wert: "Notiz",
        regel: "zeile_spaltenzahl",
        meldung: "Blatt „Daten“: Wert außerhalb der Kopfzeile in Spalte E (die Kopfzeile reicht bis Spalte C). Die Zeile wird nicht gelesen.",
        schwere: "fehler",
      },
    ]);
    await rows.dispose();
  });

  it("reads the one visible sheet with the header, skipping info and hidden sheets; dispose() drops the temp table", async () => {
    const bytes = await xlsxBytes((ws, wb) => {
      // "Daten" comes first from xlsxBytes; make it an info sheet without the header.
      ws.name = "Hinweise";
      ws.getRow(1).values = ["Bitte Blatt Daten beachten"];
      const hidden = wb.addWorksheet("Alt", { state: "hidden" });
      hidden.getRow(1).values = ["a", "b", "c"];
      hidden.getRow(2).values = ["verstecktes", "Blatt", "v"];
      const veryHidden = wb.addWorksheet("Intern", { state: "veryHidden" });
      veryHidden.getRow(1).values = ["a", "b", "c"];
      const data = wb.addWorksheet("Daten");
      data.getRow(1).values = ["a", "b", "c"];
      data.getRow(2).values = ["drittes", "Blatt", "x"];
    });
    const rows = expectRows(await read(ctx, "mehrere-blaetter.xlsx", bytes));
    expect(rows.blatt).toBe("Daten");
    expect(await materialize(ctx, rows)).toEqual([["drittes", "Blatt", "x"]]);
    await rows.dispose();
    await expect(ctx.con.run(`SELECT * FROM ${rows.relation}`)).rejects.toThrow();
  });

  it("refuses a workbook whose header is on two visible sheets, naming both", async () => {
    const bytes = await xlsxBytes((ws, wb) => {
      ws.getRow(1).values = ["a", "b", "c"];
      ws.getRow(2).values = ["erstes", "Blatt", "x"];
      const other = wb.addWorksheet("Andere");
      other.getRow(3).values = ["a", "b", "c"];
      other.getRow(4).values = ["zweites", "Blatt", "y"];
    });
    const { finding } = expectUnreadable(await read(ctx, "zwei-blaetter.xlsx", bytes));
    expect(finding).toMatchObject({ regel: "kopfzeile_mehrfach", zeile: null, schwere: "fehler" });
    expect(finding.meldung).toBe(
      "zwei-blaetter.xlsx: Die Kopfzeile der Tabelle steht auf mehreren sichtbaren Tabellenblättern; es ist nicht klar, " +
        "welches gilt. Bitte nur ein Blatt mit der Tabelle behalten (oder die anderen ausblenden). " +
        "Blatt „Daten“: Kopfzeile in Zeile 1; Blatt „Andere“: Kopfzeile in Zeile 3.",
    );
  });

  it("a workbook without the header lists each sheet with its first rows", async () => {
    const bytes = await xlsxBytes((ws, wb) => {
      ws.getRow(2).values = ["Titel"];
      ws.getRow(3).values = ["x", "y"];
      const hidden = wb.addWorksheet("Versteckt", { state: "hidden" });
      hidden.getRow(1).values = ["a", "b", "c"];
    });
    const { finding } = expectUnreadable(await read(ctx, "ohne-kopf.xlsx", bytes));
    expect(finding).toMatchObject({ regel: "kopfzeile_fehlt", zeile: null, schwere: "fehler" });
    expect(finding.meldung).toBe(
      "ohne-kopf.xlsx: Keine Kopfzeile mit den erforderlichen Spalten gefunden, auf keinem sichtbaren Tabellenblatt. " +
        "Blatt „Daten“: keine Kopfzeile (erste Zeilen: „Titel“, „x | y“); Blatt „Versteckt“: ausgeblendet, nicht gelesen.",
    );
  });

  it("takes a formula's cached result, also 0, FALSE and an empty string", async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getRow(1).values = ["a", "b", "c"];
      ws.getRow(2).values = [
        { formula: "1-1", result: 0 },
        { formula: "1=2", result: false },
        { formula: '""', result: "" },
      ];
      ws.getRow(3).values = [{ formula: "12000-12345.67", result: 12000 - 12345.67 }, "x", "y"];
    });
    const rows = expectRows(await read(ctx, "formeln.xlsx", bytes));
    expect(await materialize(ctx, rows)).toEqual([
      ["0", "false", null],
      ["-345,67", "x", "y"],
    ]);
    await rows.dispose();
  });
});

describe("unreadable XLSX files", () => {
  const cases: [string, () => Promise<Uint8Array | string>, RegExp][] = [
    ["random bytes", async () => Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256), /keine gültige XLSX/],
    ["a renamed CSV", async () => "a;b;c\n1;2;3\n", /Textdatei \(CSV\?\)/],
    ["an empty file", async () => "", /leer/],
    [
      "a truncated workbook",
      async () => {
        const full = await xlsxBytes((ws) => {
          ws.getRow(1).values = ["a", "b", "c"];
          for (let r = 2; r < 200; r++) ws.getRow(r).values = [r, `Wert ${r}`, r * 2];
        });
        return full.subarray(0, Math.floor(full.length / 2));
      },
      /ZIP-Archiv/,
    ],
    ["an old .xls", async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /xls/],
  ];
  it.each(cases)("%s", async (_, make, reason) => {
    const { finding } = expectUnreadable(await read(ctx, "kaputt.xlsx", await make()));
    expect(finding).toMatchObject({ datei: "kaputt.xlsx", zeile: null, regel: "datei_unlesbar", schwere: "fehler" });
    expect(finding.meldung).toMatch(/^kaputt\.xlsx: /);
    expect(finding.meldung).toMatch(reason);
    expect(finding.meldung).not.toMatch(/\n|at .*\(/); // no stack trace
  });
});
