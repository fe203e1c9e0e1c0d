/**
 * German console report of a validation: the findings (file, line, column, value,
 * rule, message) and a per-file summary. Pure formatting, no effects.
 * Every printed line is one line: control characters in file names, values and
 * messages are escaped (ops/names.ts), so a name with a line break cannot forge one.
 */
import type { Finding } from "../base/finding.ts";
import type { FileSummary, ValidationResult } from "../validate/index.ts";
import { escapeControl } from "../ops/names.ts";

const nf = new Intl.NumberFormat("de-DE");

export function formatFinding(f: Finding): string {
  const where = [f.datei, f.zeile !== null ? `Zeile ${nf.format(f.zeile)}` : null, f.spalte ? `Spalte ${f.spalte}` : null]
    .filter(Boolean)
    .join(", ");
  const level = f.schwere === "fehler" ? "Fehler" : "Warnung";
  return escapeControl(`${where}: ${level}: ${f.meldung} [${f.regel}]`);
}

export function formatSummary(files: readonly FileSummary[]): string {
  const head = ["Datei", "gelesen", "übernommen", "abgelehnt", "Warnungen"];
  const rows = files.map((s) => [escapeControl(s.datei), ...[s.gelesen, s.akzeptiert, s.abgelehnt, s.warnungen].map((n) => nf.format(n))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

/** Rules of rows rejected because of a cause elsewhere (see `validate/cross-table.ts`). */
export const isFollowOn = (f: Finding): boolean => f.regel.startsWith("folge_");

const FIRST_LINES = 5;

/** Follow-on findings of one file, one line per cause: count, first lines, the cause. */
export function formatFollowOns(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.datei}\u0000${f.regel}\u0000${f.meldung}`;
    // Push, not spread: a cause may have 200,000 rows (issue 12).
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((g) => {
    const f = g[0]!;
    const lines = g.map((x) => x.zeile).filter((z): z is number => z !== null).sort((x, y) => x - y);
    const shown = lines.slice(0, FIRST_LINES).map((z) => nf.format(z)).join(", ") + (lines.length > FIRST_LINES ? ", …" : "");
    const rows = g.length === 1 ? "1 Zeile" : `${nf.format(g.length)} Zeilen`;
    return escapeControl(`${f.datei}, ${rows} (${lines.length === 1 ? "Zeile" : "Zeilen"} ${shown}): Fehler: ${f.meldung} [${f.regel}]`);
  });
}

/**
 * Findings, then the summary. The causes come first: findings about whole files
 * (of every file) before any row finding, and follow-on rejections last, counted
 * in one line per cause. At most `limit` row findings per file (all with Infinity).
 */
export function formatReport(result: ValidationResult, limit = 50): string {
  const out: string[] = [];
  const fileLevel = result.findings.filter((f) => f.zeile === null && !isFollowOn(f));
  for (const f of fileLevel) out.push(formatFinding(f));
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.zeile === null || isFollowOn(f)) continue;
    const list = byFile.get(f.datei);
    if (list) list.push(f);
    else byFile.set(f.datei, [f]);
  }
  for (const [datei, findings] of byFile) {
    const sorted = [...findings].sort((a, b) => (a.zeile ?? 0) - (b.zeile ?? 0));
    for (const f of sorted.slice(0, limit)) out.push(formatFinding(f));
    if (sorted.length > limit)
      out.push(`${escapeControl(datei)}: … ${nf.format(sorted.length - limit)} weitere Befunde (alle mit --alle oder im Prüfbericht).`);
  }
  out.push(...formatFollowOns(result.findings.filter(isFollowOn)));
  if (out.length) out.push("");
  out.push(formatSummary(result.files));
  out.push("");
  out.push(
    result.errors === 0
      ? `Keine Fehler${result.warnings ? `, ${nf.format(result.warnings)} Warnung(en)` : ""}.`
      : `${nf.format(result.errors)} Fehler, ${nf.format(result.warnings)} Warnung(en).`,
  );
  return out.join("\n");
}
