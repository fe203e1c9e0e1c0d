/**
 * Rows and rejected records mapped to lines without the record scanner, for
 * files whose records are lines (no quoted line breaks, no blank lines between
 * records – see ByteFacts): counting line breaks natively is many times faster
 * than the state machine, and most exports are such files.
 */
import { open } from "node:fs/promises";
import { CR, LF } from "./bytes.ts";
import { chunkSize } from "./file-scan.ts";
import type { RowLayout } from "./record-index.ts";
import type { LineBreak } from "./types.ts";

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
