/**
 * Queries of the pages „Übersicht“ and „Mittel je Kreis“ on a tiny hand-made
 * warehouse, plus the page-side selection (mittel-auswahl.js) and the optional
 * Kreis boundaries (geo.json).
 *
 * Every expected value was worked out by hand (arithmetic in the comments).
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";
import { featureAgs, kreisGeo, mittel, rewind, type MittelDaten } from "../../loaders/pages/mittel.ts";
import { latestCompleteYear, uebersicht } from "../../loaders/pages/uebersicht.ts";
import { loadKreise } from "../../loaders/reference/kreise.ts";
// @ts-expect-error plain JS module of the site
import { auswahl as auswahlMit, kreisLabels, pick } from "../../src/components/mittel-auswahl.js";
import { metricTexts } from "../../loaders/queries/metrics.ts";

const Q = "Testdaten";

/*
 * Four Kreise; Heilbronn twice (Stadtkreis and Landkreis). Einwohner 600.000 + 400.000 + 100.000 + 300.000 = 1.400.000.
 *
 * Grants (status, antrag → bescheid = days, period, amount):
 *   IM-A 08115003 IM  bewilligt  2022-11-01 → 2022-12-11 = 40  2023-01-01..2023-12-31  36.500,00  2,0 VZÄ
 *   IM-B 08111    IM  bewilligt  2023-01-10 → 2023-02-09 = 30  2023-01-01..2024-12-31  73.100,00  3,0 VZÄ
 *        (731 days = 365 + 366 → 100,00 per day → 2023: 36.500,00; 2024: 36.600,00)
 *   IM-C 08121    IM  bewilligt  2023-09-01 → 2023-09-21 = 20  2024-01-01..2024-12-31  36.600,00  1,0 VZÄ
 *   SB-A 08121    SB  bewilligt  2023-03-01 → 2023-03-21 = 20  2023-04-01..2023-12-31  10.000,00
 *   SB-B 08111    SB  bewilligt  2022-01-01 → 2022-03-02 = 60  2022-01-01..2022-12-31   5.000,00
 *   EA-D 08115    EA  bewilligt  2023-07-01 → 2023-07-11 = 10  2023-07-01..2023-07-31     310,00
 *   EA-A 08125001 EA  abgelehnt  2023-05-01 → 2023-06-20 = 50
 *   EA-B 08115    EA  beantragt  2024-10-01
 *   EA-C 08111    EA  beantragt  2024-09-15
 *   DIG-A 08111   DIG zurueckgezogen 2023-02-01
 */
