/**
 * The data dictionary as Markdown, generated from the table definitions (the one
 * place where columns, types and definitions live). `npm run docs` writes it into
 * the README between markers; a test fails when the README is out of date.
 */
import { metricTexts } from "../queries/metrics.ts";
import type { z } from "zod";
import { columnMeta, KIND_DE } from "../schema/columns.ts";
import { INPUT_TABLES } from "../schema/input-tables.ts";
import { PUBLISHED_TABLES, publishedColumns } from "../tables/index.ts";
import { loadDefaultFoerderbereiche } from "../reference/foerderbereiche.ts";

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

/** Input tables (contract §1), in German for the people who deliver the exports. */
export function inputDictionary(): string {
  const out: string[] = [];
  for (const t of INPUT_TABLES) {
    out.push(`#### \`${t.name}\` – ${t.title}${t.optional ? " (optional)" : ""}`, "");
    out.push("| Spalte | Pflicht | Typ | Bedeutung |", "| --- | --- | --- | --- |");
    for (const [name, schema] of Object.entries(t.schema.shape)) {
      const s = schema as z.ZodType;
      const meta = columnMeta(s);
      const required = !s.isOptional();
      const type = meta.kind === "enum" ? `Auswahl: ${((s.isOptional() ? (s as z.ZodOptional<z.ZodEnum>).unwrap() : s) as z.ZodEnum).options.map((o) => `\`${o}\``).join(", ")}` : KIND_DE[meta.kind];
      out.push(`| \`${name}\` | ${required ? "ja" : "nein"} | ${cell(type)}${meta.unit ? ` (${meta.unit})` : ""} | ${cell(meta.definition)} |`);
    }
    if (t.key?.length) out.push("", `Schlüssel: ${t.key.map((k) => `\`${k}\``).join(" + ")} (eindeutig).`);
    if (t.rowRules.length) {
      out.push("", "Weitere Regeln:");
      for (const r of t.rowRules) out.push(`- ${r.rule}`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** Published tables (contract §3) with their column definitions. */
export function publishedDictionary(): string {
  const out: string[] = [];
  for (const t of PUBLISHED_TABLES) {
    out.push(`#### \`${t.name}\` – ${t.title}`, "", `${t.rowsAre[0]!.toUpperCase()}${t.rowsAre.slice(1)}.${t.notes ? ` ${t.notes}` : ""}`, "");
    out.push("| Spalte | Typ | Einheit | Definition |", "| --- | --- | --- | --- |");
    for (const c of publishedColumns(t))
      out.push(`| \`${c.name}\` | ${c.sqlType}${c.nullable ? ", kann leer sein" : ""} | ${c.unit ?? ""} | ${cell(c.definition)} |`);
    out.push("");
  }
  return out.join("\n");
}

/** The default list of Förderbereiche (loaders/reference/foerderbereiche.json), as users need it to extend it. */
export function foerderbereicheDictionary(): string {
  const out = ["| `foerderbereich` | Name | Kurzname | ab | bis | Farbe |", "| --- | --- | --- | --- | --- | --- |"];
  for (const f of loadDefaultFoerderbereiche())
    out.push(`| \`${f.foerderbereich}\` | ${cell(f.name)} | ${cell(f.kurzname)} | ${f.ab_jahr ?? ""} | ${f.bis_jahr ?? "läuft"} | ${f.farbe} |`);
  return out.join("\n") + "\n";
}

/** The metric registry (loaders/queries/metrics.ts): each Kennzahl for one Kreis and for several. */
export function kennzahlenDictionary(): string {
  const out = ["| Kennzahl | Einheit | Definition | Mehrere Kreise und Land |", "| --- | --- | --- | --- |"];
  for (const k of metricTexts()) out.push(`| ${cell(k.label)} (\`${k.key}\`) | ${cell(k.unit)} | ${cell(k.definition)} | ${cell(k.gruppenregel)} |`);
  return out.join("\n") + "\n";
}

const SECTIONS: Record<string, () => string> = {
  kennzahlen: kennzahlenDictionary,
  eingabe: inputDictionary,
  ausgabe: publishedDictionary,
  foerderbereiche: foerderbereicheDictionary,
};

/** Replaces every `<!-- generated:NAME -->…<!-- /generated:NAME -->` block. */
export function updateGenerated(markdown: string): string {
  return markdown.replace(
    /<!-- generated:(\w+) -->[\s\S]*?<!-- \/generated:\1 -->/g,
    (_, name: string) => `<!-- generated:${name} -->\n${SECTIONS[name]!().trimEnd()}\n<!-- /generated:${name} -->`,
  );
}
