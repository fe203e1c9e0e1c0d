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
import type { LineBreak, TextEncoding } from "./types.ts";
import { hasUtf8Bom } from "./bytes.ts";
import { chunkSize } from "./file-scan.ts";
import { RecordScanner } from "./scanner.ts";

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
  /** The last bytes of the previous chunk, for patterns across the boundary. */
  private tail: Buffer = Buffer.alloc(0);
  private crlf = false;
  private loneLF = false;
  private loneCR = false;

  /** @param from byte offset of the line break that ends the header record */
  constructor(private readonly from: number) {}

  feed(chunk: Uint8Array, base: number): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buf.length === 0) return;
    this.lineBreaks(buf);
    this.layout(buf, base);
    this.prevLast = buf[buf.length - 1]!;
    this.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - 3)));
  }

  private layout(buf: Buffer, base: number): void {
    if (base + buf.length <= this.from) return;
    const start = Math.max(0, this.from - base);
    if (!this.quoteSeen && buf.indexOf(QUOTE, start) !== -1) this.quoteSeen = true;
    const blank = this.blankPattern();
    if (this.firstBlank === Infinity && blank) {
      // A blank record is two line breaks in a row. One pattern per file (mixed files take the slow path),
      // because searching for all three costs more than the rest of this pass together.
      const seam = Buffer.concat([this.tail, buf.subarray(0, blank.length - 1)]);
      const atSeam = seam.indexOf(blank);
      const seamBase = base - this.tail.length;
      if (atSeam !== -1 && seamBase + atSeam >= this.from) this.firstBlank = seamBase + atSeam;
      else {
        const at = buf.indexOf(blank, start);
        if (at !== -1) this.firstBlank = base + at;
      }
    }
    let i = buf.length - 1;
    while (i >= 0 && (buf[i] === LF || buf[i] === CR)) i--;
    if (i >= 0 && base + i >= this.from) this.lastContent = base + i;
  }

  private blankPattern(): Buffer | null {
    if (this.mixed()) return null;
    return this.crlf ? CRLF_CRLF : this.loneLF ? LF_LF : this.loneCR ? CR_CR : null;
  }

  /**
   * Visits each line break with native indexOf (a byte loop in JavaScript is
   * twice as slow), and stops looking once two kinds were seen.
   */
  private lineBreaks(buf: Buffer): void {
    if (this.mixed()) return;
    const n = buf.length;
    let { crlf, loneLF, loneCR } = this;
    if (this.prevLast === CR) {
      if (buf[0] === LF) crlf = true;
      else loneCR = true;
    }
    if (buf.indexOf(CR) === -1) {
      // No CR here: every LF is lone, except one right after a CR that ended the previous chunk.
      const first = buf.indexOf(LF, this.prevLast === CR ? 1 : 0);
      if (first !== -1) loneLF = true;
    } else {
      for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) {
        if (i === 0 ? this.prevLast === CR : buf[i - 1] === CR) crlf = true;
        else loneLF = true;
        if (crlf && loneLF) break;
      }
      // A CR as the last byte is judged with the next chunk (or at the end of the file).
      for (let i = buf.indexOf(CR); i !== -1 && i + 1 < n; i = buf.indexOf(CR, i + 1)) {
        if (buf[i + 1] !== LF) {
          loneCR = true;
          break;
        }
      }
    }
    this.crlf = crlf;
    this.loneLF = loneLF;
    this.loneCR = loneCR;
  }

  /** After the whole file was fed: a quote somewhere after the header (so a quoted line break is possible). */
  get quotesSeen(): boolean {
    return this.quoteSeen;
  }

  /**
   * After the whole file was fed: true when every record after the header is
   * one line and no blank line sits between records (trailing ones do not count).
   */
  get recordsAreLines(): boolean {
    return !this.quoteSeen && this.lineBreak !== "mixed" && !(this.firstBlank < this.lastContent);
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

const LF_LF = Buffer.from([LF, LF]);
const CR_CR = Buffer.from([CR, CR]);
const CRLF_CRLF = Buffer.from([CR, LF, CR, LF]);

/**
 * Checks the whole file for UTF-8 validity, chunk by chunk (a 500 MB file is
 * never one string), carrying a multi-byte sequence split across chunks.
 * Stops at the first invalid byte sequence.
 */
export async function scanUtf8(path: string, facts?: ByteFacts): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const chunk = await chunkSize(fh);
    const buf = Buffer.allocUnsafe(chunk + 4);
    let carry = 0;
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, chunk, null);
      if (bytesRead === 0) return carry === 0;
      facts?.feed(buf.subarray(carry, carry + bytesRead), pos);
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
 * UTF-8 bytes of each Windows-1252 byte (iconv-lite's mapping: the five
 * undefined bytes become U+FFFD), packed as length << 24 | b1 << 16 | b2 << 8 | b3.
 */
