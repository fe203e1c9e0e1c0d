/**
 * Issue 5, two editions: the public build contains none of the internal-only
 * data, and the intern edition's loaders do contain it (so the scan can fail).
 *
 * What counts as internal-only is read here, independently, from the warehouse
 * the site was built from (read-only SQL on the accepted input rows):
 *  - the Aktenzeichen of every application that was not granted (status
 *    beantragt, abgelehnt, zurueckgezogen);
 *  - the zahlung_id of every single booking (no published table has one: the
 *    published tables carry sums only);
 *  - JSON keys and column names of the internal figures (antragslage,
 *    median_tage, beantragt counts, bearbeitungstage …).
 * Scanned: every file of the built site (PIK_SITE_OUT, the default = public
 * edition the browser tests use), ZIP/XLSX members unpacked, Parquet read back.
 * The intern side runs the edition-dependent loaders with PIK_EDITION=intern
 * against the same warehouse (no second site build) and scans their output.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { filesIn, patternHits, textsOf, textsUnder, tokenHits, type ScannedText } from "../helpers/scan.ts";
import { SITE_OUT } from "./global-setup.ts";

const WAREHOUSE = resolve(process.env.PIK_WAREHOUSE ?? "warehouse/pik.duckdb");

/** Keys of internal figures as they would appear in a JSON artifact. */
const INTERNAL_KEYS = /"(antragslage|antraege|median_tage|median_tage_vorjahr|beantragt_seit|entschieden|entschieden_vorjahr|bearbeitungstage|zurueckgezogen)"\s*:|"beantragt"\s*:\s*\d/;

/** The loaders whose output depends on the edition (src/data). */
const EDITION_LOADERS = ["uebersicht.json.ts", "kreisprofile.zip.ts", "downloads.zip.ts", "definitions.json.ts", "release.json.ts"];

let nichtBewilligt: Set<string>;
let bewilligt: string[];
let zahlungen: Set<string>;
let counts: { beantragt: number; abgelehnt: number; zurueckgezogen: number; antraege: number; buchungen: number };
let publicTexts: ScannedText[];
let internTexts: ScannedText[];
let internOutputs: Map<string, Buffer>;

function runLoader(file: string, edition: string): Buffer {
  return execFileSync("npx", ["tsx", join("src/data", file)], {
    env: { ...process.env, PIK_EDITION: edition, PIK_WAREHOUSE: WAREHOUSE },
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
    timeout: 180_000,
  });
}

