/**
 * Page /haushalt (Haushaltsvollzug) in the browser: the Förderbereich control
 * and the unit toggle change the charts and the URL, a permalink restores the
 * view, and the table rows and the comparison sentence equal what this test
 * queries itself from the warehouse (read-only, independent SQL over the
 * published tables haushalt_jahr and zahlungen_monat).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const ROUTE = "/haushalt";

const site = useSite({ warehouse: true });
const { query, one } = site;

// German formats, written here independently of the site's format.js.
const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const euro = (x: unknown) =>
  x == null ? "–" : ws(new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Number(x)));
const pct = (x: unknown) =>
  x == null ? "–" : ws(new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x)));
const MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

const open = (search = ""): Promise<Watched> => site.open(ROUTE + search);

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const selectedLabel = (page: Page) =>
  page.getByLabel("Förderbereich", { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");

/** The visible table's row for a year: [Jahr, Ansatz, Bewilligt, Ausgezahlt, Zurückgefordert, Bindungsquote, Abflussquote]. */
async function tableRow(page: Page, jahr: number): Promise<string[]> {
  const rows = await page.locator("#haushalt-tabelle table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
  );
  const row = rows.map((r) => r.slice(1).map((c) => c.replace(/[\s\u00a0\u202f]+/g, " ").trim())).find((r) => r[0] === String(jahr));
  return row?.slice(0, 7) ?? [];
}

/** The expected row, from haushalt_jahr (one Förderbereich) or summed here over all of them. */
async function expected(bereich: string | null, jahr: number): Promise<string[]> {
  const r = await one(
    bereich
      ? `SELECT * FROM main.haushalt_jahr WHERE foerderbereich = '${bereich}' AND jahr = ${jahr}`
      : `SELECT sum(ansatz_eur) AS ansatz_eur, sum(bewilligt_eur) AS bewilligt_eur, sum(ausgezahlt_eur) AS ausgezahlt_eur,
           sum(rueckforderung_eur) AS rueckforderung_eur,
           round(sum(bewilligt_eur) / sum(ansatz_eur), 4) AS bindungsquote,
           round(sum(ausgezahlt_eur) / sum(ansatz_eur), 4) AS abflussquote
         FROM main.haushalt_jahr WHERE jahr = ${jahr}`,
  );
  return [String(jahr), euro(r.ansatz_eur), euro(r.bewilligt_eur), euro(r.ausgezahlt_eur), euro(r.rueckforderung_eur), pct(r.bindungsquote), pct(r.abflussquote)];
}

const h2 = (page: Page, card: string) => page.locator(`${card} h2`).first().textContent();
const ariaOf = (page: Page, card: string) => page.locator(`${card} svg[aria-label]`).first().getAttribute("aria-label");
const yTicks = (page: Page, card: string) => page.locator(`${card} svg g[aria-label="y-axis tick label"] text`).allTextContents();

