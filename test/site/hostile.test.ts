/**
 * Hostile input is rendered as text, never run: build the whole site from a
 * copy of the sample data whose recipient names (bewilligungen.xlsx,
 * empfänger_name) hold script tags, event handlers and quotes, open every page
 * in the browser (hovering every chart so the tooltips render) and assert that
 * no payload ran (`window.__pwned` stays undefined) and that the names appear
 * literally, as text, on the profile of the Kreis they belong to and in the
 * files the site publishes.
 */
import { buildSite } from "../helpers/site-build.ts";
import ExcelJS from "exceljs";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlPages, openPage, useSite } from "./harness.ts";

/** The Kreis whose recipients get the hostile names (Sigmaringen: several Gemeinden + Landratsamt). */
const KREIS = "08437";
export const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  `"'><svg onload=window.__pwned=1>`,
  `Gemeinde 'Ost' & "West" <b onmouseover="window.__pwned=1">\${window.__pwned=1}</b>`,
];

const work = mkdtempSync(join(tmpdir(), "pik-hostile-"));
const env = { PIK_DATA_DIR: join(work, "data"), PIK_WAREHOUSE: join(work, "pik.duckdb"), PIK_SITE_OUT: join(work, "site") };
/** Original name → payload, for the recipients of KREIS. */
const replaced = new Map<string, string>();

/** Rewrites the recipient names of one Kreis in bewilligungen.xlsx to the payloads (cycling). */
async function poisonNames(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  let agsCol = 0;
  let nameCol = 0;
  ws.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      const v = String(cell.value ?? "");
      if (v === "empfaenger_ags") agsCol = c;
      if (v === "empfänger_name" || v === "empfaenger_name") nameCol = c;
    });
    if (agsCol && nameCol) headerRow = n;
  });
  expect(headerRow, "Kopfzeile in bewilligungen.xlsx").toBeGreaterThan(0);
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const ags = String(row.getCell(agsCol).value ?? "");
    if (!ags.startsWith(KREIS)) return;
    const name = String(row.getCell(nameCol).value ?? "");
    if (!replaced.has(name)) replaced.set(name, PAYLOADS[replaced.size % PAYLOADS.length]!);
    row.getCell(nameCol).value = replaced.get(name)!;
  });
  expect(replaced.size).toBeGreaterThanOrEqual(PAYLOADS.length);
  await wb.xlsx.writeFile(file);
}

/** Moves the pointer over every chart (a grid of points) so that Plot draws its tooltips. */
async function hoverCharts(page: Page, steps = 3): Promise<number> {
  const svgs = page.locator("#observablehq-main svg");
  const n = await svgs.count();
  for (let i = 0; i < n; i++) {
    const box = await svgs.nth(i).boundingBox();
    if (!box || box.width < 20 || box.height < 20) continue;
    await svgs.nth(i).scrollIntoViewIfNeeded();
    const b = (await svgs.nth(i).boundingBox())!;
    for (let ix = 0; ix < steps; ix++)
      for (let iy = 0; iy < steps; iy++) await page.mouse.move(b.x + (b.width * (ix + 0.5)) / steps, b.y + (b.height * (iy + 0.5)) / steps);
  }
  return n;
}

beforeAll(async () => {
  cpSync("data", env.PIK_DATA_DIR, { recursive: true });
  await poisonNames(join(env.PIK_DATA_DIR, "bewilligungen.xlsx"));
  // Framework's loader cache (src/.observablehq/cache) is shared by every build of this checkout: one at a time.
  buildSite(env);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// Registered after the build above: its beforeAll runs once the site exists, its afterAll before the folder is removed.
const site = useSite({ root: env.PIK_SITE_OUT });

describe("hostile recipient names", () => {
  it("the payloads are live: parsed as HTML they do run (so the checks below can fail)", async () => {
    const { page } = await site.open("/");
    const ran = await page.evaluate((payloads) => {
      const w = window as unknown as { __pwned?: unknown };
      const hits: boolean[] = [];
      for (const p of payloads) {
        delete w.__pwned;
        const div = document.createElement("div");
        document.body.append(div);
        div.innerHTML = p;
        // <script> from innerHTML never runs; the same text through createContextualFragment does.
        if (p.startsWith("<script")) div.append(document.createRange().createContextualFragment(p));
        div.querySelector("b")?.dispatchEvent(new MouseEvent("mouseover"));
        hits.push(div.querySelectorAll("[onerror], [onload], [onmouseover], script").length > 0);
      }
      return hits;
    }, PAYLOADS);
    expect(ran).toEqual(PAYLOADS.map(() => true));
    // And at least the script payload has actually executed.
    await page.waitForFunction(() => (window as unknown as { __pwned?: unknown }).__pwned === 1, null, { timeout: 5_000 });
    await page.context().close();
  });

  it("no page runs them; every page opens without errors", async () => {
    const pages = htmlPages(env.PIK_SITE_OUT);
    expect(pages).toContain(`/kreise/${KREIS}`);
    expect(pages.length).toBeGreaterThanOrEqual(48);
    const { page, errors } = await openPage(site.browser);
    // A dialog (alert) would also be a sign of injected code.
    const dialogs: string[] = [];
    page.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
    for (const path of pages) {
      await site.visit(page, path);
      // Every chart is hovered (a 3×3 sweep) so its tooltips render; the profile gets a finer one below.
      await hoverCharts(page);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect(pwned, `window.__pwned auf ${path}`).toBeUndefined();
      // No element built from a payload: no <script> with it, no event-handler attributes anywhere in the content.
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll("#observablehq-main *")].filter((el) =>
          [...el.attributes].some((a) => /^on/i.test(a.name)),
        ).length,
      );
      expect(injected, `Elemente mit Event-Handlern auf ${path}`).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);

  it("the profile shows the names literally, as text, in its tables and tooltips", async () => {
    const { page, errors } = await site.open(`/kreise/${KREIS}`);
    // Open every "table" disclosure so all tables are rendered.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.waitForFunction(() => [...document.querySelectorAll("details.pik-table")].every((d) => d.querySelector("table")));
    await hoverCharts(page, 6);
    const text = await page.locator("#observablehq-main").innerText();
    for (const payload of PAYLOADS) expect(text, `Name „${payload}“ als Text`).toContain(payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("published files keep the names as data (JSON-escaped text), not markup", () => {
    const dir = join(env.PIK_SITE_OUT, "_file", "data", "kreisprofile");
    const file = readdirSync(dir).find((f) => f.startsWith(`${KREIS}.`) && f.endsWith(".json"));
    expect(file).toBeDefined();
    const profil = JSON.parse(readFileSync(join(dir, file!), "utf8")) as { zuwendungen: { empfaenger_name: string }[] };
    const names = new Set(profil.zuwendungen.map((z) => z.empfaenger_name));
    for (const payload of PAYLOADS) expect(names.has(payload)).toBe(true);
    // No built HTML page carries a payload in its markup (names only reach the DOM as text at run time).
    for (const path of htmlPages(env.PIK_SITE_OUT)) {
      const html = readFileSync(join(env.PIK_SITE_OUT, `${path === "/" ? "/index" : path}.html`), "utf8");
      expect(html).not.toContain("__pwned");
    }
  });
});
