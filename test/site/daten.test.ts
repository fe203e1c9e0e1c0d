/**
 * /daten in the built site: every published table downloadable as CSV, XLSX and
 * Parquet; a downloaded file parses back to the published table (compared with
 * the warehouse, read-only); the SHA-256 shown is the hash of the served file;
 * the release manifest lists every input file with its hash (recomputed here);
 * the footer names Datenstand and release. No console error, no outside request.
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISHED_TABLES } from "../../loaders/tables/index.ts";
import type { BuildInfo } from "../../loaders/warehouse/build.ts";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const WAREHOUSE = process.env.PIK_WAREHOUSE ?? "warehouse/pik.duckdb";
const info = JSON.parse(readFileSync(`${WAREHOUSE}.json`, "utf8")) as BuildInfo;

const site = useSite({ warehouse: true });
let page: Page;
let watched: Watched;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "pik-daten-site-"));
  watched = await site.open("/daten");
  page = watched.page;
}, 60_000);

afterAll(async () => {
  await page?.context().close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The first row's values, as JS values. */
async function one(sql: string): Promise<unknown[]> {
  const r = await site.conn.runAndReadAll(sql);
  return r.getRowsJS()[0] ?? [];
}

/** The link of a file on the page, resolved against the page URL. */
async function hrefOf(datei: string): Promise<string> {
  const href = await page.locator(`a[data-datei="${datei}"]`).getAttribute("href");
  expect(href, datei).toBeTruthy();
  return new URL(href!, page.url()).href;
}

