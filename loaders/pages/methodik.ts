/**
 * Content of the page /methodik (Methodik & Quellen), from the single sources:
 * the definitions of the published tables and helper views (PUBLISHED_TABLES,
 * HELPER_VIEWS), the input tables with their rules (INPUT_TABLES), the manifest of
 * the input folder (how the synthetic sample data were made) and the programme
 * figures the Land has published (spec/programme-facts.md, with their sources).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { columnMeta, KIND_DE } from "../schema/columns.ts";
import { INPUT_TABLES } from "../schema/input-tables.ts";
import { HELPER_VIEWS, PUBLISHED_TABLES, publishedColumns, type PublishedColumn, type PublishedTable } from "../tables/index.ts";

export interface MethodikTable {
  name: string;
  title: string;
  rowsAre: string;
  notes: string | null;
  key: string[];
  /** true for the helper views (not downloadable, but their definitions apply). */
  hilfssicht: boolean;
  columns: PublishedColumn[];
}

const describe = (t: PublishedTable, hilfssicht: boolean): MethodikTable => ({
  name: t.name,
  title: t.title,
  rowsAre: t.rowsAre,
  notes: t.notes ?? null,
  key: [...t.key],
  hilfssicht,
  columns: publishedColumns(t),
});

/** The published tables (contract §3), then the helper views whose definitions they use. */
export function publishedDefinitions(): MethodikTable[] {
  return [...PUBLISHED_TABLES.map((t) => describe(t, false)), ...HELPER_VIEWS.map((t) => describe(t, true))];
}

export interface InputColumnDoc {
  name: string;
  label: string;
  pflicht: boolean;
  typ: string;
  unit: string | null;
  definition: string;
  /** Personal data: checked, never published. */
  personenbezogen: boolean;
}

export interface InputTableDoc {
  name: string;
  title: string;
  optional: boolean;
  key: string[];
  columns: InputColumnDoc[];
  regeln: string[];
}

/** The input tables (contract §1) with their columns and row rules, as the validator applies them. */
export function inputRules(): InputTableDoc[] {
  return INPUT_TABLES.map((t) => ({
    name: t.name,
    title: t.title,
    optional: t.optional === true,
    key: [...(t.key ?? [])],
    columns: Object.entries(t.schema.shape).map(([name, schema]) => {
      const s = schema as z.ZodType;
      const m = columnMeta(s);
      return {
        name,
        label: m.label,
        pflicht: !s.isOptional(),
        typ: KIND_DE[m.kind],
        unit: m.unit ?? null,
        definition: m.definition,
        personenbezogen: m.personal === true,
      };
    }),
    regeln: t.rowRules.map((r) => r.rule),
  }));
}

export interface Quelle {
  titel: string;
  herausgeber: string;
  url: string | null;
}

/** The public sources of the programme figures (seeds 000–003 and the pages named in programme-facts.md). */
export const QUELLEN: Record<string, Quelle> = {
  sm_pakt: {
    titel: "Pakt für Integration: Land unterstützt Kommunen bei Integrationsarbeit",
    herausgeber: "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg",
    url: "https://sozialministerium.baden-wuerttemberg.de/",
  },
  rp_verfahren: {
    titel: "Förderverfahren Integrationsmanagement und Digitalisierung",
    herausgeber: "Regierungspräsidium Stuttgart",
    url: "https://rp.baden-wuerttemberg.de/",
  },
  gar: {
    titel: "GAR-Rundbrief: Land und Kommunen schließen Pakt für Integration",
    herausgeber: "GAR Baden-Württemberg",
    url: "https://www.gar-bw.de/kommunalinfos/soziales/",
  },
  rp_pik: {
    titel: "Pakt für Integration (Zusatzmittel 2022)",
    herausgeber: "Regierungspräsidien Baden-Württemberg",
    url: "https://rp.baden-wuerttemberg.de/",
  },
  rp_faq: {
    titel: "FAQ Integrationsmanagement",
    herausgeber: "Regierungspräsidien Baden-Württemberg",
    url: "https://rp.baden-wuerttemberg.de/",
  },
  sm_im: {
    titel: "Förderbereich Integrationsmanagement",
    herausgeber: "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg",
    url: "https://sozialministerium.baden-wuerttemberg.de/",
  },
  sm_erneuerung: {
    titel: "Baden-Württemberg erneuert Pakt für Integration (Pressemitteilung vom 11.12.2025)",
    herausgeber: "Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg",
    url: "https://www.baden-wuerttemberg.de/",
  },
  destatis: {
    titel: "Gemeindeverzeichnis GV-ISys, Stand 31.12.2018 (Lizenz CC BY 4.0), über das npm-Paket landkreise-deutschland",
    herausgeber: "Statistisches Bundesamt (Destatis)",
    url: "https://www.destatis.de/",
  },
};

export interface Programmzahl {
  was: string;
  wert: string;
  quellen: string[];
}

