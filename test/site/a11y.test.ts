/**
 * Accessibility (BITV 2.0 / WCAG 2.1 AA) of every built page:
 *  - axe-core with the WCAG 2.0/2.1 A and AA rules finds no violation on any
 *    page, with every "Tabelle" disclosure opened so the data tables are
 *    checked too. The site has one (light) theme; it is checked with the
 *    browser in light and in dark mode (prefers-color-scheme), which must not
 *    change the result.
 *  - <html lang="de">, a viewport that allows zooming;
 *  - a skip link is the first Tab stop and moves focus to the content;
 *  - every tile of the Kreis map is a link reachable with Tab, shows a visible
 *    focus indicator, and Enter opens that Kreis's profile;
 *  - every chart (Plot SVG) has an accessible name, and every control has a label.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SITE_OUT } from "./global-setup.ts";
import { htmlPages, openPage, settled, useSite } from "./harness.ts";

const AXE = "node_modules/axe-core/axe.min.js";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const site = useSite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

interface AxeResult {
  violations: Violation[];
  /** Rules that passed and that need a human check ("incomplete"), for the per-page record. */
  passes: number;
  incomplete: number;
}

/** Runs axe (WCAG 2.0/2.1 A+AA) on the settled page with all table disclosures open. */
async function axe(page: Page): Promise<AxeResult> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  // Data tables are built on first opening: wait until every one is there.
  await page.waitForFunction(() => [...document.querySelectorAll("details.pik-table")].every((d) => d.querySelector("table")), undefined, { timeout: 120_000 });
  await page.waitForTimeout(100);
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (values) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[]; passes: unknown[]; incomplete: unknown[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] });
    const violations = r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({
        target: (n as unknown as { target: string[] }).target,
        summary: ((n as unknown as { failureSummary?: string }).failureSummary ?? "").slice(0, 300),
      })),
    }));
    return { violations, passes: r.passes.length, incomplete: r.incomplete.length };
  }, TAGS);
}

const PAGES = htmlPages(SITE_OUT);

describe("axe-core WCAG 2.1 AA", () => {
  it("the build has the pages to check", () => {
    expect(PAGES).toContain("/");
    expect(PAGES).toContain("/barrierefreiheit");
    expect(PAGES.filter((p) => p.startsWith("/kreise/")).length).toBe(44);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`no violation on any page (${scheme})`, async () => {
      const { page } = await openPage(site.browser);
      await page.emulateMedia({ colorScheme: scheme });
      const report: Record<string, Violation[]> = {};
      const record: Record<string, { verstoesse: number; bestanden: number; pruefen: number }> = {};
      // Dark mode: the main pages and two profiles (the theme is the same for all profiles).
      const pages = scheme === "light" ? PAGES : PAGES.filter((p) => !p.startsWith("/kreise/") || ["/kreise/08111", "/kreise/08436"].includes(p));
      for (const path of pages) {
        await site.visit(page, path);
        const r = await axe(page);
        record[path] = { verstoesse: r.violations.length, bestanden: r.passes, pruefen: r.incomplete };
        if (r.violations.length) report[path] = r.violations;
      }
      // The per-page record (rules violated / passed / left for a human check), and the full report for whoever fixes a failure.
      mkdirSync(".cache", { recursive: true });
      writeFileSync(`.cache/a11y-${scheme}-summary.json`, JSON.stringify(record, null, 1));
      if (Object.keys(report).length) writeFileSync(`.cache/a11y-${scheme}.json`, JSON.stringify(report, null, 1));
      await page.context().close();
      expect(report).toEqual({});
    }, 600_000);
  }
});

describe("document basics", () => {
  it("every page: lang=de, zoomable viewport, a title, an h1, named charts and labelled controls", async () => {
    const { page } = await openPage(site.browser);
    const problems: string[] = [];
    for (const path of PAGES) {
      await site.visit(page, path);
      const r = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute("content") ?? "",
        title: document.title,
        h1: document.querySelectorAll("#observablehq-main h1").length,
        unnamedCharts: [...document.querySelectorAll("#observablehq-main svg")]
          // Colour legends (Plot's "-ramp" SVGs) are labelled by their visible title, not charts.
          .filter((s) => s.getAttribute("aria-hidden") !== "true" && !/-ramp$/.test(s.getAttribute("class") ?? "") && s.getBoundingClientRect().width > 100)
          .filter((s) => !s.getAttribute("aria-label") && !s.getAttribute("aria-labelledby") && !s.closest("figure")?.querySelector("figcaption")).length,
        charts: [...document.querySelectorAll("#observablehq-main svg")].filter((s) => s.getBoundingClientRect().width > 100).length,
      }));
      if (r.lang !== "de") problems.push(`${path}: lang=${r.lang}`);
      if (/maximum-scale|user-scalable\s*=\s*no/i.test(r.viewport)) problems.push(`${path}: viewport ${r.viewport}`);
      if (!r.title) problems.push(`${path}: kein Titel`);
      if (r.h1 !== 1) problems.push(`${path}: ${r.h1} h1`);
      if (r.unnamedCharts) problems.push(`${path}: ${r.unnamedCharts} Diagramme ohne Namen`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }, 300_000);
});

