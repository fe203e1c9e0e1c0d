/**
 * /methodik in the built site. The expectations are written by hand from the
 * specs, not taken from the definitions the page is built from: the tables and
 * required columns of the data contract (§3) with phrases of its definitions,
 * the metrics of the registry, the programme figures of programme-facts.md. A
 * completeness pass then checks that nothing of the definitions is left out.
 * No console error, no outside request.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELPER_VIEWS, PUBLISHED_TABLES, publishedColumns } from "../../loaders/tables/index.ts";
import { INPUT_TABLES } from "../../loaders/schema/input-tables.ts";
import type { BuildInfo } from "../../loaders/warehouse/build.ts";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const WAREHOUSE = process.env.PIK_WAREHOUSE ?? "warehouse/pik.duckdb";
const info = JSON.parse(readFileSync(`${WAREHOUSE}.json`, "utf8")) as BuildInfo;

const site = useSite();
let page: Page;
let watched: Watched;

beforeAll(async () => {
  watched = await site.open("/methodik");
  page = watched.page;
}, 60_000);

afterAll(async () => {
  await page?.context().close();
});

/** Text as the page shows it (whitespace collapsed), closed <details> included. */
const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? "").replace(/\s+/g, " ");
const norm = (s: string) => s.replace(/\s+/g, " ");

