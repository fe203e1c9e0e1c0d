/**
 * The Kreisprofil pages (/kreise/AGS) in the built site:
 * - all 44 pages and the 44 extracted profile files exist;
 * - a page loads only its own Kreis's file (not the archive, not another Kreis);
 * - for a Stadtkreis and a Landkreis, the numbers shown equal what this test
 *   computes itself from the published tables (warehouse opened read-only,
 *   own SQL; ranks among the peers computed here in JS from those rows);
 * - the controls live in the URL;
 * - the A4 print: no sidebar and no controls, the full grant list, a PDF.
 * Screenshots (screen and print) and the PDFs go to test/screenshots.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readBuildInfo, warehouseFromEnv } from "../../loaders/warehouse/build.ts";
import { TILES } from "../../src/components/tiles.js";
import { SITE_OUT } from "./global-setup.ts";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const STADTKREIS = "08111"; // Stuttgart
const LANDKREIS = "08436"; // Ravensburg
const ALL_AGS = (TILES as { ags: string }[]).map((t) => t.ags).sort();

const site = useSite({ warehouse: true });
const { query } = site;

// German formats, written here independently of the site's format modules.
const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const nf = (o: Intl.NumberFormatOptions) => {
  const f = new Intl.NumberFormat("de-DE", o);
  return (x: unknown) => (x == null ? "–" : ws(f.format(Number(x))));
};
const euro = nf({ style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const pct = nf({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const vzae = nf({ maximumFractionDigits: 2 });
const oneDecimal = nf({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = nf({});
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Rank 1 = highest; equal values share a rank. */
const rankOf = (value: number, values: number[]) => 1 + values.filter((v) => v > value).length;

interface Expected {
  name: string;
  typ: string;
  peers: number;
  stichjahr: number;
  stichtag: string;
  bewilligt: number;
  ausgezahlt: number;
  landBewilligt: number;
  rangBewilligt: number;
  rangBewilligtLand: number;
  jeEw: number;
  landJeEw: number;
  rangJeEw: number;
  vzaeBewilligt: number;
  vzaeBesetzt: number;
  anteil: number;
  jeVzae: number;
  rangJeVzae: number;
  zuwendungen: number;
  summeBewilligt: number;
  summeAusgezahlt: number;
}

/** What the profile of `ags` must show, from the published tables and this test's own arithmetic. */
async function expected(ags: string): Promise<Expected> {
  const stand = readBuildInfo(warehouseFromEnv())?.stand;
  if (!stand) throw new Error("no Stand in the build info");
  const [y, m, d] = stand.split("-").map(Number) as [number, number, number];
  const stichjahr = m === 12 && d === 31 ? y : y - 1;

  // Per Kreis: money of the Stichjahr (sum over Förderbereiche), type and population.
  const kreise = await query(`
    SELECT k.kreis_ags, k.kreis_name, k.kreis_typ, k.einwohner,
      CAST(coalesce(sum(m.bewilligt_eur), 0) AS VARCHAR) AS bewilligt,
      CAST(coalesce(sum(m.ausgezahlt_eur), 0) AS VARCHAR) AS ausgezahlt
    FROM main.kreise AS k
    LEFT JOIN main.mittel_kreis_jahr AS m ON m.kreis_ags = k.kreis_ags AND m.jahr = ${stichjahr}
    GROUP BY ALL ORDER BY k.kreis_ags`);
  const self = kreise.find((k) => k["kreis_ags"] === ags)!;
  const typ = String(self["kreis_typ"]);
  const peers = kreise.filter((k) => k["kreis_typ"] === typ);
  const bew = (k: Record<string, unknown>) => Number(k["bewilligt"]);
  const jeEw = (k: Record<string, unknown>) => round2((bew(k) * 1000) / Number(k["einwohner"]));
  const landBewilligt = kreise.reduce((s, k) => s + bew(k), 0);
  const landEinwohner = kreise.reduce((s, k) => s + Number(k["einwohner"]), 0);

  // Coverage at the latest stichtag on or before the Stand.
  const abdeckung = await query(`
    SELECT a.*, k.kreis_typ FROM main.abdeckung_kreis AS a JOIN main.kreise AS k USING (kreis_ags)
    WHERE a.stichtag = (SELECT max(stichtag) FROM main.abdeckung_kreis WHERE stichtag <= DATE '${stand}')`);
  const a = abdeckung.find((r) => r["kreis_ags"] === ags)!;
  const peerJeVzae = abdeckung.filter((r) => r["kreis_typ"] === typ && r["gefluechtete_je_vzae"] != null).map((r) => Number(r["gefluechtete_je_vzae"]));

  const zuw = await query(`
    SELECT count(*)::INTEGER AS n, CAST(sum(bewilligt_eur) AS VARCHAR) AS b, CAST(sum(ausgezahlt_eur) AS VARCHAR) AS z
    FROM main.zuwendungen WHERE kreis_ags = '${ags}'`);

  return {
    name: String(self["kreis_name"]),
    typ,
    peers: peers.length,
    stichjahr,
    stichtag: String(a["stichtag"]),
    bewilligt: bew(self),
    ausgezahlt: Number(self["ausgezahlt"]),
    landBewilligt,
    rangBewilligt: rankOf(bew(self), peers.map(bew)),
    rangBewilligtLand: rankOf(bew(self), kreise.map(bew)),
    jeEw: jeEw(self),
    landJeEw: round2((landBewilligt * 1000) / landEinwohner),
    rangJeEw: rankOf(jeEw(self), peers.map(jeEw)),
    vzaeBewilligt: Number(a["vzae_bewilligt"]),
    vzaeBesetzt: Number(a["vzae_besetzt"]),
    anteil: Number(a["vzae_besetzt"]) / Number(a["vzae_bewilligt"]),
    jeVzae: Number(a["gefluechtete_je_vzae"]),
    rangJeVzae: rankOf(Number(a["gefluechtete_je_vzae"]), peerJeVzae),
    zuwendungen: Number(zuw[0]!["n"]),
    summeBewilligt: Number(zuw[0]!["b"]),
    summeAusgezahlt: Number(zuw[0]!["z"]),
  };
}

