/**
 * File names and paths as they are printed. A name may contain any byte but `/`
 * and NUL: a line break in a file name would otherwise forge a line of the report
 * („x.csv\nauszahlungen.csv: Keine Fehler.“), a terminal escape could recolour it.
 * Control characters (C0, DEL, C1, line/paragraph separators, bidi overrides) are
 * printed as escapes (\n, \t, \u{202e}); everything else, umlauts included, as is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** A path in a German message: in „…“ quotes, control characters escaped. */
export const shownPath = (path: string): string => `„${escapeControl(path)}“`;
