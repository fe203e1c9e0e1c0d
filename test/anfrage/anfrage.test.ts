/**
 * Anfrage-Assistent on the small valid fixture, numbers worked out by hand:
 *
 * AZ-1 (Stuttgart 08111) 100.000 € and AZ-2 (Böblingen 08115) 50.000 €, both
 * 01.04.2018–31.03.2019 = 365 days, 275 of them in 2018:
 *   2018: 100.000 × 275/365 = 75.342,47 (rounded) and 50.000 × 275/365 = 37.671,23
 *   2019: the rest, 24.657,53 and 12.328,77
 * Payments: 08111 2018 50.000, 2019 40.000; 08115 2018 50.000, 2019 −2.500 (recovery 2.500).
 * Einwohner from an input table kreise: 08111 100.000, 08115 50.000, so
 *   bewilligt je 1.000 EW 2018: 75.342,47 / 100 = 753,42 and 37.671,23 / 50 = 753,42 (753,4246).
 * Stichtag 30.06.2018: VZÄ besetzt 1 and 1 (bewilligt 2 and 1); Geflüchtete 5.000 and 3.000,
 *   so 5.000 and 3.000 per VZÄ, weighted for both: 8.000 / 2 = 4.000.
 * All other Kreise have no money, so the Land sums equal the two Kreise.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anfrageTabelle, AnfrageError, parseJahre, parseKreise, type AnfrageTabelle } from "../../loaders/anfrage/index.ts";
import { anfrageCsv, writeAnfrage } from "../../loaders/anfrage/write.ts";
import { anfrageTabelleGemeinden, AUSWAHL_GEMEINDEN_NAME, parseGemeinden } from "../../loaders/anfrage/gemeinden.ts";
import { anfrageDaten, anfrageGemeindenDaten } from "../../loaders/pages/anfrage.ts";
// @ts-expect-error plain browser modules without types
import { gemeindeBasis, wert, wertGemeinden } from "../../src/components/anfrage-werte.js";
import { ingest } from "../../loaders/warehouse/build.ts";
import { loadKreise } from "../../loaders/reference/kreise.ts";
import { csv, removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
let db: DuckDBInstance;
let warehouse: string;
let conn: DuckDBConnection;
const META = { synthetisch: true, stand: "2019-08-01", release: "abc123" };

beforeAll(async () => {
  const dir = validFolder();
  dirs.push(dir);
  writeFileSync(
    join(dir, "kreise.csv"),
    csv([
      ["kreis_ags", "einwohner", "stand"],
      ["08111", 100000, "31.12.2018"],
      ["08115", 50000, "31.12.2018"],
    ]),
  );
  const work = mkdtempSync(join(tmpdir(), "pik-anfrage-"));
  dirs.push(work);
  warehouse = join(work, "wh.duckdb");
  const outcome = await ingest({ dataDir: dir, warehouse, force: true });
  if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
  db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  conn = await db.connect();
}, 120_000);
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
  dirs.forEach(removeFolder);
});

const row = (t: AnfrageTabelle, name: string) => {
  const z = t.zeilen.find((r) => r.kreis_ags === name || r.kreis_name === name);
  if (!z) throw new Error(`Zeile ${name} fehlt`);
  return z.werte;
};

describe("anfrageTabelle", () => {
  it("one row per Kreis with measure × year columns, the selection and the Land total", async () => {
    const t = await anfrageTabelle(
      conn,
      { kreise: ["08111", "08115"], von: 2018, bis: 2019, kennzahlen: ["bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"] },
      META,
    );
    expect(t.spalten.map((s) => s.key)).toEqual([
      "bewilligt_eur_2018",
      "bewilligt_eur_2019",
      "ausgezahlt_eur_2018",
      "ausgezahlt_eur_2019",
      "rueckforderung_eur_2018",
      "rueckforderung_eur_2019",
    ]);
    expect(t.spalten[0]!.header).toBe("Bewilligt (anteilig) 2018 (EUR)");
    expect(t.zeilen.map((z) => [z.art, z.kreis_ags, z.kreis_name])).toEqual([
      ["kreis", "08111", "Stuttgart"],
      ["kreis", "08115", "Böblingen"],
      ["auswahl", null, "Summe der ausgewählten Kreise"],
      ["land", null, "Baden-Württemberg insgesamt"],
    ]);
    expect(row(t, "08111")).toEqual({
      bewilligt_eur_2018: "75342.47",
      bewilligt_eur_2019: "24657.53",
      ausgezahlt_eur_2018: "50000.00",
      ausgezahlt_eur_2019: "40000.00",
      rueckforderung_eur_2018: "0.00",
      rueckforderung_eur_2019: "0.00",
    });
    expect(row(t, "08115")).toEqual({
      bewilligt_eur_2018: "37671.23",
      bewilligt_eur_2019: "12328.77",
      ausgezahlt_eur_2018: "50000.00",
      ausgezahlt_eur_2019: "-2500.00",
      rueckforderung_eur_2018: "0.00",
      rueckforderung_eur_2019: "2500.00",
    });
    expect(row(t, "Baden-Württemberg insgesamt")).toEqual({
      bewilligt_eur_2018: "113013.70",
      bewilligt_eur_2019: "36986.30",
      ausgezahlt_eur_2018: "100000.00",
      ausgezahlt_eur_2019: "37500.00",
      rueckforderung_eur_2018: "0.00",
      rueckforderung_eur_2019: "2500.00",
    });
  });

  it("ratios: per 1.000 inhabitants and refugees per VZÄ, weighted for the totals", async () => {
    const t = await anfrageTabelle(
      conn,
      // The name of earlier releases (bewilligt_eur_je_1000_ew) still selects the registry's bewilligt_je_1000_ew.
      { kreise: ["08111"], von: 2018, bis: 2018, kennzahlen: ["bewilligt_eur_je_1000_ew", "vzae_besetzt", "gefluechtete_je_vzae"] },
      META,
    );
    expect(t.zeilen.map((z) => z.art)).toEqual(["kreis", "auswahl", "land"]);
    expect(row(t, "08111")).toEqual({ bewilligt_je_1000_ew_2018: "753.42", vzae_besetzt_2018: "1.00", gefluechtete_je_vzae_2018: "5000.00" });
    expect(row(t, "Summe der ausgewählten Kreise")).toEqual(row(t, "08111"));
    // Land: 113.013,70 € over all inhabitants (two from the input, 42 from the reference data).
    const einwohner = 150000 + loadKreise().filter((k) => !["08111", "08115"].includes(k.kreis_ags)).reduce((s, k) => s + k.einwohner, 0);
    const land = row(t, "Baden-Württemberg insgesamt");
    expect(land["bewilligt_je_1000_ew_2018"]).toBe(((113013.7 * 1000) / einwohner).toFixed(2));
    expect(land["vzae_besetzt_2018"]).toBe("2.00");
    expect(land["gefluechtete_je_vzae_2018"]).toBe("4000.00");
  });

  it("a Regierungsbezirk selects its Kreise; footnotes carry definitions, Stand, Quelle, Release and „synthetisch“", async () => {
    const t = await anfrageTabelle(conn, { kreise: [], regierungsbezirk: "Stuttgart", von: 2019, bis: 2019, kennzahlen: ["ausgezahlt_eur"] }, META);
    const kreise = t.zeilen.filter((z) => z.art === "kreis").map((z) => z.kreis_ags);
    expect(kreise).toEqual(loadKreise().filter((k) => k.regierungsbezirk === "Stuttgart").map((k) => k.kreis_ags).sort());
    expect(row(t, "Summe der ausgewählten Kreise")["ausgezahlt_eur_2019"]).toBe("37500.00");
    expect(t.fussnoten[0]).toMatch(/^1\) Ausgezahlt \(netto\) \(EUR\): Nettosumme der im Kalenderjahr gebuchten Beträge/);
    expect(t.fussnoten).toContain("Stand: 01.08.2019");
    expect(t.fussnoten).toContain("Release: abc123");
    expect(t.fussnoten.some((f) => f.startsWith("Quelle: "))).toBe(true);
    expect(t.fussnoten.some((f) => f.startsWith("Synthetische Beispieldaten"))).toBe(true);
  });

  it("rejects unknown Kreise, measures and year ranges", async () => {
    await expect(anfrageTabelle(conn, { kreise: ["08999"], von: 2018, bis: 2018, kennzahlen: ["bewilligt_eur"] }, META)).rejects.toThrow(AnfrageError);
    await expect(anfrageTabelle(conn, { kreise: [], von: 2018, bis: 2018, kennzahlen: ["drop table"] }, META)).rejects.toThrow(/Unbekannte Kennzahl/);
    expect(() => parseJahre("2020-2018")).toThrow(AnfrageError);
    expect(parseJahre("2018-2020")).toEqual({ von: 2018, bis: 2020 });
    expect(parseKreise("8111,08115")).toEqual({ kreise: ["08111", "08115"] });
    expect(parseKreise("rb:Karlsruhe")).toEqual({ kreise: [], regierungsbezirk: "Karlsruhe" });
    expect(parseKreise(undefined)).toEqual({ kreise: [] });
    expect(() => parseKreise("08111,'; DROP")).toThrow(AnfrageError);
  });
});

describe("writers", () => {
  it("CSV: German headers, decimal comma, footnotes below, text neutralised", async () => {
    const t = await anfrageTabelle(conn, { kreise: ["08115"], von: 2019, bis: 2019, kennzahlen: ["ausgezahlt_eur"] }, META);
    const text = anfrageCsv(t);
    const lines = text.slice(1).split("\r\n");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe("Kreis;AGS;Ausgezahlt (netto) 2019 (EUR)");
    expect(lines[1]).toBe("Böblingen;08115;-2500,00");
    expect(lines[2]).toBe("Summe der ausgewählten Kreise;;-2500,00");
    expect(lines[3]).toBe("Baden-Württemberg insgesamt;;37500,00");
    expect(lines[4]).toBe("");
    // Footnotes hold commas, so they are quoted (RFC 4180) to stay in one cell.
    expect(lines[5]).toMatch(/^"1\) Ausgezahlt \(netto\) \(EUR\): Nettosumme/);
    const evil: AnfrageTabelle = { ...t, zeilen: [{ ...t.zeilen[0]!, kreis_name: "=HYPERLINK(1)" }] };
    expect(anfrageCsv(evil).split("\r\n")[1]).toBe("'=HYPERLINK(1);08115;-2500,00");
  });

  it("XLSX: numbers as numeric cells, footnotes below the table", async () => {
    const t = await anfrageTabelle(conn, { kreise: ["08111", "08115"], von: 2018, bis: 2018, kennzahlen: ["bewilligt_eur"] }, META);
    const file = join(dirs[1]!, "anfrage.xlsx");
    await writeAnfrage(t, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "Kreis", "AGS", "Bewilligt (anteilig) 2018 (EUR)"]);
    expect(ws.getCell("A2").value).toBe("Stuttgart");
    expect(ws.getCell("B2").value).toBe("08111");
    expect(ws.getCell("C2").value).toBe(75342.47);
    expect(ws.getCell("A4").value).toBe("Summe der ausgewählten Kreise");
    expect(ws.getCell("C4").value).toBe(113013.7);
    expect(ws.getCell("A5").value).toBe("Baden-Württemberg insgesamt");
    expect(ws.getCell("C5").value).toBe(113013.7);
    expect(ws.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("A6").value ?? null).toBe(null);
    expect(String(ws.getCell("A7").value)).toMatch(/^1\) Bewilligt/);
  });
});

describe("npm run anfrage", () => {
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "anfrage", ...args], {
      encoding: "utf8",
      env: { ...process.env, PIK_WAREHOUSE: warehouse },
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  it("writes the CSV named by --out", () => {
    const file = join(dirs[1]!, "anfrage.csv");
    const r = cli(["--kreise", "08111,08115", "--jahre", "2018-2019", "--kennzahlen", "bewilligt_eur,ausgezahlt_eur", "--out", file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, "utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Kreis;AGS;Bewilligt (anteilig) 2018 (EUR);Bewilligt (anteilig) 2019 (EUR);Ausgezahlt (netto) 2018 (EUR);Ausgezahlt (netto) 2019 (EUR)",
    );
    expect(lines[1]).toBe("Stuttgart;08111;75342,47;24657,53;50000,00;40000,00");
    expect(lines[2]).toBe("Böblingen;08115;37671,23;12328,77;50000,00;-2500,00");
    expect(lines[3]).toBe("Summe der ausgewählten Kreise;;113013,70;36986,30;100000,00;37500,00");
  });
  it("--foerderbereich: amounts of one area (the fixture has integration management only)", () => {
    const file = join(dirs[1]!, "anfrage-im.csv");
    const r = cli(["--kreise", "08111", "--jahre", "2018", "--kennzahlen", "bewilligt_eur", "--foerderbereich", "integrationsmanagement", "--out", file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, "utf8").slice(1).split("\r\n");
    // The header holds a comma, so it is quoted (RFC 4180).
    expect(lines[0]).toBe('Kreis;AGS;"Bewilligt (anteilig), Integrationsmanagement 2018 (EUR)"');
    expect(lines[1]).toBe("Stuttgart;08111;75342,47");
    const s = cli(["--kreise", "08111", "--jahre", "2018", "--kennzahlen", "bewilligt_eur", "--foerderbereich", "spracherwerb"]);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/Stuttgart.*0,00/);
    const x = cli(["--jahre", "2018", "--foerderbereich", "foo"]);
    expect(x.code).toBe(2);
    expect(x.out).toContain("Unbekannter Förderbereich: foo");
  });
  it("exit 2 with a German message for an unknown Kreis or measure", () => {
    const a = cli(["--kreise", "08999", "--jahre", "2018"]);
    expect(a.code).toBe(2);
    expect(a.out).toContain("Unbekannte Kreise (AGS): 08999");
    const b = cli(["--jahre", "2018", "--kennzahlen", "foo"]);
    expect(b.code).toBe(2);
    expect(b.out).toContain("Unbekannte Kennzahl: foo");
  });
});

/**
 * One Förderbereich for the amounts. The fixture above plus a Spracherwerb grant
 * AZ-S to Stuttgart, 01.01.–31.12.2019, 10.000 €, paid in full on 01.03.2019:
 *   Spracherwerb 2019, 08111: bewilligt 10.000,00, ausgezahlt 10.000,00, je 1.000 EW 10.000 / 100 = 100,00;
 *   Integrationsmanagement 2019, 08111: 24.657,53 / 40.000,00 (as above); all areas: 34.657,53 / 50.000,00.
 *   Land, Spracherwerb 2019: 10.000,00 (no other Kreis has it).
 */
