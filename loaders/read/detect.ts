/**
 * What a CSV file is, found out rather than configured: its encoding (UTF-8 or
 * Windows-1252), its delimiter (`;` or `,`) and where its header is.
 *
 * Users export from German Excel, an ERP or a script and do not know (nor
 * should they need to know) which of these they produced.
 */
import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import iconv from "iconv-lite";
import type { TextEncoding } from "./types.ts";
import { CHUNK_BYTES, RecordScanner, hasUtf8Bom, type LineBreak } from "./lines.ts";

/** The header region: title rows and the header itself are expected to fit in here. */
export const HEAD_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Length of the prefix of `buf` that ends on a UTF-8 character boundary: a
 * multi-byte sequence cut by the end of a chunk is left for the next chunk.
 */
export function utf8CompleteLength(buf: Uint8Array): number {
  const n = buf.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}

/**
 * Facts about the bytes, gathered while the file is read anyway (for its
 * encoding), so that nothing else has to read it in the common case:
 * - whether every record after the header is exactly one line, so lines can
 *   be computed from record numbers without a scan (`recordsAreLines`);
 * - which kind of line break (CRLF, LF, CR) the file uses, or whether it
 *   mixes them (`lineBreak`): DuckDB must be told, see csv.ts.
 * Structural bytes are ASCII, so the raw bytes of either encoding give the same answer.
 */
export class ByteFacts {
  private quoteSeen = false;
  private firstBlank = Infinity;
  private lastContent = -1;
  private prevLast = -1;
  private crlf = false;
  private loneLF = false;
  private loneCR = false;

  /** @param from byte offset of the line break that ends the header record */
  constructor(private readonly from: number) {}

  feed(chunk: Uint8Array, base: number): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buf.length === 0) return;
    this.layout(buf, base);
    this.lineBreaks(buf);
    this.prevLast = buf[buf.length - 1]!;
  }

  private layout(buf: Buffer, base: number): void {
    if (base + buf.length <= this.from) return;
    const start = Math.max(0, this.from - base);
    if (!this.quoteSeen && buf.indexOf(QUOTE, start) !== -1) this.quoteSeen = true;
    if (this.firstBlank === Infinity) {
      // Two line breaks in a row that are not one CRLF: a blank record.
      const first = buf[0]!;
      const prev = this.prevLast;
      if (base > this.from && (prev === LF || prev === CR) && (first === LF || first === CR) && !(prev === CR && first === LF)) {
        this.firstBlank = base;
      } else {
        for (const pattern of BLANK_PATTERNS) {
          const at = buf.indexOf(pattern, start);
          if (at !== -1) this.firstBlank = Math.min(this.firstBlank, base + at + 1);
        }
      }
    }
    let i = buf.length - 1;
    while (i >= 0 && (buf[i] === LF || buf[i] === CR)) i--;
    if (i >= 0 && base + i >= this.from) this.lastContent = base + i;
  }

  /** Visits each line break once (native indexOf), and stops looking once two kinds were seen. */
  private lineBreaks(buf: Buffer): void {
    if (this.mixed()) return;
    const n = buf.length;
    if (this.prevLast === CR) {
      if (buf[0] === LF) this.crlf = true;
      else this.loneCR = true;
    }
    const hasCR = buf.indexOf(CR) !== -1;
    for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) {
      if ((i > 0 ? buf[i - 1] : this.prevLast) === CR) {
        this.crlf = true;
      } else {
        this.loneLF = true;
        if (!hasCR) break; // the remaining LFs cannot follow a CR either
      }
      if (this.mixed()) return;
    }
    // A CR as the last byte is judged with the next chunk (or at the end of the file).
    for (let i = buf.indexOf(CR); i !== -1 && i + 1 < n; i = buf.indexOf(CR, i + 1)) {
      if (buf[i + 1] !== LF) {
        this.loneCR = true;
        return;
      }
    }
  }

  /** True when every record after the header is one line and no blank line sits between records. */
  get recordsAreLines(): boolean {
    return !this.quoteSeen && !(this.firstBlank < this.lastContent);
  }

  private mixed(loneCR = this.loneCR): boolean {
    return Number(this.crlf) + Number(this.loneLF) + Number(loneCR) > 1;
  }

  /**
   * After the whole file was fed: its one kind of line break, `mixed` when
   * there is more than one (possibly only inside quoted cells), null if none.
   * A CR as the very last byte is a lone CR.
   */
  get lineBreak(): LineBreak | "mixed" | null {
    const loneCR = this.loneCR || this.prevLast === CR;
    if (this.mixed(loneCR)) return "mixed";
    return this.crlf ? "\r\n" : this.loneLF ? "\n" : loneCR ? "\r" : null;
  }
}

const BLANK_PATTERNS = [Buffer.from([LF, LF]), Buffer.from([CR, CR]), Buffer.from([LF, CR])];

/**
 * Checks the whole file for UTF-8 validity, chunk by chunk (a 500 MB file is
 * never one string), carrying a multi-byte sequence split across chunks.
 * Stops at the first invalid byte sequence.
 */
export async function scanUtf8(path: string, flags?: ByteFacts): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES + 4);
    let carry = 0;
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, CHUNK_BYTES, null);
      if (bytesRead === 0) return carry === 0;
      flags?.feed(buf.subarray(carry, carry + bytesRead), pos);
      pos += bytesRead;
      const filled = carry + bytesRead;
      const complete = utf8CompleteLength(buf.subarray(0, filled));
      if (!isUtf8(buf.subarray(0, complete))) return false;
      buf.copy(buf, 0, complete, filled);
      carry = filled - complete;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Rewrites a Windows-1252 file as UTF-8 (DuckDB reads UTF-8 only; its
 * `latin-1` lacks `€` at 0x80), streaming through iconv-lite.
 */
