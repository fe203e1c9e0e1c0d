/**
 * Files fed to the record scanner chunk by chunk: the one place where the
 * scanner meets the disk, so the scanner itself stays a pure state machine.
 */
import { open, type FileHandle } from "node:fs/promises";
import { hasUtf8Bom } from "./bytes.ts";
import { RecordScanner } from "./scanner.ts";

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
 * Feeds a file to a scanner chunk by chunk, without a leading BOM (as DuckDB
 * reads it; `onBom` is told); `afterChunk` sees each chunk after the scanner
 * did (offsets in the scanner's stream). Stops once the scanner is done.
 */
export async function feedFile(
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
