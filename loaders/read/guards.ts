/**
 * Checks made before a reader opens a file for parsing, so that a hostile or
 * broken input is refused with a finding instead of hanging the ingest, losing
 * rows silently or leaking what a link points at (issue 12). Each returns a
 * German message (or null when the file passes).
 */
import { lstat, open } from "node:fs/promises";
import { formatBytes, MAX_COLUMNS, MAX_LINE_BYTES } from "./limits.ts";

/**
 * Only regular files are read. `lstat` does not follow links: a symlink to
 * /etc/passwd must not be quoted in a finding, and a FIFO or a device named
 * `kreise.csv` must never be opened (opening a FIFO blocks forever).
 */
export async function notRegularFile(path: string): Promise<string | null> {
  const st = await lstat(path);
  return describeNonRegular(st);
}

/** Why an entry of the given kind is not read, or null for a regular file. */
export function describeNonRegular(st: {
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string | null {
  if (st.isFile()) return null;
  const what = st.isSymbolicLink()
    ? "eine symbolische Verknüpfung (Symlink)"
    : st.isDirectory()
      ? "ein Ordner"
      : st.isFIFO()
        ? "eine benannte Pipe (FIFO)"
        : st.isCharacterDevice() || st.isBlockDevice()
          ? "ein Gerät"
          : st.isSocket()
            ? "ein Socket"
            : "keine gewöhnliche Datei";
  return `Ist ${what}, keine gewöhnliche Datei; wird nicht gelesen. Bitte die Datei selbst in den Eingabeordner kopieren.`;
}

/**
 * The first physical line (1-based) longer than `max` bytes, or null. Counts
 * LF, CRLF and a lone CR as one line break each, like the record scanner.
 * One native `indexOf` pass per chunk: fast enough to run on every file.
 */
export async function firstOverlongLine(path: string, max = MAX_LINE_BYTES): Promise<number | null> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(16 * 1024 * 1024);
    let lineStart = 0; // file offset where the current line starts
    let line = 1;
    let base = 0;
    let pendingCR = false; // the previous chunk ended in CR
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      let i = 0;
      if (pendingCR && chunk[0] === 0x0a) {
        i = 1;
        lineStart = base + 1;
      }
      pendingCR = false;
      // Next LF and CR at or after i, cached: searching anew each line would be quadratic.
      let lf = chunk.indexOf(0x0a, i);
      let cr = chunk.indexOf(0x0d, i);
      for (;;) {
        if (lf !== -1 && lf < i) lf = chunk.indexOf(0x0a, i);
        if (cr !== -1 && cr < i) cr = chunk.indexOf(0x0d, i);
        const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (at === -1) break;
        if (base + at - lineStart > max) return line;
        let next = at + 1;
        if (chunk[at] === 0x0d) {
          if (at + 1 < bytesRead) {
            if (chunk[at + 1] === 0x0a) next = at + 2;
          } else pendingCR = true;
        }
        line++;
        lineStart = base + next;
        i = next;
      }
      base += bytesRead;
      if (base - lineStart > max) return line;
    }
    return null;
  } finally {
    await fh.close();
  }
}

export const overlongLineMessage = (datei: string, line: number): string =>
  `${datei}: Zeile ${line} ist länger als ${formatBytes(MAX_LINE_BYTES)} (Grenze für eine Zeile); die Datei wird nicht gelesen. ` +
  "Meist fehlt ein Zeilenumbruch oder ein Anführungszeichen wird nicht geschlossen.";

export const tooManyColumnsMessage = (datei: string, count: number, where: string, atLeast = false): string =>
  `${datei}: Die Kopfzeile (${where}) hat ${atLeast ? "mindestens " : ""}${count} Spalten, erlaubt sind höchstens ${MAX_COLUMNS}; die Datei wird nicht gelesen.`;
