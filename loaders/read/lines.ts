/**
 * Record boundaries and physical lines of a CSV file, as DuckDB's `read_csv` sees them.
 *
 * DuckDB hands back data rows without line numbers, and its reject table numbers
 * *records* (blank lines included, a quoted field with line breaks counting once),
 * not the lines a user sees in an editor. Findings must name the editor line, so
 * this module re-walks the file with the same record rules and maps
 * "n-th returned row" and "n-th record" to the line on which the record starts.
 *
 * The rules mirrored from DuckDB's CSV state machine (verified in tests):
 * - `\n`, `\r\n` and a lone `\r` end a record and a physical line;
 * - a quote opens a quoted field only at the start of a field, or after exactly
 *   one space; inside quotes `""` is a quote and line breaks are data; spaces
 *   may follow the closing quote;
 * - an unterminated quote runs to the end of the file (one record);
 * - a record with no characters at all is blank; one with only spaces is not
 *   (DuckDB rejects it for its cell count).
 *
 * Works on bytes (the structural characters are ASCII, so this holds for UTF-8
 * and Windows-1252 alike) and streams: a 500 MB file never becomes one string.
 */
import { open } from "node:fs/promises";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

/** 16 MiB: large enough that the per-chunk overhead vanishes, small enough for any machine. */
export const CHUNK_BYTES = 16 * 1024 * 1024;

const enum State {
  RecordStart,
  FieldStart,
  /** One space at the start of a field: a quote may still open it. */
  OneSpace,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  /** Spaces after a closing quote. */
  AfterQuote,
}

export interface ScannedRecord {
  /** 1-based record number, blank records included (DuckDB's reject `line`). */
  index: number;
  /** 1-based physical line on which the record starts. */
  line: number;
  /** 1-based physical line on which the record ends (before its line break). */
  lastLine: number;
  /** True if the record has no characters at all. */
  blank: boolean;
  /** Byte offsets of the record's content in the scanned stream, end exclusive (line break excluded). */
  start: number;
  end: number;
  /** The byte that ended the record (LF or CR; a CR may be followed by a swallowed LF), -1 at the end of the file. */
  terminator: number;
}

/**
 * Incremental record scanner. Feed it chunks in order, then call `end()`.
 * `onRecord` returns false to stop early (further input is ignored).
 */
export class RecordScanner {
  private state = State.RecordStart;
  private pendingCR = false;
  private line = 1;
  private recordLine = 1;
  private recordStart = 0;
  private records = 0;
  private offset = 0;
  private stopped = false;

  /**
   * @param onSwallowedLF called with the offset of each LF that completes a
   *   record-ending CRLF (the record itself was reported at the CR)
   */
  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (r: ScannedRecord) => boolean | void,
    private readonly onSwallowedLF?: (offset: number) => void,
  ) {}

  get done(): boolean {
    return this.stopped;
  }

  feed(chunk: Uint8Array): void {
    if (this.stopped) return;
    const delim = this.delimiter;
    const base = this.offset;
    let state = this.state;
    let pendingCR = this.pendingCR;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (b === LF) {
          // Second half of a CRLF: the line and (if any) the record ended at the CR.
          if (state === State.RecordStart) {
            this.recordStart = base + i + 1;
            this.onSwallowedLF?.(base + i);
          }
          continue;
        }
      }
      if (b === LF || b === CR) {
        if (b === CR) pendingCR = true;
        this.line++;
        if (state === State.Quoted) continue;
        const keepGoing = this.onRecord({
          index: ++this.records,
          line: this.recordLine,
          lastLine: this.line - 1,
          blank: state === State.RecordStart,
          start: this.recordStart,
          end: base + i,
          terminator: b,
        });
        state = State.RecordStart;
        this.recordLine = this.line;
        this.recordStart = base + i + 1;
        if (keepGoing === false) {
          this.stopped = true;
          break;
        }
        continue;
      }
      switch (state) {
        case State.RecordStart:
        case State.FieldStart:
          state = b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : b === SPACE ? State.OneSpace : State.Unquoted;
          break;
        case State.OneSpace:
          state = b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : State.Unquoted;
          break;
        case State.Unquoted:
          if (b === delim) state = State.FieldStart;
          break;
        case State.Quoted:
          if (b === QUOTE) state = State.QuoteInQuoted;
          break;
        case State.QuoteInQuoted:
          // `""` is an escaped quote; after a closing quote DuckDB allows spaces before the delimiter.
          state = b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : b === SPACE ? State.AfterQuote : State.Unquoted;
          break;
        case State.AfterQuote:
          // Anything but spaces or the delimiter here is a broken record to DuckDB; it still ends at the line break.
          state = b === delim ? State.FieldStart : b === SPACE ? State.AfterQuote : State.Unquoted;
          break;
      }
    }
    this.state = state;
    this.pendingCR = pendingCR;
    this.offset = base + n;
  }

  /** Flushes a last record that has no line break after it. */
  end(): void {
    if (this.stopped) return;
    if (this.state !== State.RecordStart) {
      this.onRecord({
        index: ++this.records,
        line: this.recordLine,
        lastLine: this.line,
        blank: false,
        start: this.recordStart,
        end: this.offset,
        terminator: -1,
      });
    }
    this.stopped = true;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export const hasUtf8Bom = (buf: Uint8Array): boolean =>
  buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];

