/**
 * Fuzz: damaged input files never crash or hang validation. fast-check takes
 * the sample data's files (CSV and XLSX bytes) and damages one or two of them –
 * truncation, flipped / inserted / deleted / duplicated bytes, stray quotes,
 * separators, line breaks, NUL, BOM, invalid UTF-8 – or, for the workbooks,
 * rewrites cells with odd values (formulas, errors, huge numbers, dates, rich
 * text, control characters). For every case `validateFolder` must
 *  - finish within a time limit, without throwing;
 *  - end in success (no error) or with at least one error finding – and
 *    report errors exactly when there are error findings;
 *  - account for each file: a summary or a file-level finding;
 *  - keep the row balance for every file: gelesen = akzeptiert + abgelehnt.
 * FUZZ_RUNS sets the number of cases (default 24), FUZZ_SEED the seed (fixed by default, reproducible).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";

const DATA = "data";
const INPUTS = readdirSync(DATA).filter((f) => /\.(csv|xlsx)$/.test(f)).sort();
const ORIGINAL = new Map(INPUTS.map((f) => [f, readFileSync(join(DATA, f))]));
const CASE_TIMEOUT_MS = 30_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SNIPPETS = ['"', ";", ",", "\n", "\r", "\r\n", "\0", "\uFEFF", '""', "\t", "=1+1", "-", "€", "ä", "1.234,56", "31.02.2019", "🙂"];
const RAW = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80, 0x81, 0x9d])];

type ByteOp =
  | { op: "truncate"; at: number }
  | { op: "flip"; at: number; bits: number }
  | { op: "insert"; at: number; snippet: number; raw: boolean; times: number }
  | { op: "delete"; at: number; len: number }
  | { op: "duplicate"; at: number; len: number }
  | { op: "empty" };

const posArb = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: posArb }),
  fc.record({ op: fc.constant("flip" as const), at: posArb, bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    op: fc.constant("insert" as const),
    at: posArb,
    snippet: fc.nat(SNIPPETS.length + RAW.length - 1),
    raw: fc.boolean(),
    times: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ op: fc.constant("delete" as const), at: posArb, len: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant("duplicate" as const), at: posArb, len: fc.integer({ min: 1, max: 5000 }) }),
  fc.constant({ op: "empty" as const }),
);

function applyByteOp(b: Buffer, o: ByteOp): Buffer {
  const at = o.op === "empty" ? 0 : Math.floor(o.at * b.length);
  switch (o.op) {
    case "truncate":
      return b.subarray(0, at);
    case "flip": {
      const c = Buffer.from(b);
      if (c.length) c[at] = c[at]! ^ o.bits;
      return c;
    }
    case "insert": {
      const piece =
        o.snippet < SNIPPETS.length && !o.raw ? Buffer.from(SNIPPETS[o.snippet]!, "utf8") : RAW[o.snippet % RAW.length]!;
      return Buffer.concat([b.subarray(0, at), ...Array<Buffer>(o.times).fill(piece), b.subarray(at)]);
    }
    case "delete":
      return Buffer.concat([b.subarray(0, at), b.subarray(at + o.len)]);
    case "duplicate":
      return Buffer.concat([b.subarray(0, at + o.len), b.subarray(at, at + o.len), b.subarray(at + o.len)]);
    case "empty":
      return Buffer.alloc(0);
  }
}

/** Odd cell values an office export may contain. */
const cellValueArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "n/a", "#NV", "1.234,56 €", "-0", "1e309", "31.02.2019", "2019-13-01", "ja", "\u0000\u0007", "<b>x</b>"),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.date({ min: new Date("1899-12-31"), max: new Date("2100-01-01"), noInvalidDate: true }),
  fc.constant(null),
  fc.constant({ formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue),
  fc.constant({ formula: "A1&B1" } as ExcelJS.CellValue),
  fc.constant({ error: "#N/A" } as ExcelJS.CellValue),
  fc.constant({ richText: [{ text: "RPS15.2-" }, { text: "IM", font: { bold: true } }] } as ExcelJS.CellValue),
  fc.constant({ text: "Link", hyperlink: "http://127.0.0.1/" } as ExcelJS.CellValue),
);
const cellEditArb = fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 14 }), value: cellValueArb });

async function editCells(bytes: Buffer, edits: { row: number; col: number; value: ExcelJS.CellValue }[], dropRows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  for (const e of edits) ws.getCell(e.row, e.col).value = e.value;
  if (dropRows > 0) ws.spliceRows(5, dropRows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const caseArb = fc.record({
  damaged: fc.uniqueArray(fc.constantFrom(...INPUTS), { minLength: 1, maxLength: 2 }),
  ops: fc.array(byteOpArb, { minLength: 1, maxLength: 3 }),
  // XLSX only: edit cells instead of bytes (half of the XLSX cases).
  cells: fc.option(fc.record({ edits: fc.array(cellEditArb, { minLength: 1, maxLength: 12 }), dropRows: fc.nat(20) }), { freq: 1 }),
});

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`validateFolder hing länger als ${ms} ms`)), ms))),
  ]);
}

/** Rows read per file of the undamaged sample data (counted by the baseline test below as well). */
let BASELINE = new Map<string, number>();

describe("fuzz: damaged input files", () => {
  it("never crash or hang; findings or success; row balance holds", async () => {
    BASELINE = new Map((await validateFolder(DATA)).files.map((s) => [s.datei, s.gelesen]));
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ damaged, ops, cells }) => {
        const dir = mkdtempSync(join(tmpdir(), "pik-fuzz-"));
        dirs.push(dir);
        for (const f of INPUTS) if (!damaged.includes(f)) copyFileSync(join(DATA, f), join(dir, f));
        for (const f of damaged) {
          let bytes: Buffer = ORIGINAL.get(f)!;
          if (f.endsWith(".xlsx") && cells) bytes = await editCells(bytes, cells.edits, cells.dropRows);
          else for (const o of ops) bytes = applyByteOp(bytes, o);
          writeFileSync(join(dir, f), bytes);
        }

        const r = await withTimeout(validateFolder(dir), CASE_TIMEOUT_MS);

        const errorFindings = r.findings.filter((f) => f.schwere === "fehler");
        expect(r.errors > 0).toBe(errorFindings.length > 0);
        for (const s of r.files) {
          expect(s.gelesen, `${s.datei}: gelesen = akzeptiert + abgelehnt`).toBe(s.akzeptiert + s.abgelehnt);
          // An undamaged file is read whole, whatever happened to the others (their damage may reject rows, never hide them).
          if (!damaged.includes(s.datei)) expect(s.gelesen, `${s.datei}: unbeschädigt, ganz gelesen`).toBe(BASELINE.get(s.datei));
          // A rejected row always comes with an error.
          if (s.abgelehnt > 0) expect(r.errors).toBeGreaterThan(0);
        }
        // Every input file is accounted for: summarised, or named in a finding.
        for (const f of INPUTS)
          expect(r.files.some((s) => s.datei === f) || r.findings.some((x) => x.datei === f), `${f} ohne Zusammenfassung und ohne Befund`).toBe(true);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20250), endOnFailure: true },
    );
  }, Math.max(120_000, RUNS * (CASE_TIMEOUT_MS + 5_000)));

  it("the unchanged sample data validates without errors (the baseline the fuzz damages)", async () => {
    const r = await validateFolder(DATA);
    expect(r.errors).toBe(0);
    for (const s of r.files) expect(s.gelesen).toBe(s.akzeptiert + s.abgelehnt);
    expect(r.files.map((s) => s.datei).sort()).toEqual(INPUTS);
  });
});