describe("anfrageTabelle with one Förderbereich", () => {
  let db2: DuckDBInstance;
  let conn2: DuckDBConnection;
  beforeAll(async () => {
    const dir = validFolder((t) => {
      t.haushalt.push([2019, "spracherwerb", "20000,00"]);
      t.bewilligungen.push(["AZ-S", "08111000", "Stadt Stuttgart", "spracherwerb", "bewilligt", "01.11.2018", "01.12.2018", "01.01.2019", "31.12.2019", "10000,00", ""]);
      t.auszahlungen.push(["Z-S", "AZ-S", "01.03.2019", "10000,00", "schlusszahlung"]);
    });
    dirs.push(dir);
    writeFileSync(join(dir, "kreise.csv"), csv([["kreis_ags", "einwohner", "stand"], ["08111", 100000, "31.12.2018"], ["08115", 50000, "31.12.2018"]]));
    const work = mkdtempSync(join(tmpdir(), "pik-anfrage-fb-"));
    dirs.push(work);
    const wh = join(work, "wh.duckdb");
    const outcome = await ingest({ dataDir: dir, warehouse: wh, force: true });
    if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
    db2 = await DuckDBInstance.create(wh, { access_mode: "READ_ONLY" });
    conn2 = await db2.connect();
  }, 120_000);
  afterAll(() => {
    conn2?.closeSync();
    db2?.closeSync();
  });

  const auswahl = (foerderbereich: string | null) => ({
    kreise: ["08111"],
    von: 2019,
    bis: 2019,
    kennzahlen: ["bewilligt_eur", "ausgezahlt_eur", "ausgezahlt_je_1000_ew", "vzae_besetzt"],
    foerderbereich,
  });

  it("amounts of that area only; headers and footnotes name it; VZÄ stay integration management", async () => {
    const s = await anfrageTabelle(conn2, auswahl("spracherwerb"), META);
    expect(row(s, "08111")).toMatchObject({ bewilligt_eur_2019: "10000.00", ausgezahlt_eur_2019: "10000.00", ausgezahlt_je_1000_ew_2019: "100.00" });
    expect(row(s, "Baden-Württemberg insgesamt")).toMatchObject({ bewilligt_eur_2019: "10000.00", ausgezahlt_eur_2019: "10000.00" });
    expect(s.spalten.map((c) => c.header)).toEqual([
      "Bewilligt (anteilig), Spracherwerb 2019 (EUR)",
      "Ausgezahlt (netto), Spracherwerb 2019 (EUR)",
      "Ausgezahlt (netto) je 1.000 Einwohner, Spracherwerb 2019 (EUR je 1.000 Einwohner)",
      "VZÄ besetzt 2019 (VZÄ)",
    ]);
    expect(s.fussnoten[0]).toMatch(/^1\) Bewilligt \(anteilig\) \(EUR\): .* Nur Förderbereich „Spracherwerb“\.$/);
    expect(s.fussnoten[3]).toMatch(/^4\) VZÄ besetzt \(VZÄ\): .* Betrifft stets das Integrationsmanagement\.$/);

    const im = await anfrageTabelle(conn2, auswahl("integrationsmanagement"), META);
    expect(row(im, "08111")).toMatchObject({ bewilligt_eur_2019: "24657.53", ausgezahlt_eur_2019: "40000.00" });
    expect(im.fussnoten[3]).not.toContain("Betrifft stets");
    const alle = await anfrageTabelle(conn2, auswahl(null), META);
    expect(row(alle, "08111")).toMatchObject({ bewilligt_eur_2019: "34657.53", ausgezahlt_eur_2019: "50000.00" });
    expect(alle.spalten[0]!.header).toBe("Bewilligt (anteilig) 2019 (EUR)");
    expect(alle.fussnoten[0]).toMatch(/ Summe über alle Förderbereiche\.$/);
  });

  it("an unknown area is refused with the list of known keys", async () => {
    await expect(anfrageTabelle(conn2, auswahl("wohnraum"), META)).rejects.toThrow(
      /^Unbekannter Förderbereich: wohnraum \(möglich: alle, integrationsmanagement, digitalisierung, /,
    );
  });
});

