/**
 * Page weight and interaction latency, measured in Chromium (the one of
 * @sparticuz/chromium, resolving no host but 127.0.0.1) against the built site
 * served with gzip.
 */
import type { Browser } from "playwright-core";
import { launch, settled } from "../test/site/harness.ts";
import { serve } from "../test/site/serve.ts";
import { median, percentile, sumTransfers, type Transfer } from "./stats.ts";

export interface PageWeight {
  path: string;
  bytes: number;
  requests: number;
  byType: Record<string, number>;
}

/** Bytes each page transfers on first load with an empty cache (CDP encodedDataLength: headers + compressed body). */
export async function measureWeights(siteDir: string, paths: readonly string[]): Promise<PageWeight[]> {
  const site = await serve(siteDir, { gzip: true });
  const browser = await launch();
  try {
    const out: PageWeight[] = [];
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const urls = new Map<string, string>();
      const transfers: Transfer[] = [];
      cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
      cdp.on("Network.loadingFinished", (e) => {
        const url = urls.get(e.requestId);
        if (url && !url.startsWith("data:")) transfers.push({ url, encodedBytes: e.encodedDataLength });
      });
      const response = await page.goto(site.url + path);
      if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
      await settled(page);
      await page.waitForTimeout(300);
      const sum = sumTransfers(transfers);
      out.push({ path, bytes: sum.total, requests: sum.requests, byType: sum.byType });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    await site.close();
  }
}

export interface Interaction {
  page: string;
  control: string;
  changes: number;
  cpuThrottling: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

interface Scenario {
  path: string;
  /** Label of the Inputs.select that is changed. */
  label: string;
  /**
   * Chart containers. Each holds one or more elements with a `data-gezeichnet`
   * counter (components/live.js), which the page bumps after it applied the new
   * selection to that chart (drawn anew or updated in place: values, fills,
   * labels, legend, tooltips, aria-labels, data table).
   */
  charts: string[];
}

export const SCENARIOS: Scenario[] = [
  { path: "/mittel", label: "Förderbereich", charts: ["[data-karte]", "[data-rangfolge]"] },
  { path: "/haushalt", label: "Förderbereich", charts: ["#haushalt-betraege", "#haushalt-quoten", "#haushalt-kurven"] },
];

// Runs in the page; a string because tsx's transform would add helpers the page lacks.
const CHANGE_AND_WAIT = `({label, charts}) => {
  const form = [...document.querySelectorAll("form")].find((f) => f.querySelector("label")?.textContent?.trim() === label);
  const select = form?.querySelector("select");
  if (!select) throw new Error("no select labelled " + label);
  const counters = () => charts.map((c) => [...document.querySelectorAll(c + " [data-gezeichnet]")].map((e) => e.getAttribute("data-gezeichnet")));
  const old = counters();
  if (old.some((o) => o.length === 0)) throw new Error("no chart counter in " + charts);
  return new Promise((resolve, reject) => {
    const replaced = () => counters().every((now, k) => now.length === old[k].length && now.every((n, i) => n !== old[k][i]));
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error("chart not updated in 10 s")); }, 10000);
    const observer = new MutationObserver(() => {
      if (!replaced()) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-gezeichnet"]});
    const t0 = performance.now();
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    select.dispatchEvent(new Event("input", {bubbles: true}));
  });
}`;

/**
 * Time from a control change to the updated charts, painted: in the page,
 * the select gets its next option and an input event (what a user's choice
 * fires); the clock stops in the first frame after every chart in the
 * containers has applied the new selection (its `data-gezeichnet` counter
 * changed; requestAnimationFrame, then a task, so style, layout and paint of
 * that frame are included).
 */
async function interact(browser: Browser, base: string, s: Scenario, changes: number, rate: number): Promise<Interaction> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  try {
    await page.goto(base + s.path);
    await settled(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    const times: number[] = [];
    for (let i = 0; i < changes; i++) {
      const ms = (await page.evaluate(`(${CHANGE_AND_WAIT})(${JSON.stringify({ label: s.label, charts: s.charts })})`)) as number;
      times.push(ms);
      await page.waitForTimeout(100);
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      page: s.path,
      control: s.label,
      changes,
      cpuThrottling: rate,
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
    };
  } finally {
    await context.close();
  }
}

export async function measureInteractions(siteDir: string, changes = 50, rate = 4): Promise<Interaction[]> {
  const site = await serve(siteDir, { gzip: true });
  const browser = await launch();
  try {
    const out: Interaction[] = [];
    for (const s of SCENARIOS) out.push(await interact(browser, site.url, s, changes, rate));
    return out;
  } finally {
    await browser.close();
    await site.close();
  }
}

export interface LayoutShift {
  path: string;
  colorScheme: "light" | "dark";
  /** Sum of the layout-shift entries without recent input, load + 2 s (Chromium's CLS without session windows: an upper bound). */
  cls: number;
  /** The largest shifts: value and the nodes that moved (tag#id.class). */
  shifts: { value: number; sources: string[] }[];
}

// Runs in the page before its scripts: buffers every layout-shift entry with the nodes that moved.
const OBSERVE_SHIFTS = `(() => {
  const shifts = [];
  window.__pikShifts = shifts;
  const name = (n) => {
    if (!n || n.nodeType !== 1) return n ? n.nodeName : "?";
    const cls = typeof n.className === "string" && n.className ? "." + n.className.trim().split(/\\s+/).join(".") : "";
    return n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + cls;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push({value: e.value, sources: (e.sources || []).map((s) => name(s.node))});
  }).observe({type: "layout-shift", buffered: true});
})()`;

/** Cumulative layout shift of `page` at `url`: load, rendered cells, then 2 s more. */
export async function layoutShiftOf(page: import("playwright-core").Page, url: string): Promise<{ cls: number; shifts: { value: number; sources: string[] }[] }> {
  await page.addInitScript(OBSERVE_SHIFTS);
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  await page.waitForLoadState("load");
  await settled(page);
  await page.waitForTimeout(2000);
  const shifts = (await page.evaluate("window.__pikShifts")) as { value: number; sources: string[] }[];
  const cls = shifts.reduce((s, e) => s + e.value, 0);
  return { cls: Math.round(cls * 1000) / 1000, shifts: [...shifts].sort((a, b) => b.value - a.value).slice(0, 5) };
}

/** CLS of each page at 1280×900, in the light and the dark colour scheme. */
export async function measureLayoutShift(siteDir: string, paths: readonly string[]): Promise<LayoutShift[]> {
  const site = await serve(siteDir, { gzip: true });
  const browser = await launch();
  try {
    const out: LayoutShift[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      for (const path of paths) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE", colorScheme });
        const page = await context.newPage();
        const r = await layoutShiftOf(page, site.url + path);
        out.push({ path, colorScheme, ...r });
        await context.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    await site.close();
  }
}
