/**
 * The rows of a CSV file as the validator gets them: DuckDB's relation over the
 * prepared file, with the rejected records and the lines of rows located only
 * when asked for (most files have no findings, and locating costs a pass).
 */
import { rm } from "node:fs/promises";
import { queryRejects, rejectFinding, withoutBlankRecords, type RejectRow } from "./csv-rejects.ts";
import type { Prepared } from "./csv-prepare.ts";
import { csvRelation } from "./csv-select.ts";
import type { HeaderFound } from "./detect.ts";
import { linesAtPositions, locateRecordsQuoteFree } from "./quote-free-lines.ts";
import { RecordIndex, type RowLayout } from "./record-index.ts";
import { sqlIdent, uniqueName } from "./sql-text.ts";
import type { RawRows, ReadRequest, TextEncoding } from "./types.ts";

/** Rejected records located in the file (see `locate` in csvRows). */
interface Located {
  /** Reject position → line in the file DuckDB reads. */
  positionLines: ReadonlyMap<number, number>;
  lineOf(ordinals: readonly number[]): Map<number, number>;
}

export interface CsvSource extends Prepared {
  req: ReadRequest;
  encoding: TextEncoding;
  header: HeaderFound;
  /** Holds copies of the file, if any were needed; removed by dispose(). */
  tempDir: string;
  /** Lines can be computed without a scan (see ByteFacts). */
  recordsAreLines: boolean;
  /** A quote after the header: a quoted line break is possible. */
  quotes: boolean;
  /** Read with null padding and a sentinel column (see fieldCountSelect); false only for a quote that never closes. */
  padding: boolean;
}

export function csvRows(src: CsvSource): RawRows {
  const { req, header } = src;
  const { connection: con, datei } = req;
  const n = header.cells.length;
  const rejectsTable = uniqueName(req.stageName, "rej");
  const rejectsScan = uniqueName(req.stageName, "scan");
  const relation = csvRelation({ ...src, personalData: req.personalData === true, rejectsTable, rejectsScan });
  // DuckDB returns a blank line as a row of NULLs only when it reads a single column.
  const layout: RowLayout = { delimiter: header.delimiter, skip: src.skip, dropBlank: src.padding || n > 1, lineBase: src.lineBase };

  let rejects: RejectRow[] | undefined;
  const loadRejects = async (): Promise<RejectRow[]> => (rejects ??= await queryRejects(con, rejectsTable, relation));

  /**
   * Where the rejected records are: their numbers (to step over them when
   * counting rows) and start lines. Without quotes and blank lines in the data,
   * counting line breaks natively suffices (and nothing at all without rejects);
   * else one scan with the state machine, kept for later calls.
   */
  let located: Promise<Located> | undefined;
  const locate = (): Promise<Located> =>
    (located ??= (async (): Promise<Located> => {
      const positions = (await loadRejects()).map((r) => r.position);
      if (src.recordsAreLines) {
        const lines = await linesAtPositions(src.utf8Path, positions, src.lineBreak);
        const rejected = [...new Set(lines.values())].sort((a, b) => a - b);
        return { positionLines: lines, lineOf: (ordinals) => locateRecordsQuoteFree(layout, rejected, ordinals) };
      }
      const index = await RecordIndex.build(src.utf8Path, header.delimiter, positions);
      return { positionLines: index.positionLines, lineOf: (ordinals) => index.lineOfOrdinals(layout, ordinals) };
    })());

  return {
    datei,
    format: "csv",
    encoding: src.encoding,
    delimiter: header.delimiter,
    header: header.cells,
    headerLine: header.line,
    relation,

    async lineOf(ordinals) {
      return (await locate()).lineOf(ordinals);
    },

    async malformed() {
      const real = withoutBlankRecords(await loadRejects(), header.delimiter);
      if (real.length === 0) return [];
      const { positionLines } = await locate();
      return real.map((r) => {
        const line = positionLines.get(r.position);
        const finding = rejectFinding(datei, header, r, line === undefined ? null : line + src.lineBase);
        return req.personalData ? { ...finding, wert: null } : finding;
      });
    },

    async dispose() {
      await con.run(`DROP TABLE IF EXISTS ${sqlIdent(rejectsTable)}`);
      await con.run(`DROP TABLE IF EXISTS ${sqlIdent(rejectsScan)}`);
      await rm(src.tempDir, { recursive: true, force: true });
    },
  };
}