/**
 * Gemeinden. On the first fixture the only grant to a Gemeinde is AZ-1 (Stuttgart 08111000);
 * AZ-2 goes to the Landkreis Böblingen itself (5 digits) and is no Gemeinde's money.
 *
 * The second fixture adds two grants to Gemeinden of the Landkreis Böblingen (08115):
 *   AZ-G1 Böblingen 08115003, 01.01.–31.12.2019, 36.500 €: 2019 36.500,00; paid 20.000 on 01.03.2019.
 *   AZ-G2 Sindelfingen 08115045, 01.07.2018–30.06.2019 (365 days, 184 in 2018), 36.500 €:
 *     2018 36.500 × 184/365 = 18.400,00, 2019 18.100,00; paid 10.000 on 15.08.2018.
 * and populations (input table gemeinden): Böblingen 50.000, Sindelfingen 60.000, none for the others.
 *   2019, kreis:08115 (26 Gemeinden): Böblingen 36.500,00 / 20.000,00; Sindelfingen 18.100,00 / 0,00;
 *     the other 24: 0,00; sum 54.600,00 / 20.000,00;
 *     Landkreis Böblingen insgesamt: + AZ-2 (12.328,77 / −2.500,00) = 66.928,77 / 17.500,00;
 *     Land: + Stuttgart (24.657,53 / 40.000,00) = 91.586,30 / 57.500,00.
 *   bewilligt je 1.000 EW 2019: Böblingen 36.500 / 50 = 730,00; Sindelfingen 18.100 / 60 = 301,67 (301,666…);
 *     the two together 54.600 / 110 = 496,36 (496,3636…); 2018 Sindelfingen 18.400 / 60 = 306,67;
 *     Landkreis (kreise.csv: 50.000 EW) 66.928,77 / 50 = 1.338,58 (1.338,5754).
 */