async function download(datei: string): Promise<Buffer> {
  const res = await fetch(await hrefOf(datei));
  expect(res.status, datei).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** RFC 4180 with `;`: enough for the export's quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += ch;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("/daten", () => {
  it("loads cleanly, says the data are synthetic, and is screenshotted", async () => {
    await expect.poll(() => page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/daten.png`, fullPage: true });
    expect(watched.errors).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it("offers every published table in three formats with the warehouse's row count", async () => {
    for (const t of PUBLISHED_TABLES) {
      for (const ext of ["csv", "xlsx", "parquet"]) {
        expect(await page.locator(`a[data-datei="${t.name}.${ext}"]`).count()).toBe(1);
        expect(await page.locator(`a[data-datei="${t.name}.${ext}"]`).getAttribute("download")).toBe(`${t.name}.${ext}`);
      }
      const [count] = await one(`SELECT count(*)::INTEGER FROM main.${t.name}`);
      expect(await page.locator(`tr[data-tabelle="${t.name}"] td[data-zeilen]`).getAttribute("data-zeilen"), t.name).toBe(String(count));
    }
    expect(await page.locator(".pik-missing").count()).toBe(0);
  });

  it("the CSV download parses back to main.zuwendungen", async () => {
    const text = (await download("zuwendungen.csv")).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...data] = parseCsv(text.slice(1));
    const columns = (await site.conn.runAndReadAll("DESCRIBE main.zuwendungen")).getRowObjectsJS().map((r) => String(r["column_name"]));
    expect(header).toEqual(columns);
    const [count, sum] = await one("SELECT count(*)::INTEGER, CAST(sum(bewilligt_eur) AS VARCHAR) FROM main.zuwendungen");
    expect(data).toHaveLength(count as number);
    // A few cells: the first, a middle and the last grant by Aktenzeichen.
    const az = header!.indexOf("aktenzeichen");
    const bew = header!.indexOf("bewilligt_eur");
    const kreis = header!.indexOf("kreis_ags");
    const sample = (await site.conn.runAndReadAll(`SELECT aktenzeichen, CAST(bewilligt_eur AS VARCHAR), kreis_ags FROM main.zuwendungen
        ORDER BY aktenzeichen LIMIT 3 OFFSET 0`)).getRowsJS();
    const last = (await site.conn.runAndReadAll("SELECT aktenzeichen, CAST(bewilligt_eur AS VARCHAR), kreis_ags FROM main.zuwendungen ORDER BY aktenzeichen DESC LIMIT 1")).getRowsJS();
    for (const [a, b, k] of [...sample, ...last]) {
      const row = data.find((r) => r[az] === a);
      expect(row, String(a)).toBeDefined();
      expect(row![bew]).toBe(String(b).replace(".", ","));
      expect(row![kreis]).toBe(k);
    }
    // The sum of the downloaded amounts, in cents, equals the warehouse's.
    const cents = data.reduce((s, r) => s + BigInt(r[bew]!.replace(",", "")), 0n);
    expect(cents).toBe(BigInt(String(sum).replace(".", "")));
  });

  it("the Parquet and XLSX downloads hold the same rows", async () => {
    const parquet = join(tmp, "zuwendungen.parquet");
    writeFileSync(parquet, await download("zuwendungen.parquet"));
    const [pCount, pSum] = await one(`SELECT count(*)::INTEGER, CAST(sum(bewilligt_eur) AS VARCHAR) FROM read_parquet('${parquet}')`);
    const [count, sum] = await one("SELECT count(*)::INTEGER, CAST(sum(bewilligt_eur) AS VARCHAR) FROM main.zuwendungen");
    expect(pCount).toBe(count);
    expect(pSum).toBe(sum);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download("kreise.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const [kCount] = await one("SELECT count(*)::INTEGER FROM main.kreise");
    expect(ws.actualRowCount - 1).toBe(kCount);
    const [ags, name] = await one("SELECT kreis_ags, kreis_name FROM main.kreise ORDER BY kreis_ags LIMIT 1");
    expect(ws.getRow(2).getCell(1).value).toBe(ags);
    expect(ws.getRow(2).getCell(2).value).toBe(name);
  });

  it("the SHA-256 and size shown are those of the served file, for every file", async () => {
    const rows = page.locator("tr[data-format]");
    const n = await rows.count();
    expect(n).toBe(PUBLISHED_TABLES.length * 3);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const datei = await row.locator("a[data-datei]").getAttribute("data-datei");
      const body = await download(datei!);
      expect(await row.locator("[data-sha256]").getAttribute("data-sha256"), datei!).toBe(sha256(body));
      expect(await row.locator("[data-bytes]").getAttribute("data-bytes"), datei!).toBe(String(body.length));
    }
  });

  it("the release manifest lists every input file with its SHA-256, computed here", async () => {
    const href = await page.locator("a.pik-release-link").getAttribute("href");
    const res = await fetch(new URL(href!, page.url()));
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      release: string;
      datenstand: string;
      eingabedateien: { datei: string; sha256: string; gelesen: number | null; akzeptiert: number | null; abgelehnt: number | null }[];
    };
    expect(manifest.release).toBe(info.releaseId);
    expect(manifest.datenstand).toBe(info.stand);
    // The input folder as the build reads it: its files and geo/ (not the warehouse).
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const expected = walk(info.dataDir)
      .map((p) => relative(info.dataDir, p).split(sep).join("/"))
      .filter((rel) => (!rel.includes("/") || rel.startsWith("geo/")) && !/\.duckdb/.test(rel))
      .sort()
      .map((rel) => ({ datei: rel, sha256: sha256(readFileSync(join(info.dataDir, rel))) }));
    expect(manifest.eingabedateien.map((f) => ({ datei: f.datei, sha256: f.sha256 })).sort((a, b) => a.datei.localeCompare(b.datei))).toEqual(expected);
    // Counts as the warehouse recorded them; gelesen = übernommen + abgelehnt.
    const counts = (await site.conn.runAndReadAll("SELECT datei, gelesen::INTEGER, akzeptiert::INTEGER, abgelehnt::INTEGER FROM meta.dateien")).getRowsJS();
    for (const [datei, gelesen, akzeptiert, abgelehnt] of counts) {
      const f = manifest.eingabedateien.find((x) => x.datei === datei);
      expect(f, String(datei)).toBeDefined();
      expect([f!.gelesen, f!.akzeptiert, f!.abgelehnt]).toEqual([gelesen, akzeptiert, abgelehnt]);
      expect(f!.gelesen).toBe(f!.akzeptiert! + f!.abgelehnt!);
    }
    // And the page shows the same hashes.
    for (const f of expected)
      expect(await page.locator(`.pik-release tr[data-datei="${f.datei}"] [data-sha256]`).getAttribute("data-sha256")).toBe(f.sha256);
  });

  it("the footer names Datenstand and release of this build", async () => {
    const footer = await page.locator("#observablehq-footer").innerText();
    const stand = info.stand!.split("-").reverse().join(".");
    expect(footer).toContain(`Datenstand ${stand} · Release ${info.releaseId}`);
    // The same footer on the other pages (static HTML, generated at build time).
    for (const route of ["/", "/mittel", "/methodik", "/kreise/08111"]) {
      const html = await (await fetch(site.url + route)).text();
      expect(html, route).toContain(`Datenstand ${stand} · Release ${info.releaseId}`);
    }
  });
});
