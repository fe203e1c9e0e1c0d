/**
 * Page „Mittel je Kreis“ (/mittel) in the built site: every control changes the
 * charts and the URL, a permalink restores the view, a tile opens the Kreis
 * profile, and the numbers shown equal sums computed here, independently, from
 * the warehouse (read-only) in SQL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module of the site
import { formatEuro, formatNumber } from "../../src/components/format.js";
import { SCREENSHOTS, settled, useSite, type Watched } from "./harness.ts";

const fmtEuro = formatEuro as (x: number) => string;
const fmtNumber = formatNumber as (x: number) => string;
/** Intl puts (narrow) no-break spaces before „€“; compare text with plain spaces. */
const norm = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

const site = useSite({ warehouse: true });
const { query: sql } = site;

async function open(query = ""): Promise<Watched> {
  const w = await site.open(`/mittel${query}`);
  await w.page.locator("[data-rangfolge] svg").first().waitFor();
  return w;
}

/** The charts as markup, to see whether a control changed them. */
const charts = async (page: Page) => ({
  karte: await page.locator("[data-karte] figure svg").last().innerHTML(),
  balken: await page.locator("[data-rangfolge] figure svg").last().innerHTML(),
});
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const subtitle = async (page: Page) => norm(await page.locator("[data-rangfolge] h3").textContent());

/** The y-axis labels of the bar chart, top to bottom. */
async function barOrder(page: Page): Promise<string[]> {
  const svg = page.locator("[data-rangfolge] figure svg").last();
  return svg.locator('g[aria-label="y-axis tick label"] text').allTextContents();
}

/** Expected per Kreis, straight from the warehouse: Σ of the measure over the years and Förderbereich. */
async function expected(mass: "bewilligt" | "ausgezahlt", von: number, bis: number, fb: string | null) {
  const fbFilter = fb ? `AND m.foerderbereich = '${fb}'` : "";
  return sql(`
    WITH summe AS (
      SELECT k.kreis_ags, k.kreis_name, k.kreis_typ, k.einwohner, coalesce(sum(m.${mass}_eur), 0) AS betrag
      FROM main.kreise k
      LEFT JOIN main.mittel_kreis_jahr m ON m.kreis_ags = k.kreis_ags AND m.jahr BETWEEN ${von} AND ${bis} ${fbFilter}
      GROUP BY ALL
    ),
    zaehlung AS (
      SELECT kreis_ags, arg_max(personen, stichtag) AS personen, max(stichtag) AS stichtag
      FROM eingang.gefluechtete_au WHERE stichtag <= DATE '${bis}-12-31' GROUP BY kreis_ags
    )
    -- Ratios as published: to the cent, half away from zero, in exact integer arithmetic
    -- (cents × 1.000 ÷ inhabitants, cents ÷ persons), written out here on their own.
    SELECT s.kreis_ags, s.kreis_name, s.kreis_typ, s.einwohner, CAST(s.betrag AS DOUBLE) AS betrag,
      CAST(s.betrag * 100 AS HUGEINT) AS betrag_ct,
      sign(s.betrag) * ((2 * abs(CAST(s.betrag * 100 AS HUGEINT)) * 1000 + s.einwohner) // (2 * s.einwohner)) / 100 AS je_einwohner,
      z.personen,
      CASE WHEN z.personen > 0 THEN sign(s.betrag) * ((2 * abs(CAST(s.betrag * 100 AS HUGEINT)) + z.personen) // (2 * z.personen)) / 100 END
        AS je_gefluechtete,
      count(*) OVER (PARTITION BY s.kreis_name) AS gleichnamig
    FROM summe s LEFT JOIN zaehlung z USING (kreis_ags)
    ORDER BY s.kreis_ags`);
}
const displayName = (r: Record<string, unknown>) =>
  Number(r["gleichnamig"]) > 1 ? `${r["kreis_name"]} (${r["kreis_typ"]})` : String(r["kreis_name"]);

