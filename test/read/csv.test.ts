import { existsSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { expectRows, expectUnreadable, materialize, misshapen, read, requires, useReaderContext } from "./helpers.ts";

const ctx = useReaderContext();

describe("CSV encodings", () => {
  it("reads UTF-8 without BOM, `;`, LF", async () => {
    const rows = expectRows(await read(ctx, "utf8.csv", "a;b;c\n1;Müller;2024-01-31\n2;Straße;x\n"));
    expect(rows.format).toBe("csv");
    expect(rows.encoding).toBe("utf-8");
    expect(rows.delimiter).toBe(";");
    expect(rows.header).toEqual(["a", "b", "c"]);
    expect(rows.headerLine).toBe(1);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "Müller", "2024-01-31"],
      ["2", "Straße", "x"],
    ]);
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("reads UTF-8 with BOM, `,`, CRLF (the BOM is not part of the first header cell)", async () => {
    const rows = expectRows(await read(ctx, "bom.csv", "\uFEFFA,B,C\r\n1,Ä€,3\r\n4,5,6\r\n"));
    expect(rows.encoding).toBe("utf-8");
    expect(rows.delimiter).toBe(",");
    expect(rows.header).toEqual(["A", "B", "C"]);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "Ä€", "3"],
      ["4", "5", "6"],
    ]);
    expect(await rows.lineOf([0, 1])).toEqual(
      new Map([
        [0, 2],
        [1, 3],
      ]),
    );
    await rows.dispose();
  });

  it("reads Windows-1252 (German Excel) with € and äöüß, header included, and removes its UTF-8 copy", async () => {
    const text = "Größe;a;b;c\r\n1;Müller;1.234,56 €;Straße\r\n2;ÄÖÜ äöü ß;€;\r\n";
    const bytes = iconv.encode(text, "windows-1252");
    expect(bytes.includes(0x80)).toBe(true); // € really is byte 0x80
    const rows = expectRows(await read(ctx, "cp1252.csv", bytes));
    expect(rows.encoding).toBe("windows-1252");
    expect(rows.header).toEqual(["Größe", "a", "b", "c"]);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "Müller", "1.234,56 €", "Straße"],
      ["2", "ÄÖÜ äöü ß", "€", null],
    ]);
    const copy = /read_csv\('([^']+)'/.exec(rows.relation)?.[1];
    expect(copy).toBeDefined();
    expect(copy).not.toContain("cp1252.csv");
    expect(existsSync(copy!)).toBe(true);
    await rows.dispose();
    expect(existsSync(copy!)).toBe(false);
  });

  it("detects Windows-1252 when the only non-ASCII byte is far beyond the header region", async () => {
    let text = "a;b;c\n";
    for (let i = 0; i < 5000; i++) text += `${i};wert ${i};abcdefghijklmnopqrstuvwxyz\n`;
    text += "5000;Müller;Ende\n";
    const rows = expectRows(await read(ctx, "late1252.csv", iconv.encode(text, "windows-1252")));
    expect(rows.encoding).toBe("windows-1252");
    const data = await materialize(ctx, rows);
    expect(data).toHaveLength(5001);
    expect(data[5000]).toEqual(["5000", "Müller", "Ende"]);
    await rows.dispose();
  });
});

