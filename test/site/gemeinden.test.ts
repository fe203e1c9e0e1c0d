/**
 * Page „Mittel je Gemeinde“ (/gemeinden) in the built site: a click on a real
 * Gemeinde polygon opens its panel and puts it into the URL; the panel shows the
 * values this test computes with its own SQL from the warehouse (read-only); a
 * Gemeinde without a grant reads „keine Zuwendung“; the BKG attribution stands
 * under the map; no console error, no request to another host, no staff name.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readBuildInfo, warehouseFromEnv } from "../../loaders/warehouse/build.ts";
import { SCREENSHOTS, useSite } from "./harness.ts";

const site = useSite({ warehouse: true });
const { query, one } = site;

/** German formats, written here independently of the site's format modules. */
const ws = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const euro = (x: unknown) => ws(new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Number(x)));
const zahl = (x: unknown) => new Intl.NumberFormat("de-DE").format(Number(x));
const germanDate = (iso: unknown) => String(iso).slice(0, 10).split("-").reverse().join(".");

/** The page's default year: the latest complete year before the Stand. */
function jahrVoll(): number {
  const stand = readBuildInfo(warehouseFromEnv())?.stand;
  if (!stand) throw new Error("no Stand in the build info");
  const [y, m, d] = stand.split("-").map(Number) as [number, number, number];
  return m === 12 && d === 31 ? y : y - 1;
}