const FIXTURE = `
INSERT INTO ref.kreise VALUES
  ('08111', 'Stuttgart', 'Stadtkreis', 'Stuttgart', 600000, DATE '2018-12-31', '${Q}', 207.33),
  ('08115', 'Böblingen', 'Landkreis',  'Stuttgart', 400000, DATE '2018-12-31', '${Q}', 617.76),
  ('08121', 'Heilbronn', 'Stadtkreis', 'Stuttgart', 100000, DATE '2018-12-31', '${Q}', 99.89),
  ('08125', 'Heilbronn', 'Landkreis',  'Stuttgart', 300000, DATE '2018-12-31', '${Q}', 1099.92);

INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  ('IM-A',  '08115003', 'Gemeinde A',          'integrationsmanagement', 'bewilligt',      DATE '2022-11-01', DATE '2022-12-11', DATE '2023-01-01', DATE '2023-12-31', 36500.00, 2.0),
  ('IM-B',  '08111',    'Stadt Stuttgart',     'integrationsmanagement', 'bewilligt',      DATE '2023-01-10', DATE '2023-02-09', DATE '2023-01-01', DATE '2024-12-31', 73100.00, 3.0),
  ('IM-C',  '08121',    'Stadt Heilbronn',     'integrationsmanagement', 'bewilligt',      DATE '2023-09-01', DATE '2023-09-21', DATE '2024-01-01', DATE '2024-12-31', 36600.00, 1.0),
  ('SB-A',  '08121',    'Stadt Heilbronn',     'schule_beruf',           'bewilligt',      DATE '2023-03-01', DATE '2023-03-21', DATE '2023-04-01', DATE '2023-12-31', 10000.00, NULL),
  ('SB-B',  '08111',    'Stadt Stuttgart',     'schule_beruf',           'bewilligt',      DATE '2022-01-01', DATE '2022-03-02', DATE '2022-01-01', DATE '2022-12-31', 5000.00, NULL),
  ('EA-D',  '08115',    'Landkreis Böblingen', 'ehrenamt',               'bewilligt',      DATE '2023-07-01', DATE '2023-07-11', DATE '2023-07-01', DATE '2023-07-31', 310.00, NULL),
  ('EA-A',  '08125001', 'Gemeinde B',          'ehrenamt',               'abgelehnt',      DATE '2023-05-01', DATE '2023-06-20', DATE '2023-07-01', DATE '2023-12-31', 0.00, NULL),
  ('EA-B',  '08115',    'Landkreis Böblingen', 'ehrenamt',               'beantragt',      DATE '2024-10-01', NULL,              DATE '2025-01-01', DATE '2025-12-31', 0.00, NULL),
  ('EA-C',  '08111',    'Stadt Stuttgart',     'ehrenamt',               'beantragt',      DATE '2024-09-15', NULL,              DATE '2025-01-01', DATE '2025-12-31', 0.00, NULL),
  ('DIG-A', '08111',    'Stadt Stuttgart',     'digitalisierung',        'zurueckgezogen', DATE '2023-02-01', NULL,              DATE '2023-03-01', DATE '2023-12-31', 0.00, NULL);

INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('P1', 'IM-A', DATE '2023-03-01', 20000.00, 'abschlag'),
  ('P2', 'IM-A', DATE '2023-12-15', 10000.00, 'abschlag'),
  ('P3', 'IM-A', DATE '2024-03-01', -1500.00, 'rueckforderung'),
  ('P4', 'IM-B', DATE '2023-06-01', 30000.00, 'abschlag'),
  ('P5', 'IM-B', DATE '2024-06-01', 20000.00, 'abschlag'),
  ('P6', 'SB-A', DATE '2023-12-20',  2000.00, 'schlusszahlung'),
  ('P7', 'SB-B', DATE '2022-06-01',  5000.00, 'abschlag'),
  ('P8', 'SB-B', DATE '2023-02-01',  -500.00, 'rueckforderung');

INSERT INTO eingang.stellen (aktenzeichen, stichtag, stelle_nr, vzae, besetzt, anstellungstraeger, qualifikation) VALUES
  ('IM-A', DATE '2023-06-30', 'S1', 1.0, true,  'gemeinde', 'hochschulabschluss'),
  ('IM-A', DATE '2023-06-30', 'S2', 1.0, true,  'gemeinde', 'hochschulabschluss'),
  ('IM-B', DATE '2023-06-30', 'S1', 1.0, true,  'landkreis', 'hochschulabschluss'),
  ('IM-B', DATE '2023-06-30', 'S2', 1.0, false, 'landkreis', NULL),
  ('IM-B', DATE '2023-06-30', 'S3', 0.5, true,  'landkreis', 'nachqualifizierung'),
  ('IM-A', DATE '2023-12-31', 'S1', 0.5, true,  'gemeinde', 'hochschulabschluss'),
  ('IM-B', DATE '2023-12-31', 'S1', 1.0, true,  'landkreis', 'hochschulabschluss'),
  ('IM-B', DATE '2024-06-30', 'S1', 1.0, true,  'landkreis', 'hochschulabschluss'),
  ('IM-B', DATE '2024-06-30', 'S2', 0.5, true,  'landkreis', 'hochschulabschluss'),
  ('IM-C', DATE '2024-06-30', 'S1', 1.0, false, 'gemeinde', NULL);

INSERT INTO eingang.gefluechtete_au (kreis_ags, stichtag, personen) VALUES
  ('08111', DATE '2022-09-15', 1000), ('08111', DATE '2023-09-15', 1200),
  ('08115', DATE '2022-09-15', 400),  ('08115', DATE '2023-09-15', 500),
  ('08121', DATE '2023-09-15', 300),
  ('08125', DATE '2023-09-15', 600),  ('08125', DATE '2024-09-15', 700);

INSERT INTO eingang.haushalt (haushaltsjahr, foerderbereich, ansatz_eur) VALUES
  (2022, 'integrationsmanagement', 50000.00),
  (2022, 'schule_beruf', 10000.00),
  (2023, 'integrationsmanagement', 100000.00),
  (2023, 'schule_beruf', 20000.00);
`;

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  ({ instance, conn } = await fixtureWarehouse(FIXTURE));
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