describe("/haushalt", () => {
  it("opens with all Förderbereiche; the table rows are the sums of haushalt_jahr", async () => {
    const { page, errors, external } = await open();
    expect(ws(await selectedLabel(page))).toBe("Alle Förderbereiche");
    expect(param(page, "bereich")).toBeNull();
    for (const jahr of [2018, 2022]) expect(await tableRow(page, jahr)).toEqual(await expected(null, jahr));
    await page.screenshot({ path: `${SCREENSHOTS}/haushalt-default.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the Förderbereich control changes charts, table and URL", async () => {
    const { page, errors } = await open();
    const ticksBefore = await yTicks(page, "#haushalt-kurven");
    await page.getByLabel("Förderbereich", { exact: true }).selectOption({ label: "Integrationsmanagement" });
    await expect.poll(() => param(page, "bereich")).toBe("integrationsmanagement");
    await expect.poll(() => h2(page, "#haushalt-betraege")).toContain("Integrationsmanagement");
    expect(await ariaOf(page, "#haushalt-kurven")).toContain("Integrationsmanagement");
    expect(await yTicks(page, "#haushalt-kurven")).not.toEqual(ticksBefore);
    for (const jahr of [2019, 2024]) expect(await tableRow(page, jahr)).toEqual(await expected("integrationsmanagement", jahr));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the unit toggle switches the curves to % of the appropriation and writes the URL", async () => {
    const { page, errors } = await open("?bereich=schule_beruf");
    expect((await yTicks(page, "#haushalt-kurven")).some((t) => t.includes("€"))).toBe(true);
    await page.getByLabel("in % des Ansatzes").check();
    await expect.poll(() => param(page, "einheit")).toBe("prozent");
    await expect.poll(async () => (await yTicks(page, "#haushalt-kurven")).every((t) => t.endsWith("%"))).toBe(true);
    expect(param(page, "bereich")).toBe("schule_beruf");
    await page.getByLabel("in Euro").check();
    await expect.poll(() => param(page, "einheit")).toBe("eur");
    await expect.poll(async () => (await yTicks(page, "#haushalt-kurven")).some((t) => t.includes("€"))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a permalink restores Förderbereich and unit; the comparison equals zahlungen_monat", async () => {
    const { page, errors } = await open("?bereich=spracherwerb&einheit=prozent");
    expect(ws(await selectedLabel(page))).toBe("Spracherwerb");
    expect(await page.getByLabel("in % des Ansatzes").isChecked()).toBe(true);
    expect((await yTicks(page, "#haushalt-kurven")).every((t) => t.endsWith("%"))).toBe(true);
    for (const jahr of [2017, 2023]) expect(await tableRow(page, jahr)).toEqual(await expected("spracherwerb", jahr));
    // The latest year, highlighted and compared with the same month of the years before.
    const last = await one(`SELECT jahr, monat, kumuliert_eur FROM main.zahlungen_monat WHERE foerderbereich = 'spracherwerb'
      ORDER BY jahr DESC, monat DESC LIMIT 1`);
    const before = await one(`SELECT count(*) AS n, min(kumuliert_eur) AS lo, max(kumuliert_eur) AS hi
      FROM main.zahlungen_monat WHERE foerderbereich = 'spracherwerb' AND monat = ${last.monat} AND jahr < ${last.jahr}`);
    const text = ws((await page.locator("#haushalt-vergleich").textContent()) ?? "");
    const monat = MONATE[Number(last.monat) - 1];
    expect(text).toContain(`Bis Ende ${monat} ${last.jahr} wurden ${euro(last.kumuliert_eur)} ausgezahlt.`);
    expect(text).toContain(`In den ${before.n} Vorjahren`);
    expect(text).toContain(`zwischen ${euro(before.lo)} und ${euro(before.hi)}`);
    const bold = await page.locator('#haushalt-kurven svg [font-weight="bold"]').allTextContents();
    expect(bold.join(" ")).toContain(String(last.jahr));
    await page.screenshot({ path: `${SCREENSHOTS}/haushalt-permalink.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a measure that ended or began later says so, with the years of ref.foerderbereiche", async () => {
    const stand = await one("SELECT max(jahr) AS j FROM main.zahlungen_monat");
    const beendet = await one(`SELECT foerderbereich, name, bis_jahr FROM ref.foerderbereiche WHERE bis_jahr < ${stand.j}
      AND foerderbereich IN (SELECT foerderbereich FROM main.haushalt_jahr) ORDER BY reihenfolge LIMIT 1`);
    const neu = await one(`SELECT foerderbereich, name, ab_jahr FROM ref.foerderbereiche WHERE ab_jahr >= 2025
      AND foerderbereich IN (SELECT foerderbereich FROM main.haushalt_jahr) ORDER BY reihenfolge LIMIT 1`);
    const summary = async (bereich: unknown) => {
      const { page, errors } = await open(`?bereich=${bereich}`);
      const text = ws((await page.locator("#haushalt-betraege .pik-summary").textContent()) ?? "");
      expect(errors).toEqual([]);
      await page.context().close();
      return text;
    };
    expect(await summary(beendet.foerderbereich)).toContain(`${beendet.name} lief nach der Liste der Förderbereiche bis ${beendet.bis_jahr};`);
    expect(await summary(neu.foerderbereich)).toContain(`${neu.name} läuft seit ${neu.ab_jahr}:`);
    const im = await summary("integrationsmanagement");
    expect(im).not.toContain("lief nach der Liste");
    expect(im).not.toContain("läuft seit");
  });
});
