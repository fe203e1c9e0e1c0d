/**
 * Page „Übersicht“ (/) in the built site: the big numbers equal values computed
 * here, independently, from the warehouse (read-only) in SQL, and the Kreise that
 * stand out are the right ones, linked to their profiles.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module of the site
import { formatDate, formatEuro, formatEuroCent, formatNumber, formatPercent } from "../../src/components/format.js";
import { SCREENSHOTS, useSite } from "./harness.ts";

type Fmt = (x: unknown) => string;
const fEuro = formatEuro as Fmt;
const fEuroCent = formatEuroCent as Fmt;
const fNumber = formatNumber as Fmt;
const fPercent = formatPercent as Fmt;
const fDate = formatDate as Fmt;
const norm = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const dec = (x: unknown, digits: number) =>
  new Intl.NumberFormat("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(x));

const WAREHOUSE = resolve(process.env.PIK_WAREHOUSE ?? "warehouse/pik.duckdb");

const site = useSite({ warehouse: true });
const { one, query: sql } = site;

/** The Stand of the data (sidecar of the warehouse) and the latest complete year before it. */
function standJahr(): { stand: string; jahr: number } {
  const stand = String(JSON.parse(readFileSync(`${WAREHOUSE}.json`, "utf8")).stand);
  const [y, m, d] = stand.split("-").map(Number) as [number, number, number];
  return { stand, jahr: m === 12 && d === 31 ? y : y - 1 };
}

const card = (page: Page, id: string) => page.locator(`[data-kennzahl="${id}"]`);
const text = async (page: Page, selector: string) => norm(await page.locator(selector).first().textContent());

