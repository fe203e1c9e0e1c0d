/**
 * The file DuckDB reads for a CSV input: the input itself where DuckDB reads
 * it correctly, else a copy made for it (see prepareForDuckDB for each case).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { copyRecords } from "./copy-records.ts";
import { transcodeToUtf8, type ByteFacts, type HeaderFound } from "./detect.ts";
import { recordBreakStyle } from "./record-index.ts";
import type { LineBreak, TextEncoding } from "./types.ts";

/** What DuckDB reads: which file, how its records end, and where its data starts. */
export interface Prepared {
  /** The input itself, or a UTF-8 copy in the temp folder. */
  utf8Path: string;
  lineBreak: LineBreak;
  /** Records of `utf8Path` before the data (DuckDB's `skip`). */
  skip: number;
  /** Lines of the input before line 1 of `utf8Path`. */
  lineBase: number;
}

/**
 * Usually the input itself; a copy only where DuckDB cannot read the input
 * correctly. Each case below was seen to fail – several silently, returning
 * no rows at all:
 * - Windows-1252: DuckDB reads UTF-8 only (its `latin-1` lacks `€`), so transcode.
 * - Mixed record breaks (CRLF, LF, CR): DuckDB's strict parser fails, and its
 *   lenient mode silently truncates rows with too many cells, so make them LF.
 * - `trickySkip`: a title row or the header spans lines (a quoted line break),
 *   or the file has a BOM and quotes before the data. DuckDB's `skip` then
 *   miscounts or loses every row, so copy only the data records, skip nothing.
 * The line break is always passed explicitly: DuckDB otherwise takes the first
 * one in the file, even one inside a quoted cell.
 */
export async function prepareForDuckDB(
  path: string,
  tempDir: string,
  encoding: TextEncoding,
  header: HeaderFound,
  facts: ByteFacts,
  trickySkip: boolean,
): Promise<Prepared> {
  let utf8Path = path;
  if (encoding === "windows-1252") {
    utf8Path = join(tempDir, "utf8.csv");
    await transcodeToUtf8(path, utf8Path, facts);
  }
  let lineBreak = facts.lineBreak;
  // Mixed somewhere, maybe only inside quoted cells (as Excel writes them): look at the record breaks.
  if (lineBreak === "mixed") lineBreak = await recordBreakStyle(utf8Path, header.delimiter);
  const cut = trickySkip;
  if (lineBreak !== "mixed" && !cut) return { utf8Path, lineBreak: lineBreak ?? "\n", skip: header.skip, lineBase: 0 };

  const copy = join(tempDir, "data.csv");
  await copyRecords(utf8Path, copy, header.delimiter, {
    skipRecords: cut ? header.skip : 0,
    uniformLF: lineBreak === "mixed",
  });
  if (utf8Path !== path) await rm(utf8Path, { force: true });
  return {
    utf8Path: copy,
    lineBreak: lineBreak === "mixed" ? "\n" : (lineBreak ?? "\n"),
    skip: cut ? 0 : header.skip,
    lineBase: cut ? header.dataLine - 1 : 0,
  };
}
