/**
 * Record boundaries and physical lines of CSV bytes, as DuckDB's `read_csv` sees them.
 *
 * DuckDB hands back data rows without line numbers, and its reject table names a
 * rejected record only roughly (see RecordIndex). Findings must name the line a
 * user sees in an editor, so the readers re-walk a file with this scanner, which
 * follows DuckDB's record rules. It only scans: reading files (file-scan.ts),
 * copying them (copy-records.ts) and mapping rows and rejects to lines
 * (record-index.ts, quote-free-lines.ts) are built on it elsewhere.
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
 * and Windows-1252 alike) and incrementally: a 500 MB file never becomes one string.
 */
import { CR, LF, QUOTE, SPACE } from "./bytes.ts";

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
