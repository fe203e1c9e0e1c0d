/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell
 * whose text starts with `=`, `+`, `-` or `@` as a formula, and Excel also does so
 * after a leading tab or carriage return. Published text (names, file names, raw
 * values of the test report) comes from the grant authority's exports, so any
 * such cell is prefixed with a single quote `'`: the cell then shows the text
 * with a visible apostrophe and is never evaluated.
 *
 * This module is the one place of that rule; the CSV and XLSX writers both use it.
 * Numbers are never passed through it: a negative amount stays `-12,50`.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
export const FORMULA_TRIGGERS: readonly string[] = ["=", "+", "-", "@", "\t", "\r"];

const TRIGGER = /^[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function needsNeutralizing(text: string): boolean {
  return TRIGGER.test(text);
}

/** The text as a spreadsheet may safely show it: prefixed with `'` when it starts with a formula trigger. */
export function neutralize(text: string): string {
  return needsNeutralizing(text) ? `'${text}` : text;
}
