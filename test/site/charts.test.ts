/**
 * Issue 5, "each chart has an accessible name and a one-sentence summary (what
 * it shows, the extremes), and its data table", on every page of the build:
 *  - every chart (a Plot SVG in the content) has a non-empty aria-label, sits in
 *    a `.pik-figure` with its data table (`details.pik-table`), and its card
 *    holds a non-empty `.pik-summary`;
 *  - on a Kreis profile, the summaries name the extremes of what the charts
 *    draw, as this test computes them itself from the warehouse (read-only,
 *    own SQL) and formats them in German independently of the site.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readBuildInfo, warehouseFromEnv } from "../../loaders/warehouse/build.ts";
import { SITE_OUT } from "./global-setup.ts";
import { htmlPages, openPage, useSite } from "./harness.ts";

const site = useSite({ warehouse: true });
const { query } = site;
const PAGES = htmlPages(SITE_OUT);

interface ChartAudit {
  label: string;
  inFigure: boolean;
  table: boolean;
  summary: string;
}

/** Every chart of the settled page: its name, whether it has its table, and the summary of its card. */
async function auditCharts(page: Page): Promise<ChartAudit[]> {
  // Data tables are built when their disclosure opens: open them all first.
  await page.evaluate(() => document.querySelectorAll("details.pik-table").forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.waitForFunction(() => [...document.querySelectorAll("details.pik-table")].every((d) => d.querySelector("table")));
  return page.evaluate(() =>
    [...document.querySelectorAll("#observablehq-main svg")]
      // Charts, not icons or colour legends (Plot's "-ramp" SVGs are labelled by their visible title).
      .filter((s) => !s.parentElement?.closest("svg") && s.getAttribute("aria-hidden") !== "true")
      .filter((s) => !/-ramp$/.test(s.getAttribute("class") ?? "") && s.getBoundingClientRect().width > 100)
      // The profile's locator map is an image of one fact (where the Kreis lies), named by its aria-label; it draws no figures.
      .filter((s) => !s.hasAttribute("data-lagekarte"))
      .map((s) => {
        const figure = s.closest(".pik-figure");
        const card = figure?.closest(".card") ?? figure?.parentElement ?? null;
        const summaries = [...(card?.querySelectorAll(".pik-summary") ?? [])].map((p) => (p.textContent ?? "").trim()).filter(Boolean);
        return {
          label: (s.getAttribute("aria-label") ?? "").trim(),
          inFigure: !!figure,
          table: !!figure?.querySelector("details.pik-table table"),
          summary: summaries.join(" "),
        };
      }),
  );
}

describe("every chart on every page", () => {
  it("has an accessible name, a summary in its card and its data table", async () => {
    expect(PAGES.filter((p) => p.startsWith("/kreise/"))).toHaveLength(44);
    const { page, errors } = await openPage(site.browser);
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    for (const path of PAGES) {
      await site.visit(page, path);
      const charts = await auditCharts(page);
      counts[path] = charts.length;
      charts.forEach((c, i) => {
        const name = `${path}: Diagramm ${i + 1}${c.label ? ` „${c.label}“` : ""}`;
        if (!c.label) problems.push(`${name} ohne Namen (aria-label)`);
        if (!c.inFigure) problems.push(`${name} nicht in .pik-figure`);
        else if (!c.table) problems.push(`${name} ohne Datentabelle`);
        if (!c.summary) problems.push(`${name} ohne Zusammenfassung (.pik-summary)`);
      });
    }
    // The audit saw the charts it must see (so it cannot pass on an empty selection):
    // Mittel: map and ranking; Haushalt: amounts, quotas, payment curve;
    // every profile: ranking, money per year, per 1.000 inhabitants, VZÄ, refugees per VZÄ.
    expect(counts["/mittel"]).toBe(2);
    expect(counts["/haushalt"]).toBe(3);
    for (const path of PAGES.filter((p) => p.startsWith("/kreise/"))) expect(counts[path], path).toBe(5);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});

// German formats, written here independently of the site's format modules.
const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const euro = (x: unknown) => ws(new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Number(x)));
const vzae = (x: unknown) => new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 }).format(Number(x));
const dec1 = (x: unknown) => new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x));
const germanDate = (iso: unknown) => String(iso).slice(0, 10).split("-").reverse().join(".");

