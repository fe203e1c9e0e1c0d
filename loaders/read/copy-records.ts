/**
 * The copy of a CSV file that DuckDB reads where it cannot read the original
 * correctly (see prepareForDuckDB): record-aware, so that a line break inside a
 * quoted cell is never mistaken for the end of a record.
 */
import { open } from "node:fs/promises";
import { CR, LF } from "./bytes.ts";
import { feedFile } from "./file-scan.ts";
import { RecordScanner } from "./scanner.ts";

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
