/**
 * Page /integrationsmanagement (Abdeckung) in the browser: every control
 * changes the chart and the URL, a permalink restores the view, a tile opens
 * the Kreis profile, and the numbers shown equal what this test queries itself
 * from the warehouse (read-only, independent SQL over the published tables and
 * the accepted input rows).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, settled, useSite, type Watched } from "./harness.ts";

const ROUTE = "/integrationsmanagement";

const site = useSite({ warehouse: true });
const { query, one } = site;

// German formats, written here independently of the site's format.js.
const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const vzae = (x: unknown) => new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 }).format(Number(x));
const int = (x: unknown) => new Intl.NumberFormat("de-DE").format(Number(x));
const dec1 = (x: unknown) => new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x));
const pct = (x: unknown) =>
  ws(new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x)));
const dateDe = (iso: string) => iso.split("-").reverse().join(".");

const open = (search = ""): Promise<Watched> => site.open(ROUTE + search);

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const selectedLabel = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
const ariaOf = (page: Page, card: string) => page.locator(`${card} svg[aria-label]:not(.pik-ramp)`).first().getAttribute("aria-label");
/** The y-axis labels of the first chart in a card, top to bottom. */
const yLabels = (page: Page, card: string) =>
  page.locator(`${card} svg g[aria-label="y-axis tick label"] text`).allTextContents();
/** The Kreis panel as {key: [Kreis, Land]}. */
const panel = (page: Page) =>
  page.locator("#abdeckung-kreis tr[data-key]").evaluateAll((trs) =>
    Object.fromEntries(trs.map((tr) => [tr.getAttribute("data-key"), [...tr.querySelectorAll("td")].slice(1).map((td) => td.textContent ?? "")])),
  );
const kpi = (page: Page) => page.locator("#abdeckung-kennzahlen .big").allTextContents();

/** Land sums at a stichtag, computed here from abdeckung_kreis. */
async function landAt(stichtag: string) {
  return one(`SELECT sum(vzae_bewilligt) AS bewilligt, sum(vzae_besetzt) AS besetzt, sum(gefluechtete_au) AS au,
      sum(gefluechtete_au) FILTER (WHERE gefluechtete_je_vzae IS NOT NULL)
        / sum(vzae_besetzt) FILTER (WHERE gefluechtete_je_vzae IS NOT NULL) AS je_vzae
    FROM main.abdeckung_kreis WHERE stichtag = DATE '${stichtag}'`);
}

