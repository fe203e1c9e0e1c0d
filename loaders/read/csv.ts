/**
 * CSV reader: detects encoding, delimiter and header in JavaScript (cheap, the
 * header region only plus one streaming pass for the encoding), then leaves the
 * data rows to DuckDB's `read_csv`, which is what makes a 10-million-row file
 * load in seconds. Records DuckDB cannot split into the header's cell count end
 * up in its reject table and come back here as findings with editor lines.
 *
 * The steps live apart: csv-inspect.ts (is it text, which encoding, where is
 * the header), csv-prepare.ts (the file DuckDB is given), csv-select.ts (the
 * SQL over it), csv-rows.ts with csv-rejects.ts (rows, rejects, findings).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
// Temp folders carry the PID and are removed on every exit path; stale ones at the next start (ops/temp.ts).
import { makeTempDir } from "../ops/temp.ts";
import { killPoint } from "../ops/kill-point.ts";
import { hasUtf8Bom } from "./bytes.ts";
import { inspectCsv } from "./csv-inspect.ts";
import { prepareForDuckDB } from "./csv-prepare.ts";
import { csvRows } from "./csv-rows.ts";
import { transcodeUtf16ToUtf8 } from "./detect.ts";
import { endsInQuote } from "./file-scan.ts";
import type { ReadRequest, ReadResult, TextEncoding } from "./types.ts";

/**
 * Excel's "Unicode-Text" (UTF-16 with BOM, tab-separated): read a UTF-8 copy
 * like any other CSV, and say which encoding the file really had.
 */
async function readUtf16(req: ReadRequest, encoding: "utf-16le" | "utf-16be"): Promise<ReadResult> {
  const dir = makeTempDir();
  try {
    const copy = join(dir, "utf8.csv");
    await transcodeUtf16ToUtf8(req.path, copy, encoding);
    const result = await readCsv({ ...req, path: copy }, encoding);
    if ("finding" in result) {
      await rm(dir, { recursive: true, force: true });
      return result;
    }
    const dispose = result.dispose.bind(result);
    return {
      ...result,
      encoding,
      async dispose() {
        await dispose();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** @param encodingOverride the file's real encoding when `req.path` is a UTF-8 copy of it (UTF-16) */
export async function readCsv(req: ReadRequest, encodingOverride?: TextEncoding): Promise<ReadResult> {
  const inspected = await inspectCsv(req, encodingOverride);
  if ("finding" in inspected) return inspected;
  if ("utf16" in inspected) return readUtf16(req, inspected.utf16);
  const { head, encoding, header, facts } = inspected;

  const tempDir = makeTempDir();
  try {
    // See prepareForDuckDB; with a BOM, even a quoted header cell ending in the delimiter loses all rows.
    const trickySkip =
      header.dataLine - 1 !== header.skip || (hasUtf8Bom(head) && head.subarray(0, header.end).includes(0x22));
    const prepared = await prepareForDuckDB(req.path, tempDir, encoding, header, facts, trickySkip);
    await killPoint("read-temp-written");
    // A quote that never closes: DuckDB with padding would lose its record silently; without, it reports it.
    const padding = !facts.quotesSeen || !(await endsInQuote(prepared.utf8Path, header.delimiter));
    return csvRows({ req, encoding, header, ...prepared, tempDir, recordsAreLines: facts.recordsAreLines, quotes: facts.quotesSeen, padding });
  } catch (err) {
    await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
}
