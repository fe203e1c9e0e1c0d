/**
 * /methodik in the built site: every published table's notes and column
 * definitions (from PUBLISHED_TABLES), every input table with its rules, the
 * programme figures with a source each, the sample-data seed from the manifest.
 * No console error, no outside request.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROGRAMMZAHLEN } from "../../loaders/pages/methodik.ts";
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

describe("/methodik", () => {
  it("loads cleanly, says the data are synthetic, and is screenshotted", async () => {
    await expect.poll(() => page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/methodik.png`, fullPage: true });
    expect(watched.errors).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it("lists every metric of the registry with its group rule, in the words a reader can check", async () => {
    const rows = await page.locator("#kennzahlen-tabelle tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset["kennzahl"]));
    expect(rows).toContain("anteil_besetzt");
    expect(rows).toContain("bewilligt_je_1000_ew");
    expect(rows.length).toBe(13);
    const anteil = await text('#kennzahlen-tabelle tr[data-kennzahl="anteil_besetzt"]');
    // The rule two pages used to disagree on, stated once.
    expect(anteil).toContain("Besetzungsquote");
    expect(anteil).toContain("beides über die Kreise mit Stellenmeldung (ein Kreis ohne Meldung zählt weder im Zähler noch im Nenner)");
    expect(await text("#kennzahlen")).toContain("gleiche Werte teilen sich einen Rang");
  });

  it("shows every published table's definition: what a row is, notes, every column", async () => {
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
    expect(await rows.count()).toBe(PROGRAMMZAHLEN.length);
    for (let i = 0; i < PROGRAMMZAHLEN.length; i++) {
      const row = rows.nth(i);
      expect(norm((await row.textContent()) ?? "")).toContain(PROGRAMMZAHLEN[i]!.wert);
      expect(await row.locator("a[href^='https://']").count()).toBeGreaterThan(0);
    }
    // 58 Mio. € for integration management 2017 and 2018 (programme-facts.md).
    expect(await text(".pik-quellen")).toContain("58 Mio. € je Jahr, 116 Mio. € insgesamt");
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
