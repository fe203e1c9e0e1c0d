/**
 * Generated CSV files against a model: the generator knows every record's cells
 * and the physical line it starts on, so rows, lineOf and malformed() can be
 * checked exactly, across encodings, delimiters, line-break styles (mixed ones
 * included), BOMs, title rows, blank lines, quoted cells with delimiters, quotes
 * and line breaks, and records with the wrong number of cells.
 */
import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { expectRows, materialize, misshapen, read, requires, useReaderContext } from "./helpers.ts";

const ctx = useReaderContext();

type Cell = { kind: "plain" | "quoted"; text: string; pad?: [string, string] };
type Break = "\n" | "\r\n" | "\r";

const plainChar = fc.constantFrom("a", "Z", "1", "ä", "€", "ß", ".", " ");
const quotedChar = fc.constantFrom("a", "ö", "€", " ", '"', ";", ",", "\n", "\r\n", "\r");
const plainText = fc.array(plainChar, { maxLength: 5 }).map((a) => a.join(""));
const quotedText = fc.array(quotedChar, { maxLength: 6 }).map((a) => a.join(""));
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: plainText.map((text) => ({ kind: "plain" as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ text: quotedText, before: fc.constantFrom("", "", " "), after: fc.constantFrom("", "", " ", "  ") })
      .map(({ text, before, after }) => ({ kind: "quoted" as const, text, pad: [before, after] as [string, string] })),
  },
);

const scenario = fc
  .record({
    n: fc.integer({ min: 2, max: 4 }),
    delimiter: fc.constantFrom(";" as const, "," as const),
    encoding: fc.constantFrom("utf-8" as const, "windows-1252" as const),
    bom: fc.boolean(),
    style: fc.constantFrom<Break | "mixed">("\n", "\r\n", "\r", "mixed"),
    finalBreak: fc.boolean(),
    titles: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
    seed: fc.array(
      fc.record({
        blanksBefore: fc.integer({ min: 0, max: 2 }),
        cells: fc.array(cell, { minLength: 1, maxLength: 6 }),
        breakPick: fc.constantFrom<Break>("\n", "\r\n", "\r"),
      }),
      { maxLength: 12 },
    ),
  })
  .map((s) => {
    // Make records valid with n cells, except a few whose count stays wrong.
    const records = s.seed.map((r, i) => {
      const wrong = i % 4 === 3 && r.cells.length !== s.n;
      let cells = wrong ? r.cells : [...r.cells, ...Array(s.n).fill({ kind: "plain", text: "" })].slice(0, s.n);
      // A single empty or space-only cell is a blank line, not a record: give it content.
      if (cells.length === 1 && cells[0]!.kind === "plain" && cells[0]!.text.trim() === "") cells = [{ kind: "plain", text: "x" }];
      // The reader asks DuckDB for one column more than the header has (n + 1) and pads short
      // records: every record is a row except one with a value beyond that column, which DuckDB
      // rejects (it drops empty cells beyond its last column). A row of any other cell count than
      // n carries a field-count message (issue 12: `1;2;3;` fitted a 3-column header before).
      const rejected = cells.length > s.n + 1 && cells.slice(s.n + 1).some((c) => c.text !== "");
      return { ...r, cells, rejected, misshapen: !rejected && cells.length !== s.n };
    });
    return { ...s, records };
  });

/** DuckDB's value for a cell: as written, quotes removed, empty → NULL. */
const expected = (c: Cell): string | null => (c.text === "" ? null : c.text);

const render = (c: Cell, delimiter: string): string => {
  // Spaces around a quoted value are not part of it (DuckDB drops them; before the quote, at most one).
  if (c.kind === "quoted") return `${c.pad?.[0] ?? ""}"${c.text.replaceAll('"', '""')}"${c.pad?.[1] ?? ""}`;
  if (c.text.includes(delimiter)) throw new Error("generator bug");
  return c.text;
};

const lineBreaksIn = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

/** 200 by default; set PIK_PROPERTY_RUNS for a long hunt (about 6 ms per run). */
const RUNS = Number(process.env.PIK_PROPERTY_RUNS ?? 200);

describe("generated CSV files", () => {
  it("rows, lines and malformed records match the model", { timeout: Math.max(60_000, RUNS * 30) }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const headerNames = Array.from({ length: s.n }, (_, i) => `k${i}`);
        const pickBreak = (b: Break): Break => (s.style === "mixed" ? b : s.style);
        let text = s.bom ? "\uFEFF" : "";
        // Counted on the text itself: a record ending in CR followed by a blank line's LF is one CRLF.
        const lineNow = () => lineBreaksIn(text) + 1;
        const emit = (record: string, brk: Break) => {
          text += record + brk;
        };
        for (const t of s.titles) emit(t.map((c) => render(c, s.delimiter)).join(s.delimiter), pickBreak("\n"));
        const headerLine = lineNow();
        emit(headerNames.join(s.delimiter), pickBreak("\r\n"));
        const rows: (string | null)[][] = [];
        const rowLines: number[] = [];
        const misshapenRows: number[] = [];
        const badLines: number[] = [];
        s.records.forEach((r, i) => {
          for (let b = 0; b < r.blanksBefore; b++) emit("", pickBreak(r.breakPick));
          const start = lineNow();
          const last = i === s.records.length - 1;
          const body = r.cells.map((c) => render(c, s.delimiter)).join(s.delimiter);
          if (last && !s.finalBreak) {
            text += body;
          } else {
            emit(body, pickBreak(r.breakPick));
          }
          if (!r.rejected) {
            if (r.misshapen) misshapenRows.push(rows.length);
            rows.push(Array.from({ length: s.n }, (_, k) => (r.cells[k] ? expected(r.cells[k]!) : null)));
            rowLines.push(start);
          } else if (!r.cells.every((c) => c.text.trim() === "")) {
            // A record of nothing but delimiters, spaces and `""` is a blank row whatever its cell count.
            badLines.push(start);
          }
        });

        const bytes =
          s.encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text.replace(/^\uFEFF/, ""), "windows-1252");
        // Windows-1252 text that happens to be valid UTF-8 (e.g. `ß€` = DF 80) is UTF-8: inherently ambiguous.
        fc.pre(s.encoding === "utf-8" || !isUtf8(bytes));
        const result = expectRows(await read(ctx, `gen${++run}.csv`, bytes, requires(...headerNames)));
        try {
          expect(result.delimiter).toBe(s.delimiter);
          expect(result.header).toEqual(headerNames);
          expect(result.headerLine).toBe(headerLine);
          expect(await materialize(ctx, result)).toEqual(rows);
          const lines = await result.lineOf(rows.map((_, i) => i));
          expect(rows.map((_, i) => lines.get(i))).toEqual(rowLines);
          expect((await misshapen(ctx, result)).map((m) => m[0])).toEqual(misshapenRows);
          expect((await result.malformed()).map((f) => f.zeile)).toEqual(badLines);
        } finally {
          await result.dispose();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
