/**
 * Record boundaries and physical lines of a CSV file, as DuckDB's `read_csv` sees them.
 *
 * DuckDB hands back data rows without line numbers, and its reject table names a
 * rejected record only roughly (see RecordIndex). Findings must name the line a
 * user sees in an editor, so this module re-walks the file with DuckDB's record
 * rules and maps "n-th returned row" and "rejected record" to the line on which
 * the record starts – or, where records are lines, computes it without a walk.
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
import { open, type FileHandle } from "node:fs/promises";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

/** 16 MiB: large enough that the per-chunk overhead vanishes, small enough for any machine. */
export const CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * How many bytes to read at a time from an open file: CHUNK_BYTES, or less for
 * a small file (16 MiB per small file would only feed the garbage collector).
 */
export async function chunkSize(fh: FileHandle): Promise<number> {
  const { size } = await fh.stat();
  return Math.max(1, Math.min(CHUNK_BYTES, size));
}

/**
 * States of the record scanner. `…CR` states remember a CR just seen, so that
 * an LF right after it completes one CRLF line break instead of starting another.
 */
const enum State {
  RecordStart = 0,
  RecordStartCR = 1,
  FieldStart = 2,
  /** One space at the start of a field: a quote may still open it. */
  OneSpace = 3,
  Unquoted = 4,
  Quoted = 5,
  QuotedCR = 6,
  QuoteInQuoted = 7,
  /** Spaces after a closing quote. */
  AfterQuote = 8,
}

/** Event bits of a transition, above the 4 bits of the next state. */
const LINE = 16;
const END = 32;
const BLANK = 64;
const SWALLOW = 128;

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

/** Next state for a byte that is not a line break. */
function step(state: State, b: number, delim: number): State {
  switch (state) {
    case State.RecordStart:
    case State.RecordStartCR:
    case State.FieldStart:
      return b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : b === SPACE ? State.OneSpace : State.Unquoted;
    case State.OneSpace:
      return b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : State.Unquoted;
    case State.Unquoted:
      return b === delim ? State.FieldStart : State.Unquoted;
    case State.Quoted:
    case State.QuotedCR:
      return b === QUOTE ? State.QuoteInQuoted : State.Quoted;
    case State.QuoteInQuoted:
      // `""` is an escaped quote; after a closing quote DuckDB allows spaces before the delimiter.
      return b === QUOTE ? State.Quoted : b === delim ? State.FieldStart : b === SPACE ? State.AfterQuote : State.Unquoted;
    case State.AfterQuote:
      // Anything but spaces or the delimiter here is a broken record to DuckDB; it still ends at the line break.
      return b === delim ? State.FieldStart : b === SPACE ? State.AfterQuote : State.Unquoted;
  }
}

/** Transition for a line break byte: next state plus events. */
function breakStep(state: State, b: number): number {
  const atStart = state === State.RecordStart || state === State.RecordStartCR;
  if (b === LF) {
    if (state === State.RecordStartCR) return State.RecordStart | SWALLOW;
    if (state === State.QuotedCR) return State.Quoted;
    if (state === State.Quoted) return State.Quoted | LINE;
    return State.RecordStart | LINE | END | (atStart ? BLANK : 0);
  }
  if (state === State.Quoted || state === State.QuotedCR) return State.QuotedCR | LINE;
  return State.RecordStartCR | LINE | END | (atStart ? BLANK : 0);
}

const tables = new Map<number, Uint8Array>();

/**
 * The state machine as a table indexed by `state << 8 | byte`: one lookup per
 * byte is what makes the scan fast enough for 500 MB files.
 */
function transitions(delim: number): Uint8Array {
  let table = tables.get(delim);
  if (table) return table;
  table = new Uint8Array(16 * 256);
  for (let state = State.RecordStart; state <= State.AfterQuote; state++) {
    for (let b = 0; b < 256; b++) {
      table[(state << 8) | b] = b === LF || b === CR ? breakStep(state, b) : step(state, b, delim);
    }
  }
  tables.set(delim, table);
  return table;
}

/**
 * Incremental record scanner. Feed it chunks in order, then call `end()`.
 * `onRecord` returns false to stop early (further input is ignored).
 */
export class RecordScanner {
  private state: number = State.RecordStart;
  private line = 1;
  private recordLine = 1;
  private recordStart = 0;
  private records = 0;
  private offset = 0;
  private stopped = false;
  private readonly table: Uint8Array;

