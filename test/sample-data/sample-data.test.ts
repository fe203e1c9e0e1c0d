/**
 * The sample-data generator: deterministic bytes, and calibration facts read back
 * from the written files (not from the generator's memory), so that what a user
 * opens in `data/` is what is checked here.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBenchmarkPayments } from "../../loaders/sample-data/benchmark.ts";
import { alleKennwerte } from "../../loaders/sample-data/calibration.ts";
import { day, fromIso } from "../../loaders/sample-data/dates.ts";
import { proRataByYear, splitInteger } from "../../loaders/sample-data/integer-split.ts";
import { writeSampleData, type Manifest } from "../../loaders/sample-data/write.ts";
import { loadGemeinden } from "../../loaders/reference/gemeinden.ts";
import { loadKreise } from "../../loaders/reference/kreise.ts";

const tmpDirs: string[] = [];
async function tmp(label: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), `pik-sample-${label}-`));
  tmpDirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

// --- small readers for the files we wrote (the product's readers are tested elsewhere) ---

type Row = Record<string, string>;

function parseCsv(text: string, delimiter: string): Row[] {
  expect(text.includes('"')).toBe(false); // our files need no quoting, so a plain split is exact
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const header = (lines[0] ?? "").split(delimiter);
  return lines.slice(1).map((l) => {
    const cells = l.split(delimiter);
    expect(cells.length).toBe(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

/** `1.234,56 €` / `-0,05` → cents */
const germanToCents = (s: string): number => {
  const m = /^(-?)([\d.]+),(\d{2})( €)?$/.exec(s);
  if (!m) throw new Error(`keine deutsche Zahl: ${s}`);
  return (m[1] ? -1 : 1) * (Number((m[2] ?? "").replaceAll(".", "")) * 100 + Number(m[3]));
};
const germanDate = (s: string): number => {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (!m) throw new Error(`kein deutsches Datum: ${s}`);
  return day(Number(m[3]), Number(m[2]), Number(m[1]));
};
const excelDay = (v: ExcelJS.CellValue): number | null => {
  if (v === null || v === undefined) return null;
  if (!(v instanceof Date)) throw new Error(`kein Excel-Datum: ${String(v)}`);
  return Math.round(v.getTime() / 86_400_000);
};

async function readXlsx(path: string): Promise<{ headerRow: number; rows: Record<string, ExcelJS.CellValue>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("kein Blatt");
  let header: string[] | null = null;
  let headerRow = 0;
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (!header) {
      if (values.length > 2 && values.every((v) => typeof v === "string")) {
        header = values as string[];
        headerRow = n;
      }
      return;
    }
    const h = header;
    rows.push(Object.fromEntries(h.map((name, i) => [name, values[i] ?? null])));
  });
  return { headerRow, rows };
}

const cents = (v: ExcelJS.CellValue): number => Math.round((v as number) * 100);

// -------------------------------------------------------------------------------------

describe("helpers", () => {
  it("splitInteger adds up exactly", () => {
    const parts = splitInteger(800_000_000, loadKreise().map((k) => k.einwohner));
    expect(parts.reduce((s, x) => s + x, 0)).toBe(800_000_000);
  });
  it("proRataByYear spreads over calendar days and adds up", () => {
    const m = proRataByYear(11_600_000_000, fromIso("2017-07-01"), fromIso("2019-06-30"));
    expect([...m.keys()]).toEqual([2017, 2018, 2019]);
    expect([...m.values()].reduce((s, x) => s + x, 0)).toBe(11_600_000_000);
    expect(m.get(2018)).toBe(Math.round((11_600_000_000 * 549) / 730) - Math.round((11_600_000_000 * 184) / 730));
  });
});

describe("determinism", () => {
  it("same seed and scale ⇒ byte-identical files (CSV, XLSX, manifest)", async () => {
    const [a, b] = [await tmp("det-a"), await tmp("det-b")];
    await writeSampleData(a, { scale: 0.2, seed: 7 });
    await writeSampleData(b, { scale: 0.2, seed: 7 });
    const files = (await readdir(a)).sort();
    expect(files).toEqual([
      "auszahlungen.csv",
      "bewilligungen.xlsx",
      "gefluechtete_au.csv",
      "haushalt.xlsx",
      "manifest.json",
      "stellen.csv",
    ]);
    expect((await readdir(b)).sort()).toEqual(files);
    for (const f of files) expect((await readFile(join(b, f))).equals(await readFile(join(a, f))), f).toBe(true);
  });

  it("another seed gives other data", async () => {
    const [a, b] = [await tmp("seed-a"), await tmp("seed-b")];
    await writeSampleData(a, { scale: 0.2, seed: 7 });
    await writeSampleData(b, { scale: 0.2, seed: 8 });
    expect((await readFile(join(a, "stellen.csv"))).equals(await readFile(join(b, "stellen.csv")))).toBe(false);
  });
});