describe("latest complete year", () => {
  it("is the last calendar year that ends on or before the Stand", async () => {
    expect(await latestCompleteYear(conn, "2024-11-30")).toEqual({ stand: "2024-11-30", jahr: 2023 });
    expect(await latestCompleteYear(conn, "2024-12-31")).toEqual({ stand: "2024-12-31", jahr: 2024 });
    expect(await latestCompleteYear(conn, "2025-01-01")).toEqual({ stand: "2025-01-01", jahr: 2024 });
  });
  it("falls back to the latest booking without a Stand, and refuses a non-date", async () => {
    // Latest booking: P5 on 2024-06-01 → 2023.
    expect(await latestCompleteYear(conn, null)).toEqual({ stand: "2024-06-01", jahr: 2023 });
    await expect(latestCompleteYear(conn, "2024-13-01'; DROP")).rejects.toThrow(/kein Datum/);
  });
});

describe("uebersicht", () => {
  it("sums the Land's money of J = 2023 and J−1 = 2022 with exact changes", async () => {
    const u = await uebersicht(conn, { stand: "2024-11-30" });
    expect(u.jahr).toBe(2023);
    expect(u.vorjahr).toBe(2022);
    // Ansatz 2023: 100.000 + 20.000 = 120.000; 2022: 50.000 + 10.000 = 60.000 → +60.000 = +100 %.
    // Bewilligt 2023: IM-A 36.500 + IM-B 36.500 + SB-A 10.000 + EA-D 310 = 83.310; 2022: SB-B 5.000.
    //   Change 78.310 ÷ 5.000 = 15,662; share of Ansatz 83.310 ÷ 120.000 = 0,69425 → half → 0,6943.
    // Ausgezahlt 2023: P1 20.000 + P2 10.000 + P4 30.000 + P6 2.000 − P8 500 = 61.500; 2022: P7 5.000.
    //   Change 56.500 ÷ 5.000 = 11,3; share 61.500 ÷ 120.000 = 0,5125.
    // Zurückgefordert 2023: P8 500; 2022: 0 → relative change undefined (NULL); share 500 ÷ 120.000 = 0,0041666… → 0,0042.
    expect(u.kennzahlen).toEqual([
      { kennzahl: "ansatz_eur", wert: "120000.00", vorjahr: "60000.00", veraenderung: "60000.00", veraenderung_quote: "1.0000", anteil_ansatz: "1.0000" },
      { kennzahl: "bewilligt_eur", wert: "83310.00", vorjahr: "5000.00", veraenderung: "78310.00", veraenderung_quote: "15.6620", anteil_ansatz: "0.6943" },
      { kennzahl: "ausgezahlt_eur", wert: "61500.00", vorjahr: "5000.00", veraenderung: "56500.00", veraenderung_quote: "11.3000", anteil_ansatz: "0.5125" },
      { kennzahl: "rueckforderung_eur", wert: "500.00", vorjahr: "0.00", veraenderung: "500.00", veraenderung_quote: null, anteil_ansatz: "0.0042" },
    ]);
    // Ehrenamt has money in 2023 (EA-D) but no appropriation.
    expect(u.ohne_ansatz).toEqual(["ehrenamt"]);
  });

  it("computes coverage at the latest stichtag 2024-06-30 and one year before", async () => {
    const u = await uebersicht(conn, { stand: "2024-11-30" });
    // 2024-06-30: 08111 (IM-B) filled 1,0 + 0,5 = 1,5, count 2023-09-15 = 1.200;
    //             08121 (IM-C) reported S1 vacant → 0 filled, count 300. 08115: IM-A ended, no row.
    //   Σ VZÄ = 1,5; Σ refugees = 1.200 + 300 = 1.500 → 1.500 ÷ 1,5 = 1.000 per VZÄ.
    // 2023-06-30: 08115 filled 2,0 (count 2022-09-15 = 400); 08111 filled 1,0 + 0,5 = 1,5 (count 1.000)
    //   Σ VZÄ = 3,5; 1.400 ÷ 3,5 = 400.
    expect(u.abdeckung).toEqual({
      stichtag: "2024-06-30",
      vorjahr_stichtag: "2023-06-30",
      kreise_gemeldet: 2,
      kreise_quote: 2,
      vzae_besetzt: "1.5000",
      vzae_besetzt_vorjahr: "3.5000",
      gefluechtete_au: 1500,
      vzae_quote: "1.5000",
      gefluechtete_je_vzae: "1000.0000",
      gefluechtete_je_vzae_vorjahr: "400.0000",
      zaehlung_von: "2023-09-15",
      zaehlung_bis: "2023-09-15",
      zuwendungen_ohne_meldung: 0,
    });
  });

  it("counts recipients and Kreise with IM; the public edition has no Antragslage", async () => {
    const u = await uebersicht(conn, { stand: "2024-11-30" });
    // Recipients 2023 (granted, period overlapping 2023): 08115003 (IM-A), 08111 (IM-B), 08121 (SB-A), 08115 (EA-D) = 4;
    //   2022: 08111 (SB-B) = 1.
    // IM running on 2024-06-30: IM-B (08111), IM-C (08121) → 2 of 4 Kreise.
    expect(u.nutzung).toEqual({ empfaenger: 4, empfaenger_vorjahr: 1, kreise_mit_im: 2, kreise_gesamt: 4 });
    // Pending applications and processing times are internal-only: not even the key is there.
    expect("antragslage" in u).toBe(false);
    expect(JSON.stringify(await uebersicht(conn, { stand: "2024-11-30", edition: "oeffentlich" }))).toBe(JSON.stringify(u));
  });

  it("intern edition: pending, rejected and withdrawn applications and the median days to decision", async () => {
    const u = await uebersicht(conn, { stand: "2024-11-30", edition: "intern" });
    // Pending: EA-B, EA-C = 2, oldest 2024-09-15. Rejected: EA-A = 1. Withdrawn: DIG-A = 1.
    // Decided in 2023 (bewilligt/abgelehnt): 30 (IM-B), 20 (SB-A), 50 (EA-A), 10 (EA-D), 20 (IM-C) → median of 10,20,20,30,50 = 20.
    // Decided in 2022: 40 (IM-A), 60 (SB-B) → median 50. DIG-A (withdrawn) does not count.
    expect(u.antragslage).toEqual({
      beantragt: 2,
      beantragt_seit: "2024-09-15",
      median_tage: 20,
      median_tage_vorjahr: 50,
      entschieden: 5,
      entschieden_vorjahr: 2,
      abgelehnt: 1,
      zurueckgezogen: 1,
    });
    // Everything else is the same as in the public edition.
    const { antragslage: _, ...rest } = u;
    expect(rest).toEqual(await uebersicht(conn, { stand: "2024-11-30" }));
  });

  it("lists the Kreise with the lowest coverage and the slowest payout", async () => {
    const u = await uebersicht(conn, { stand: "2024-11-30", top: 2 });
    // Coverage at 2024-06-30: 08121 has refugees but no filled VZÄ → first; then 08111 with 1.200 ÷ 1,5 = 800.
    expect(u.niedrigste_abdeckung).toEqual([
      { kreis_ags: "08121", kreis_name: "Heilbronn", kreis_typ: "Stadtkreis", rang: 1, gefluechtete_au: 300, vzae_besetzt: "0.0000", gefluechtete_je_vzae: null },
      { kreis_ags: "08111", kreis_name: "Stuttgart", kreis_typ: "Stadtkreis", rang: 2, gefluechtete_au: 1200, vzae_besetzt: "1.5000", gefluechtete_je_vzae: "800.0000" },
    ]);
    // Payout 2023 = ausgezahlt ÷ bewilligt: 08121 2.000 ÷ 10.000 = 0,2; 08111 (30.000 − 500) ÷ 36.500 = 0,80822 → 0,8082;
    //   08115 30.000 ÷ (36.500 + 310) = 0,814996 → 0,8150 (third, cut by top = 2); 08125 has no money.
    // Land: 61.500 ÷ 83.310 = 0,738207 → 0,7382.
    expect(u.langsamster_abfluss).toEqual([
      { kreis_ags: "08121", kreis_name: "Heilbronn", kreis_typ: "Stadtkreis", rang: 1, bewilligt_eur: "10000.00", ausgezahlt_eur: "2000.00", auszahlungsquote: "0.2000" },
      { kreis_ags: "08111", kreis_name: "Stuttgart", kreis_typ: "Stadtkreis", rang: 2, bewilligt_eur: "36500.00", ausgezahlt_eur: "29500.00", auszahlungsquote: "0.8082" },
    ]);
    expect(u.auszahlungsquote_land).toBe("0.7382");
  });
});

