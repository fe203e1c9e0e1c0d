/**
 * The readers' hard limits, in one place so that the README ("Grenzen") and the
 * messages cite the same numbers. Each limit exists because a hostile or broken
 * file past it made the ingest lose rows silently, hang or run out of memory
 * (issue 12); a file past a limit is refused with a finding naming the limit.
 */

/**
 * Longest physical line of a CSV file, in bytes. DuckDB's `read_csv` rejects
 * records over 2 MB itself, but past about 31 MB it drops them without a trace
 * (and a 200 MB line lost the whole file), so the readers check first.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Most columns of a header row: the tables have at most a dozen; thousands take minutes to check. */
export const MAX_COLUMNS = 200;

/** Largest uncompressed size of one member of an XLSX archive (as its central directory declares it). */
export const MAX_XLSX_ENTRY_BYTES = 256 * 1024 * 1024;

/** Largest uncompressed size of all members of an XLSX archive together. */
export const MAX_XLSX_TOTAL_BYTES = 512 * 1024 * 1024;

/** Most rows of a worksheet: Excel's own limit (a sheet declaring more is not from Excel). */
export const MAX_XLSX_ROWS = 1_048_576;

/** Bytes as a German size for messages, e.g. `1 MiB`, `600,5 MiB`. */
export function formatBytes(n: number): string {
  const mib = n / (1024 * 1024);
  if (mib >= 1) return `${mib.toFixed(1).replace(/\.0$/, "").replace(".", ",")} MiB`;
  return `${Math.ceil(n / 1024)} KiB`;
}