const CP1252_TO_UTF8: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let b = 0; b < 256; b++) {
    const utf8 = Buffer.from(iconv.decode(Buffer.from([b]), "windows-1252"), "utf8");
    table[b] = (utf8.length << 24) | ((utf8[0] ?? 0) << 16) | ((utf8[1] ?? 0) << 8) | (utf8[2] ?? 0);
  }
  return table;
})();

/**
 * Rewrites a Windows-1252 file as UTF-8 (DuckDB reads UTF-8 only; its
 * `latin-1` lacks `€` at 0x80), chunk by chunk. A table lookup per byte:
 * going through iconv-lite's strings was ten times slower on 500 MB.
 */
export async function transcodeToUtf8(src: string, dest: string, facts?: ByteFacts): Promise<void> {
  const input = await open(src, "r");
  const output = await open(dest, "w");
  try {
    const size = await chunkSize(input);
    const buf = Buffer.allocUnsafe(size);
    const out = Buffer.allocUnsafe(size * 3);
    const table = CP1252_TO_UTF8;
    let pos = 0;
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, size, null);
      if (bytesRead === 0) break;
      facts?.feed(buf.subarray(0, bytesRead), pos);
      pos += bytesRead;
      let o = 0;
      for (let i = 0; i < bytesRead; i++) {
        const b = buf[i]!;
        if (b < 0x80) {
          out[o++] = b;
          continue;
        }
        const t = table[b]!;
        out[o++] = (t >>> 16) & 0xff;
        out[o++] = (t >>> 8) & 0xff;
        if (t >>> 24 === 3) out[o++] = t & 0xff;
      }
      await output.write(out, 0, o);
    }
  } finally {
    await input.close();
    await output.close();
  }
}

/** UTF-16 with a byte order mark (Excel's "Unicode-Text"), or null. */
export function utf16Bom(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Rewrites a UTF-16 file (BOM included) as UTF-8 without BOM, chunk by chunk,
 * so that the rest of the reader (and DuckDB, which reads UTF-8 only) sees an
 * ordinary UTF-8 file. Line breaks stay as they are, so lines keep their numbers.
 */
export async function transcodeUtf16ToUtf8(src: string, dest: string, encoding: "utf-16le" | "utf-16be"): Promise<void> {
  const input = await open(src, "r");
  const output = await open(dest, "w");
  try {
    const decoder = iconv.getDecoder(encoding === "utf-16le" ? "utf-16le" : "utf-16be");
    const buf = Buffer.allocUnsafe(await chunkSize(input));
    let first = true;
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      let text = decoder.write(buf.subarray(0, bytesRead));
      if (first && text.startsWith("\uFEFF")) text = text.slice(1);
      first = false;
      if (text) await output.write(text, null, "utf8");
    }
    const rest = decoder.end();
    if (rest) await output.write(rest, null, "utf8");
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
  if (head.includes(0)) return { regel: "datei_unlesbar", grund: "enthält Binärdaten, keine CSV-Textdatei" };
  return null;
}

export type Delimiter = ";" | "," | "\t";
/** Tab: Excel's "Text (Tabstopp-getrennt)" and "Unicode-Text" exports. */
const DELIMITERS: readonly Delimiter[] = [";", ",", "\t"];

export interface HeaderFound {
  delimiter: Delimiter;
  /** Header cells as written, trimmed, without empty cells after the last named one. */
  cells: string[];
  /** Fields of the header record as written, empty trailing ones included (`a;b;c;;` has 5). */
  fields: number;
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
      const written = splitRecordText(text, delimiter).map((c) => c.trim());
      const cells = withoutTrailingEmpty(written);
      if (isHeader(cells)) {
        found = { delimiter, cells, fields: written.length, line: rec.line, skip: rec.index, dataLine: rec.lastLine + 1, end: rec.end + bom };
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
 * Drops empty cells after the last named one (`a;b;c;;`): Excel writes them
 * when some cell further down was once used. The data rows may then have the
 * extra empty cells or not, while a value out there, or a field beyond the
 * header's, is a rejected row (see `csvRows`), as in XLSX.
 */
function withoutTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 1 && cells[n - 1] === "") n--;
  return cells.slice(0, n);
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
