/**
 * German console report of a validation: the findings (file, line, column, value,
 * rule, message) and a per-file summary. Pure formatting, no effects.
 */
import type { Finding } from "./validate/finding.ts";
import type { FileSummary, ValidationResult } from "./validate/index.ts";

const nf = new Intl.NumberFormat("de-DE");

export function formatFinding(f: Finding): string {
  const where = [f.datei, f.zeile !== null ? `Zeile ${nf.format(f.zeile)}` : null, f.spalte ? `Spalte ${f.spalte}` : null]
    .filter(Boolean)
    .join(", ");
  const level = f.schwere === "fehler" ? "Fehler" : "Warnung";
  return `${where}: ${level}: ${f.meldung} [${f.regel}]`;
}

export function formatSummary(files: readonly FileSummary[]): string {
  const head = ["Datei", "gelesen", "übernommen", "abgelehnt", "Warnungen"];
  const rows = files.map((s) => [s.datei, ...[s.gelesen, s.akzeptiert, s.abgelehnt, s.warnungen].map((n) => nf.format(n))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

/** Findings, at most `limit` per file (all with `limit` = Infinity), then the summary. */
export function formatReport(result: ValidationResult, limit = 50): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.datei, [...(byFile.get(f.datei) ?? []), f]);
  for (const [datei, findings] of byFile) {
    const sorted = [...findings].sort((a, b) => (a.zeile ?? 0) - (b.zeile ?? 0));
    for (const f of sorted.slice(0, limit)) out.push(formatFinding(f));
    if (sorted.length > limit)
      out.push(`${datei}: … ${nf.format(sorted.length - limit)} weitere Befunde (alle mit --alle oder im Prüfbericht).`);
  }
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