  /**
   * @param onSwallowedLF called with the offset of each LF that completes a
   *   record-ending CRLF (the record itself was reported at the CR)
   */
  constructor(
    delimiter: number,
    private readonly onRecord: (r: ScannedRecord) => boolean | void,
    private readonly onSwallowedLF?: (offset: number) => void,
  ) {
    this.table = transitions(delimiter);
  }

  get done(): boolean {
    return this.stopped;
  }

  /** Inside a quoted field: at the end of the input, a quote that never closes. */
  get inQuotes(): boolean {
    return this.state === State.Quoted || this.state === State.QuotedCR;
  }

  feed(chunk: Uint8Array): void {
    if (this.stopped) return;
    const table = this.table;
    const base = this.offset;
    const n = chunk.length;
    let state = this.state;
    let line = this.line;
    for (let i = 0; i < n; i++) {
      const t = table[(state << 8) | chunk[i]!]!;
      const prev = state;
      state = t & 15;
      if (t < LINE) continue;
      if (t & LINE) line++;
      if (t & END) {
        const keepGoing = this.onRecord({
          index: ++this.records,
          line: this.recordLine,
          lastLine: line - 1,
          blank: (t & BLANK) !== 0,
          start: this.recordStart,
          end: base + i,
          terminator: chunk[i]!,
        });
        this.recordLine = line;
        this.recordStart = base + i + 1;
        if (keepGoing === false) {
          this.stopped = true;
          break;
        }
      } else if (t & SWALLOW && prev === State.RecordStartCR) {
        this.recordStart = base + i + 1;
        this.onSwallowedLF?.(base + i);
      }
    }
    this.state = state;
    this.line = line;
    this.offset = base + n;
  }

