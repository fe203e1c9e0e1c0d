/**
 * Names and literals for the SQL the readers hand to DuckDB. Several readers
 * share one connection, so temporary objects need names nobody else uses.
 */

let sequence = 0;

/** A name for temporary objects that no other reader on the connection uses. */
export function uniqueName(stageName: string, suffix: string): string {
  const safe = stageName.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 40) || "datei";
  return `pik_read_${safe}_${suffix}_${process.pid}_${++sequence}`;
}

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const sqlIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;