describe("mittel", () => {
  let d: MittelDaten;
  beforeAll(async () => {
    d = await mittel(conn, { stand: "2024-11-30" });
  });

  it("has the Kreise, the years with money and the default year", () => {
    expect(d.jahr_voll).toBe(2023);
    expect(d.jahre).toEqual([2022, 2023, 2024]);
    expect(d.kreise.map((k) => [k.kreis_ags, k.kreis_typ, k.einwohner])).toEqual([
      ["08111", "Stadtkreis", 600000],
      ["08115", "Landkreis", 400000],
      ["08121", "Stadtkreis", 100000],
      ["08125", "Landkreis", 300000],
    ]);
  });

  it("has mittel_kreis_jahr in integer cents", () => {
    // 08111 2023 schule_beruf: nothing granted for 2023, recovery P8 → −500,00 € = −50.000 ct.
    // 08115 2024 IM: IM-A ended 2023, recovery P3 → −150.000 ct. 08121 2023 IM: IM-C starts 2024 → no row.
    expect(d.mittel).toEqual([
      { kreis_ags: "08111", jahr: 2022, foerderbereich: "schule_beruf", bewilligt_ct: 500000, ausgezahlt_ct: 500000 },
      { kreis_ags: "08111", jahr: 2023, foerderbereich: "integrationsmanagement", bewilligt_ct: 3650000, ausgezahlt_ct: 3000000 },
      { kreis_ags: "08111", jahr: 2023, foerderbereich: "schule_beruf", bewilligt_ct: 0, ausgezahlt_ct: -50000 },
      { kreis_ags: "08111", jahr: 2024, foerderbereich: "integrationsmanagement", bewilligt_ct: 3660000, ausgezahlt_ct: 2000000 },
      { kreis_ags: "08115", jahr: 2023, foerderbereich: "ehrenamt", bewilligt_ct: 31000, ausgezahlt_ct: 0 },
      { kreis_ags: "08115", jahr: 2023, foerderbereich: "integrationsmanagement", bewilligt_ct: 3650000, ausgezahlt_ct: 3000000 },
      { kreis_ags: "08115", jahr: 2024, foerderbereich: "integrationsmanagement", bewilligt_ct: 0, ausgezahlt_ct: -150000 },
      { kreis_ags: "08121", jahr: 2023, foerderbereich: "schule_beruf", bewilligt_ct: 1000000, ausgezahlt_ct: 200000 },
      { kreis_ags: "08121", jahr: 2024, foerderbereich: "integrationsmanagement", bewilligt_ct: 3660000, ausgezahlt_ct: 0 },
    ]);
    expect(d.gefluechtete).toHaveLength(7);
    expect(d.gefluechtete[0]).toEqual({ kreis_ags: "08111", stichtag: "2022-09-15", personen: 1000 });
  });

  // The page passes data/kennzahlen.json: the registry's formulas.
  const KENNZAHLEN = Object.fromEntries(metricTexts().map((t) => [t.key, t]));
  const auswahl = (daten: unknown, sel: Record<string, unknown>) => auswahlMit(daten, sel, KENNZAHLEN);

  it("selection: ausgezahlt per 1.000 inhabitants, 2023–2024, all Förderbereiche", () => {
    const s = auswahl(d, { mass: "ausgezahlt", bezug: "einwohner", von: 2023, bis: 2024, fb: "alle" });
    // 08111: 30.000 − 500 + 20.000 = 49.500 € ÷ 600.000 × 1.000 = 82,50
    // 08115: 30.000 − 1.500 = 28.500 € ÷ 400.000 × 1.000 = 71,25
    // 08121: 2.000 € ÷ 100.000 × 1.000 = 20,00;  08125: 0
    // Land: 80.000 € ÷ 1.400.000 × 1.000 = 57,142857… → 57,14 (to the cent, as on the Kreis pages)
    const by = Object.fromEntries(s.rows.map((r: { kreis_ags: string }) => [r.kreis_ags, r]));
    expect(by["08111"]).toMatchObject({ betrag_eur: 49500, wert: 82.5, rang: 1, kreis_name: "Stuttgart" });
    expect(by["08115"]).toMatchObject({ betrag_eur: 28500, wert: 71.25, rang: 2 });
    expect(by["08121"]).toMatchObject({ betrag_eur: 2000, wert: 20, rang: 3, kreis_name: "Heilbronn (Stadtkreis)" });
    expect(by["08125"]).toMatchObject({ betrag_eur: 0, wert: 0, rang: 4, kreis_name: "Heilbronn (Landkreis)" });
    expect(s.land.betrag_eur).toBe(80000);
    expect(s.land.wert).toBe(57.14);
    // Refugee count: latest on or before 31.12.2024 → 08125 has 2024-09-15 (700), the others 2023-09-15.
    expect(by["08125"]).toMatchObject({ gefluechtete: 700, gefluechtete_stichtag: "2024-09-15" });
    expect(s.stichtage).toEqual(["2023-09-15", "2024-09-15"]);
  });

  it("selection: bewilligt per refugee, IM only, years given the wrong way round", () => {
    const s = auswahl(d, { mass: "bewilligt", bezug: "gefluechtete", von: 2024, bis: 2023, fb: "integrationsmanagement" });
    // 08111: 36.500 + 36.600 = 73.100 ÷ 1.200 = 60,9166… → 60,92; 08115: 36.500 ÷ 500 = 73; 08121: 36.600 ÷ 300 = 122;
    // 08125: 0 ÷ 700 = 0. Land: 146.200 ÷ (1.200 + 500 + 300 + 700 = 2.700) = 54,148148… → 54,15.
    expect(s.getauscht).toBe(true);
    expect([s.von, s.bis]).toEqual([2023, 2024]);
    const order = s.rows
      .slice()
      .sort((a: { rang: number }, b: { rang: number }) => a.rang - b.rang)
      .map((r: { kreis_ags: string; wert: number }) => [r.kreis_ags, r.wert]);
    expect(order).toEqual([
      ["08121", 122],
      ["08115", 73],
      ["08111", 60.92],
      ["08125", 0],
    ]);
    expect(s.land.wert).toBe(54.15);
  });

  it("selection: absolute €, a year without a refugee count gives no per-refugee value", () => {
    // 2022: only 08111 SB-B 5.000 bewilligt; counts on or before 31.12.2022: 08111 1.000, 08115 400; none for 08121, 08125.
    const s = auswahl(d, { mass: "bewilligt", bezug: "absolut", von: 2022, bis: 2022, fb: "alle" });
    const by = Object.fromEntries(s.rows.map((r: { kreis_ags: string }) => [r.kreis_ags, r]));
    // 5.000 € ÷ 600.000 × 1.000 = 8,333… → 8,33.
    expect(by["08111"]).toMatchObject({ wert: 5000, je_gefluechtete: 5, je_einwohner: 8.33 });
    expect(by["08121"]).toMatchObject({ gefluechtete: null, je_gefluechtete: null });
    // Mean per Kreis: 5.000 ÷ 4 = 1.250.
    expect(s.land.wert).toBe(1250);
    expect(s.land.kreise_mit_zaehlung).toBe(2);
  });

  it("ties share a rank, the next rank skips (as rank() on the Kreis pages)", () => {
    // 2023, IM, bewilligt: 08111 and 08115 both 36.500 €; 08121 and 08125 nothing (0 €).
    const s = auswahl(d, { mass: "bewilligt", bezug: "absolut", von: 2023, bis: 2023, fb: "integrationsmanagement" });
    const rang = Object.fromEntries(s.rows.map((r: { kreis_ags: string; rang: number }) => [r.kreis_ags, r.rang]));
    expect(rang).toEqual({ "08111": 1, "08115": 1, "08121": 3, "08125": 3 });
  });

  it("labels and URL values", () => {
    expect([...kreisLabels(d.kreise).values()]).toEqual(["Stuttgart", "Böblingen", "Heilbronn (Stadtkreis)", "Heilbronn (Landkreis)"]);
    expect(pick("2023", [2022, 2023], 2022)).toBe(2023);
    expect(pick("1999", [2022, 2023], 2022)).toBe(2022);
    expect(pick(null, ["bewilligt", "ausgezahlt"], "bewilligt")).toBe("bewilligt");
  });
});