describe("CSV structure", () => {
  it("handles quoted fields with the delimiter, doubled quotes and line breaks (LF and CRLF)", async () => {
    const csv = 'a;b;c\n1;"x;y";"sagt ""Hallo"""\n2;"Zeile 1\nZeile 2";"A\r\nB"\n3; "mit Leerzeichen" ;z\n';
    const rows = expectRows(await read(ctx, "quoted.csv", csv));
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "x;y", 'sagt "Hallo"'],
      ["2", "Zeile 1\nZeile 2", "A\r\nB"],
      // DuckDB drops spaces around a quoted value; the scanners mirror that.
      ["3", "mit Leerzeichen", "z"],
    ]);
    expect(await rows.lineOf([0, 1, 2])).toEqual(
      new Map([
        [0, 2],
        [1, 3],
        [2, 6],
      ]),
    );
    await rows.dispose();
  });

  it("skips title rows above the header (one with a quoted line break, one blank line)", async () => {
    const csv =
      'Förderbericht Pakt für Integration;;\n"Stand:\n31.12.2024";;\n\na;b;c\n1;2;3\n4;5;6';
    const rows = expectRows(await read(ctx, "title.csv", csv));
    expect(rows.header).toEqual(["a", "b", "c"]);
    expect(rows.headerLine).toBe(5);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"], // last line without a line break
    ]);
    expect(await rows.lineOf([1, 0])).toEqual(
      new Map([
        [0, 6],
        [1, 7],
      ]),
    );
    await rows.dispose();
  });

  it("reads empty cells (`;;` and `;\"\";`) as NULL and keeps surrounding spaces as written", async () => {
    const rows = expectRows(await read(ctx, "empty-cells.csv", 'a;b;c\n1;;3\n2;"";" x "\n  ;  y ;\n'));
    expect(await materialize(ctx, rows)).toEqual([
      ["1", null, "3"],
      ["2", null, " x "],
      ["  ", "  y ", null],
    ]);
    await rows.dispose();
  });

  it("drops blank lines; `;;` rows (Excel's empty trailing rows) come back as all-NULL rows", async () => {
    const csv = "a;b;c\r\n1;2;3\r\n\r\n4;5;6\r\n;;\r\n;;\r\n\r\n\r\n";
    const rows = expectRows(await read(ctx, "trailing.csv", csv));
    // Expected and intended: an all-NULL row per `;;` line – the validator decides what an empty row means.
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
      [null, null, null],
      [null, null, null],
    ]);
    expect(await rows.lineOf([0, 1, 2, 3])).toEqual(
      new Map([
        [0, 2],
        [1, 4],
        [2, 5],
        [3, 6],
      ]),
    );
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("prefers the delimiter that yields the header; a `,` inside a `;` header cell does not confuse it", async () => {
    const rows = expectRows(await read(ctx, "comma-in-header.csv", "a;b;c;Betrag, EUR\n1;2;3;4,50\n"));
    expect(rows.delimiter).toBe(";");
    expect(rows.header).toEqual(["a", "b", "c", "Betrag, EUR"]);
    expect(await materialize(ctx, rows)).toEqual([["1", "2", "3", "4,50"]]);
    await rows.dispose();
  });

  it("ignores empty header cells at the end; rows fit with or without the trailing delimiters", async () => {
    const rows = expectRows(await read(ctx, "trailing-delim.csv", "a;;c;;\n1;2;3;;\n4;5;6\n7;8;9;x\n", requires("a", "c")));
    expect(rows.header).toEqual(["a", "", "c"]);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
    ]);
    // A value under an empty header cell is a row the validator rejects.
    expect(await misshapen(ctx, rows)).toEqual([[2, "Zeile hat 4 statt 3 Felder.", "7;8;9;x"]]);
    expect(await rows.lineOf([2])).toEqual(new Map([[2, 4]]));
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("a field beyond the header's is a wrong field count, even an empty one (issue 12: DuckDB dropped it)", async () => {
    const rows = expectRows(await read(ctx, "extra-empty.csv", 'a;b;c\n1;2;3;;\n4;5;6;""\n7;8;9;x\n10;11;12\n'));
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
      ["10", "11", "12"],
    ]);
    expect(await misshapen(ctx, rows)).toEqual([
      [0, "Zeile hat mehr als 3 Felder (ein leeres Feld am Zeilenende zählt mit).", "1;2;3;"],
      [1, "Zeile hat mehr als 3 Felder (ein leeres Feld am Zeilenende zählt mit).", "4;5;6;"],
      [2, "Zeile hat 4 statt 3 Felder.", "7;8;9;x"],
    ]);
    expect(await rows.lineOf([0, 1, 2, 3])).toEqual(new Map([[0, 2], [1, 3], [2, 4], [3, 5]]));
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("reads a file that is only a header (with and without a final line break) as zero rows", async () => {
    for (const [name, text] of [
      ["only-header.csv", "a;b;c"],
      ["only-header-nl.csv", "\uFEFFa;b;c\r\n\r\n"],
      ["only-header-quoted.csv", '\uFEFF"a;";b;c\n'],
    ] as const) {
      const rows = expectRows(await read(ctx, name, text, requires("b", "c")));
      expect(await materialize(ctx, rows)).toEqual([]);
      expect(await rows.malformed()).toEqual([]);
      await rows.dispose();
    }
  });

  it("survives what makes DuckDB's own `skip` lose every row: a BOM with quotes before the data", async () => {
    // Without the reader's copy, DuckDB returns no rows at all for this file, and no error.
    const rows = expectRows(await read(ctx, "bom-quoted.csv", '\uFEFF"Betrag,";"a";b;c\r\n1,5;x;y;z\r\n'));
    expect(rows.header).toEqual(["Betrag,", "a", "b", "c"]);
    expect(await materialize(ctx, rows)).toEqual([["1,5", "x", "y", "z"]]);
    expect(await rows.lineOf([0])).toEqual(new Map([[0, 2]]));
    await rows.dispose();
  });

  it("survives a multi-line title row above a header with a line break in a cell", async () => {
    const csv = '\uFEFF"Bericht\r\nzweite Zeile";\r\na;"b\n(EUR)";c\r\n1;2;3\r\n\r\n4;5\r\n6;7;8\r\n';
    const rows = expectRows(await read(ctx, "multiline-title.csv", csv, requires("a", "c")));
    expect(rows.header).toEqual(["a", "b\n(EUR)", "c"]);
    expect(rows.headerLine).toBe(3);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "5", null],
      ["6", "7", "8"],
    ]);
    expect(await rows.lineOf([0, 1, 2])).toEqual(
      new Map([
        [0, 5],
        [1, 7],
        [2, 8],
      ]),
    );
    expect(await misshapen(ctx, rows)).toEqual([[1, "Zeile hat 2 statt 3 Felder.", "4;5"]]);
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("with a single column, blank lines are dropped too (DuckDB reads it with the extra column) and lines still match", async () => {
    const rows = expectRows(await read(ctx, "onecol.csv", "x\n1\n\n2\n", requires("x")));
    expect(await materialize(ctx, rows)).toEqual([["1"], ["2"]]);
    expect(await rows.lineOf([0, 1])).toEqual(
      new Map([
        [0, 2],
        [1, 4],
      ]),
    );
    await rows.dispose();
  });
});