export async function transcodeToUtf8(src: string, dest: string, flags?: ByteFacts): Promise<void> {
  const decoder = iconv.getDecoder("windows-1252");
  const input = await open(src, "r");
  const output = await open(dest, "w");
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      flags?.feed(chunk, pos);
      pos += bytesRead;
      await output.write(Buffer.from(decoder.write(chunk), "utf8"));
    }
    const rest = decoder.end();
    if (rest) await output.write(Buffer.from(rest, "utf8"));
  } finally {
    await input.close();
    await output.close();
  }
}

/** Decodes bytes of the header region in the given encoding (BOM already removed). */
export function decoderFor(encoding: TextEncoding): (bytes: Uint8Array) => string {
  return encoding === "utf-8"
    ? (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
    : (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
}

/** Encoding of the header region alone (a trailing cut-off sequence ignored). */
export function headEncoding(head: Uint8Array): TextEncoding {
  return isUtf8(head.subarray(0, utf8CompleteLength(head))) ? "utf-8" : "windows-1252";
}

/**
 * Why a file is certainly not a CSV text file, judged from its first bytes
 * (`null` if it may be one). Users rename files; say what it really is.
 */
export function sniffNotText(head: Uint8Array): { regel: string; grund: string } | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return { regel: "datei_unlesbar", grund: "ist eine ZIP-/Excel-Datei (XLSX?), keine CSV-Textdatei" };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return { regel: "datei_unlesbar", grund: "ist eine alte Excel-Datei (.xls), keine CSV-Textdatei" };
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return {
      regel: "kodierung",
      grund: "ist UTF-16-kodiert; bitte als „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“ speichern",
    };
  }
  if (head.includes(0)) return { regel: "datei_unlesbar", grund: "enthält Binärdaten, keine CSV-Textdatei" };
  return null;
}

export type Delimiter = ";" | ",";
const DELIMITERS: readonly Delimiter[] = [";", ","];

export interface HeaderFound {
  delimiter: Delimiter;
  /** Header cells as written, trimmed. */
  cells: string[];
  /** 1-based physical line on which the header starts. */
  line: number;
  /** Records up to and including the header (DuckDB's `skip`). */
  skip: number;
  /** 1-based physical line after the header (more than skip + 1 if a record so far spans lines). */
  dataLine: number;
  /** Byte offset (in the file, BOM included) of the line break ending the header. */
  end: number;
}

export interface HeaderSearch {
  header: HeaderFound | null;
  /** The first non-blank records as text, for a message when no header is found. */
  preview: string[];
}

/**
 * Finds the header: for each delimiter, the first record of the header region
 * whose cells satisfy `isHeader`. Title rows above it are skipped. If both
 * delimiters find one, the split into more cells wins (a `;` file read with `,`
 * rarely yields a header at all, but a header cell may hold a comma).
 *
 * @param head the first bytes of the file (at most HEAD_BYTES)
 * @param whole whether `head` is the whole file (else a last, cut-off record is ignored)
 */
export function findHeader(
  head: Uint8Array,
  whole: boolean,
  decode: (bytes: Uint8Array) => string,
  isHeader: (cells: readonly string[]) => boolean,
): HeaderSearch {
  const bom = hasUtf8Bom(head) ? 3 : 0;
  const body = head.subarray(bom);
  let best: HeaderFound | null = null;
  let preview: string[] = [];
  for (const delimiter of DELIMITERS) {
    let found: HeaderFound | null = null;
    const texts: string[] = [];
    const scanner = new RecordScanner(delimiter.charCodeAt(0), (rec) => {
      if (rec.blank) return true;
      const text = decode(body.subarray(rec.start, rec.end));
      if (texts.length < 3) texts.push(text);
      const cells = splitRecordText(text, delimiter).map((c) => c.trim());
      if (isHeader(cells)) {
        found = { delimiter, cells, line: rec.line, skip: rec.index, dataLine: rec.lastLine + 1, end: rec.end + bom };
        return false;
      }
      return true;
    });
    scanner.feed(body);
    if (whole) scanner.end();
    if (delimiter === DELIMITERS[0]) preview = texts;
    const candidate = found as HeaderFound | null;
    if (candidate && (!best || candidate.cells.length > best.cells.length)) best = candidate;
  }
  return { header: best, preview };
}

/**
 * Splits one record's text into cells with DuckDB's quoting rules: a quote
 * opens a quoted cell only at the start of a cell (or after exactly one
 * space), `""` inside it is a quote. Cells are returned unquoted, not trimmed.
 */
export function splitRecordText(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let j = i;
    if (text[j] === " ") j++;
    let k: number;
    if (text[j] === '"') {
      let value = "";
      j++;
      while (j < n) {
        const ch = text[j]!;
        if (ch === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        value += ch;
        j++;
      }
      k = text.indexOf(delimiter, j);
      if (k === -1) k = n;
      cells.push(value + text.slice(j, k));
    } else {
      k = text.indexOf(delimiter, i);
      if (k === -1) k = n;
      cells.push(text.slice(i, k));
    }
    if (k >= n) return cells;
    i = k + 1;
  }
}