describe("/ (Übersicht)", () => {
  it("shows the Land's money of the latest complete year as in the warehouse", async () => {
    const { page, errors, external } = await site.open("/");
    const { stand, jahr } = standJahr();
    expect(await text(page, ".pik-lead")).toContain(`für ${jahr}`);
    expect(await text(page, ".pik-lead")).toContain(fDate(stand));

    for (const k of ["ansatz_eur", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"]) {
      const r = await one(`SELECT sum(${k}) FILTER (WHERE jahr = ${jahr}) AS wert, sum(${k}) FILTER (WHERE jahr = ${jahr - 1}) AS vorjahr
                           FROM main.haushalt_jahr`);
      const c = card(page, k);
      expect(norm(await c.locator("h2").textContent())).toContain(String(jahr));
      // Exact amount in cents, and the previous year.
      expect(norm(await c.locator("[data-exakt]").textContent())).toBe(norm(fEuroCent(r["wert"])));
      expect(norm(await c.textContent())).toContain(norm(`${jahr - 1}: ${fEuro(r["vorjahr"])}`));
      // Change to the year before, absolute and relative.
      const diff = Number(r["wert"]) - Number(r["vorjahr"]);
      const abs = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(diff);
      expect(norm(await c.textContent())).toContain(norm(abs));
      if (Number(r["vorjahr"]) !== 0) {
        const rel = new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(diff / Number(r["vorjahr"]));
        expect(norm(await c.textContent())).toContain(norm(`(${rel})`));
      }
      // Every card says as of when and from where.
      expect(norm(await c.locator(".pik-source").textContent())).toMatch(new RegExp(`^Stand: ${fDate(stand).replaceAll(".", "\\.")} · Quelle: `));
    }
    // Funnel: the table behind the chart holds the same amounts.
    const ansatz = await one(`SELECT sum(ansatz_eur) AS a, sum(bewilligt_eur) AS b, sum(ausgezahlt_eur) AS z FROM main.haushalt_jahr WHERE jahr = ${jahr}`);
    await page.locator(".grid-colspan-2 details.pik-table summary").click();
    await page.locator(".grid-colspan-2 details.pik-table table").waitFor();
    const funnelText = norm(await page.locator(".grid-colspan-2 details.pik-table").textContent());
    for (const v of [ansatz["a"], ansatz["b"], ansatz["z"]]) expect(funnelText).toContain(norm(fEuroCent(v)));
    expect(norm(await page.locator(".grid-colspan-2 .pik-summary").textContent())).toContain(
      norm(fPercent(Number(ansatz["b"]) / Number(ansatz["a"]))),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/uebersicht.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("shows coverage and uptake as in the warehouse", async () => {
    const { page, errors } = await site.open("/");
    const { stand, jahr } = standJahr();
    const t = String((await one("SELECT max(stichtag) AS t FROM main.abdeckung_kreis"))["t"]);

    // Filled VZÄ: Σ over the Kreise with reports at the latest stichtag.
    const a = await one(`SELECT sum(vzae_besetzt) AS vzae,
        sum(gefluechtete_au) FILTER (WHERE vzae_besetzt IS NOT NULL) AS au,
        sum(vzae_besetzt) FILTER (WHERE gefluechtete_au IS NOT NULL) AS vzae_q
      FROM main.abdeckung_kreis WHERE stichtag = DATE '${t}'`);
    const vz = card(page, "vzae_besetzt");
    expect(norm(await vz.locator("h3").textContent())).toContain(fDate(t));
    expect(norm(await vz.locator("[data-wert]").textContent())).toBe(dec(a["vzae"], 2));
    const je = card(page, "gefluechtete_je_vzae");
    expect(norm(await je.locator("[data-wert]").textContent())).toBe(dec(Number(a["au"]) / Number(a["vzae_q"]), 1));

    // Recipients with a granted grant running in the year.
    const e = await one(`SELECT count(DISTINCT empfaenger_ags) AS n FROM main.zuwendungen
                         WHERE beginn <= DATE '${jahr}-12-31' AND ende >= DATE '${jahr}-01-01'`);
    expect(norm(await card(page, "empfaenger").locator("[data-wert]").textContent())).toBe(fNumber(e["n"]));
    // Kreise with an IM grant running at the latest stichtag.
    const im = await one(`SELECT count(DISTINCT kreis_ags) AS n FROM main.zuwendungen
                          WHERE foerderbereich = 'integrationsmanagement' AND DATE '${t}' BETWEEN beginn AND ende`);
    expect(norm(await card(page, "kreise_mit_im").locator("[data-wert]").textContent())).toBe(`${fNumber(im["n"])} von 44`);
    // Pending applications and processing times are internal-only (PIK_EDITION=intern, tested in
    // test/queries/pages-uebersicht-mittel.test.ts and test/site/edition.test.ts): the public build has no such card.
    expect(await card(page, "beantragt").count()).toBe(0);
    expect(await card(page, "median_tage").count()).toBe(0);
    expect(norm(await card(page, "empfaenger").locator(".pik-source").textContent())).toContain(fDate(stand));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists the Kreise that stand out, linked to their profiles", async () => {
    const { page, errors } = await site.open("/");
    const { jahr } = standJahr();
    const t = String((await one("SELECT max(stichtag) AS t FROM main.abdeckung_kreis"))["t"]);

    // Lowest coverage: most refugees per filled VZÄ (no filled VZÄ at all counts as worst).
    const low = await sql(`SELECT kreis_ags, gefluechtete_au, vzae_besetzt FROM main.abdeckung_kreis
      WHERE stichtag = DATE '${t}' AND vzae_besetzt IS NOT NULL AND gefluechtete_au > 0
      ORDER BY CASE WHEN vzae_besetzt = 0 THEN 'Infinity'::DOUBLE ELSE gefluechtete_au / vzae_besetzt END DESC LIMIT 5`);
    const lowRows = page.locator('[data-liste="abdeckung"] tbody tr');
    expect(await lowRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-ags")))).toEqual(low.map((r) => r["kreis_ags"]));
    const first = low[0]!;
    expect(norm(await lowRows.first().locator("[data-wert]").textContent())).toBe(
      Number(first["vzae_besetzt"]) === 0 ? "keine besetzte VZÄ" : dec(Number(first["gefluechtete_au"]) / Number(first["vzae_besetzt"]), 1),
    );

    // Slowest payout: lowest ausgezahlt ÷ bewilligt in the year, all Förderbereiche.
    const slow = await sql(`SELECT kreis_ags, sum(ausgezahlt_eur) / sum(bewilligt_eur) AS q FROM main.mittel_kreis_jahr
      WHERE jahr = ${jahr} GROUP BY kreis_ags HAVING sum(bewilligt_eur) > 0 ORDER BY q LIMIT 5`);
    const slowRows = page.locator('[data-liste="abfluss"] tbody tr');
    expect(await slowRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-ags")))).toEqual(slow.map((r) => r["kreis_ags"]));
    expect(norm(await slowRows.first().locator("[data-wert]").textContent())).toBe(norm(fPercent(slow[0]!["q"])));

    // The first Kreis of a list opens its profile.
    await slowRows.first().locator("a").click();
    await page.waitForURL(new RegExp(`/kreise/${slow[0]!["kreis_ags"]}$`));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