/** Clicks a point inside the Gemeinde's polygon that is not covered by another one (as a user would). */
async function clickGemeinde(page: Page, ags: string): Promise<void> {
  const point = await page.evaluate((a) => {
    const href = (x: Element) => x.getAttribute("href") ?? x.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? "";
    const link = [...document.querySelectorAll("[data-karte] svg a")].find((x) => href(x).endsWith(`gemeinde=${a}`));
    const path = link?.querySelector("path") as SVGPathElement | null;
    if (!link || !path) return null;
    path.scrollIntoView({ block: "center" });
    const box = path.getBBox();
    const ctm = path.getScreenCTM();
    if (!ctm) return null;
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) {
        const p = new DOMPoint(box.x + (box.width * i) / 20, box.y + (box.height * j) / 20);
        if (!path.isPointInFill(p)) continue;
        const s = p.matrixTransform(ctm);
        if (document.elementFromPoint(s.x, s.y)?.closest("a") === link) return { x: s.x, y: s.y };
      }
    return null;
  }, ags);
  expect(point, `no clickable point in ${ags}`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describe("/gemeinden", () => {
  it("opens a Gemeinde by a click on the map and shows the warehouse's values", async () => {
    const jahr = jahrVoll();
    // The Gemeinde with the most money granted in the default year (all Förderbereiche), ties by AGS.
    const g = await one(`
      SELECT m.gemeinde_ags, r.gemeinde_name, m.kreis_ags, k.kreis_name,
        sum(m.bewilligt_eur) AS b, sum(m.ausgezahlt_eur) AS a, sum(m.rueckforderung_eur) AS r
      FROM main.mittel_gemeinde_jahr m
      JOIN ref.gemeinden r USING (gemeinde_ags)
      JOIN main.kreise k ON k.kreis_ags = m.kreis_ags
      WHERE m.jahr = ${jahr}
      GROUP BY ALL ORDER BY b DESC, m.gemeinde_ags LIMIT 1`);
    const ags = String(g["gemeinde_ags"]);
    // VZÄ at the latest Stichtag of the staffing reports (granted IM grants), own SQL.
    const stichtag = String((await one(`
      SELECT max(s.stichtag) AS t FROM eingang.stellen s
      JOIN eingang.bewilligungen b ON b.aktenzeichen = s.aktenzeichen AND b.status = 'bewilligt' AND b.foerderbereich = 'integrationsmanagement'`))["t"]);
    const vzae = await one(`
      SELECT
        (SELECT sum(vzae_bewilligt) FROM eingang.bewilligungen WHERE empfaenger_ags = '${ags}' AND status = 'bewilligt'
           AND foerderbereich = 'integrationsmanagement' AND DATE '${stichtag}' BETWEEN beginn AND ende) AS bew,
        (SELECT sum(s.vzae) FILTER (WHERE s.besetzt) FROM eingang.stellen s JOIN eingang.bewilligungen b USING (aktenzeichen)
           WHERE b.empfaenger_ags = '${ags}' AND b.status = 'bewilligt' AND s.stichtag = DATE '${stichtag}') AS bes`);
    const grants = (await query(`SELECT aktenzeichen FROM eingang.bewilligungen WHERE empfaenger_ags = '${ags}' AND status = 'bewilligt' ORDER BY aktenzeichen`)).map((r) => String(r["aktenzeichen"]));
    const eins = await one(`SELECT aktenzeichen, bewilligt_eur, ausgezahlt_eur, beginn, ende FROM main.zuwendungen WHERE empfaenger_ags = '${ags}' ORDER BY bewilligt_eur DESC, aktenzeichen LIMIT 1`);
    const kreisSelbst = await one(`
      SELECT coalesce(sum(j.bewilligt_eur), 0) AS s FROM main.bewilligt_jahr j JOIN main.zuwendungen z USING (aktenzeichen)
      WHERE z.empfaenger_ags = '${g["kreis_ags"]}' AND j.jahr = ${jahr}`);

    const { page, errors, external } = await site.open("/gemeinden");
    const responses: string[] = [];
    page.on("response", async (r) => {
      if (r.url().includes("/_file/data/")) responses.push(await r.text().catch(() => ""));
    });
    await page.locator("[data-karte] figure svg a").first().waitFor({ state: "attached" });
    // The attribution the licence asks for, linked, next to the map.
    const vermerk = page.locator('[data-karte] [data-geo-quelle] a[href="https://www.bkg.bund.de"]');
    await expect.poll(() => vermerk.isVisible()).toBe(true);
    expect(ws(await vermerk.textContent())).toBe("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    // Without the input table gemeinden: only absolute figures, and the page says why.
    expect(ws(await page.locator("[data-ohne-einwohner]").textContent())).toContain("Tabelle gemeinden");
    expect(await page.locator("[data-panel-name]").count()).toBe(0);

    await clickGemeinde(page, ags);
    const panel = page.locator("[data-panel]");
    await expect.poll(() => panel.locator("[data-panel-name]").textContent()).toBe(String(g["gemeinde_name"]));
    expect(new URL(page.url()).searchParams.get("gemeinde")).toBe(ags);
    const kennzahl = async (k: string) => ws(await panel.locator(`[data-kennzahl="${k}"] strong`).textContent());
    expect(await kennzahl("bewilligt")).toBe(euro(g["b"]));
    expect(await kennzahl("ausgezahlt")).toBe(euro(g["a"]));
    expect(await kennzahl("rueckforderung")).toBe(euro(g["r"]));
    expect(await kennzahl("vzae_bewilligt")).toBe(vzae["bew"] == null ? "keine Zuwendung" : zahl(vzae["bew"]));
    expect(await kennzahl("vzae_besetzt")).toBe(vzae["bes"] == null ? (vzae["bew"] == null ? "keine Zuwendung" : "keine Meldung") : zahl(vzae["bes"]));
    // Its grants with Aktenzeichen, period, amount and paid.
    await expect.poll(() => panel.locator("[data-zuwendungen] tbody tr").count()).toBe(grants.length);
    expect((await panel.locator("[data-zuwendungen] tbody tr").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-aktenzeichen")))).sort()).toEqual(grants);
    const zeile = ws(await panel.locator(`[data-zuwendungen] tr[data-aktenzeichen="${eins["aktenzeichen"]}"]`).textContent());
    for (const teil of [`${germanDate(eins["beginn"])}–${germanDate(eins["ende"])}`, euro(eins["bewilligt_eur"]), euro(eins["ausgezahlt_eur"])]) expect(zeile).toContain(teil);
    // Its Kreis, linked to the profile, and the grants to the Kreis itself, not spread over the Gemeinden.
    expect(await panel.locator("[data-kreis-link]").getAttribute("href")).toMatch(new RegExp(`kreise/${g["kreis_ags"]}$`));
    const satz = ws(await panel.locator("[data-kreis-selbst]").textContent());
    expect(satz).toContain(String(g["kreis_name"]));
    if (Number(kreisSelbst["s"]) !== 0) expect(satz).toContain(euro(kreisSelbst["s"]));
    await page.screenshot({ path: `${SCREENSHOTS}/gemeinden-panel.png`, fullPage: true });

    // The same view from the copied link, with another measure.
    await site.visit(page, `/gemeinden?gemeinde=${ags}&mass=ausgezahlt`);
    expect(await page.getByRole("radio", { name: "Ausgezahlt (netto)" }).isChecked()).toBe(true);
    await expect.poll(() => page.locator("[data-panel-name]").textContent()).toBe(String(g["gemeinde_name"]));

    // Staff names never reach the page or its data (the sample data's placeholder surnames).
    const html = await page.content();
    for (const name of ["Platzhalter", "Musterfrau", "Mustermann"]) {
      expect(html).not.toContain(name);
      for (const body of responses) expect(body).not.toContain(name);
    }
    expect(responses.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("shows „keine Zuwendung“ for a Gemeinde without a grant, not 0", async () => {
    const jahr = jahrVoll();
    const g = await one(`
      SELECT r.gemeinde_ags, r.gemeinde_name FROM ref.gemeinden r
      WHERE r.gemeinde_ags NOT IN (SELECT gemeinde_ags FROM main.mittel_gemeinde_jahr WHERE jahr = ${jahr})
        AND r.gemeinde_ags NOT IN (SELECT empfaenger_ags FROM main.zuwendungen)
      ORDER BY r.gemeinde_ags LIMIT 1`);
    const { page, errors, external } = await site.open(`/gemeinden?gemeinde=${g["gemeinde_ags"]}`);
    const panel = page.locator("[data-panel]");
    await expect.poll(() => panel.locator("[data-panel-name]").textContent()).toBe(String(g["gemeinde_name"]));
    for (const k of ["bewilligt", "ausgezahlt", "rueckforderung", "vzae_bewilligt"])
      expect(ws(await panel.locator(`[data-kennzahl="${k}"] strong`).textContent()), k).toBe("keine Zuwendung");
    expect(ws(await panel.textContent())).toContain("Die Gemeinde hat keine bewilligte Zuwendung.");
    // In the map's accessible name of its area, too.
    // Plot writes SVG links as xlink:href: any namespace.
    const label = await page.locator(`[data-karte] svg a[*|href$="gemeinde=${g["gemeinde_ags"]}"]`).first().evaluate((a) => a.querySelector("[aria-label]")?.getAttribute("aria-label") ?? a.getAttribute("aria-label"));
    expect(label).toBe(`${g["gemeinde_name"]}: keine Zuwendung`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