const dativ = (typ: string) => (typ === "Stadtkreis" ? "Stadtkreisen" : "Landkreisen");
const germanDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

async function open(ags: string, search = ""): Promise<Watched> {
  const w = await site.open(`/kreise/${ags}${search}`);
  await w.page.locator(".pik-kennzahlen").waitFor();
  return w;
}

const cell = async (page: Page, kennzahl: string, cls: string) =>
  ws((await page.locator(`.pik-kennzahlen tr[data-kennzahl="${kennzahl}"] .${cls}`).textContent()) ?? "");

describe("the build", () => {
  it("has all 44 Kreis pages and one extracted profile per Kreis", () => {
    expect(ALL_AGS).toHaveLength(44);
    for (const ags of ALL_AGS) expect(existsSync(join(SITE_OUT, "kreise", `${ags}.html`)), ags).toBe(true);
    expect(readdirSync(join(SITE_OUT, "kreise")).filter((f) => f.endsWith(".html"))).toHaveLength(44);
    const files = readdirSync(join(SITE_OUT, "_file", "data", "kreisprofile"));
    expect(files.map((f) => f.slice(0, 5)).sort()).toEqual(ALL_AGS);
    // The archive itself is not published: a page never downloads all 44 profiles.
    expect(existsSync(join(SITE_OUT, "_file", "data", "kreisprofile.zip"))).toBe(false);
  });
});

