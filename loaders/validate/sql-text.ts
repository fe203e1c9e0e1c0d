/**
 * SQL text helpers shared by the whole validator (column rules, staging,
 * cross-table checks), kept apart from the column builders so that modules
 * needing a quoted literal do not depend on the column rules.
 */

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A cell without surrounding space, tab or no-break space; NULL if nothing is
 * left. Trimming every cell costs more than reading the file, so only cells
 * that need it are trimmed (the test is cheap, most cells pass it).
 */
export const trimmed = (cell: string) =>
  `CASE WHEN ${cell} = '' OR starts_with(${cell}, ' ') OR ends_with(${cell}, ' ') OR contains(${cell}, chr(9)) OR contains(${cell}, chr(160))
    THEN NULLIF(trim(${cell}, ' \t\u00a0'), '') ELSE ${cell} END`;