describe("/integrationsmanagement", () => {
  it("opens at the latest stichtag with the Land's sums", async () => {
    const { page, errors, external } = await open();
    const { latest } = await one("SELECT CAST(max(stichtag) AS VARCHAR) AS latest FROM main.abdeckung_kreis");
    expect(ws(await selectedLabel(page, "Stichtag"))).toBe(dateDe(String(latest)));
    const land = await landAt(String(latest));
    expect((await kpi(page)).map(ws)).toEqual([vzae(land.bewilligt), vzae(land.besetzt), int(land.au), dec1(land.je_vzae)]);
    await page.screenshot({ path: `${SCREENSHOTS}/integrationsmanagement-default.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the stichtag control changes the charts, the figures and the URL", async () => {
    const { page, errors } = await open();
    const before = await ariaOf(page, "#abdeckung-vzae");
    await page.getByLabel("Stichtag", { exact: true }).selectOption({ label: "31.12.2022" });
    await expect.poll(() => param(page, "stichtag")).toBe("2022-12-31");
    await expect.poll(() => ariaOf(page, "#abdeckung-vzae")).toContain("31.12.2022");
    expect(await ariaOf(page, "#abdeckung-vzae")).not.toBe(before);
    expect(await ariaOf(page, "#abdeckung-karte")).toContain("31.12.2022");
    const land = await landAt("2022-12-31");
    await expect.poll(async () => (await kpi(page)).map(ws)).toEqual([vzae(land.bewilligt), vzae(land.besetzt), int(land.au), dec1(land.je_vzae)]);
    // The mix: the Land's shares of filled VZÄ by employer, computed here from the accepted staffing reports.
    const mix = await query(`SELECT s.anstellungstraeger AS a, sum(s.vzae) / sum(sum(s.vzae)) OVER () AS anteil
      FROM eingang.stellen s JOIN main.zuwendungen z USING (aktenzeichen)
      WHERE s.besetzt AND z.foerderbereich = 'integrationsmanagement' AND s.stichtag = DATE '2022-12-31'
      GROUP BY 1`);
    const names: Record<string, string> = { gemeinde: "Gemeinde", landkreis: "Landkreis", freier_traeger: "Freier Träger" };
    const text = ws((await page.locator("#abdeckung-mix-anstellungstraeger .pik-summary").textContent()) ?? "");
    expect(mix).toHaveLength(3);
    for (const m of mix) expect(text).toContain(`${names[String(m.a)]} ${pct(Math.round(Number(m.anteil) * 1e4) / 1e4)}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the Kreis control adds the Kreis panel and its line, and writes the URL", async () => {
    const { page, errors } = await open();
    expect(await page.locator("#abdeckung-kreis").count()).toBe(0);
    await page.getByLabel("Kreis", { exact: true }).selectOption({ label: "Stuttgart" });
    await expect.poll(() => param(page, "kreis")).toBe("08111");
    await expect.poll(() => page.locator("#abdeckung-verlauf svg text", { hasText: "Stuttgart" }).count()).toBeGreaterThan(0);
    const { latest } = await one("SELECT CAST(max(stichtag) AS VARCHAR) AS latest FROM main.abdeckung_kreis");
    const k = await one(`SELECT * FROM main.abdeckung_kreis WHERE kreis_ags = '08111' AND stichtag = DATE '${latest}'`);
    const p = await panel(page);
    expect(ws(p.vzae_bewilligt?.[0] ?? "")).toBe(vzae(k.vzae_bewilligt));
    expect(ws(p.vzae_besetzt?.[0] ?? "")).toBe(vzae(k.vzae_besetzt));
    expect(ws(p.gefluechtete_au?.[0] ?? "")).toBe(int(k.gefluechtete_au));
    expect(ws(p.gefluechtete_je_vzae?.[0] ?? "")).toBe(dec1(k.gefluechtete_je_vzae));
    expect(ws(p.besetzungsquote?.[0] ?? "")).toBe(pct(Math.round((Number(k.vzae_besetzt) / Number(k.vzae_bewilligt)) * 1e4) / 1e4));
    // Back to no Kreis: the parameter leaves the URL.
    await page.getByLabel("Kreis", { exact: true }).selectOption({ index: 0 });
    await expect.poll(() => param(page, "kreis")).toBeNull();
    await expect.poll(() => page.locator("#abdeckung-kreis").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the sort control reorders the bars and writes the URL", async () => {
    const { page, errors } = await open();
    const { latest } = await one("SELECT CAST(max(stichtag) AS VARCHAR) AS latest FROM main.abdeckung_kreis");
    // Default: the highest share filled on top.
    const top = await one(`SELECT k.kreis_name FROM main.abdeckung_kreis a JOIN main.kreise k USING (kreis_ags)
      WHERE stichtag = DATE '${latest}' AND vzae_bewilligt > 0
      ORDER BY vzae_besetzt / vzae_bewilligt DESC, k.kreis_name LIMIT 1`);
    expect((await yLabels(page, "#abdeckung-vzae"))[0]).toContain(String(top.kreis_name));
    await page.getByLabel("nach Name").check();
    await expect.poll(() => param(page, "sort")).toBe("name");
    const names = (await query("SELECT kreis_name FROM main.kreise")).map((r) => String(r.kreis_name)).sort((a, b) => a.localeCompare(b, "de"));
    await expect.poll(async () => (await yLabels(page, "#abdeckung-vzae"))[0]).toContain(names[0]!);
    await page.getByLabel("nach VZÄ bewilligt").check();
    await expect.poll(() => param(page, "sort")).toBe("bewilligt");
    const most = await one(`SELECT k.kreis_name FROM main.abdeckung_kreis a JOIN main.kreise k USING (kreis_ags)
      WHERE stichtag = DATE '${latest}' ORDER BY vzae_bewilligt DESC LIMIT 1`);
    await expect.poll(async () => (await yLabels(page, "#abdeckung-vzae"))[0]).toContain(String(most.kreis_name));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a permalink restores stichtag, Kreis and sort order", async () => {
    const { page, errors } = await open("?stichtag=2019-12-31&kreis=08212&sort=bewilligt");
    expect(ws(await selectedLabel(page, "Stichtag"))).toBe("31.12.2019");
    expect(ws(await selectedLabel(page, "Kreis"))).toBe("Karlsruhe (Stadtkreis)");
    expect(await page.getByLabel("nach VZÄ bewilligt").isChecked()).toBe(true);
    const k = await one("SELECT * FROM main.abdeckung_kreis WHERE kreis_ags = '08212' AND stichtag = DATE '2019-12-31'");
    const p = await panel(page);
    expect(ws(p.vzae_bewilligt?.[0] ?? "")).toBe(vzae(k.vzae_bewilligt));
    expect(ws(p.vzae_besetzt?.[0] ?? "")).toBe(vzae(k.vzae_besetzt));
    expect(ws(p.stellen_besetzt?.[0] ?? "")).toBe(int(k.stellen_besetzt));
    expect(ws(p.gefluechtete_je_vzae?.[0] ?? "")).toBe(dec1(k.gefluechtete_je_vzae));
    const land = await landAt("2019-12-31");
    expect(ws(p.vzae_bewilligt?.[1] ?? "")).toBe(vzae(land.bewilligt));
    expect(ws(p.gefluechtete_je_vzae?.[1] ?? "")).toBe(dec1(land.je_vzae));
    const most = await one(`SELECT k.kreis_ags, k.kreis_name FROM main.abdeckung_kreis a JOIN main.kreise k USING (kreis_ags)
      WHERE stichtag = DATE '2019-12-31' ORDER BY vzae_bewilligt DESC LIMIT 1`);
    expect((await yLabels(page, "#abdeckung-vzae"))[0]).toContain(String(most.kreis_name));
    expect(await ariaOf(page, "#abdeckung-rang")).toContain("31.12.2019");
    await page.screenshot({ path: `${SCREENSHOTS}/integrationsmanagement-permalink.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a click on a tile opens that Kreis's profile", async () => {
    const { page, errors } = await open();
    // Plot writes SVG links as xlink:href.
    const tile = page.locator('#abdeckung-karte a[*|href$="kreise/08436"]');
    expect(await tile.count()).toBe(1);
    expect(errors).toEqual([]);
    await Promise.all([page.waitForURL(/\/kreise\/08436$/), tile.click()]);
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/kreise/08436");
    // The profile page belongs to another page's tests; here only: it is that Kreis's page.
    expect(await page.locator("h1").first().textContent()).toMatch(/Ravensburg|08436/);
    await page.context().close();
  });
  it("draws the real Kreise with the BKG attribution; a small Stadtkreis opens from its dot", async () => {
    const { page, errors } = await open();
    const vermerk = page.locator("#abdeckung-karte [data-geo-quelle] a");
    expect((await vermerk.textContent())?.trim()).toBe("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    expect(await vermerk.getAttribute("href")).toBe("https://www.bkg.bund.de");
    const dot = page.locator('#abdeckung-karte .pik-stadtkreis-punkt a[*|href$="kreise/08221"]');
    expect(await dot.count()).toBe(1);
    await Promise.all([page.waitForURL(/\/kreise\/08221$/), dot.click()]);
    await settled(page);
    expect(await page.locator("h1").first().textContent()).toMatch(/Heidelberg/);
    // The profile shows where the Kreis lies, with the attribution under the locator map.
    expect((await page.locator(".pik-profil-lage figcaption a").textContent())?.trim()).toBe("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    expect(await page.locator(".pik-profil-lage svg").getAttribute("aria-label")).toBe("Lage von Heidelberg in Baden-Württemberg");
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it("keeps groups of 1–2 persons secret in the mix: summary and table read „.“/„geheim gehalten“", async () => {
    // Groups of 1–2 filled positions by employer at the latest stichtag, from the accepted staffing reports.
    const small = await query(`WITH t AS (SELECT max(stichtag) AS st FROM main.abdeckung_kreis)
      SELECT z.kreis_ags AS ags, s.anstellungstraeger AS a, count(*) AS n
      FROM eingang.stellen s JOIN main.zuwendungen z USING (aktenzeichen), t
      WHERE s.besetzt AND z.foerderbereich = 'integrationsmanagement' AND s.stichtag = t.st
      GROUP BY ALL HAVING count(*) < 3 ORDER BY ags, a`);
    // The sample data has such groups (otherwise the fixture tests in test/queries carry the proof alone).
    expect(small.length).toBeGreaterThan(0);
    const ags = String(small[0]!.ags);
    const klein = small.filter((d) => d.ags === ags).map((d) => String(d.a));
    const names: Record<string, string> = { gemeinde: "Gemeinde", landkreis: "Landkreis", freier_traeger: "Freier Träger" };
    const { page, errors } = await open(`?kreis=${ags}`);
    const card = page.locator("#abdeckung-mix-anstellungstraeger");
    const summary = ws((await card.locator(".pik-summary").textContent()) ?? "");
    for (const a of klein) expect(summary).toMatch(new RegExp(`: [^.]*${names[a]} geheim gehalten`));
    expect(ws((await card.locator(".pik-geheim").textContent()) ?? "")).toContain("weniger als 3 Personen");
    // The table one click away: the Kreis's row shows „.“ in those columns (scroll until the row is rendered).
    await card.locator("details summary").click();
    const label = await page.getByLabel("Kreis", { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
    const table = card.locator("details form");
    const row = table.locator("tbody tr", { has: page.locator("td", { hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) }) });
    for (let i = 0; i < 10 && (await row.count()) === 0; i++) {
      await table.evaluate((el) => el.scrollBy(0, 10_000));
      await page.waitForTimeout(100);
    }
    const heads = (await table.locator("thead th").allTextContents()).map((t) => ws(t.replace(/\u00ad/g, "")));
    const cells = (await row.locator("td").allTextContents()).map(ws);
    for (const a of klein) expect(cells[heads.indexOf(names[a]!)], a).toBe(".");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