describe("CSV lines and malformed records", () => {
  // Physical lines: 1 Titel, 2 blank, 3 header, 4 `1;2;3`, 5 blank, 6–7 one record, 8 `7;8`,
  // 9 `9;10;11;12;13` (rejected by DuckDB: two fields too many), 10 spaces only, 11 `13;14;15`, 12 blank.
  const csv = "Titel\n\na;b;c\n1;2;3\n\n4;\"x\ny\";6\n7;8\n9;10;11;12;13\n   \n13;14;15\n\n";

  it("maps ordinals to physical lines across blank lines, embedded line breaks and rejected records", async () => {
    const rows = expectRows(await read(ctx, "lines.csv", csv));
    expect(rows.headerLine).toBe(3);
    // Short records are rows (the validator rejects them; a line of spaces is blank to it).
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "2", "3"],
      ["4", "x\ny", "6"],
      ["7", "8", null],
      ["   ", null, null],
      ["13", "14", "15"],
    ]);
    expect(await rows.lineOf([4, 0, 1, 2, 3])).toEqual(
      new Map([
        [0, 4],
        [1, 6],
        [2, 8],
        [3, 10],
        [4, 11],
      ]),
    );
    await rows.dispose();
  });

  it("reports each rejected record once, on its physical line; short records are rows with a field-count message", async () => {
    const rows = expectRows(await read(ctx, "malformed.csv", csv));
    expect(await misshapen(ctx, rows)).toEqual([
      [2, "Zeile hat 2 statt 3 Felder.", "7;8"],
      [3, "Zeile hat 1 statt 3 Felder.", "   "],
    ]);
    expect(await rows.malformed()).toEqual([
      {
        datei: "malformed.csv",
        zeile: 9,
        spalte: null,
        wert: "9;10;11;12;13",
        regel: "zeile_spaltenzahl",
        meldung: "Zeile hat 5 statt 3 Felder.",
        schwere: "fehler",
      },
    ]);
    await rows.dispose();
  });

  it("gives the same lines on the scan-free path (no quotes, only trailing blank lines)", async () => {
    const plain = "Titel;;\r\na;b;c\r\n1;2;3\r\n7;8\r\n4;5;6\r\n9;10;11;12;13\r\n13;14;15\r\n\r\n\r\n";
    const rows = expectRows(await read(ctx, "plain.csv", plain));
    expect(await rows.lineOf([0, 1, 2, 3])).toEqual(
      new Map([
        [0, 3],
        [1, 4],
        [2, 5],
        [3, 7],
      ]),
    );
    expect(await misshapen(ctx, rows)).toEqual([[1, "Zeile hat 2 statt 3 Felder.", "7;8"]]);
    expect((await rows.malformed()).map((f) => [f.zeile, f.wert])).toEqual([[6, "9;10;11;12;13"]]);
    await rows.dispose();
  });

  it("reads files whose record breaks are mixed (DuckDB alone would fail or return nothing)", async () => {
    // LF after the title, CRLF after the header, a lone CR, an LF-only data line, and an
    // Excel-style LF inside a quoted cell, which must stay as written.
    const mixed = 'Titel\na;b;c\r\n1;"x\ny";3\r\n4;5;6\r7;8\n9;10;11\r\n';
    const rows = expectRows(await read(ctx, "mixed.csv", mixed));
    expect(rows.headerLine).toBe(2);
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "x\ny", "3"],
      ["4", "5", "6"],
      ["7", "8", null],
      ["9", "10", "11"],
    ]);
    expect(await rows.lineOf([0, 1, 2, 3])).toEqual(
      new Map([
        [0, 3],
        [1, 5],
        [2, 6],
        [3, 7],
      ]),
    );
    expect(await misshapen(ctx, rows)).toEqual([[2, "Zeile hat 2 statt 3 Felder.", "7;8"]]);
    expect(await rows.malformed()).toEqual([]);
    await rows.dispose();
  });

  it("leaves Excel's CRLF file with LF inside quoted cells as it is", async () => {
    const excel = 'a;b;c\r\n1;"Zeile 1\nZeile 2";3\r\n4;5;6\r\n';
    const rows = expectRows(await read(ctx, "excel-multiline.csv", excel));
    expect(rows.relation).toContain("excel-multiline.csv");
    expect(await materialize(ctx, rows)).toEqual([
      ["1", "Zeile 1\nZeile 2", "3"],
      ["4", "5", "6"],
    ]);
    expect(await rows.lineOf([1])).toEqual(new Map([[1, 4]]));
    await rows.dispose();
  });

  it("works without materializing first (scans once itself) and tolerates a second scan", async () => {
    const rows = expectRows(await read(ctx, "unscanned.csv", "a;b;c\n1;2;3;4;5\n3;4;5\n"));
    expect((await rows.malformed()).map((f) => f.zeile)).toEqual([2]);
    await materialize(ctx, rows);
    await materialize(ctx, rows);
    expect(await rows.lineOf([0])).toEqual(new Map([[0, 3]]));
    await rows.dispose();
  });

  it("reports broken quoting: an unterminated quote swallows the rest of the file", async () => {
    const rows = expectRows(await read(ctx, "unterminated.csv", 'a;b;c\n1;2;3\n4;"5;6\n7;8;9\n'));
    expect(await materialize(ctx, rows)).toEqual([["1", "2", "3"]]);
    const [f, ...rest] = await rows.malformed();
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ zeile: 3, spalte: null, regel: "zeile_unlesbar", wert: '4;"5;6\n7;8;9', schwere: "fehler" });
    expect(f?.meldung).toMatch(/Anführungszeichen/);
    await rows.dispose();
  });

  it("an unterminated quote in the first field is still reported (with null padding DuckDB would drop the record silently)", async () => {
    const rows = expectRows(await read(ctx, "unterminated-first.csv", 'a;b;c\n1;2;3\n"4;5;6\n7;8;9\n'));
    expect(await materialize(ctx, rows)).toEqual([["1", "2", "3"]]);
    expect((await rows.malformed()).map((f) => [f.zeile, f.regel])).toEqual([[3, "zeile_unlesbar"]]);
    await rows.dispose();
  });

  it("reports text after a closing quote and truncates the raw value to 200 characters", async () => {
    const long = "x".repeat(300);
    const rows = expectRows(await read(ctx, "afterquote.csv", `a;b;c\n1;"2"${long};3\n4;5;6\n`));
    expect(await materialize(ctx, rows)).toEqual([["4", "5", "6"]]);
    const findings = await rows.malformed();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.zeile).toBe(2);
    expect(findings[0]?.wert).toHaveLength(200);
    expect(findings[0]?.wert?.endsWith("…")).toBe(true);
    await rows.dispose();
  });

  it("reads 200 000 rows", async () => {
    const parts = ["a;b;c\n"];
    for (let i = 0; i < 200_000; i++) parts.push(`${i};Wert ${i};${(i * 1.5).toFixed(2)}\n`);
    const rows = expectRows(await read(ctx, "big.csv", parts.join("")));
    const reader = await ctx.con.runAndReadAll(`SELECT count(*)::INTEGER, max(c0::INTEGER) FROM ${rows.relation}`);
    expect(reader.getRowsJS()).toEqual([[200_000, 199_999]]);
    expect(await rows.lineOf([199_999])).toEqual(new Map([[199_999, 200_001]]));
    await rows.dispose();
  });
});