  /** Flushes a last record that has no line break after it. */
  end(): void {
    if (this.stopped) return;
    if (this.state !== State.RecordStart && this.state !== State.RecordStartCR) {
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
 * Feeds a file to a scanner chunk by chunk, without a leading BOM (as DuckDB
 * reads it; `onBom` is told); `afterChunk` sees each chunk after the scanner
 * did (offsets in the scanner's stream). Stops once the scanner is done.
 */
async function feedFile(
  path: string,
  scanner: RecordScanner,
  afterChunk?: (chunk: Buffer) => Promise<void>,
  onBom?: () => void,
): Promise<void> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(await chunkSize(fh));
    let first = true;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      let chunk = buf.subarray(0, bytesRead);
      if (first && hasUtf8Bom(chunk)) {
        chunk = chunk.subarray(3);
        onBom?.();
      }
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
 * cell); `mixed` if records end in more than one kind, null if no record has
 * a line break.
 */
export async function recordBreakStyle(path: string, delimiter: string): Promise<LineBreak | "mixed" | null> {
  return (await RecordIndex.build(path, delimiter, [])).lineBreak;
}

/**
 * True when the file ends inside a quoted field: a quote opened somewhere never
 * closes. With null padding (see `csvRows`), DuckDB returns that record cut
 * short, or not at all, and rejects nothing – so such a file is read without.
 * One pass with the state machine; only files with a quote need it.
 */
export async function endsInQuote(path: string, delimiter: string): Promise<boolean> {
  const scanner = new RecordScanner(delimiter.charCodeAt(0), () => {});
  await feedFile(path, scanner);
  return scanner.inQuotes;
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
 * The start line of every record of a file, and which records DuckDB rejected,
 * from one streaming pass, kept so that `malformed()` and `lineOf()` share a
 * single scan of a large file (4 bytes per record, sign bit = blank record).
 *
 * DuckDB's reject table names a record by `line` and by `line_byte_position`.
 * Its `line` drifts in large CRLF files (a CRLF split between two of its
 * buffers counts twice, seen at 10 M rows), so records are matched by
 * position instead. That position is near, not at, the record's start (one
 * byte after it with LF breaks, at the blank lines before it, …), but always
 * after the line break of the previous non-blank record and not after the
 * record's own line break: a unique record.
 */
export class RecordIndex {
  private constructor(
    private readonly lines: Int32Array,
    readonly count: number,
    /** The line break ending the records (outside quoted cells), or `mixed`. */
    readonly lineBreak: LineBreak | "mixed" | null,
    /** Numbers (1-based) of the records matched by the reject positions. */
    readonly rejected: ReadonlySet<number>,
    /** Reject position → start line of its record. */
    readonly positionLines: ReadonlyMap<number, number>,
  ) {}

  /** @param positions `line_byte_position`s of DuckDB's rejects (file offsets, BOM included) */
  static async build(path: string, delimiter: string, positions: readonly number[]): Promise<RecordIndex> {
    const wanted = [...new Set(positions)].sort((a, b) => a - b);
    const rejected = new Set<number>();
    const positionLines = new Map<number, number>();
    let bom = 0;
    let w = 0;
    let previousEnd = -1;
    let lines = new Int32Array(1024);
    let count = 0;
    let lf = false;
    let cr = false;
    let crlf = false;
    let lastCR = -2;
    const settleCR = () => {
      // A record-ending CR not completed by an LF right after it was a lone CR.
      if (lastCR >= 0) cr = true;
      lastCR = -2;
    };
    const scanner = new RecordScanner(
      delimiter.charCodeAt(0),
      (rec) => {
        if (count === lines.length) {
          const grown = new Int32Array(lines.length * 2);
          grown.set(lines);
          lines = grown;
        }
        lines[count++] = rec.blank ? -rec.line : rec.line;
        if (!rec.blank) {
          const end = rec.end + bom;
          while (w < wanted.length && wanted[w]! <= end) {
            if (wanted[w]! > previousEnd) {
              rejected.add(count);
              positionLines.set(wanted[w]!, rec.line);
            }
            w++;
          }
          previousEnd = end;
        }
        settleCR();
        if (rec.terminator === LF) lf = true;
        else if (rec.terminator === CR) lastCR = rec.end;
      },
      (offset) => {
        if (offset === lastCR + 1) {
          crlf = true;
          lastCR = -2;
        }
      },
    );
    await feedFile(path, scanner, undefined, () => (bom = 3));
    settleCR();
    const kinds = Number(lf) + Number(cr) + Number(crlf);
    const lineBreak = kinds > 1 ? "mixed" : crlf ? "\r\n" : lf ? "\n" : cr ? "\r" : null;
    return new RecordIndex(lines, count, lineBreak, rejected, positionLines);
  }

  /** Start line of record `index` (1-based). */
  lineOfRecord(index: number): number | undefined {
    const v = index >= 1 && index <= this.count ? this.lines[index - 1] : undefined;
    return v === undefined ? undefined : Math.abs(v);
  }

  /** Start lines of the rows at `ordinals` (0-based among the records DuckDB returned). */
  lineOfOrdinals(layout: RowLayout, ordinals: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    const want = [...new Set(ordinals)].filter((o) => Number.isInteger(o) && o >= 0).sort((a, b) => a - b);
    let w = 0;
    let ordinal = -1;
    for (let r = layout.skip + 1; r <= this.count && w < want.length; r++) {
      const v = this.lines[r - 1]!;
      if ((v < 0 && layout.dropBlank) || this.rejected.has(r)) continue;
      if (++ordinal === want[w]) {
        out.set(ordinal, Math.abs(v) + layout.lineBase);
        w++;
      }
    }
    return out;
  }
}

/**
 * For a file whose records are lines (see locateRecordsQuoteFree): the line
 * of the record at each reject position, by counting line breaks natively
 * (no state machine needed without quotes). The position lies in the record
 * or on the LF of the CRLF before it, so CRLF files count the LFs up to and
 * including it, LF and CR files the breaks before it.
 */
export async function linesAtPositions(
  path: string,
  positions: readonly number[],
  lineBreak: LineBreak,
): Promise<Map<number, number>> {
  const wanted = [...new Set(positions)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  if (wanted.length === 0) return out;
  const byte = lineBreak === "\r" ? CR : LF;
  const inclusive = lineBreak === "\r\n" ? 1 : 0;
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(await chunkSize(fh));
    let base = 0;
    let breaks = 0;
    let w = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      let i = chunk.indexOf(byte);
      // Breaks at chunk offsets below `limit` come before the position.
      for (let limit = wanted[w]! + inclusive - base; w < wanted.length && limit <= bytesRead; ) {
        while (i !== -1 && i < limit) {
          breaks++;
          i = chunk.indexOf(byte, i + 1);
        }
        out.set(wanted[w]!, breaks + 1);
        w++;
        if (w < wanted.length) limit = wanted[w]! + inclusive - base;
      }
      if (w === wanted.length) break;
      while (i !== -1) {
        breaks++;
        i = chunk.indexOf(byte, i + 1);
      }
      base += bytesRead;
    }
    for (; w < wanted.length; w++) out.set(wanted[w]!, breaks + 1);
  } finally {
    await fh.close();
  }
  return out;
}

/**
 * Rows to lines without reading the file, valid when no record after the
 * header spans lines and no blank line sits between data records (checked
 * while the file was read for its encoding), and none before the data either
 * (the reader cuts such a file, see copyRecords): then records and lines
 * advance together, shifted by `layout.lineBase`. `rejectedSorted`: the
 * numbers of the records DuckDB rejected (here: their lines, linesAtPositions).
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
