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