/**
 * Streams a file through a RecordScanner (a leading UTF-8 BOM is skipped, as
 * DuckDB does). Stops reading as soon as the scanner is done.
 */
export async function scanRecords(
  path: string,
  delimiter: string,
  onRecord: (r: ScannedRecord) => boolean | void,
): Promise<void> {
  await feedFile(path, new RecordScanner(delimiter.charCodeAt(0), onRecord));
}

/**
 * Feeds a file to a scanner chunk by chunk, without a leading BOM; `afterChunk`
 * sees each chunk after the scanner did (offsets in the scanner's stream).
 */
async function feedFile(
  path: string,
  scanner: RecordScanner,
  afterChunk?: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let first = true;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      let chunk = buf.subarray(0, bytesRead);
      if (first && hasUtf8Bom(chunk)) chunk = chunk.subarray(3);
      first = false;
      scanner.feed(chunk);
      await afterChunk?.(chunk);
      if (scanner.done) return;
    }
    scanner.end();
  } finally {
    await fh.close();
  }
}

export type LineBreak = "\n" | "\r\n" | "\r";

/**
 * The line break that ends the records of a file, looking only at breaks
 * outside quoted cells (Excel writes CRLF between records but LF inside a
 * cell); `mixed` if records end in more than one kind (stops at the first
 * evidence), null if no record has a line break.
 */
export async function recordBreakStyle(path: string, delimiter: string): Promise<LineBreak | "mixed" | null> {
  let lf = false;
  let cr = false;
  let crlf = false;
  let lastCR = -2;
  const mixed = () => Number(lf) + Number(cr) + Number(crlf) > 1;
  const settleCR = () => {
    // A record-ending CR not completed by an LF right after it was a lone CR.
    if (lastCR >= 0) cr = true;
    lastCR = -2;
  };
  const scanner = new RecordScanner(
    delimiter.charCodeAt(0),
    (rec) => {
      if (rec.terminator === -1) return;
      settleCR();
      if (rec.terminator === LF) lf = true;
      else lastCR = rec.end;
      return !mixed();
    },
    (offset) => {
      if (offset === lastCR + 1) {
        crlf = true;
        lastCR = -2;
      }
    },
  );
  await feedFile(path, scanner);
  settleCR();
  if (mixed()) return "mixed";
  return crlf ? "\r\n" : lf ? "\n" : cr ? "\r" : null;
}

/**
 * Copies a UTF-8 file from record `skipRecords + 1` on, optionally with every
 * record-ending line break turned into LF (line breaks inside quoted cells are
 * data and stay as written). Line breaks are never added or removed, so a line
 * in the copy is a line in the original, shifted by the lines left out.
 * A BOM is dropped (DuckDB would drop it anyway).
 */