describe("calibration facts, read back from the files (scale 1)", () => {
  let dir: string;
  let manifest: Manifest;
  let haushalt: Map<string, number>;
  let grants: {
    az: string;
    ags: string;
    name: string;
    fb: string;
    status: string;
    antrag: number | null;
    bescheid: number | null;
    beginn: number;
    ende: number;
    cents: number;
    vzae: number | null;
  }[];
  let payments: Row[];
  let stellen: Row[];
  let au: Row[];
  const kreise = loadKreise();
  const stand = fromIso("2026-11-30");

  beforeAll(async () => {
    dir = await tmp("scale1");
    await writeSampleData(dir);
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;

    const h = await readXlsx(join(dir, "haushalt.xlsx"));
    expect(h.headerRow).toBeGreaterThan(1); // title rows above the header
    haushalt = new Map(h.rows.map((r) => [`${r.Haushaltsjahr}|${r["Förderbereich"]}`, cents(r.Ansatz_EUR ?? 0)]));

    const b = await readXlsx(join(dir, "bewilligungen.xlsx"));
    expect(b.headerRow).toBeGreaterThan(1);
    grants = b.rows.map((r) => ({
      az: r.aktenzeichen as string,
      ags: r.empfaenger_ags as string,
      name: r["empfänger_name"] as string,
      fb: r.foerderbereich as string,
      status: r.status as string,
      antrag: excelDay(r.antrag_datum ?? null),
      bescheid: excelDay(r.bescheid_datum ?? null),
      beginn: excelDay(r.beginn ?? null) as number,
      ende: excelDay(r.ende ?? null) as number,
      cents: cents(r.bewilligt_eur ?? 0),
      vzae: (r.vzae_bewilligt ?? null) as number | null,
    }));

    const zBytes = await readFile(join(dir, "auszahlungen.csv"));
    expect(zBytes.includes(Buffer.from([0x80]))).toBe(true); // € in Windows-1252
    const zText = iconv.decode(zBytes, "windows-1252");
    expect(zText.includes("\r\n")).toBe(true);
    payments = parseCsv(zText, ";");

    const sBytes = await readFile(join(dir, "stellen.csv"));
    expect([...sBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    stellen = parseCsv(sBytes.toString("utf8").slice(1), ";");

    au = parseCsv(await readFile(join(dir, "gefluechtete_au.csv"), "utf8"), ",");
  });

  it("manifest marks the data synthetic and names a source or 'Annahme' for every figure", () => {
    expect(manifest.synthetisch).toBe(true);
    expect(manifest.stand).toBe("2026-11-30");
    expect(manifest.erzeugt_mit).toBe("npm run sample-data");
    expect(JSON.stringify(manifest)).not.toMatch(/"(erzeugt_am|timestamp)"/);
    expect(manifest.annahmen.length).toBe(alleKennwerte().length);
    for (const k of manifest.annahmen) {
      expect(k.quelle, k.beschreibung).toMatch(/Seed \d{3}|baden-wuerttemberg\.de|Annahme|Destatis/);
    }
    // Each appropriation of the renewal names the press release; the queer-refugees amount is an assumption.
    const ansatz = (y: number, fb: string) => manifest.annahmen.find((a) => a.beschreibung === `Haushaltsansatz ${y}, ${fb} (€)`);
    for (const y of [2025, 2026]) {
      for (const fb of ["integrationsmanagement", "spracherwerb", "traumarehabilitation", "sinti_roma"]) expect(ansatz(y, fb)?.quelle, fb).toContain("11.12.2025");
      expect(ansatz(y, "queere_gefluechtete")?.quelle).toMatch(/^Annahme/);
    }
  });

  it("manifest checksums match the files", async () => {
    for (const d of manifest.dateien) {
      const bytes = await readFile(join(dir, d.datei));
      expect(createHash("sha256").update(bytes).digest("hex"), d.datei).toBe(d.sha256);
      expect(bytes.length).toBe(d.bytes);
    }
  });

  it("haushalt: published appropriations", () => {
    expect(haushalt.get("2017|integrationsmanagement")).toBe(5_800_000_000);
    expect(haushalt.get("2018|integrationsmanagement")).toBe(5_800_000_000);
    expect(haushalt.get("2022|integrationsmanagement")).toBe(6_600_000_000);
    // Renewed pact 2025/2026 (press release 11.12.2025): 58 M € IM, 2 M € language, 1.5 M € trauma, 0.2 M € Sinti und Roma.
    for (const y of [2025, 2026]) {
      expect(haushalt.get(`${y}|integrationsmanagement`)).toBe(5_800_000_000);
      expect(haushalt.get(`${y}|spracherwerb`)).toBe(200_000_000);
      expect(haushalt.get(`${y}|traumarehabilitation`)).toBe(150_000_000);
      expect(haushalt.get(`${y}|sinti_roma`)).toBe(20_000_000);
      expect(haushalt.has(`${y}|queere_gefluechtete`)).toBe(true);
      expect(haushalt.has(`${y}|schule_beruf`) || haushalt.has(`${y}|ehrenamt`)).toBe(false);
    }
    const year = (y: number) => [...haushalt].filter(([k]) => k.startsWith(`${y}|`)).reduce((s, [, v]) => s + v, 0);
    expect(year(2017) + year(2018)).toBe(14_000_000_000); // 140 M € programmes 2017/18
    expect(year(2017) + year(2018) - 2 * 5_800_000_000).toBe(2_400_000_000); // 24 M € other areas
    for (const y of [2019, 2020, 2021]) expect(year(y)).toBe(7_000_000_000);
    // "about 62 M € a year": 58 + 2 + 1.5 + 0.2 = 61.7 M € published, the rest assumed for queer refugees.
    for (const y of [2025, 2026]) expect(Math.abs(year(y) - 6_200_000_000)).toBeLessThanOrEqual(50_000_000);
    expect([...haushalt].filter(([k]) => k.endsWith("|digitalisierung")).map(([, v]) => v)).toEqual([220_000_000]);
  });

  it("bewilligungen: row rules of the contract hold", () => {
    const kreisAgs = new Set(kreise.map((k) => k.kreis_ags));
    const gemeinden = new Map(loadGemeinden().map((g) => [g.gemeinde_ags, g]));
    expect(new Set(grants.map((g) => g.az)).size).toBe(grants.length);
    for (const g of grants) {
      expect(g.ags).toMatch(/^08\d{3}(\d{3})?$/);
      expect(kreisAgs.has(g.ags.slice(0, 5)), g.ags).toBe(true);
      expect(g.name.length).toBeGreaterThan(0);
      if (g.ags.length === 8) {
        // A real Gemeinde: official key and name (BKG VG5000), e.g. „Stadt Tübingen“.
        const gemeinde = gemeinden.get(g.ags);
        expect(gemeinde, g.ags).toBeDefined();
        expect(g.name).toBe(`${gemeinde?.gemeinde_typ} ${gemeinde?.gemeinde_name}`);
      }
      expect(g.ende).toBeGreaterThanOrEqual(g.beginn);
      expect(g.antrag).not.toBeNull();
      expect(g.antrag as number).toBeLessThanOrEqual(stand);
      if (g.status === "bewilligt" || g.status === "abgelehnt") expect(g.bescheid, g.az).not.toBeNull();
      if (g.bescheid !== null) {
        expect(g.bescheid).toBeGreaterThanOrEqual(g.antrag as number);
        expect(g.bescheid).toBeLessThanOrEqual(stand);
      }
      if (g.status !== "bewilligt") expect(g.cents).toBe(0);
      else expect(g.cents).toBeGreaterThan(0);
      if (g.fb === "integrationsmanagement") expect(g.vzae, g.az).not.toBeNull();
      if (g.status === "beantragt") expect(g.antrag as number).toBeGreaterThanOrEqual(fromIso("2025-01-01"));
    }
    const statuses = new Set(grants.map((g) => g.status));
    expect([...statuses].sort()).toEqual(["abgelehnt", "beantragt", "bewilligt", "zurueckgezogen"]);
  });

  it("every Kreis has granted integration-management grants", () => {
    const covered = new Set(
      grants.filter((g) => g.fb === "integrationsmanagement" && g.status === "bewilligt").map((g) => g.ags.slice(0, 5)),
    );
    expect(covered.size).toBe(44);
  });

  it("2022 extra: one grant per Kreis, exactly 8,000,000.00 € by population share", () => {
    const extra = grants.filter((g) => g.az.includes("-IMZ-"));
    expect(extra.length).toBe(44);
    expect(new Set(extra.map((g) => g.ags)).size).toBe(44);
    expect(extra.every((g) => g.ags.length === 5 && g.status === "bewilligt")).toBe(true);
    expect(extra.reduce((s, g) => s + g.cents, 0)).toBe(800_000_000);
    const total = kreise.reduce((s, k) => s + k.einwohner, 0);
    for (const k of kreise) {
      const g = extra.find((e) => e.ags === k.kreis_ags);
      expect(Math.abs((g?.cents ?? 0) - (800_000_000 * k.einwohner) / total)).toBeLessThanOrEqual(1);
    }
  });

  it("committed integration management per year lands near, never above, the appropriation", () => {
    const committed = new Map<number, number>();
    for (const g of grants) {
      if (g.status !== "bewilligt" || g.fb !== "integrationsmanagement") continue;
      for (const [y, c] of proRataByYear(g.cents, g.beginn, g.ende)) committed.set(y, (committed.get(y) ?? 0) + c);
    }
    for (let y = 2018; y <= 2026; y++) {
      const a = haushalt.get(`${y}|integrationsmanagement`) as number;
      const c = committed.get(y) ?? 0;
      expect(c, String(y)).toBeLessThanOrEqual(a);
      expect(c / a, String(y)).toBeGreaterThan(0.9);
    }
    // The first round starts on 1 July 2017: about half a year is committed in 2017.
    expect((committed.get(2017) ?? 0) / 5_800_000_000).toBeGreaterThan(0.4);
  });

  it("every appropriation line is committed to at most 100 %", () => {
    const committed = new Map<string, number>();
    for (const g of grants) {
      if (g.status !== "bewilligt") continue;
      for (const [y, c] of proRataByYear(g.cents, g.beginn, g.ende)) {
        committed.set(`${y}|${g.fb}`, (committed.get(`${y}|${g.fb}`) ?? 0) + c);
      }
    }
    for (const [k, c] of committed) {
      expect(haushalt.has(k), `kein Ansatz für ${k}`).toBe(true);
      expect(c, k).toBeLessThanOrEqual(haushalt.get(k) as number);
    }
  });

  it("auszahlungen: known granted grants, signs, data date, net not above the grant (but for the documented case)", () => {
    const byAz = new Map(grants.map((g) => [g.az, g]));
    expect(new Set(payments.map((p) => p.zahlung_id)).size).toBe(payments.length);
    const net = new Map<string, number>();
    const arten = new Set<string>();
    for (const p of payments) {
      const g = byAz.get(p.aktenzeichen as string);
      expect(g, p.aktenzeichen).toBeDefined();
      expect(g?.status).toBe("bewilligt");
      const c = germanToCents(p.betrag_eur as string);
      arten.add(p.art as string);
      if (p.art === "rueckforderung") expect(c).toBeLessThan(0);
      else expect(c).toBeGreaterThan(0);
      expect(germanDate(p.buchungsdatum as string)).toBeLessThanOrEqual(stand);
      net.set(p.aktenzeichen as string, (net.get(p.aktenzeichen as string) ?? 0) + c);
    }
    expect([...arten].sort()).toEqual(["abschlag", "rueckforderung", "schlusszahlung"]);
    const documented = new Set(manifest.bewusste_auffaelligkeiten.map((a) => a.aktenzeichen));
    expect(documented.size).toBe(1);
    for (const [az, c] of net) {
      const g = byAz.get(az);
      if (documented.has(az)) expect(c).toBeGreaterThan(g?.cents ?? 0);
      else expect(c, az).toBeLessThanOrEqual(g?.cents ?? 0);
    }
    // Grants running past the data date are partly paid.
    const running = grants.filter((g) => g.status === "bewilligt" && g.ende > stand);
    expect(running.length).toBeGreaterThan(0);
    for (const g of running) expect(net.get(g.az) ?? 0).toBeLessThan(g.cents);
  });

  it("stellen: integration-management grants, parts of 0.25–1.0 VZÄ, filled VZÄ within the grant", () => {
    // ~22,000 rows: collect violations instead of one expect per cell (keeps the test fast).
    const byAz = new Map(grants.map((g) => [g.az, g]));
    const keys = new Set<string>();
    const filled = new Map<string, number>();
    const errors: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && errors.length < 20) errors.push(what);
    };
    let besetzt = 0;
    for (const s of stellen) {
      const g = byAz.get(s.aktenzeichen as string);
      const row = JSON.stringify(s);
      check(g?.fb === "integrationsmanagement" && g.status === "bewilligt", `Zuwendung: ${row}`);
      const stichtag = germanDate(s.stichtag as string);
      check(stichtag >= (g?.beginn ?? 0) && stichtag <= Math.min(g?.ende ?? 0, stand), `Stichtag: ${row}`);
      const key = `${s.aktenzeichen}|${s.stichtag}|${s.stelle_nr}`;
      check(!keys.has(key), `doppelt: ${key}`);
      keys.add(key);
      const vzae = Number((s.vzae as string).replace(",", "."));
      check(vzae >= 0.25 && vzae <= 1, `VZÄ: ${row}`);
      check(s.besetzt === "ja" || s.besetzt === "nein", `besetzt: ${row}`);
      check(["gemeinde", "landkreis", "freier_traeger"].includes(s.anstellungstraeger as string), `Träger: ${row}`);
      if (s.besetzt === "ja") {
        besetzt++;
        check(["hochschulabschluss", "nachqualifizierung"].includes(s.qualifikation as string), `Qualifikation: ${row}`);
        check(s.name !== "", `Name: ${row}`);
        const k = `${s.aktenzeichen}|${s.stichtag}`;
        filled.set(k, (filled.get(k) ?? 0) + vzae);
      } else {
        check(s.qualifikation === "" && s.name === "", `unbesetzt mit Person: ${row}`);
      }
    }
    for (const [k, v] of filled) {
      const g = byAz.get(k.split("|")[0] as string);
      check(v <= (g?.vzae ?? 0) + 1e-9, `mehr besetzte VZÄ als bewilligt: ${k}`);
    }
    expect(errors).toEqual([]);
    const vacancy = 1 - besetzt / stellen.length;
    expect(vacancy).toBeGreaterThan(0.04);
    expect(vacancy).toBeLessThan(0.12);
  });

  it("stellen: about 1,000 managers at the end of 2017, about 1,200 from December 2018", () => {
    const managers = (stichtag: string) => stellen.filter((s) => s.stichtag === stichtag && s.besetzt === "ja").length;
    expect(managers("31.12.2017")).toBeGreaterThan(900);
    expect(managers("31.12.2017")).toBeLessThan(1_150);
    for (const s of ["31.12.2018", "31.12.2021", "31.12.2023"]) {
      expect(managers(s), s).toBeGreaterThan(1_100);
      expect(managers(s), s).toBeLessThan(1_350);
    }
    const vzae = manifest.kontrollsummen.stichtage.find((s) => s.stichtag === "2018-12-31")?.vzae_bewilligt ?? 0;
    expect(vzae).toBeGreaterThanOrEqual(850);
    expect(vzae).toBeLessThanOrEqual(1_000);
  });

  it("gefluechtete_au: 44 Kreise × 2016–2026 at 15 September, jump in 2022", () => {
    expect(au.length).toBe(44 * 11);
    const total = (y: number) => au.filter((r) => r.stichtag === `${y}-09-15`).reduce((s, r) => s + Number(r.personen), 0);
    expect(new Set(au.map((r) => r.kreis_ags)).size).toBe(44);
    expect(total(2022) / total(2021)).toBeGreaterThan(1.3);
    expect(total(2017)).toBe(98_000);
  });
});

