/**
 * The two editions of the site (issue 5): `PIK_EDITION=oeffentlich` (default)
 * publishes decided grants and aggregates; `PIK_EDITION=intern` adds what only
 * the administration may see. This module is the one place that reads the
 * variable and the one list of what is internal-only: loaders ask it and do not
 * compute, let alone write, an internal-only artifact in the public edition
 * (hiding it on the page would still publish the file).
 *
 * Deliberately free of DuckDB and Framework imports: the Framework config
 * (banner, footer, extra paths) and the CLI import it too.
 */

export const EDITIONS = ["oeffentlich", "intern"] as const;
export type Edition = (typeof EDITIONS)[number];
export const DEFAULT_EDITION: Edition = "oeffentlich";

/** German names, for footer, banner, release manifest and error messages. */
export const EDITION_NAMES: Record<Edition, string> = {
  oeffentlich: "Öffentliche Ausgabe",
  intern: "Interne Ausgabe",
};

/**
 * Everything the internal edition adds, with what it is (German, shown on
 * /methodik). Non-granted applications (status beantragt, abgelehnt,
 * zurueckgezogen), single bookings and processing times are in here and nowhere
 * else; the published tables of the data contract (§3) are public by definition
 * and the same in both editions.
 */
export const INTERNAL_ONLY = {
  antragslage:
    "Übersicht: offene Anträge (seit wann), abgelehnte und zurückgezogene Anträge und die Bearbeitungsdauer vom Antrag bis zum Bescheid",
  antraege:
    "Daten & Downloads: Tabelle antraege – alle Anträge mit Status, Antrags- und Bescheiddatum und Bearbeitungstagen (CSV, XLSX, Parquet)",
  buchungen: "Daten & Downloads: Tabelle buchungen – jede einzelne Buchung zu bewilligten Zuwendungen (CSV, XLSX, Parquet)",
  kreis_antraege: "Kreisprofile: die offenen, abgelehnten und zurückgezogenen Anträge des Kreises",
} as const;
export type InternalItem = keyof typeof INTERNAL_ONLY;

/** The internal-only download tables (base names of the files in downloads.zip). */
export const INTERNAL_DOWNLOADS = ["antraege", "buchungen"] as const satisfies readonly InternalItem[];

/** Download formats, as in loaders/pages/daten.ts (kept here so the config needs no DuckDB). */
const DOWNLOAD_FORMATS = ["csv", "xlsx", "parquet"] as const;

export class EditionError extends Error {}

/** `PIK_EDITION` → edition; unset or empty means the public edition, anything unknown is an error. */
export function parseEdition(value: string | undefined): Edition {
  const v = (value ?? "").trim();
  if (v === "") return DEFAULT_EDITION;
  if ((EDITIONS as readonly string[]).includes(v)) return v as Edition;
  throw new EditionError(
    `PIK_EDITION=„${value}“ ist keine Ausgabe. Erlaubt sind „oeffentlich“ (Standard: bewilligte Zuwendungen und ` +
      `Summen) und „intern“ (zusätzlich offene und abgelehnte Anträge, einzelne Buchungen, Bearbeitungszeiten). ` +
      `Es wurde nichts gebaut.`,
  );
}

export function editionFromEnv(env: NodeJS.ProcessEnv = process.env): Edition {
  return parseEdition(env["PIK_EDITION"]);
}

/** Whether the edition contains an internal-only item: the question every loader asks. */
export function includes(edition: Edition, item: InternalItem): boolean {
  return edition === "intern" && item in INTERNAL_ONLY;
}

/**
 * Site paths of the internal downloads (members of data/downloads.zip). Framework
 * copies a file listed in `dynamicPaths` to the same path in the output, so these
 * reach the intern build without a literal FileAttachment on /daten – one would make
 * the public build fail, or publish the file.
 */
export function internalDownloadPaths(edition: Edition): string[] {
  if (edition !== "intern") return [];
  return INTERNAL_DOWNLOADS.flatMap((t) => DOWNLOAD_FORMATS.map((f) => `/data/downloads/${t}.${f}`));
}

const BANNER_TEXT = "Interne Ausgabe – nicht zur Veröffentlichung";

/**
 * The banner at the top of every page of the intern build (Framework `header`),
 * empty in the public edition. Static HTML, so it is there before any script runs
 * and on print.
 */
export function editionBanner(edition: Edition): string {
  if (edition !== "intern") return "";
  return (
    `<div class="pik-intern-banner" role="note" data-ausgabe="intern">${BANNER_TEXT}</div>` +
    "<style>.pik-intern-banner{flex:1;background:#b91c1c;color:#fff;font-weight:700;padding:.5rem 1rem;" +
    "border:3px solid #7f1d1d;text-align:center;letter-spacing:.02em}" +
    "@media print{.pik-intern-banner{background:none;color:#000;border:3px solid #000}}</style>"
  );
}