/** The latest complete year before the Stand (the profile's "Stichjahr"). */
function stichjahr(): number {
  const stand = readBuildInfo(warehouseFromEnv())?.stand;
  if (!stand) throw new Error("no Stand in the build info");
  const [y, m, d] = stand.split("-").map(Number) as [number, number, number];
  return m === 12 && d === 31 ? y : y - 1;
}

/** Highest and lowest row of a query ordered by its value `v` (ties: the earlier `k`). */
async function extremes(sql: string): Promise<{ max: Record<string, unknown>; min: Record<string, unknown> }> {
  const [max] = await query(`${sql} ORDER BY v DESC, k LIMIT 1`);
  const [min] = await query(`${sql} ORDER BY v ASC, k LIMIT 1`);
  if (!max || !min) throw new Error(`no rows: ${sql}`);
  return { max, min };
}

describe.each([
  ["Stadtkreis", "08111"],
  ["Landkreis", "08436"],
])("Kreis profile of a %s (%s): the summaries name the extremes", (_typ, ags) => {
  const summaryOf = async (page: Page, title: string) =>
    ws((await page.locator(".card", { has: page.locator("h2", { hasText: title }) }).locator(".pik-summary").textContent()) ?? "");

  it("money per year, per 1.000 inhabitants, VZÄ and refugees per VZÄ", async () => {
    const jahr = stichjahr();
    // Complete years only; every year with money anywhere in the Land counts (0 where the Kreis has none).
    const jahre = `SELECT DISTINCT jahr FROM main.mittel_kreis_jahr WHERE jahr <= ${jahr}`;
    const proJahr = `SELECT j.jahr AS k, coalesce(sum(m.bewilligt_eur), 0) AS v, k.einwohner
      FROM (${jahre}) AS j CROSS JOIN main.kreise AS k
      LEFT JOIN main.mittel_kreis_jahr AS m ON m.kreis_ags = k.kreis_ags AND m.jahr = j.jahr
      WHERE k.kreis_ags = '${ags}' GROUP BY j.jahr, k.einwohner`;
    const mittel = await extremes(`SELECT k, CAST(v AS VARCHAR) AS v_text, v FROM (${proJahr})`);
    const jeEw = await extremes(`SELECT k, round(v * 1000 / einwohner, 2) AS v FROM (${proJahr})`);
    const besetzt = await extremes(`SELECT stichtag AS k, vzae_besetzt AS v FROM main.abdeckung_kreis WHERE kreis_ags = '${ags}' AND vzae_besetzt IS NOT NULL`);
    const betreuung = await extremes(
      `SELECT stichtag AS k, gefluechtete_je_vzae AS v FROM main.abdeckung_kreis WHERE kreis_ags = '${ags}' AND gefluechtete_je_vzae IS NOT NULL`,
    );

    const { page, errors } = await site.open(`/kreise/${ags}`);
    expect(await summaryOf(page, "Mittel je Jahr und Förderbereich")).toContain(
      `am höchsten ${mittel.max["k"]} mit ${euro(mittel.max["v_text"])}, am niedrigsten ${mittel.min["k"]} mit ${euro(mittel.min["v_text"])}`,
    );
    expect(await summaryOf(page, "Mittel je 1.000 Einwohner")).toContain(
      `am höchsten ${jeEw.max["k"]} mit ${euro(jeEw.max["v"])}, am niedrigsten ${jeEw.min["k"]} mit ${euro(jeEw.min["v"])}`,
    );
    expect(await summaryOf(page, "Stellen im Integrationsmanagement")).toContain(
      `am ${germanDate(besetzt.max["k"])} (${vzae(besetzt.max["v"])}), die wenigsten am ${germanDate(besetzt.min["k"])} (${vzae(besetzt.min["v"])})`,
    );
    expect(await summaryOf(page, "Geflüchtete je besetzter VZÄ")).toContain(
      `der höchste Wert war ${dec1(betreuung.max["v"])} am ${germanDate(betreuung.max["k"])}, der niedrigste ${dec1(betreuung.min["v"])} am ${germanDate(betreuung.min["k"])}`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