describe("benchmark input", () => {
  it("writes exactly the requested number of valid payment rows", async () => {
    const dir = await tmp("bench");
    const r = await writeBenchmarkPayments(dir, 1_234);
    expect(r.grants).toBe(13);
    expect((await readdir(dir)).sort()).toEqual([
      "auszahlungen.csv",
      "bewilligungen.csv",
      "gefluechtete_au.csv",
      "haushalt.csv",
      "stellen.csv",
    ]);
    const grants = parseCsv(await readFile(join(dir, "bewilligungen.csv"), "utf8"), ";");
    const payments = parseCsv(await readFile(join(dir, "auszahlungen.csv"), "utf8"), ";");
    expect(payments.length).toBe(1_234);
    const amount = new Map(grants.map((g) => [g.aktenzeichen, germanToCents(g.bewilligt_eur as string)]));
    const net = new Map<string, number>();
    for (const p of payments) {
      expect(amount.has(p.aktenzeichen)).toBe(true);
      const c = germanToCents(p.betrag_eur as string);
      expect(p.art === "rueckforderung" ? c < 0 : c > 0).toBe(true);
      net.set(p.aktenzeichen as string, (net.get(p.aktenzeichen as string) ?? 0) + c);
    }
    for (const [az, c] of net) expect(c).toBeLessThanOrEqual(amount.get(az) ?? 0);
    expect(new Set(payments.map((p) => p.zahlung_id)).size).toBe(1_234);
  });
});
