/**
 * Rows and rejected records of a CSV file mapped to the lines a user sees, by
 * one scan with the record scanner: the general case, for files whose records
 * may span lines (quoted line breaks) or that have blank lines between records.
 * Files whose records are lines take the shortcut in quote-free-lines.ts.
 */
import { CR, LF } from "./bytes.ts";
import { feedFile } from "./file-scan.ts";
import { RecordScanner } from "./scanner.ts";
import type { LineBreak } from "./types.ts";

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
 * The line break that ends the records of a file, looking only at breaks
 * outside quoted cells (Excel writes CRLF between records but LF inside a
 * cell); `mixed` if records end in more than one kind, null if no record has
 * a line break.
 */
export async function recordBreakStyle(path: string, delimiter: string): Promise<LineBreak | "mixed" | null> {
  return (await RecordIndex.build(path, delimiter, [])).lineBreak;
}