describe.each([
  ["Stadtkreis", STADTKREIS],
  ["Landkreis", LANDKREIS],
])("profile of a %s (%s)", (_typ, ags) => {
  it("loads cleanly and requests only its own Kreis's file", async () => {
    const { page, errors, external, requests } = await open(ags);
    const profiles = requests.filter((p) => p.includes("kreisprofile"));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatch(new RegExp(`/_file/data/kreisprofile/${ags}\\.[0-9a-f]+\\.json$`));
    await page.screenshot({ path: `${SCREENSHOTS}/kreisprofil_${ags}.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("shows the figures of the published tables, the Land values and the ranks", async () => {
    const e = await expected(ags);
    const { page } = await open(ags);
    expect(ws((await page.locator("h1").first().textContent()) ?? "")).toBe(e.name);
    expect(ws((await page.locator(".pik-profil-art").textContent()) ?? "")).toContain(e.typ);
    await expect.poll(() => page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    expect(await page.title()).toContain(e.name);

    // Money of the latest complete year.
    expect(ws((await page.locator(".pik-kennzahlen").textContent()) ?? "")).toContain(`Mittel im Jahr ${e.stichjahr}`);
    expect(await cell(page, "bewilligt_eur", "pik-kz-wert")).toBe(euro(e.bewilligt));
    expect(await cell(page, "ausgezahlt_eur", "pik-kz-wert")).toBe(euro(e.ausgezahlt));
    expect(await cell(page, "bewilligt_eur", "pik-kz-land")).toContain(euro(e.landBewilligt));
    expect(await cell(page, "bewilligt_eur", "pik-kz-rang")).toBe(`Rang ${e.rangBewilligt} von ${e.peers} ${dativ(e.typ)}`);
    expect(await cell(page, "bewilligt_eur", "pik-kz-rang-land")).toBe(`Rang ${e.rangBewilligtLand} von 44 Kreisen`);
    expect(await cell(page, "bewilligt_je_1000_ew", "pik-kz-wert")).toBe(euro(e.jeEw));
    expect(await cell(page, "bewilligt_je_1000_ew", "pik-kz-land")).toContain(euro(e.landJeEw));
    expect(await cell(page, "bewilligt_je_1000_ew", "pik-kz-rang")).toBe(`Rang ${e.rangJeEw} von ${e.peers} ${dativ(e.typ)}`);

    // Coverage at the latest stichtag.
    expect(ws((await page.locator(".pik-kennzahlen").textContent()) ?? "")).toContain(`am Stichtag ${germanDate(e.stichtag)}`);
    expect(await cell(page, "vzae_bewilligt", "pik-kz-wert")).toBe(vzae(e.vzaeBewilligt));
    expect(await cell(page, "vzae_besetzt", "pik-kz-wert")).toBe(vzae(e.vzaeBesetzt));
    expect(await cell(page, "anteil_besetzt", "pik-kz-wert")).toBe(pct(e.anteil));
    expect(await cell(page, "gefluechtete_je_vzae", "pik-kz-wert")).toBe(oneDecimal(e.jeVzae));
    expect(await cell(page, "gefluechtete_je_vzae", "pik-kz-rang")).toBe(`Rang ${e.rangJeVzae} von ${e.peers} ${dativ(e.typ)}`);

    // Recipients: the Kreis total and one row per grant (the full list, as printed).
    const summe = page.locator(".pik-empfaenger tfoot td");
    expect(ws((await summe.nth(1).textContent()) ?? "")).toBe(int(e.zuwendungen));
    expect(ws((await summe.nth(3).textContent()) ?? "")).toBe(euro(e.summeBewilligt));
    expect(ws((await summe.nth(4).textContent()) ?? "")).toBe(euro(e.summeAusgezahlt));
    expect(await page.locator(".pik-zuwendungen-druck tbody tr").count()).toBe(e.zuwendungen);
    await page.context().close();
  });

  it("prints as an A4 brief: no sidebar, no controls, the full grant list", async () => {
    const e = await expected(ags);
    const { page, errors } = await open(ags);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator("form").evaluateAll((fs) => fs.filter((f) => (f as HTMLElement).offsetParent !== null).length)).toBe(0);
    expect(await page.locator(".pik-zuwendungen-druck").isVisible()).toBe(true);
    expect(await page.locator(".pik-synthetic").isVisible()).toBe(true);
    // Every chart fits the page width.
    const widths = await page.locator(".card svg").evaluateAll((s) => s.map((x) => x.getBoundingClientRect().right));
    const right = await page.locator("#observablehq-main").evaluate((m) => m.getBoundingClientRect().right);
    for (const w of widths) expect(w).toBeLessThanOrEqual(right + 1);
    await page.screenshot({ path: `${SCREENSHOTS}/kreisprofil_${ags}_druck.png`, fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(`${SCREENSHOTS}/kreisprofil_${ags}.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A brief of a few pages, not one page per row and not a cut-off single page.
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(5 + Math.ceil(e.zuwendungen / 25));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("controls in the URL", () => {
  it("a link reopens the chosen Kennzahl and amount; a change is written back", async () => {
    const { page } = await open(LANDKREIS, "?kennzahl=anteil_besetzt&betrag=ausgezahlt_eur");
    const select = page.locator(".pik-rang-karte select");
    expect(await select.inputValue()).not.toBe("");
    expect(ws((await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "")))).toBe("Besetzungsquote");
    expect(ws((await page.locator(".pik-rang-karte h3").textContent()) ?? "")).toContain("Besetzungsquote");
    expect(await page.getByRole("radio", { name: "Ausgezahlt (netto)" }).isChecked()).toBe(true);
    expect(ws((await page.locator(".card h3", { hasText: "je Kalenderjahr, gestapelt" }).textContent()) ?? "")).toContain("Ausgezahlt (netto)");

    await select.selectOption({ label: "VZÄ besetzt" });
    await expect.poll(() => new URL(page.url()).searchParams.get("kennzahl")).toBe("vzae_besetzt");
    await page.getByRole("radio", { name: "Bewilligt (anteilig)" }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("betrag")).toBe("bewilligt_eur");
    await page.context().close();
  });

  it("ignores an unknown value in the URL", async () => {
    const { page, errors } = await open(STADTKREIS, "?kennzahl=gibtsnicht&betrag=x");
    expect(ws((await page.locator(".pik-rang-karte h3").textContent()) ?? "")).toContain("Bewilligt (anteilig) je 1.000 Einwohner");
    expect(await page.getByRole("radio", { name: "Bewilligt (anteilig)" }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