/** The focused element's outline / box-shadow: what makes the focus visible. */
async function focusStyle(page: Page): Promise<{ tag: string; text: string; href: string | null; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | SVGElement | null;
    if (!el || el === document.body) return { tag: "body", text: "", href: null, visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle === "auto" || (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2);
    const shadow = s.boxShadow !== "none" && s.boxShadow !== "";
    // A linked SVG mark (map tile): the frame is the stroke of the shape inside the link.
    const shape = el.tagName.toLowerCase() === "a" && el instanceof SVGElement ? el.firstElementChild : null;
    const cs = shape ? getComputedStyle(shape) : null;
    const stroke = !!cs && cs.stroke !== "none" && parseFloat(cs.strokeWidth) >= 2;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 80),
      // Plot writes SVG links as xlink:href.
      href: el.getAttribute("href") ?? el.getAttributeNS("http://www.w3.org/1999/xlink", "href"),
      visible: (outline || shadow || stroke) && r.width > 0 && r.height > 0,
    };
  });
}

describe("keyboard", () => {
  it("the first Tab stop is a visible skip link that moves focus to the content", async () => {
    for (const path of ["/", "/mittel", "/kreise/08111", "/barrierefreiheit"]) {
      const { page } = await site.open(path);
      await page.keyboard.press("Tab");
      const f = await focusStyle(page);
      expect(f.text, path).toBe("Zum Inhalt springen");
      expect(f.visible, `${path}: sichtbarer Fokus auf dem Sprunglink`).toBe(true);
      const box = await page.locator(".pik-skip").boundingBox();
      expect(box && box.y >= 0 && box.height > 10).toBe(true);
      await page.keyboard.press("Enter");
      const inMain = await page.evaluate(() => !!document.activeElement?.closest("#observablehq-main"));
      expect(inMain, `${path}: Fokus im Inhalt`).toBe(true);
      // The next Tab stop is inside the content, not back in the sidebar.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("#observablehq-main")), path).toBe(true);
      await page.context().close();
    }
  }, 120_000);

  for (const path of ["/mittel", "/integrationsmanagement"]) {
    it(`${path}: every map tile is reachable with Tab, shows focus, Enter opens the profile`, async () => {
      const { page } = await site.open(path);
      // Distinct Kreis links among the SVG links (a page may show more than one map).
      const tiles = await page.evaluate(
        () => new Set([...document.querySelectorAll('svg a[*|href*="kreise/"]')].map((a) => a.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? a.getAttribute("href"))).size,
      );
      expect(tiles).toBe(44);
      // Tab from the skip link through the page; collect the tile links reached.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const reached = new Set<string>();
      let invisible = 0;
      for (let i = 0; i < 400 && reached.size < 44; i++) {
        await page.keyboard.press("Tab");
        const f = await focusStyle(page);
        if (f.tag === "a" && f.href?.includes("kreise/") && (await page.evaluate(() => !!document.activeElement?.closest("svg")))) {
          reached.add(f.href);
          if (!f.visible) invisible++;
        }
      }
      expect(reached.size).toBe(44);
      expect(invisible, "Kacheln ohne sichtbaren Fokus").toBe(0);
      // Enter on the focused (last reached) tile opens its profile.
      const href = await page.evaluate(() => {
        const a = document.activeElement;
        return a?.getAttribute("href") ?? a?.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? "";
      });
      const ags = /kreise\/(\d{5})/.exec(href)?.[1];
      expect(ags).toBeDefined();
      await Promise.all([page.waitForURL(new RegExp(`/kreise/${ags}`)), page.keyboard.press("Enter")]);
      await settled(page);
      expect(await page.locator("h1").first().textContent()).toBeTruthy();
      await page.context().close();
    }, 180_000);
  }

  it("every control (input, select, button, summary) is keyboard-focusable and shows a visible focus", async () => {
    const problems: string[] = [];
    for (const path of PAGES.filter((p) => !p.startsWith("/kreise/") || p === "/kreise/08111")) {
      const { page } = await site.open(path);
      const n = await page.locator("#observablehq-main :is(input, select, button, summary, textarea)").count();
      for (let i = 0; i < n; i++) {
        const c = page.locator("#observablehq-main :is(input, select, button, summary, textarea)").nth(i);
        if (!(await c.isVisible())) continue;
        // Focus by keyboard semantics: the control must be in the tab order.
        const tabIndex = await c.evaluate((el) => (el as HTMLElement).tabIndex);
        if (tabIndex < 0) {
          problems.push(`${path}: ${await c.evaluate((el) => el.outerHTML.slice(0, 80))} nicht per Tab erreichbar`);
          continue;
        }
        await c.focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        const f = await focusStyle(page);
        const same = await c.evaluate((el) => el === document.activeElement);
        if (same && !f.visible) problems.push(`${path}: ${f.tag} „${f.text}“ ohne sichtbaren Fokus`);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
