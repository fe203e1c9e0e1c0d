import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyRecords } from "../../loaders/read/copy-records.ts";
import { linesAtPositions, locateRecordsQuoteFree } from "../../loaders/read/quote-free-lines.ts";
import { RecordIndex, recordBreakStyle } from "../../loaders/read/record-index.ts";
import { RecordScanner, type ScannedRecord } from "../../loaders/read/scanner.ts";

const dir = mkdtempSync(join(tmpdir(), "pik-lines-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(text: string, chunk = 1_000_000): Omit<ScannedRecord, "start" | "end" | "lastLine">[] {
  const out: Omit<ScannedRecord, "start" | "end" | "lastLine">[] = [];
  const s = new RecordScanner(";".charCodeAt(0), ({ index, line, blank, terminator }) => {
    out.push({ index, line, blank, terminator });
  });
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += chunk) s.feed(buf.subarray(i, i + chunk));
  s.end();
  return out;
}

const LF = 10;
const CR = 13;

describe("RecordScanner", () => {
  it("numbers records (blank ones included) and their start lines", () => {
    const text = 'a;b\n\n1;"x\ny"\r\n2;3\r\r\n4;"5""\r\n"\n6;7';
    for (const chunk of [1, 2, 5, 1000]) {
      expect(scan(text, chunk)).toEqual([
        { index: 1, line: 1, blank: false, terminator: LF },
        { index: 2, line: 2, blank: true, terminator: LF },
        { index: 3, line: 3, blank: false, terminator: CR },
        { index: 4, line: 5, blank: false, terminator: CR },
        { index: 5, line: 6, blank: true, terminator: CR },
        { index: 6, line: 7, blank: false, terminator: LF },
        { index: 7, line: 9, blank: false, terminator: -1 },
      ]);
    }
  });

  it("opens quotes only at the start of a cell or after one space (not two, not a tab)", () => {
    expect(scan('a;5" Zoll\nb; "x\ny"\nc;\t"p\nq"\n  "r\ns"\n').map((r) => r.line)).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it("treats an unterminated quote as running to the end", () => {
    expect(scan('a;b\n1;"2\n3;4\n5;6\n').map((r) => [r.index, r.line])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it("a line of spaces is not blank", () => {
    expect(scan("a\n  \n\n").map((r) => r.blank)).toEqual([false, false, true]);
  });
});

describe("RecordIndex", () => {
  it("maps rows to lines, stepping over header records, blank lines and rejected records", async () => {
    const path = join(dir, "locate.csv");
    // records: 1 T, 2 blank, 3 header, 4 r0 (line 4), 5 blank, 6 r1 (lines 6-7), 7 rejected (line 8), 8 r2 (line 9)
    const text = '\uFEFFT\n\na;b\n1;2\n\n3;"x\ny"\n4\n5;6\n';
    writeFileSync(path, text);
    const bytes = Buffer.from(text);
    const start = bytes.indexOf("4\n5;6");
    // DuckDB's positions seen for such a record: its start, one byte after, or the blank lines before it.
    for (const position of [start, start + 1]) {
      const index = await RecordIndex.build(path, ";", [position]);
      expect(index.lineBreak).toBe("\n");
      expect([...index.rejected]).toEqual([7]);
      expect(index.positionLines).toEqual(new Map([[position, 8]]));
      expect(index.lineOfOrdinals({ delimiter: ";", skip: 3, dropBlank: true, lineBase: 0 }, [2, 0, 1, 9])).toEqual(
        new Map([
          [0, 4],
          [1, 6],
          [2, 9],
        ]),
      );
    }
    const afterBlank = bytes.indexOf("3;");
    const index = await RecordIndex.build(path, ";", [afterBlank - 1]);
    expect(index.positionLines).toEqual(new Map([[afterBlank - 1, 6]]));
    expect(index.lineOfRecord(6)).toBe(6);
    expect(index.lineOfRecord(5)).toBe(5);
    expect(index.lineOfRecord(99)).toBeUndefined();
  });

  it("linesAtPositions and the scan-free mapping agree with it where records are lines", async () => {
    for (const [eol, name] of [
      ["\n", "qf-lf.csv"],
      ["\r\n", "qf-crlf.csv"],
      ["\r", "qf-cr.csv"],
    ] as const) {
      const path = join(dir, name);
      // 1 title, 2 header, 3 r0, 4 rejected, 5 r1, 6 rejected, 7 rejected, 8 r2
      const text = ["T", "a;b", "1;2", "x", "3;4", "y", "zz", "5;6", "", ""].join(eol);
      writeFileSync(path, text);
      const bytes = Buffer.from(text);
      const positions = ["x", "y", "zz"].map((v) => bytes.indexOf(eol + v + eol) + eol.length);
      const layout = { delimiter: ";", skip: 2, dropBlank: true, lineBase: 0 };
      for (const shift of eol === "\r\n" ? [-1, 0, 1] : [0, 1]) {
        const shifted = positions.map((p) => p + shift);
        const counted = await linesAtPositions(path, shifted, eol);
        expect([...counted.values()]).toEqual([4, 6, 7]);
        const index = await RecordIndex.build(path, ";", shifted);
        expect([...index.positionLines.values()]).toEqual([4, 6, 7]);
        const fast = locateRecordsQuoteFree(layout, [4, 6, 7], [0, 1, 2]);
        expect(fast).toEqual(
          new Map([
            [0, 3],
            [1, 5],
            [2, 8],
          ]),
        );
        expect(index.lineOfOrdinals(layout, [0, 1, 2])).toEqual(fast);
      }
    }
  });
});

describe("line breaks", () => {
  it("recordBreakStyle looks only at breaks outside quotes", async () => {
    const style = async (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return recordBreakStyle(join(dir, name), ";");
    };
    expect(await style("excel.csv", 'a;b\r\n1;"x\ny"\r\n2;"\r"\r\n')).toBe("\r\n");
    expect(await style("lf.csv", '"x\r\ny";b\n1;2')).toBe("\n");
    expect(await style("cr.csv", "a;b\r1;2\r")).toBe("\r");
    expect(await style("none.csv", "a;b")).toBeNull();
    expect(await style("mixed.csv", "a;b\r\n1;2\n3;4\r\n")).toBe("mixed");
    expect(await style("lone.csv", "a;b\r\n1;2\r3;4\r\n")).toBe("mixed");
    expect(await style("last-cr.csv", "a;b\n1;2\r")).toBe("mixed");
  });

  it("copyRecords makes record breaks LF, keeps quoted ones and the line count", async () => {
    const src = join(dir, "norm-in.csv");
    const dest = join(dir, "norm-out.csv");
    writeFileSync(src, '\uFEFFa;b\r\n1;"x\r\ny"\r2;3\n\r\n4;5\r');
    await copyRecords(src, dest, ";", { skipRecords: 0, uniformLF: true });
    expect(readFileSync(dest, "utf8")).toBe('a;b\n1;"x\r\ny"\n2;3\n\n4;5\n');
  });

  it("copyRecords can leave out the first records (title rows, header), line breaks as they are", async () => {
    const src = join(dir, "cut-in.csv");
    const dest = join(dir, "cut-out.csv");
    writeFileSync(src, '\uFEFF"Titel\r\nzweizeilig"\r\na;b\r\n1;2\r\n\r\n3;"x\ny"\r\n');
    await copyRecords(src, dest, ";", { skipRecords: 2, uniformLF: false });
    expect(readFileSync(dest, "utf8")).toBe('1;2\r\n\r\n3;"x\ny"\r\n');
    await copyRecords(src, dest, ";", { skipRecords: 2, uniformLF: true });
    expect(readFileSync(dest, "utf8")).toBe('1;2\n\n3;"x\ny"\n');
    await copyRecords(join(dir, "cut-in.csv"), dest, ";", { skipRecords: 5, uniformLF: false });
    expect(readFileSync(dest, "utf8")).toBe("");
  });
});