describe("Kreis boundaries (geo.json)", () => {
  it("reads the Kreis AGS from AGS, ags, kreis_ags or RS", () => {
    expect(featureAgs({ AGS: "08111" })).toBe("08111");
    expect(featureAgs({ ags: 8111 })).toBe("08111");
    expect(featureAgs({ kreis_ags: "08415" })).toBe("08415");
    expect(featureAgs({ RS: "081150000000" })).toBe("08115");
    expect(featureAgs({ AGS: "0811", RS: "08121" })).toBe("08121");
    expect(featureAgs({ AGS: "081110001" })).toBeNull();
    expect(featureAgs({ AGS: "09162" })).toBeNull(); // München: not a Kreis of Baden-Württemberg
    expect(featureAgs({ AGS: "8111" })).toBeNull(); // a 4-digit text is not a Kreis key
    expect(featureAgs({ name: "Stuttgart" })).toBeNull();
    expect(featureAgs(null)).toBeNull();
  });

  it("winds exterior rings clockwise and holes counter-clockwise (d3-geo)", () => {
    // Counter-clockwise square (RFC 7946 exterior) with a clockwise hole.
    const ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const cwHole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
    const g = rewind({ type: "Polygon", coordinates: [ccw, cwHole] });
    expect(g.coordinates).toEqual([[...ccw].reverse(), [...cwHole].reverse()]);
    // Already d3-wound: unchanged.
    expect(rewind(g).coordinates).toEqual(g.coordinates);
  });

  it("outputs the first GeoJSON in data/geo with Kreis features, or null", () => {
    const dir = mkdtempSync(join(tmpdir(), "pik-geo-"));
    try {
      expect(kreisGeo(dir, null).geo).toBeNull();
      mkdirSync(join(dir, "geo"));
      writeFileSync(join(dir, "geo", "liesmich.txt"), "keine Geometrie");
      writeFileSync(join(dir, "geo", "a-leer.json"), JSON.stringify({ type: "FeatureCollection", features: [] }));
      expect(kreisGeo(dir, null).geo).toBeNull();
      const square = (x: number) => [[[x, 48], [x + 0.1, 48], [x + 0.1, 48.1], [x, 48.1], [x, 48]]];
      writeFileSync(
        join(dir, "geo", "kreise.geojson"),
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            { type: "Feature", properties: { AGS: "08111", GEN: "Stuttgart" }, geometry: { type: "Polygon", coordinates: square(9.1) } },
            { type: "Feature", properties: { RS: "081150000000" }, geometry: { type: "MultiPolygon", coordinates: [square(9.0)] } },
            { type: "Feature", properties: { name: "ohne Schlüssel" }, geometry: { type: "Polygon", coordinates: square(8.0) } },
          ],
        }),
      );
      const { geo, skipped } = kreisGeo(dir);
      expect(skipped).toBe(1);
      expect(geo?.quelle).toBe("data/geo/kreise.geojson");
      expect(geo?.amtlich).toBe(false);
      expect(geo?.features.map((f) => f.properties)).toEqual([
        { kreis_ags: "08111", name: "Stuttgart", kreis_typ: null },
        { kreis_ags: "08115", name: null, kreis_typ: null },
      ]);
      // The counter-clockwise exterior has been reversed for d3.
      expect((geo?.features[0]?.geometry.coordinates as number[][][])[0]).toEqual([...(square(9.1)[0] ?? [])].reverse());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("falls back to the shipped BKG boundaries: the 44 Kreise, rounded, in d3's winding", () => {
    const dir = mkdtempSync(join(tmpdir(), "pik-geo-"));
    try {
      const { geo } = kreisGeo(dir);
      expect(geo?.amtlich).toBe(true);
      expect(geo?.quelle).toBe("BKG VG5000, Stand 01.01.2021");
      const ags = (geo?.features ?? []).map((f) => f.properties.kreis_ags).sort();
      // The 44 Kreise of Baden-Württemberg as the reference data lists them (landkreise-deutschland).
      expect(ags).toEqual(loadKreise().map((k) => k.kreis_ags));
      const stuttgart = geo?.features.find((f) => f.properties.kreis_ags === "08111");
      expect(stuttgart?.properties.name).toBe("Stuttgart");
      // The 9 Stadtkreise are marked as such (BEZ), as in the reference data.
      const stadtkreise = (geo?.features ?? []).filter((f) => f.properties.kreis_typ === "Stadtkreis").map((f) => f.properties.kreis_ags).sort();
      expect(stadtkreise).toEqual(loadKreise().filter((k) => k.kreis_typ === "Stadtkreis").map((k) => k.kreis_ags));
      expect(stadtkreise).toHaveLength(9);
      // Every position has at most 3 decimals, and every exterior ring is clockwise (negative signed area, x right, y up).
      const rings = (geo?.features ?? []).flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][])));
      for (const polygon of rings) {
        for (const p of polygon.flat()) for (const c of p) expect(Math.abs(c * 1000 - Math.round(c * 1000))).toBeLessThan(1e-6);
        const ext = polygon[0] ?? [];
        let a = 0;
        for (let i = 0, j = ext.length - 1; i < ext.length; j = i++) a += ((ext[j]![0]!) - ext[i]![0]!) * (ext[j]![1]! + ext[i]![1]!);
        expect(a).toBeLessThan(0);
      }
      // Stuttgart's centre (Schlossplatz, 9.18 E, 48.78 N) lies inside its bounding box.
      const pts = (stuttgart?.geometry.coordinates as number[][][]).flat();
      const xs = pts.map((p) => p[0]!);
      const ys = pts.map((p) => p[1]!);
      expect(Math.min(...xs) < 9.18 && 9.18 < Math.max(...xs) && Math.min(...ys) < 48.78 && 48.78 < Math.max(...ys)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