/** Data contract §3, copied by hand: the published tables in order, with their required columns. */
const CONTRACT: Record<string, string[]> = {
  kreise: ["kreis_ags", "kreis_name", "kreis_typ", "regierungsbezirk", "einwohner"],
  zuwendungen: ["aktenzeichen", "kreis_ags", "empfaenger_ags", "empfaenger_name", "foerderbereich", "beginn", "ende", "bewilligt_eur", "ausgezahlt_eur", "vzae_bewilligt"],
  mittel_kreis_jahr: ["kreis_ags", "jahr", "foerderbereich", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"],
  abdeckung_kreis: ["kreis_ags", "stichtag", "vzae_bewilligt", "vzae_besetzt", "stellen_besetzt", "gefluechtete_au", "gefluechtete_je_vzae"],
  haushalt_jahr: ["jahr", "foerderbereich", "ansatz_eur", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur", "bindungsquote", "abflussquote"],
  zahlungen_monat: ["jahr", "monat", "foerderbereich", "ausgezahlt_eur", "kumuliert_eur"],
  mittel_gemeinde_jahr: ["gemeinde_ags", "gemeinde_name", "kreis_ags", "jahr", "foerderbereich", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"],
  pruefbericht: ["datei", "zeile", "spalte", "wert", "regel", "meldung", "schwere"],
};

/** The contract's definitions, as the page must state them in German (phrases chosen by hand). */
const DEFINITIONS: [tabelle: string, phrase: string][] = [
  ["zuwendungen", "die ersten fünf Stellen des AGS des Empfängers"],
  ["bewilligt_jahr", "gleichmäßig auf die Kalendertage des Förderzeitraums verteilt (Beginn und Ende eingeschlossen"],
  ["bewilligt_jahr", "ergeben die Jahresbeträge zusammen genau den bewilligten Betrag"],
  ["mittel_kreis_jahr", "Nur Zuwendungen mit Status „bewilligt“"],
  ["mittel_kreis_jahr", "Rückforderungen negativ"],
  ["haushalt_jahr", "leer, wenn der Ansatz 0 ist oder fehlt"],
];

/** The metric registry's keys in display order (16 metrics). */
const KENNZAHLEN = [
  "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur",
  "bewilligt_je_1000_ew", "ausgezahlt_je_1000_ew", "rueckforderung_je_1000_ew",
  "gefluechtete_au", "bewilligt_je_gefluechteten", "ausgezahlt_je_gefluechteten",
  "vzae_bewilligt", "vzae_besetzt", "anteil_besetzt", "gefluechtete_je_vzae",
  "auszahlungsquote", "bindungsquote", "abflussquote",
];

/** Figures of programme-facts.md, as the page writes them. */
const PROGRAMMZAHLEN = [
  "160 Mio. € je Jahr, 320 Mio. € insgesamt",
  "58 Mio. € je Jahr, 116 Mio. € insgesamt",
  "2,2 Mio. €",
  "1,5 Mio. € je Jahr",
  "200.000 € je Jahr",
  "0,25 VZÄ",
  "44 (9 Stadtkreise, 35 Landkreise) in 4 Regierungsbezirken",
];

describe("/methodik", () => {
  it("loads cleanly, says the data are synthetic, and is screenshotted", async () => {
    await expect.poll(() => page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/methodik.png`, fullPage: true });
    expect(watched.errors).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it("lists every metric of the registry with its group rule, in the words a reader can check", async () => {
    const rows = await page.locator("#kennzahlen-tabelle tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset["kennzahl"]));
    expect(rows).toEqual(KENNZAHLEN);
    const anteil = await text('#kennzahlen-tabelle tr[data-kennzahl="anteil_besetzt"]');
    // The rule two pages used to disagree on, stated once.
    expect(anteil).toContain("Besetzungsquote");
    expect(anteil).toContain("beides über die Kreise mit Stellenmeldung (ein Kreis ohne Meldung zählt weder im Zähler noch im Nenner)");
    expect(await text("#kennzahlen")).toContain("gleiche Werte teilen sich einen Rang");
  });

  it("shows the tables of the data contract, in its order, with their required columns and definitions", async () => {
    const shown = await page.locator("section.pik-def-table").evaluateAll((ss) => ss.map((x) => (x as HTMLElement).dataset["tabelle"]));
    expect(shown).toEqual([...Object.keys(CONTRACT), "bewilligt_jahr", "buchungen"]);
    for (const [tabelle, columns] of Object.entries(CONTRACT)) {
      const section = await text(`section.pik-def-table[data-tabelle="${tabelle}"]`);
      for (const c of columns) expect(section, `${tabelle}.${c}`).toContain(c);
    }
    for (const [tabelle, phrase] of DEFINITIONS) expect(await text(`section.pik-def-table[data-tabelle="${tabelle}"]`), tabelle).toContain(phrase);
  });

  it("leaves out nothing of the definitions: what a row is, notes, every column", async () => {
    for (const t of [...PUBLISHED_TABLES, ...HELPER_VIEWS]) {
      const section = await text(`section.pik-def-table[data-tabelle="${t.name}"]`);
      expect(section, t.name).toContain(t.title);
      expect(section, t.name).toContain(norm(t.rowsAre[0]!.toUpperCase() + t.rowsAre.slice(1)));
      if (t.notes) expect(section, t.name).toContain(norm(t.notes));
      for (const c of publishedColumns(t)) {
        expect(section, `${t.name}.${c.name}`).toContain(c.name);
        expect(section, `${t.name}.${c.name}`).toContain(norm(c.definition));
      }
    }
  });

  it("shows every input table with its row rules", async () => {
    for (const t of INPUT_TABLES) {
      const section = await text(`section.pik-input[data-eingabe="${t.name}"]`);
      expect(section, t.name).toContain(t.title);
      for (const r of t.rowRules) expect(section, t.name).toContain(norm(r.rule));
    }
  });

  it("lists the programme figures, each with a linked source", async () => {
    const rows = page.locator(".pik-quellen tbody tr");
    const all = await text(".pik-quellen");
    for (const wert of PROGRAMMZAHLEN) expect(all).toContain(wert);
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < n; i++) expect(await rows.nth(i).locator("a[href^='https://']").count(), `Zeile ${i + 1}`).toBeGreaterThan(0);
  });

  it("says how the sample data were made: seed and every assumption from the manifest", async () => {
    const manifest = JSON.parse(readFileSync(join(info.dataDir, "manifest.json"), "utf8")) as {
      seed: number;
      annahmen: { beschreibung: string }[];
    };
    expect(await text("#beispieldaten")).toContain(String(manifest.seed));
    expect(await page.locator(".pik-annahmen tbody tr").count()).toBe(manifest.annahmen.length);
    expect(await text(".pik-annahmen")).toContain(norm(manifest.annahmen[0]!.beschreibung));
  });

  it("names the known limits, among them the population date", async () => {
    const limits = await text("#grenzen");
    expect(limits).toContain("31.12.2018");
    expect(limits).toContain("4 Nachkommastellen");
    expect(limits).toContain("Kalendertage");
  });
});