beforeAll(async () => {
  const db = await DuckDBInstance.create(WAREHOUSE, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const col = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJS().map((r) => String(r[0]));
  nichtBewilligt = new Set(await col("SELECT aktenzeichen FROM eingang.bewilligungen WHERE status <> 'bewilligt'"));
  bewilligt = await col("SELECT aktenzeichen FROM eingang.bewilligungen WHERE status = 'bewilligt' ORDER BY aktenzeichen");
  zahlungen = new Set(await col("SELECT zahlung_id FROM eingang.auszahlungen"));
  const [c] = (
    await conn.runAndReadAll(`SELECT
      count(*) FILTER (WHERE status = 'beantragt')::INTEGER, count(*) FILTER (WHERE status = 'abgelehnt')::INTEGER,
      count(*) FILTER (WHERE status = 'zurueckgezogen')::INTEGER, count(*)::INTEGER,
      (SELECT count(*) FROM eingang.auszahlungen)::INTEGER
    FROM eingang.bewilligungen`)
  ).getRowsJS() as number[][];
  counts = { beantragt: c![0]!, abgelehnt: c![1]!, zurueckgezogen: c![2]!, antraege: c![3]!, buchungen: c![4]! };
  conn.closeSync();
  db.closeSync();

  publicTexts = await textsUnder(SITE_OUT);
  internOutputs = new Map(EDITION_LOADERS.map((f) => [f, runLoader(f, "intern")]));
  internTexts = [];
  for (const [f, bytes] of internOutputs) internTexts.push(...(await textsOf(f, bytes)));
}, 600_000);

describe("the sample data has internal-only data to leak", () => {
  it("non-granted applications and single bookings exist", () => {
    expect(counts.beantragt).toBeGreaterThan(0);
    expect(counts.abgelehnt).toBeGreaterThan(0);
    expect(counts.zurueckgezogen).toBeGreaterThan(0);
    expect(nichtBewilligt.size).toBe(counts.beantragt + counts.abgelehnt + counts.zurueckgezogen);
    expect(zahlungen.size).toBe(counts.buchungen);
    expect(zahlungen.size).toBeGreaterThan(1000);
  });
});

describe("intern edition (loaders run with PIK_EDITION=intern): the scan finds the internal data", () => {
  it("every non-granted Aktenzeichen and every booking id is in its output", () => {
    const found = new Set(tokenHits(internTexts, nichtBewilligt).map((h) => h.split(": ").pop()));
    // tokenHits stops at 20 hits; count per needle separately for the full check.
    expect(found.size).toBeGreaterThan(0);
    const all = internTexts.map((t) => t.text).join("\n");
    const tokens = new Set(all.split(/[^\p{L}\p{N}._\-/]+/u).map((t) => t.replace(/\.+$/, "")));
    expect([...nichtBewilligt].filter((a) => !tokens.has(a))).toEqual([]);
    expect([...zahlungen].filter((z) => !tokens.has(z))).toEqual([]);
    expect(patternHits(internTexts, INTERNAL_KEYS).length).toBeGreaterThan(0);
  });

  it("the Antragslage equals the counts computed here", () => {
    const ue = JSON.parse(internOutputs.get("uebersicht.json.ts")!.toString("utf8"));
    expect(ue.antragslage.beantragt).toBe(counts.beantragt);
    expect(ue.antragslage.abgelehnt).toBe(counts.abgelehnt);
    expect(ue.antragslage.zurueckgezogen).toBe(counts.zurueckgezogen);
  });

  it("the downloads add antraege (all applications) and buchungen (all bookings) in three formats, no staff names column", async () => {
    const zip = await JSZip.loadAsync(internOutputs.get("downloads.zip.ts")!);
    const index = JSON.parse(await zip.file("index.json")!.async("string"));
    const intern = index.tabellen.filter((t: { intern?: boolean }) => t.intern);
    expect(intern.map((t: { tabelle: string; zeilen: number }) => [t.tabelle, t.zeilen])).toEqual([
      ["antraege", counts.antraege],
      ["buchungen", counts.buchungen],
    ]);
    for (const f of ["antraege.csv", "antraege.xlsx", "antraege.parquet", "buchungen.csv", "buchungen.xlsx", "buchungen.parquet"])
      expect(zip.file(f), f).not.toBeNull();
    const header = (await zip.file("antraege.csv")!.async("string")).replace(/^\uFEFF/, "").split("\r\n")[0]!.split(";");
    expect(header).toContain("status");
    expect(header).toContain("bearbeitungstage");
    expect(header).not.toContain("name");
    const release = JSON.parse(internOutputs.get("release.json.ts")!.toString("utf8"));
    expect(release.ausgabe).toBe("intern");
  });

  it("holds no staff name either (stellen.name is never output, in no edition)", () => {
    const lines = readFileSync("data/stellen.csv", "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
    const col = lines[0]!.split(";").indexOf("name");
    expect(col).toBeGreaterThanOrEqual(0);
    const names = [...new Set(lines.slice(1).map((l) => l.split(";")[col]?.replace(/^"|"$/g, "").trim()).filter((n): n is string => !!n))];
    expect(names.length).toBeGreaterThan(10);
    const all = internTexts.map((t) => t.text).join("\n");
    expect(names.filter((n) => all.includes(n))).toEqual([]);
  });
});

describe("public edition (the built site): none of the internal-only data", () => {
  it("the scan reads everything: granted Aktenzeichen are found in CSV, XLSX and Parquet downloads", () => {
    expect(filesIn(SITE_OUT).filter((f) => f.endsWith(".html")).length).toBeGreaterThanOrEqual(48);
    const probe = new Set(bewilligt.slice(0, 50));
    const hits = tokenHits(publicTexts, probe);
    expect(hits.length).toBeGreaterThan(0);
    const where = publicTexts.filter((t) => [...probe].some((a) => t.text.includes(a))).map((t) => t.where);
    expect(where.some((w) => w.endsWith(".csv"))).toBe(true);
    expect(where.some((w) => /\.xlsx!/.test(w))).toBe(true);
    expect(where.some((w) => w.endsWith(".parquet"))).toBe(true);
  });

  it("contains no Aktenzeichen of a non-granted application", () => {
    expect(tokenHits(publicTexts, nichtBewilligt)).toEqual([]);
  });

  it("contains no single booking (zahlung_id)", () => {
    expect(tokenHits(publicTexts, zahlungen)).toEqual([]);
  });

  it("contains no internal figure: no Antragslage, processing times or pending counts", () => {
    expect(patternHits(publicTexts, INTERNAL_KEYS)).toEqual([]);
  });

  it("has no intern download files, no banner, and says it is the public edition", () => {
    for (const f of ["antraege", "buchungen"])
      for (const ext of ["csv", "xlsx", "parquet"]) expect(existsSync(join(SITE_OUT, "data", "downloads", `${f}.${ext}`))).toBe(false);
    expect(filesIn(SITE_OUT).filter((f) => /\/(antraege|buchungen)\.[^/]*$/.test(f))).toEqual([]);
    const pages = filesIn(SITE_OUT).filter((f) => f.endsWith(".html"));
    for (const p of pages) {
      const html = readFileSync(p, "utf8");
      expect(html, p).not.toContain("pik-intern-banner");
      expect(html, p).toContain("· Öffentliche Ausgabe</span>");
    }
    const release = filesIn(join(SITE_OUT, "_file", "data")).find((f) => /\/release\.[0-9a-f]+\.json$/.test(f));
    expect(JSON.parse(readFileSync(release!, "utf8")).ausgabe).toBe("oeffentlich");
  });
});
