/**
 * Per-chart downloads in the browser: every chart offers its data (CSV, XLSX)
 * and itself (SVG, PNG); a download started from the page equals what this test
 * queries itself from the warehouse (read-only, independent SQL over the
 * published tables), and the image files carry title, Stand and source.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSite, type Watched } from "./harness.ts";

const site = useSite({ warehouse: true });
const query = async (sql: string) => (await site.query(sql)) as Record<string, string | null>[];
const open = (route: string) => site.open(route);

/** Presses a download button of a figure; returns the file's name and bytes. */
async function download(w: Watched, figure: Locator, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([w.page.waitForEvent("download"), figure.locator(".pik-chart-dl button", { hasText: kind }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** A German CSV (BOM, `;`, CRLF) as rows of fields; fields here hold no quotes. */
function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n");
  expect(lines.pop()).toBe("");
  return lines.map((l) => l.split(";"));
}

const STAND = /^(\d{4})-(\d{2})-(\d{2})$/;

describe("/daten: the CSV's AGS caveat", () => {
  it("says to use the XLSX for Excel or import the *_ags columns as text, after offering the XLSX", async () => {
    const w = await open("/daten");
    expect(await w.page.locator("#csv-ags-hinweis").textContent()).toBe(
      "Für Excel die XLSX-Datei verwenden; beim CSV-Import die Spalten *_ags als Text einlesen.",
    );
    const formats = await w.page.locator("li:has(#csv-ags-hinweis)").locator("xpath=..").locator("> li > strong").allTextContents();
    expect(formats.slice(0, 2)).toEqual(["Excel (XLSX):", "CSV:"]);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });
});

describe("per-chart downloads", () => {
  it("every chart on the main pages has CSV, XLSX, SVG and PNG buttons", async () => {
    for (const route of ["/", "/mittel", "/integrationsmanagement", "/haushalt", "/kreise/08111"]) {
      const w = await open(route);
      // Charts draw once their card has a width: wait for them (a busy machine is slow), then count.
      await expect.poll(() => w.page.locator("figure.pik-figure").count(), { timeout: 60_000 }).toBeGreaterThan(0);
      const figures = await w.page.locator("figure.pik-figure").count();
      const bars = await w.page.locator("figure.pik-figure > .pik-chart-dl").evaluateAll((els) =>
        els.map((e) => [...e.querySelectorAll("button")].map((b) => b.textContent)),
      );
      // XLSX first for Excel users; the CSV button says that Excel turns 08111 into 8111.
      expect(bars, route).toEqual(Array.from({ length: figures }, () => ["XLSX", "CSV", "SVG", "PNG"]));
      const csvTitles = await w.page.locator("figure.pik-figure > .pik-chart-dl button", { hasText: "CSV" }).evaluateAll((els) =>
        els.map((e) => e.getAttribute("title")),
      );
      expect(new Set(csvTitles), route).toEqual(
        new Set(["Für Excel die XLSX-Datei verwenden; beim CSV-Import die Spalten *_ags als Text einlesen."]),
      );
      expect(w.errors, route).toEqual([]);
      await w.page.context().close();
    }
  });

  it("/haushalt: the amounts chart's CSV and XLSX equal the Land sums of haushalt_jahr", async () => {
    const w = await open("/haushalt");
    const figure = w.page.locator("#haushalt-betraege figure.pik-figure");
    const expected = await query(`SELECT CAST(jahr AS VARCHAR) AS jahr,
        replace(CAST(sum(ansatz_eur) AS VARCHAR), '.', ',') AS ansatz, replace(CAST(sum(bewilligt_eur) AS VARCHAR), '.', ',') AS bewilligt,
        replace(CAST(sum(ausgezahlt_eur) AS VARCHAR), '.', ',') AS ausgezahlt, replace(CAST(sum(rueckforderung_eur) AS VARCHAR), '.', ',') AS rueck
      FROM main.haushalt_jahr GROUP BY jahr ORDER BY jahr`);
    expect(expected.length).toBeGreaterThan(5);

    const csv = await download(w, figure, "CSV");
    const [y, m, d] = STAND.exec(/_(\d{4}-\d{2}-\d{2})\.csv$/.exec(csv.name)?.[1] ?? "")!.slice(1);
    expect(await w.page.locator("#haushalt-betraege .pik-source").first().textContent()).toContain(`Stand: ${d}.${m}.${y}`);
    const rows = parseCsv(csv.bytes);
    expect(rows[0]).toEqual(["Jahr", "Ansatz", "Bewilligt (anteilig)", "Ausgezahlt (netto)", "Zurückgefordert"]);
    // Numbers as written (decimal comma, no thousands separator), compared by value: a column of whole euros may be written without ",00".
    const value = (s: string | null | undefined) => (s ? Number(s.replace(",", ".")) : null);
    for (const r of rows.slice(1)) for (const f of r.slice(1)) expect(f).toMatch(/^(-?\d+(,\d{1,4})?)?$/);
    expect(rows.slice(1).map((r) => r.map(value))).toEqual(expected.map((e) => [e.jahr, e.ansatz, e.bewilligt, e.ausgezahlt, e.rueck].map(value)));

    const xlsx = await download(w, figure, "XLSX");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const num = value;
    for (const [i, e] of expected.entries()) {
      const row = ws.getRow(i + 2);
      expect([1, 2, 3, 4, 5].map((c) => row.getCell(c).value)).toEqual([Number(e.jahr), num(e.ansatz), num(e.bewilligt), num(e.ausgezahlt), num(e.rueck)]);
    }
    const hinweise = wb.worksheets[1]!.getColumn(1).values.map(String).join("\n");
    expect(hinweise).toContain("Ansatz, Bewilligungen und Auszahlungen je Jahr");
    expect(hinweise).toMatch(/Stand: \d{2}\.\d{2}\.\d{4} · Quelle: .*Release \w+/);
    expect(hinweise).toContain("Synthetische Beispieldaten");
    expect(w.errors).toEqual([]);
  });

  it("/haushalt: SVG and PNG carry the chart with title, Stand, source and the synthetic notice", async () => {
    const w = await open("/haushalt");
    const figure = w.page.locator("#haushalt-betraege figure.pik-figure");
    const aria = await figure.locator("svg[aria-label]").last().getAttribute("aria-label");
    const svg = (await download(w, figure, "SVG")).bytes.toString("utf8");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(aria!);
    expect(svg).toContain("Ansatz, Bewilligungen und Auszahlungen je Jahr");
    expect(svg).toMatch(/Stand: \d{2}\.\d{2}\.\d{4} · Quelle: /);
    expect(svg).toContain("Synthetische Beispieldaten");
    // Well-formed XML, as a standalone file must be.
    const parsed = await w.page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").querySelector("parsererror") === null, svg);
    expect(parsed).toBe(true);
    const width = Number(/^<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);

    const png = (await download(w, figure, "PNG")).bytes;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
    expect(w.errors).toEqual([]);
  });

  it("/mittel: the map's CSV holds every Kreis with its AGS and the value of the year shown", async () => {
    const w = await open("/mittel");
    const card = w.page.locator("[data-karte]");
    const jahr = Number(/\b(20\d{2})\b/.exec((await card.locator("h3").textContent()) ?? "")?.[1]);
    const expected = await query(`SELECT k.kreis_ags, replace(CAST(coalesce(sum(m.bewilligt_eur), 0) AS VARCHAR), '.', ',') AS wert
      FROM main.kreise AS k LEFT JOIN main.mittel_kreis_jahr AS m ON m.kreis_ags = k.kreis_ags AND m.jahr = ${jahr}
      GROUP BY k.kreis_ags ORDER BY k.kreis_ags`);
    expect(expected).toHaveLength(44);
    const rows = parseCsv((await download(w, card.locator("figure.pik-figure"), "CSV")).bytes);
    expect(rows[0]![0]).toBe("AGS");
    const got = rows
      .slice(1)
      .map((r) => ({ kreis_ags: r[0]!, wert: r.at(-1)! }))
      .sort((a, b) => a.kreis_ags.localeCompare(b.kreis_ags));
    expect(got).toEqual(expected);
    expect(w.errors).toEqual([]);
  });
});