describe("anfrageTabelleGemeinden", () => {
  let db3: DuckDBInstance;
  let conn3: DuckDBConnection;
  let wh3: string;
  beforeAll(async () => {
    const dir = validFolder((t) => {
      t.bewilligungen.push(
        ["AZ-G1", "08115003", "Stadt Böblingen", "integrationsmanagement", "bewilligt", "01.11.2018", "01.12.2018", "01.01.2019", "31.12.2019", "36500,00", "1"],
        ["AZ-G2", "08115045", "Stadt Sindelfingen", "integrationsmanagement", "bewilligt", "01.05.2018", "01.06.2018", "01.07.2018", "30.06.2019", "36500,00", "1"],
      );
      t.auszahlungen.push(["Z-G1", "AZ-G1", "01.03.2019", "20000,00", "abschlag"], ["Z-G2", "AZ-G2", "15.08.2018", "10000,00", "abschlag"]);
    });
    dirs.push(dir);
    writeFileSync(join(dir, "kreise.csv"), csv([["kreis_ags", "einwohner", "stand"], ["08111", 100000, "31.12.2018"], ["08115", 50000, "31.12.2018"]]));
    writeFileSync(join(dir, "gemeinden.csv"), csv([["gemeinde_ags", "einwohner", "stand"], ["08115003", 50000, "31.12.2018"], ["08115045", 60000, "31.12.2018"]]));
    const work = mkdtempSync(join(tmpdir(), "pik-anfrage-gem-"));
    dirs.push(work);
    wh3 = join(work, "wh.duckdb");
    const outcome = await ingest({ dataDir: dir, warehouse: wh3, force: true });
    if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
    db3 = await DuckDBInstance.create(wh3, { access_mode: "READ_ONLY" });
    conn3 = await db3.connect();
  }, 120_000);
  afterAll(() => {
    conn3?.closeSync();
    db3?.closeSync();
  });

  it("kreis:08115 – all 26 Gemeinden of the Kreis, the selection sum, the Kreis and the Land", async () => {
    const t = await anfrageTabelleGemeinden(conn3, { gemeinden: [], kreise: ["08115"], von: 2019, bis: 2019, kennzahlen: ["bewilligt_eur", "ausgezahlt_eur"] }, META);
    expect(t.ebene).toBe("gemeinden");
    const gemeinden = t.zeilen.filter((z) => z.art === "gemeinde");
    expect(gemeinden).toHaveLength(26);
    expect(gemeinden.every((z) => z.kreis_ags!.startsWith("08115"))).toBe(true);
    expect(t.zeilen.slice(26).map((z) => [z.art, z.kreis_ags, z.kreis_name])).toEqual([
      ["auswahl", null, "Summe der ausgewählten Gemeinden"],
      ["kreis", "08115", "Landkreis Böblingen insgesamt"],
      ["land", null, "Baden-Württemberg insgesamt"],
    ]);
    expect(row(t, "08115003")).toEqual({ bewilligt_eur_2019: "36500.00", ausgezahlt_eur_2019: "20000.00" });
    expect(row(t, "Böblingen")).toEqual(row(t, "08115003"));
    expect(row(t, "08115045")).toEqual({ bewilligt_eur_2019: "18100.00", ausgezahlt_eur_2019: "0.00" });
    // A Gemeinde without a grant: 0,00 (it received nothing), not empty.
    expect(row(t, "08115001")).toEqual({ bewilligt_eur_2019: "0.00", ausgezahlt_eur_2019: "0.00" });
    expect(row(t, "Summe der ausgewählten Gemeinden")).toEqual({ bewilligt_eur_2019: "54600.00", ausgezahlt_eur_2019: "20000.00" });
    expect(row(t, "Landkreis Böblingen insgesamt")).toEqual({ bewilligt_eur_2019: "66928.77", ausgezahlt_eur_2019: "17500.00" });
    expect(row(t, "Baden-Württemberg insgesamt")).toEqual({ bewilligt_eur_2019: "91586.30", ausgezahlt_eur_2019: "57500.00" });
    expect(t.fussnoten).toContain("Keine Zuwendung im Jahr 2019: 24 von 26 der ausgewählten Gemeinden (Beträge 0,00).");
    expect(t.fussnoten.some((f) => f.startsWith("Gemeinden: Zuwendungen mit der Gemeinde als Empfänger") && f.includes("mittel_gemeinde_jahr"))).toBe(true);
    expect(t.fussnoten.find((f) => f.startsWith("Quelle: "))).toContain("mittel_gemeinde_jahr");
    expect(t.fussnoten).toContain("Synthetische Beispieldaten: Alle Zahlen je Gemeinde und Kreis sind erfunden und keine amtlichen Angaben; nicht zitieren.");
    const ohneSynth = await anfrageTabelleGemeinden(conn3, { gemeinden: ["08115003"], kreise: [], von: 2019, bis: 2019, kennzahlen: ["bewilligt_eur"] }, { ...META, synthetisch: false });
    expect(ohneSynth.fussnoten.some((f) => f.startsWith("Synthetische"))).toBe(false);
  });

  it("a list of Gemeinden (two Kreise): per 1.000 inhabitants with Gemeinde populations, empty without", async () => {
    const t = await anfrageTabelleGemeinden(
      conn3,
      { gemeinden: ["08115045", "08115003", "08111000"], kreise: [], von: 2018, bis: 2019, kennzahlen: ["bewilligt_eur", "bewilligt_je_1000_ew"] },
      META,
    );
    expect(t.zeilen.map((z) => z.kreis_ags)).toEqual(["08111000", "08115003", "08115045", null, "08111", "08115", null]);
    expect(row(t, "08115003")).toEqual({ bewilligt_eur_2018: "0.00", bewilligt_eur_2019: "36500.00", bewilligt_je_1000_ew_2018: "0.00", bewilligt_je_1000_ew_2019: "730.00" });
    expect(row(t, "08115045")).toEqual({ bewilligt_eur_2018: "18400.00", bewilligt_eur_2019: "18100.00", bewilligt_je_1000_ew_2018: "306.67", bewilligt_je_1000_ew_2019: "301.67" });
    // Stuttgart has no population in the input table gemeinden: no value per inhabitant, and none for a sum with it.
    expect(row(t, "08111000")).toEqual({ bewilligt_eur_2018: "75342.47", bewilligt_eur_2019: "24657.53", bewilligt_je_1000_ew_2018: null, bewilligt_je_1000_ew_2019: null });
    expect(row(t, "Summe der ausgewählten Gemeinden")).toEqual({
      bewilligt_eur_2018: "93742.47",
      bewilligt_eur_2019: "79257.53",
      bewilligt_je_1000_ew_2018: null,
      bewilligt_je_1000_ew_2019: null,
    });
    expect(row(t, "Landkreis Böblingen insgesamt")["bewilligt_je_1000_ew_2019"]).toBe("1338.58");
    const zwei = await anfrageTabelleGemeinden(conn3, { gemeinden: ["08115003", "08115045"], kreise: [], von: 2019, bis: 2019, kennzahlen: ["bewilligt_je_1000_ew"] }, META);
    expect(row(zwei, "Summe der ausgewählten Gemeinden")).toEqual({ bewilligt_je_1000_ew_2019: "496.36" });
    expect(zwei.fussnoten[0]).toMatch(/^1\) Bewilligt \(anteilig\) je 1\.000 Einwohner \(EUR je 1\.000 Einwohner\): Bewilligt \(anteilig\) geteilt durch die Einwohnerzahl/);
    expect(zwei.fussnoten).toContain(
      "Je 1.000 Einwohner: Gemeinden mit der Einwohnerzahl der Eingabetabelle gemeinden, Kreise und Land mit der Einwohnerzahl der " +
        "Kreise; ohne Einwohnerzahl einer Gemeinde bleibt ihr Wert und der Wert jeder Summe mit ihr leer.",
    );
  });

  it("refuses staffing measures, per inhabitant without Gemeinde populations, unknown Gemeinden and Kreise", async () => {
    const a = (kennzahlen: string[], gemeinden = ["08111000"], kreise: string[] = []) => ({ gemeinden, kreise, von: 2018, bis: 2018, kennzahlen });
    await expect(anfrageTabelleGemeinden(conn3, a(["bewilligt_eur", "vzae_besetzt", "gefluechtete_je_vzae"]), META)).rejects.toThrow(
      /^Für Gemeinden nicht verfügbar: vzae_besetzt, gefluechtete_je_vzae\. Stellen \(VZÄ\) und Geflüchtete in der Anschlussunterbringung veröffentlicht der PIK-Monitor nur je Kreis/,
    );
    // The first fixture has no input table gemeinden.
    await expect(anfrageTabelleGemeinden(conn, a(["ausgezahlt_je_1000_ew"]), META)).rejects.toThrow(
      "Für Gemeinden nicht verfügbar: ausgezahlt_je_1000_ew. Kennzahlen je 1.000 Einwohner gibt es für Gemeinden nur mit Einwohnerzahlen der Gemeinden (optionale Eingabetabelle gemeinden); das Data Warehouse enthält keine.",
    );
    await expect(anfrageTabelleGemeinden(conn3, a(["bewilligt_eur"], ["08115999", "08111000", "08999001"]), META)).rejects.toThrow(
      "Unbekannte Gemeinden (AGS): 08115999, 08999001",
    );
    await expect(anfrageTabelleGemeinden(conn3, a(["bewilligt_eur"], [], ["08999"]), META)).rejects.toThrow("Unbekannte Kreise (AGS): 08999");
    expect(parseGemeinden("8111000, 08115003;kreis:8115")).toEqual({ gemeinden: ["08111000", "08115003"], kreise: ["08115"] });
    expect(() => parseGemeinden("08115,x'; DROP")).toThrow("Kein Gemeinde-AGS (8 Stellen) und kein kreis:AGS: 08115, x', DROP");
  });

  it("the first fixture: Stuttgart's grant is a Gemeinde's money, the grant to the Landkreis Böblingen is not", async () => {
    const t = await anfrageTabelleGemeinden(conn, { gemeinden: ["08111000"], kreise: ["08115"], von: 2018, bis: 2018, kennzahlen: ["bewilligt_eur"] }, META);
    expect(row(t, "08111000")).toEqual({ bewilligt_eur_2018: "75342.47" });
    expect(row(t, "Summe der ausgewählten Gemeinden")).toEqual({ bewilligt_eur_2018: "75342.47" });
    expect(row(t, "Stadtkreis Stuttgart insgesamt")).toEqual({ bewilligt_eur_2018: "75342.47" });
    // 37.671,23 € to the Landkreis itself: in its total, in no Gemeinde.
    expect(row(t, "Landkreis Böblingen insgesamt")).toEqual({ bewilligt_eur_2018: "37671.23" });
    expect(t.zeilen.filter((z) => z.art === "gemeinde" && z.kreis_ags!.startsWith("08115")).every((z) => z.werte["bewilligt_eur_2018"] === "0.00")).toBe(true);
    expect(row(t, "Baden-Württemberg insgesamt")).toEqual({ bewilligt_eur_2018: "113013.70" });
  });

  it("the page's browser modules (data/anfrage-gemeinden.json, metrics.js) give the CLI's numbers, cell by cell", async () => {
    const ks = ["bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur", "bewilligt_je_1000_ew", "ausgezahlt_je_1000_ew"];
    const ags = ["08115003", "08115045", "08115001"];
    for (const bereich of ["alle", "integrationsmanagement"]) {
      const cli = await anfrageTabelleGemeinden(
        conn3,
        { gemeinden: ags, kreise: [], von: 2018, bis: 2019, kennzahlen: ks, foerderbereich: bereich === "alle" ? null : bereich },
        META,
      );
      const daten = await anfrageDaten(conn3, META);
      const gd = await anfrageGemeindenDaten(conn3, META);
      expect(gd.einwohner_vorhanden).toBe(true);
      expect(gd.kennzahlen.map((k) => k.name)).toEqual(["bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur", "bewilligt_je_1000_ew", "ausgezahlt_je_1000_ew", "rueckforderung_je_1000_ew"]);
      const gb = gemeindeBasis(gd);
      const fmt = (v: number | null, scale: number) => (v === null ? null : v.toFixed(scale));
      for (const name of ks) {
        const k = daten.kennzahlen.find((x) => x.name === name)!;
        for (const j of [2018, 2019]) {
          const key = `${name}_${j}`;
          for (const a of ags) expect(`${a} ${key} ${fmt(wertGemeinden(k, [gb.zeile(a, j)], bereich), k.scale)}`).toBe(`${a} ${key} ${row(cli, a)[key]}`);
          expect(fmt(wertGemeinden(k, ags.map((a) => gb.zeile(a, j)), bereich), k.scale)).toBe(row(cli, AUSWAHL_GEMEINDEN_NAME)[key]);
          const kreis = daten.basis.filter((b) => b.jahr === j && b.kreis_ags === "08115");
          expect(fmt(wert(k, kreis, bereich), k.scale)).toBe(row(cli, "08115")[key]);
        }
      }
      expect(gb.mitGeld("08115001", [2018, 2019], bereich)).toBe(false);
      expect(gb.mitGeld("08115045", [2018], bereich)).toBe(true);
    }
  });

  it("npm run anfrage -- --gemeinden kreis:08115 writes the CSV; --kreise with --gemeinden is a usage error", () => {
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "anfrage", ...args], {
        encoding: "utf8",
        env: { ...process.env, PIK_WAREHOUSE: wh3 },
        timeout: 120_000,
      });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const file = join(dirs[1]!, "anfrage-gemeinden.csv");
    const r = cli(["--gemeinden", "kreis:08115", "--jahre", "2018-2019", "--kennzahlen", "bewilligt_eur", "--out", file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, "utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Gemeinde;AGS;Bewilligt (anteilig) 2018 (EUR);Bewilligt (anteilig) 2019 (EUR)");
    expect(lines).toContain("Böblingen;08115003;0,00;36500,00");
    expect(lines).toContain("Sindelfingen;08115045;18400,00;18100,00");
    expect(lines[27]).toBe("Summe der ausgewählten Gemeinden;;18400,00;54600,00");
    // 2018: AZ-2 37.671,23 + Sindelfingen 18.400,00.
    expect(lines[28]).toBe("Landkreis Böblingen insgesamt;08115;56071,23;66928,77");
    expect(lines[29]).toBe("Baden-Württemberg insgesamt;;131413,70;91586,30");
    const both = cli(["--kreise", "08115", "--gemeinden", "kreis:08115", "--jahre", "2019"]);
    expect(both.code).toBe(2);
    expect(both.out).toContain("Entweder --kreise oder --gemeinden angeben, nicht beides");
    const bad = cli(["--gemeinden", "08115999", "--jahre", "2019"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("Unbekannte Gemeinden (AGS): 08115999");
    const vzae = cli(["--gemeinden", "08115003", "--jahre", "2019", "--kennzahlen", "vzae_bewilligt"]);
    expect(vzae.code).toBe(2);
    expect(vzae.out).toContain("Für Gemeinden nicht verfügbar: vzae_bewilligt.");
  });
});