/** Published programme figures (spec/programme-facts.md), in German. */
export const PROGRAMMZAHLEN: Programmzahl[] = [
  { was: "Pakt insgesamt 2017 und 2018", wert: "160 Mio. € je Jahr, 320 Mio. € insgesamt", quellen: ["sm_pakt", "gar"] },
  { was: "Pauschale Förderung der Kommunen 2017 und 2018 (Integrationslastenausgleich, § 29d FAG)", wert: "90 Mio. € je Jahr, 180 Mio. € insgesamt", quellen: ["sm_pakt", "gar"] },
  { was: "Konkrete Förderprogramme 2017 und 2018", wert: "70 Mio. € je Jahr, 140 Mio. € insgesamt", quellen: ["gar"] },
  { was: "davon Integrationsmanagement (rund 1.000 Integrationsmanagerinnen und -manager) 2017 und 2018", wert: "58 Mio. € je Jahr, 116 Mio. € insgesamt", quellen: ["sm_pakt", "rp_verfahren"] },
  { was: "davon Schule und Übergang in den Beruf, Spracherwerb, bürgerschaftliches Engagement 2017 und 2018", wert: "24 Mio. € insgesamt", quellen: ["sm_pakt"] },
  { was: "Fortsetzung 2019 (Nachtragshaushalt 2018/2019), Integrationsmanagement für weitere 12 Monate", wert: "70 Mio. €", quellen: ["rp_verfahren"] },
  { was: "Fortführung 2020 und 2021 (aus der Integrationspauschale des Bundes)", wert: "70 Mio. € je Jahr", quellen: ["rp_verfahren"] },
  { was: "Förderprogramm digitale Lösungen im Integrationsmanagement, einmalig", wert: "2,2 Mio. €", quellen: ["rp_verfahren"] },
  { was: "Zusätzliche Mittel 2022 für das Integrationsmanagement (Geflüchtete aus der Ukraine), nach Einwohneranteil auf die 44 Kreise verteilt; Antragsfrist 22.07.2022", wert: "8,0 Mio. €", quellen: ["rp_pik"] },
  { was: "2023 und 2024: Stellen in unverändertem Umfang weitergefördert (VwV Integrationsmanagement 2023)", wert: "–", quellen: ["sm_im"] },
  { was: "Pakt ab 2025, Planung vor der Erneuerung (überholt durch die folgenden Zeilen)", wert: "mindestens 43,3 Mio. €, davon mindestens 40 Mio. € Integrationsmanagement", quellen: ["sm_im"] },
  { was: "Erneuerter Pakt 2025 und 2026 (unterzeichnet Dezember 2025): freiwillige Integrationsleistungen in sechs Maßnahmen", wert: "rund 62 Mio. € je Jahr", quellen: ["sm_erneuerung"] },
  { was: "davon Integrationsmanagement (rund 1.200 Integrationsmanagerinnen und -manager), 2025 und 2026", wert: "58 Mio. € je Jahr", quellen: ["sm_erneuerung"] },
  { was: "davon Spracherwerb (Kurse für Eltern, berufsbegleitend, Intensivkurse für Auszubildende, neben der Einstiegsqualifizierung)", wert: "2 Mio. € je Jahr", quellen: ["sm_erneuerung"] },
  { was: "davon Traumarehabilitation für Geflüchtete, Programm „BW schützt!“", wert: "1,5 Mio. € je Jahr", quellen: ["sm_erneuerung"] },
  { was: "davon Inklusion und Teilhabe von Sinti und Roma (Projekt INTURO)", wert: "200.000 € je Jahr", quellen: ["sm_erneuerung"] },
  { was: "davon Stärkung queerer Geflüchteter (Beratungsstrukturen außerhalb der Großstädte)", wert: "nicht genannt", quellen: ["sm_erneuerung"] },
  { was: "Beschäftigte Integrationsmanagerinnen und -manager im Dezember 2018 und 2023", wert: "rund 1.200", quellen: ["sm_pakt", "sm_im"] },
  { was: "Laufzeit einer Bewilligung der ersten Runde (2017–2019)", wert: "24 Monate", quellen: ["rp_faq"] },
  { was: "Mindestumfang eines Stellenanteils", wert: "0,25 VZÄ", quellen: ["rp_faq"] },
  { was: "Verwendungsnachweis mit Sachbericht", wert: "innerhalb von 3 Monaten nach Ende der Förderung", quellen: ["rp_faq"] },
  { was: "Stichtag der Zählung Geflüchteter in der Anschlussunterbringung (§ 29d FAG)", wert: "15. September", quellen: ["rp_faq"] },
  { was: "Stadt- und Landkreise", wert: "44 (9 Stadtkreise, 35 Landkreise) in 4 Regierungsbezirken", quellen: ["destatis"] },
];

export interface Annahme {
  wert: string | number;
  beschreibung: string;
  quelle: string;
}

export interface Beispieldaten {
  synthetisch: boolean;
  beschreibung: string | null;
  seed: number | null;
  scale: number | null;
  stand: string | null;
  erzeugtMit: string | null;
  annahmen: Annahme[];
}

/** How the input was made, from `manifest.json` of the input folder (none: real exports, nothing to say). */
export function sampleData(dataDir: string): Beispieldaten | null {
  const path = join(dataDir, "manifest.json");
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, "utf8")) as {
    synthetisch?: boolean;
    beschreibung?: string;
    seed?: number;
    scale?: number;
    stand?: string;
    erzeugt_mit?: string;
    annahmen?: Annahme[];
  };
  return {
    synthetisch: m.synthetisch === true,
    beschreibung: m.beschreibung ?? null,
    seed: m.seed ?? null,
    scale: m.scale ?? null,
    stand: m.stand ?? null,
    erzeugtMit: m.erzeugt_mit ?? null,
    annahmen: (m.annahmen ?? []).map((a) => ({ wert: a.wert, beschreibung: a.beschreibung, quelle: a.quelle })),
  };
}