export async function copyRecords(
  src: string,
  dest: string,
  delimiter: string,
  opts: { skipRecords: number; uniformLF: boolean },
): Promise<void> {
  const { skipRecords, uniformLF } = opts;
  const replace: number[] = [];
  const drop: number[] = [];
  let dataStart = skipRecords === 0 ? 0 : Infinity;
  const scanner = new RecordScanner(
    delimiter.charCodeAt(0),
    (rec) => {
      if (rec.index === skipRecords) dataStart = rec.terminator === -1 ? rec.end : rec.end + 1;
      else if (uniformLF && rec.index > skipRecords && rec.terminator === CR) replace.push(rec.end);
    },
    (offset) => {
      if (offset === dataStart) dataStart++; // the LF of the last skipped record's CRLF
      else if (uniformLF && offset > dataStart) drop.push(offset);
    },
  );
  const out = await open(dest, "w");
  try {
    let pos = 0;
    await feedFile(src, scanner, async (chunk) => {
      for (const r of replace) chunk[r - pos] = LF;
      let from = Math.min(Math.max(dataStart - pos, 0), chunk.length);
      const pieces: Uint8Array[] = [];
      for (const d of drop) {
        pieces.push(chunk.subarray(from, d - pos));
        from = d - pos + 1;
      }
      pieces.push(chunk.subarray(from));
      for (const piece of pieces) if (piece.length > 0) await out.write(piece);
      pos += chunk.length;
      replace.length = 0;
      drop.length = 0;
    });
  } finally {
    await out.close();
  }
}

/** Which records DuckDB returns as rows, and so how rows are numbered. */
export interface RowLayout {
  delimiter: string;
  /** Records before the first data record (title rows, blank lines, the header): DuckDB's `skip`. */
  skip: number;
  /**
   * Blank records are not returned by DuckDB when the file has more than one
   * column; with a single column it returns them as a NULL row.
   */
  dropBlank: boolean;
  /** Lines of the original file before line 1 of the file DuckDB reads (see copyRecords). */
  lineBase: number;
}

/**
 * One streaming pass that answers both questions the reader gets asked:
 * the start line of the rows at `ordinals` (0-based, among returned rows) and
 * of the records numbered `records` (DuckDB's reject `line`). `rejected` are
 * the record numbers DuckDB did not return. Stops once everything is found.
 */
export async function locateRecords(
  path: string,
  layout: RowLayout,
  rejected: ReadonlySet<number>,
  ordinals: readonly number[],
  records: readonly number[],
): Promise<{ ordinalLines: Map<number, number>; recordLines: Map<number, number> }> {
  const ordinalLines = new Map<number, number>();
  const recordLines = new Map<number, number>();
  const wantOrdinals = [...new Set(ordinals)].filter((o) => Number.isInteger(o) && o >= 0).sort((a, b) => a - b);
  const wantRecords = [...new Set(records)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  if (wantOrdinals.length === 0 && wantRecords.length === 0) return { ordinalLines, recordLines };

  let oi = 0;
  let ri = 0;
  let ordinal = -1;
  await scanRecords(path, layout.delimiter, (rec) => {
    if (ri < wantRecords.length && wantRecords[ri] === rec.index) {
      recordLines.set(rec.index, rec.line + layout.lineBase);
      ri++;
    }
    const returned =
      rec.index > layout.skip && !(rec.blank && layout.dropBlank) && !rejected.has(rec.index);
    if (returned) {
      ordinal++;
      if (oi < wantOrdinals.length && wantOrdinals[oi] === ordinal) {
        ordinalLines.set(ordinal, rec.line + layout.lineBase);
        oi++;
      }
    }
    return oi < wantOrdinals.length || ri < wantRecords.length;
  });
  return { ordinalLines, recordLines };
}

/**
 * The same mapping without reading the file, valid when no record after the
 * header spans lines and no blank line sits between data records (checked
 * while the file was read for its encoding), and none before the data either
 * (the reader cuts such a file, see copyRecords): then records and lines
 * advance together, shifted by `layout.lineBase`.
 */
export function locateRecordsQuoteFree(
  layout: Pick<RowLayout, "skip" | "lineBase">,
  rejectedSorted: readonly number[],
  ordinals: readonly number[],
): Map<number, number> {
  const out = new Map<number, number>();
  const want = [...new Set(ordinals)].filter((o) => Number.isInteger(o) && o >= 0).sort((a, b) => a - b);
  const rejected = rejectedSorted.filter((r) => r > layout.skip);
  let j = 0;
  for (const k of want) {
    // The k-th returned record is the k-th record after `skip` once the rejected ones are stepped over.
    let r = layout.skip + 1 + k + j;
    while (j < rejected.length && rejected[j]! <= r) {
      j++;
      r++;
    }
    out.set(k, r + layout.lineBase);
  }
  return out;
}