describe("/mittel", () => {
  it("changes charts and URL with every control", async () => {
    const { page, errors } = await open();
    // Defaults: bewilligt, absolute, the latest complete year, all Förderbereiche.
    expect(await page.getByRole("radio", { name: "Bewilligt (anteilig)" }).isChecked()).toBe(true);
    const steps: { act: () => Promise<void>; key: string; value: string; subtitle: RegExp }[] = [
      { act: () => page.getByRole("radio", { name: "Ausgezahlt (netto)" }).check(), key: "mass", value: "ausgezahlt", subtitle: /^Ausgezahlt \(netto\)/ },
      { act: () => page.getByRole("radio", { name: "€ je 1.000 Einwohner" }).check(), key: "bezug", value: "einwohner", subtitle: /je 1\.000 Einwohner/ },
      { act: async () => void (await page.getByLabel("Von", { exact: true }).selectOption({ label: "2019" })), key: "von", value: "2019", subtitle: /2019–/ },
      { act: async () => void (await page.getByLabel("Bis", { exact: true }).selectOption({ label: "2020" })), key: "bis", value: "2020", subtitle: /2019–2020/ },
      {
        act: async () => void (await page.getByLabel("Förderbereich", { exact: true }).selectOption({ label: "Integrationsmanagement" })),
        key: "fb",
        value: "integrationsmanagement",
        subtitle: /Integrationsmanagement/,
      },
    ];
    for (const step of steps) {
      const before = await charts(page);
      await step.act();
      await expect.poll(() => param(page, step.key)).toBe(step.value);
      await expect.poll(() => subtitle(page)).toMatch(step.subtitle);
      const after = await charts(page);
      expect(after.balken, `bar chart after ${step.key}`).not.toBe(before.balken);
      expect(after.karte, `map after ${step.key}`).not.toBe(before.karte);
    }
    expect(new URL(page.url()).search).toBe("?mass=ausgezahlt&bezug=einwohner&von=2019&bis=2020&fb=integrationsmanagement");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("restores a permalink and shows the warehouse's sums", async () => {
    const { page, errors } = await open("?mass=ausgezahlt&bezug=einwohner&von=2019&bis=2020&fb=integrationsmanagement");
    // Controls show the values of the link.
    expect(await page.getByRole("radio", { name: "Ausgezahlt (netto)" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "€ je 1.000 Einwohner" }).isChecked()).toBe(true);
    const selected = (label: string) => page.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    expect(await selected("Von")).toBe("2019");
    expect(await selected("Bis")).toBe("2020");
    expect(await selected("Förderbereich")).toBe("Integrationsmanagement");
    expect(await subtitle(page)).toMatch(/^Ausgezahlt \(netto\) in Euro je 1\.000 Einwohner · 2019–2020 · Integrationsmanagement/);

    const exp = await expected("ausgezahlt", 2019, 2020, "integrationsmanagement");
    expect(exp).toHaveLength(44);

    // Bars: all 44 Kreise, ordered by € per 1.000 inhabitants, highest first.
    const order = exp.slice().sort((a, b) => Number(b["je_einwohner"]) - Number(a["je_einwohner"]));
    expect(await barOrder(page)).toEqual(order.map(displayName));

    // Land value on the rule: Σ over all Kreise ÷ Σ inhabitants × 1.000 (weighted).
    const summe = exp.reduce((s, r) => s + Number(r["betrag"]), 0);
    const einwohner = exp.reduce((s, r) => s + Number(r["einwohner"]), 0);
    const cents = exp.reduce((s, r) => s + BigInt(String(r["betrag_ct"])), 0n);
    const rule = norm(await page.locator("[data-rangfolge] figure svg").last().locator("text", { hasText: "Landeswert" }).textContent());
    // To the cent, half up (positive amounts): (2·ct·1.000 + EW) ÷ (2·EW).
    const landCents = (2n * cents * 1000n + BigInt(einwohner)) / (2n * BigInt(einwohner));
    expect(rule).toBe(norm(`Landeswert: ${fmtEuro(Number(landCents) / 100)}`));
    expect(Math.abs(Number(landCents) / 100 - (summe * 1000) / einwohner)).toBeLessThan(0.006);

    // Table rows of Stuttgart and the Landkreis Heilbronn (a name two Kreise share).
    for (const ags of ["08111", "08125", "08437"]) {
      const r = exp.find((x) => x["kreis_ags"] === ags)!;
      const row = page.locator("[data-tabelle] table tbody tr", { has: page.locator(`a[href="./kreise/${ags}"]`) });
      const cells = (await row.locator("td").allTextContents()).map(norm);
      // Columns: [select], rank, Kreis, type, amount, inhabitants, € per 1.000, refugees, € per refugee.
      expect(cells.slice(2)).toEqual(
        [
          displayName(r),
          String(r["kreis_typ"]),
          fmtEuro(Number(r["betrag"])),
          fmtNumber(Number(r["einwohner"])),
          fmtEuro(Number(r["je_einwohner"])),
          fmtNumber(Number(r["personen"])),
          fmtEuro(Number(r["je_gefluechtete"])),
        ].map(norm),
      );
      // Rank: 1 + the Kreise with a higher value (equal values share a rank).
      expect(cells[1]).toBe(String(1 + exp.filter((x) => Number(x["je_einwohner"]) > Number(r["je_einwohner"])).length));
    }
    await page.screenshot({ path: `${SCREENSHOTS}/mittel_permalink.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("relates to refugees with the count of the last year in the range", async () => {
    const { page, errors } = await open("?mass=bewilligt&bezug=gefluechtete&von=2022&bis=2023&fb=alle");
    const exp = await expected("bewilligt", 2022, 2023, null);
    const stichtage = await sql("SELECT DISTINCT strftime(max(stichtag), '%d.%m.%Y') AS t FROM eingang.gefluechtete_au WHERE stichtag <= DATE '2023-12-31' GROUP BY kreis_ags");
    expect(stichtage).toEqual([{ t: "15.09.2023" }]);
    expect(norm(await page.locator("[data-tabelle]").textContent())).toContain("hier 15.09.2023");
    const order = exp.slice().sort((a, b) => Number(b["je_gefluechtete"]) - Number(a["je_gefluechtete"]));
    expect(await barOrder(page)).toEqual(order.map(displayName));
    const top = order[0]!;
    const row = page.locator("[data-tabelle] table tbody tr", { has: page.locator(`a[href="./kreise/${top["kreis_ags"]}"]`) });
    const cells = (await row.locator("td").allTextContents()).map(norm);
    expect(cells[1]).toBe("1");
    expect(cells[8]).toBe(norm(fmtEuro(Number(top["je_gefluechtete"]))));
    // Weighted Land value: Σ bewilligt ÷ Σ refugees.
    const land = exp.reduce((s, r) => s + Number(r["betrag"]), 0) / exp.reduce((s, r) => s + Number(r["personen"]), 0);
    const rule = norm(await page.locator("[data-rangfolge] figure svg").last().locator("text", { hasText: "Landeswert" }).textContent());
    expect(rule).toBe(norm(`Landeswert: ${fmtEuro(land)}`));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens the Kreis profile from a Kreis polygon, a small Stadtkreis, a tile and a bar", async () => {
    const { page, errors } = await open();
    // The real map (default): Ravensburg's polygon, then Baden-Baden (a Stadtkreis of 140 km², a few pixels: its dot).
    const polygon = page.locator('[data-karte] figure svg a[*|href="./kreise/08436"] path');
    await expect.poll(() => polygon.count()).toBe(1);
    await polygon.click();
    await page.waitForURL(/\/kreise\/08436$/);
    await page.goBack();
    await settled(page);
    const dot = page.locator('[data-karte] figure svg .pik-stadtkreis-punkt a[*|href="./kreise/08211"]');
    expect(await dot.count()).toBe(1);
    await dot.click();
    await page.waitForURL(/\/kreise\/08211$/);
    await page.goBack();
    await settled(page);
    // The attribution the licence asks for stands next to the map, linked to the BKG.
    const vermerk = page.locator("[data-karte] [data-geo-quelle] a");
    expect(norm(await vermerk.textContent())).toBe("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    expect(await vermerk.getAttribute("href")).toBe("https://www.bkg.bund.de");
    // The tile view, one click away, in the URL.
    await page.getByRole("radio", { name: "Kacheln" }).check();
    await expect.poll(() => param(page, "ansicht")).toBe("kacheln");
    const tile = page.locator('[data-karte] figure svg a[*|href="./kreise/08111"]');
    await expect.poll(() => tile.count()).toBe(1);
    await tile.click();
    await page.waitForURL(/\/kreise\/08111$/);
    expect(new URL(page.url()).pathname).toBe("/kreise/08111");
    await page.goBack();
    await settled(page);
    expect(param(page, "ansicht")).toBe("kacheln");
    const bar = page.locator('[data-rangfolge] figure svg a[*|href="./kreise/08436"]');
    await bar.click();
    await page.waitForURL(/\/kreise\/08436$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