describe("unreadable CSV files", () => {
  it("an empty file", async () => {
    const { finding } = expectUnreadable(await read(ctx, "leer.csv", ""));
    expect(finding).toMatchObject({ datei: "leer.csv", zeile: null, regel: "datei_unlesbar", schwere: "fehler" });
    expect(finding.meldung).toContain("leer.csv");
  });

  it("a file without the header lists its first lines", async () => {
    const { finding } = expectUnreadable(await read(ctx, "ohne-kopf.csv", "Titel\nx;y;z\n1;2;3\n"));
    expect(finding.regel).toBe("kopfzeile_fehlt");
    expect(finding.meldung).toBe(
      "ohne-kopf.csv: Keine Kopfzeile mit den erforderlichen Spalten gefunden (angenommen: Trennzeichen „;“ (Semikolon), " +
        "Kodierung UTF-8; erste Zeilen: „Titel“, „x;y;z“, „1;2;3“).",
    );
  });

  it("a tab-separated file without the header shows the tabs and the assumed delimiter", async () => {
    const { finding } = expectUnreadable(await read(ctx, "tabs.csv", "x\ty\tz\n1\t2\t3\n"));
    expect(finding.meldung).toBe(
      "tabs.csv: Keine Kopfzeile mit den erforderlichen Spalten gefunden (angenommen: Trennzeichen Tabulator (⇥), " +
        "Kodierung UTF-8; erste Zeilen: „x ⇥ y ⇥ z“, „1 ⇥ 2 ⇥ 3“).",
    );
  });

  it("binary junk", async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const { finding } = expectUnreadable(await read(ctx, "junk.csv", junk));
    expect(finding.regel).toBe("datei_unlesbar");
    expect(finding.meldung).toMatch(/^junk\.csv: .*Binärdaten/);
  });

  it("an XLSX renamed to .csv", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    const { finding } = expectUnreadable(await read(ctx, "renamed.csv", zip));
    expect(finding.meldung).toMatch(/XLSX/);
  });

  it("UTF-16 without the header names the encoding it assumed", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("x\ty\r\n", "utf16le").swap16()]);
    const { finding } = expectUnreadable(await read(ctx, "utf16.csv", utf16));
    expect(finding.regel).toBe("kopfzeile_fehlt");
    expect(finding.meldung).toContain("Kodierung UTF-16 BE; erste Zeilen: „x ⇥ y“");
  });

  it("a missing file and an unknown extension", async () => {
    const { readRaw } = await import("../../loaders/read/index.ts");
    const missing = expectUnreadable(
      await readRaw({ path: `${ctx.dir}/fehlt.csv`, datei: "fehlt.csv", isHeader: () => true, connection: ctx.con, stageName: "x" }),
    );
    expect(missing.finding.meldung).toBe("fehlt.csv: Die Datei wurde nicht gefunden.");
    const other = expectUnreadable(await read(ctx, "daten.txt", "a;b;c\n"));
    expect(other.finding.meldung).toMatch(/Unbekanntes Dateiformat/);
  });
});

describe("UTF-16 (Excel's „Unicode-Text“)", () => {
  it("reads LE and BE with BOM, tab-separated, with the lines of the original", async () => {
    const text = "Titel\r\na\tb\tc\r\n1\tÄß€\t3\r\n\r\n4\t5\t6\r\n";
    for (const [bom, body] of [
      [Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")],
      [Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()],
    ] as const) {
      const rows = expectRows(await read(ctx, "utf16.csv", Buffer.concat([bom, body])));
      expect(rows.encoding).toBe(bom[0] === 0xff ? "utf-16le" : "utf-16be");
      expect(rows.delimiter).toBe("\t");
      expect(rows.headerLine).toBe(2);
      expect(await materialize(ctx, rows)).toEqual([
        ["1", "Äß€", "3"],
        ["4", "5", "6"],
      ]);
      expect(await rows.lineOf([0, 1])).toEqual(new Map([[0, 3], [1, 5]]));
      await rows.dispose();
    }
  });
});
