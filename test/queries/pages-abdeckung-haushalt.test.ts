/**
 * The queries of the pages /integrationsmanagement (abdeckung.ts) and /haushalt
 * (haushalt.ts) on a tiny hand-made warehouse.
 *
 * Every expected value was worked out by hand (arithmetic in the comments), not
 * by running the code. Ratios are exact decimals rounded half away from zero to
 * 4 places, then handed to the page as JSON numbers.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";
import { abdeckungKreise, abdeckungLand, stellenMix, stellenMixVeroeffentlicht } from "../../loaders/pages/abdeckung.ts";
import { haushaltBereiche, zahlungenKurven, zahlungenVergleich } from "../../loaders/pages/haushalt.ts";

const Q = "Testdaten";

const FIXTURE = `
-- Two Kreise share the name Karlsruhe (Stadtkreis and Landkreis); Heidelberg has no granted grant.
INSERT INTO ref.kreise VALUES
  ('08111', 'Stuttgart',  'Stadtkreis', 'Stuttgart', 600000, DATE '2018-12-31', '${Q}', 207.33),
  ('08212', 'Karlsruhe',  'Stadtkreis', 'Karlsruhe', 300000, DATE '2018-12-31', '${Q}', 173.46),
  ('08215', 'Karlsruhe',  'Landkreis',  'Karlsruhe', 440000, DATE '2018-12-31', '${Q}', 1084.97),
  ('08221', 'Heidelberg', 'Stadtkreis', 'Karlsruhe', 160000, DATE '2018-12-31', '${Q}', 108.83);

INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  -- 730 days (2018 + 2019) → 365.00 per year.
  ('IM-S',  '08111',    'Stadt Stuttgart',      'integrationsmanagement', 'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2019-12-31', 730.00, 2.0),
  -- A municipality in Karlsruhe (Stadtkreis): Kreis 08212. One year → 365.00 in 2018.
  ('IM-K',  '08212003', 'Gemeinde Beispiel',    'integrationsmanagement', 'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2018-12-31', 365.00, 1.5),
  -- 2018-07-01 … 2019-12-31 = 184 + 365 = 549 days → 184.00 in 2018, 365.00 in 2019. Never reports.
  ('IM-KL', '08215',    'Landkreis Karlsruhe',  'integrationsmanagement', 'bewilligt', NULL, DATE '2018-06-01', DATE '2018-07-01', DATE '2019-12-31', 549.00, 1.0),
  -- Ends before the first stichtag: money in 2017, no effect on the coverage.
  ('IM-0',  '08111',    'Stadt Stuttgart',      'integrationsmanagement', 'bewilligt', NULL, DATE '2016-12-01', DATE '2017-01-01', DATE '2017-12-31', 365.00, 1.0),
  -- Only applied for: its reports and its stichtag do not count.
  ('IM-X',  '08221',    'Stadt Heidelberg',     'integrationsmanagement', 'beantragt', NULL, NULL,              DATE '2018-01-01', DATE '2018-12-31', 0.00, 1.0),
  ('EA-1',  '08111',    'Stadt Stuttgart',      'ehrenamt',               'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2019-12-31', 730.00, NULL);

INSERT INTO eingang.stellen (aktenzeichen, stichtag, stelle_nr, vzae, besetzt, anstellungstraeger, qualifikation) VALUES
  ('IM-S', DATE '2018-06-30', 'S1', 1.00, true,  'gemeinde',       'hochschulabschluss'),
  ('IM-S', DATE '2018-06-30', 'S2', 0.50, true,  'freier_traeger', 'nachqualifizierung'),
  ('IM-S', DATE '2018-06-30', 'S3', 0.50, false, 'landkreis',      NULL),
  ('IM-S', DATE '2018-12-31', 'S1', 1.00, true,  'gemeinde',       'hochschulabschluss'),
  ('IM-S', DATE '2018-12-31', 'S2', 0.75, true,  'gemeinde',       'hochschulabschluss'),
  ('IM-K', DATE '2018-06-30', 'S1', 0.75, true,  'landkreis',      'hochschulabschluss'),
  ('IM-K', DATE '2018-12-31', 'S1', 0.75, false, 'landkreis',      NULL),
  ('IM-X', DATE '2018-06-30', 'S1', 1.00, true,  'gemeinde',       'hochschulabschluss'),
  ('IM-X', DATE '2018-03-31', 'S1', 1.00, true,  'gemeinde',       'hochschulabschluss');

INSERT INTO eingang.gefluechtete_au (kreis_ags, stichtag, personen) VALUES
  ('08111', DATE '2017-09-15', 700),
  ('08111', DATE '2018-09-15', 800),
  ('08212', DATE '2017-09-15', 300),
  ('08221', DATE '2017-09-15', 999);

INSERT INTO eingang.haushalt (haushaltsjahr, foerderbereich, ansatz_eur) VALUES
  (2018, 'integrationsmanagement', 3000.00),
  (2018, 'ehrenamt', 1000.00),
  (2019, 'integrationsmanagement', 3000.00);

-- The latest booking (2019-03-05) sets the Stand: 2019 has months 1–3 only.
INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('P0', 'IM-0', DATE '2017-03-31', 333.33, 'abschlag'),
  ('P1', 'IM-S', DATE '2018-01-15', 300.00, 'abschlag'),
  ('P2', 'IM-S', DATE '2018-03-10', 200.00, 'abschlag'),
  ('P3', 'IM-K', DATE '2018-03-20', 100.00, 'abschlag'),
  ('P4', 'IM-S', DATE '2019-02-01', 400.00, 'abschlag'),
  ('P5', 'IM-S', DATE '2019-03-05', -50.00, 'rueckforderung'),
  ('P6', 'EA-1', DATE '2018-02-01', 100.00, 'abschlag'),
  ('P7', 'EA-1', DATE '2019-01-10',  60.00, 'abschlag');
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

describe("abdeckungKreise", () => {
  it("has every Kreis at every stichtag, with names told apart and the share filled", async () => {
    // Stichtage: 2018-06-30 and 2018-12-31 (IM-X's 2018-03-31 does not count: not granted).
    // 2018-06-30
    //   08111: IM-S runs, 2.0 granted; filled 1.00 + 0.50 = 1.50 (S3 vacant), 2 of 3; count 2017-09-15 = 700;
    //          700 / 1.5 = 466.666… → 466.6667; share 1.5 / 2.0 = 0.75.
    //   08212: IM-K 1.5 granted; filled 0.75, 1 of 1; 300 / 0.75 = 400; share 0.75 / 1.5 = 0.5.
    //   08215: IM-KL starts 2018-07-01 → no row → vorhanden false, all empty.
    //   08221: only IM-X (beantragt) → no row, despite its count.
    // 2018-12-31
    //   08111: 2.0 granted; filled 1.00 + 0.75 = 1.75; count 2018-09-15 = 800; 800 / 1.75 = 457.142857… → 457.1429;
    //          share 1.75 / 2.0 = 0.875.
    //   08212: IM-K's last day (inclusive) → 1.5; S1 reported vacant → 0 filled (not empty); ratio empty; share 0 / 1.5 = 0.
    //   08215: IM-KL runs (1.0) without report → filled empty, 1 grant without report; no count; share empty.
    const empty = {
      vzae_bewilligt: null, vzae_besetzt: null, stellen_besetzt: null, stellen_gemeldet: null, zuwendungen_ohne_meldung: null,
      gefluechtete_au: null, gefluechtete_stichtag: null, gefluechtete_je_vzae: null, besetzungsquote: null,
    };
    const s = { kreis_ags: "08111", kreis_name: "Stuttgart", kreis_label: "Stuttgart", kreis_typ: "Stadtkreis", regierungsbezirk: "Stuttgart" };
    const ks = { kreis_ags: "08212", kreis_name: "Karlsruhe", kreis_label: "Karlsruhe (Stadtkreis)", kreis_typ: "Stadtkreis", regierungsbezirk: "Karlsruhe" };
    const kl = { kreis_ags: "08215", kreis_name: "Karlsruhe", kreis_label: "Karlsruhe (Landkreis)", kreis_typ: "Landkreis", regierungsbezirk: "Karlsruhe" };
    const hd = { kreis_ags: "08221", kreis_name: "Heidelberg", kreis_label: "Heidelberg", kreis_typ: "Stadtkreis", regierungsbezirk: "Karlsruhe" };
    expect(await abdeckungKreise(conn)).toEqual([
      {
        ...s, stichtag: "2018-06-30", vorhanden: true, vzae_bewilligt: 2, vzae_besetzt: 1.5, stellen_besetzt: 2, stellen_gemeldet: 3,
        zuwendungen_ohne_meldung: 0, gefluechtete_au: 700, gefluechtete_stichtag: "2017-09-15", gefluechtete_je_vzae: 466.6667,
        besetzungsquote: 0.75,
      },
      {
        ...ks, stichtag: "2018-06-30", vorhanden: true, vzae_bewilligt: 1.5, vzae_besetzt: 0.75, stellen_besetzt: 1, stellen_gemeldet: 1,
        zuwendungen_ohne_meldung: 0, gefluechtete_au: 300, gefluechtete_stichtag: "2017-09-15", gefluechtete_je_vzae: 400,
        besetzungsquote: 0.5,
      },
      { ...kl, stichtag: "2018-06-30", vorhanden: false, ...empty },
      { ...hd, stichtag: "2018-06-30", vorhanden: false, ...empty },
      {
        ...s, stichtag: "2018-12-31", vorhanden: true, vzae_bewilligt: 2, vzae_besetzt: 1.75, stellen_besetzt: 2, stellen_gemeldet: 2,
        zuwendungen_ohne_meldung: 0, gefluechtete_au: 800, gefluechtete_stichtag: "2018-09-15", gefluechtete_je_vzae: 457.1429,
        besetzungsquote: 0.875,
      },
      {
        ...ks, stichtag: "2018-12-31", vorhanden: true, vzae_bewilligt: 1.5, vzae_besetzt: 0, stellen_besetzt: 0, stellen_gemeldet: 1,
        zuwendungen_ohne_meldung: 0, gefluechtete_au: 300, gefluechtete_stichtag: "2017-09-15", gefluechtete_je_vzae: null,
        besetzungsquote: 0,
      },
      {
        ...kl, stichtag: "2018-12-31", vorhanden: true, ...empty, vzae_bewilligt: 1, stellen_gemeldet: 0, zuwendungen_ohne_meldung: 1,
      },
      { ...hd, stichtag: "2018-12-31", vorhanden: false, ...empty },
    ]);
  });
});

describe("abdeckungLand", () => {
  it("sums the Kreise and divides sums over the same Kreise", async () => {
    // 2018-06-30: 2 Kreise with a row, both reported. Granted 2.0 + 1.5 = 3.5; filled 1.5 + 0.75 = 2.25; positions 2 + 1 = 3.
    //   Counts 700 + 300 = 1000 (both with a ratio) → 1000 / 2.25 = 444.444… → 444.4444.
    //   Share 2.25 / 3.5 = 0.642857… → 0.6429.
    // 2018-12-31: 3 Kreise with a row (08111, 08212, 08215), 2 reported. Granted 2.0 + 1.5 + 1.0 = 4.5;
    //   filled 1.75 + 0 (08215 empty) = 1.75; positions 2 + 0 = 2; 1 grant without report.
    //   Counts 800 + 300 = 1100, dates 2017-09-15 … 2018-09-15. Only 08111 has a Kreis ratio (08212 has 0 filled),
    //   but the Land value counts 08212's refugees too (registry: count and report; all positions vacant counts):
    //   1100 / 1.75 = 628.5714; 08215 has no report and stays out. Share (registry rule anteil_besetzt: only Kreise with a report
    //   count, in numerator and denominator): 1.75 / (2.0 + 1.5) = 0.5 – not 1.75 / 4.5, which would count
    //   08215's granted VZÄ without its filled ones (as the Kreis profile's Land value does).
    expect(await abdeckungLand(conn)).toEqual([
      {
        stichtag: "2018-06-30", kreise: 2, kreise_gemeldet: 2, vzae_bewilligt: 3.5, vzae_besetzt: 2.25, stellen_besetzt: 3,
        zuwendungen_ohne_meldung: 0, gefluechtete_au: 1000, gefluechtete_stichtag_min: "2017-09-15",
        gefluechtete_stichtag_max: "2017-09-15", gefluechtete_au_mit_vzae: 1000, vzae_besetzt_mit_au: 2.25,
        gefluechtete_je_vzae: 444.4444, besetzungsquote: 0.6429,
      },
      {
        stichtag: "2018-12-31", kreise: 3, kreise_gemeldet: 2, vzae_bewilligt: 4.5, vzae_besetzt: 1.75, stellen_besetzt: 2,
        zuwendungen_ohne_meldung: 1, gefluechtete_au: 1100, gefluechtete_stichtag_min: "2017-09-15",
        gefluechtete_stichtag_max: "2018-09-15", gefluechtete_au_mit_vzae: 1100, vzae_besetzt_mit_au: 1.75,
        gefluechtete_je_vzae: 628.5714, besetzungsquote: 0.5,
      },
    ]);
  });
});

describe("stellenMix", () => {
  it("splits the filled positions of granted grants by employer and qualification, Land and Kreise", async () => {
    // Filled positions of granted IM grants (IM-X's are not counted):
    //   2018-06-30: 08111 S1 1.00 gemeinde/hochschul, S2 0.50 freier_traeger/nachqual; 08212 S1 0.75 landkreis/hochschul.
    //   2018-12-31: 08111 S1 1.00 and S2 0.75, both gemeinde/hochschul. (08212 vacant, 08215 no report: no rows.)
    // Land 2018-06-30: 3 positions, 2.25 VZÄ.
    //   freier_traeger 0.5 / 2.25 = 0.2222; gemeinde 1.0 / 2.25 = 0.4444; landkreis 0.75 / 2.25 = 0.3333; positions 1/3 = 0.3333 each.
    //   hochschul 1.75 / 2.25 = 0.7778 (2 of 3 = 0.6667); nachqual 0.2222 (1 of 3 = 0.3333).
    // 08111 2018-06-30: 2 positions, 1.5 VZÄ: 0.5 / 1.5 = 0.3333, 1.0 / 1.5 = 0.6667; 1 of 2 = 0.5 each.
    // 08212 2018-06-30: landkreis / hochschul: 1 of 1, 0.75 of 0.75 = 1.
    // 2018-12-31: Land and 08111 alike: gemeinde / hochschul, 2 positions, 1.75 VZÄ, share 1.
    const r = (
      stichtag: string, kreis_ags: string | null, merkmal: string, auspraegung: string,
      stellen: number, vzae: number, stellen_gesamt: number, vzae_gesamt: number, anteil_vzae: number, anteil_stellen: number,
    ) => ({
      stichtag, ebene: kreis_ags === null ? "land" : "kreis", kreis_ags, merkmal, auspraegung,
      stellen, vzae, stellen_gesamt, vzae_gesamt, anteil_vzae, anteil_stellen,
    });
    const a = "anstellungstraeger";
    const q = "qualifikation";
    const t1 = "2018-06-30";
    const t2 = "2018-12-31";
    expect(await stellenMix(conn)).toEqual([
      r(t1, null, a, "freier_traeger", 1, 0.5, 3, 2.25, 0.2222, 0.3333),
      r(t1, null, a, "gemeinde", 1, 1, 3, 2.25, 0.4444, 0.3333),
      r(t1, null, a, "landkreis", 1, 0.75, 3, 2.25, 0.3333, 0.3333),
      r(t1, null, q, "hochschulabschluss", 2, 1.75, 3, 2.25, 0.7778, 0.6667),
      r(t1, null, q, "nachqualifizierung", 1, 0.5, 3, 2.25, 0.2222, 0.3333),
      r(t1, "08111", a, "freier_traeger", 1, 0.5, 2, 1.5, 0.3333, 0.5),
      r(t1, "08111", a, "gemeinde", 1, 1, 2, 1.5, 0.6667, 0.5),
      r(t1, "08111", q, "hochschulabschluss", 1, 1, 2, 1.5, 0.6667, 0.5),
      r(t1, "08111", q, "nachqualifizierung", 1, 0.5, 2, 1.5, 0.3333, 0.5),
      r(t1, "08212", a, "landkreis", 1, 0.75, 1, 0.75, 1, 1),
      r(t1, "08212", q, "hochschulabschluss", 1, 0.75, 1, 0.75, 1, 1),
      r(t2, null, a, "gemeinde", 2, 1.75, 2, 1.75, 1, 1),
      r(t2, null, q, "hochschulabschluss", 2, 1.75, 2, 1.75, 1, 1),
      r(t2, "08111", a, "gemeinde", 2, 1.75, 2, 1.75, 1, 1),
      r(t2, "08111", q, "hochschulabschluss", 2, 1.75, 2, 1.75, 1, 1),
    ]);
  });

  it("counts the same positions as abdeckung_kreis (per Kreis and stichtag)", async () => {
    const kreise = await abdeckungKreise(conn);
    const mix = (await stellenMix(conn)).filter((d) => d.ebene === "kreis" && d.merkmal === "anstellungstraeger");
    for (const k of kreise.filter((d) => (d.stellen_besetzt ?? 0) > 0)) {
      const rows = mix.filter((d) => d.kreis_ags === k.kreis_ags && d.stichtag === k.stichtag);
      expect(rows.reduce((s, d) => s + d.stellen, 0), `${k.kreis_ags} ${k.stichtag}`).toBe(k.stellen_besetzt);
      expect(rows[0]?.vzae_gesamt).toBe(k.vzae_besetzt);
    }
  });
});

describe("stellenMixVeroeffentlicht", () => {
  it("publishes the full grid with groups of 1–2 persons and their complements hidden", async () => {
    // Grids (rows: Land, 08111, 08212; categories in display order), persons from the stellenMix test above:
    // 2018-06-30 anstellungstraeger   gemeinde landkreis freier_traeger
    //   Land                              1        1          1          all three primary
    //   08111                             1        0          1          G, F primary; L 0 shown
    //   08212                             0        1          0          L primary; the row has only L hidden →
    //                                                                    no non-zero candidate → first zero, G, secondary
    //   columns then: G Land+08111+08212 hidden (3), L Land+08212 (2), F Land+08111 (2) → fixed point; 08212.F 0 shown.
    // 2018-06-30 qualifikation        hochschul nachqual
    //   Land 2 1, 08111 1 1: all primary; 08212 1 0: H primary, the row needs a second → N (0) secondary.
    // 2018-12-31 anstellungstraeger: Land and 08111 each G 2 (primary), L 0, F 0. Line order: columns F, G, L are
    //   fine (L has none yet), then the Land row → its first zero L secondary, then 08111 → L secondary; column L
    //   then has 2. F stays 0 shown. qualifikation: H 2 primary, N 0 → N secondary in both rows.
    const t1 = "2018-06-30";
    const t2 = "2018-12-31";
    const g = "gemeinde";
    const l = "landkreis";
    const f = "freier_traeger";
    const h = "hochschulabschluss";
    const n = "nachqualifizierung";
    const P = "primaer";
    const S = "sekundaer";
    const expected: Record<string, string | [number, number, number, number, number]> = {
      // shown: [stellen, vzae, anteil_vzae, stellen_gesamt, vzae_gesamt]
      [`${t1} Land ${g}`]: P, [`${t1} Land ${l}`]: P, [`${t1} Land ${f}`]: P,
      [`${t1} 08111 ${g}`]: P, [`${t1} 08111 ${l}`]: [0, 0, 0, 2, 1.5], [`${t1} 08111 ${f}`]: P,
      [`${t1} 08212 ${g}`]: S, [`${t1} 08212 ${l}`]: P, [`${t1} 08212 ${f}`]: [0, 0, 0, 1, 0.75],
      [`${t1} Land ${h}`]: P, [`${t1} Land ${n}`]: P,
      [`${t1} 08111 ${h}`]: P, [`${t1} 08111 ${n}`]: P,
      [`${t1} 08212 ${h}`]: P, [`${t1} 08212 ${n}`]: S,
      [`${t2} Land ${g}`]: P, [`${t2} Land ${l}`]: S, [`${t2} Land ${f}`]: [0, 0, 0, 2, 1.75],
      [`${t2} 08111 ${g}`]: P, [`${t2} 08111 ${l}`]: S, [`${t2} 08111 ${f}`]: [0, 0, 0, 2, 1.75],
      [`${t2} Land ${h}`]: P, [`${t2} Land ${n}`]: S,
      [`${t2} 08111 ${h}`]: P, [`${t2} 08111 ${n}`]: S,
    };
    const got = await stellenMixVeroeffentlicht(conn);
    const actual = Object.fromEntries(
      got.map((d) => [
        `${d.stichtag} ${d.kreis_ags ?? "Land"} ${d.auspraegung}`,
        d.unterdrueckt ? d.sperre : [d.stellen, d.vzae, d.anteil_vzae, d.stellen_gesamt, d.vzae_gesamt],
      ]),
    );
    expect(actual).toEqual(expected);
    expect(got).toHaveLength(Object.keys(expected).length);
    for (const d of got.filter((d) => d.unterdrueckt)) expect([d.stellen, d.vzae, d.anteil_vzae]).toEqual([null, null, null]);
  });
});

describe("haushaltBereiche", () => {
  it("has haushalt_jahr per Förderbereich and exact sums and quotas for all Förderbereiche", async () => {
    // Pro-rata amounts per year: IM-0 365.00 (2017); IM-S 365.00 + 365.00; IM-K 365.00 (2018); IM-KL 184.00 + 365.00;
    // EA-1 365.00 + 365.00.
    // integrationsmanagement 2017: no appropriation → quotas empty; bewilligt 365.00, paid P0 333.33.
    // integrationsmanagement 2018: 365 + 365 + 184 = 914.00; paid 300 + 200 + 100 = 600.00;
    //   914 / 3000 = 0.304666… → 0.3047; 600 / 3000 = 0.2.
    // integrationsmanagement 2019: 365 + 365 = 730.00; paid 400 − 50 = 350.00, recovered 50.00;
    //   730 / 3000 = 0.243333… → 0.2433; 350 / 3000 = 0.116666… → 0.1167.
    // ehrenamt 2018: 365.00, paid 100.00 of 1000.00 → 0.365, 0.1. ehrenamt 2019: 365.00, paid 60.00, no appropriation.
    // alle 2017: only IM (no appropriation) → ansatz empty, quotas empty, IM named.
    // alle 2018: ansatz 3000 + 1000 = 4000; bewilligt 914 + 365 = 1279; paid 600 + 100 = 700;
    //   1279 / 4000 = 0.31975 → 0.3198 (half up); 700 / 4000 = 0.175.
    // alle 2019: ansatz 3000 (ehrenamt has none, named); bewilligt 730 + 365 = 1095; paid 350 + 60 = 410; recovered 50;
    //   1095 / 3000 = 0.365; 410 / 3000 = 0.136666… → 0.1367.
    const row = (
      jahr: number, foerderbereich: string, ansatz_eur: number | null, bewilligt_eur: number, ausgezahlt_eur: number,
      rueckforderung_eur: number, bindungsquote: number | null, abflussquote: number | null, bereiche_ohne_ansatz: string[],
    ) => ({ jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur, bindungsquote, abflussquote, bereiche_ohne_ansatz });
    expect(await haushaltBereiche(conn)).toEqual([
      row(2017, "alle", null, 365, 333.33, 0, null, null, ["integrationsmanagement"]),
      row(2018, "alle", 4000, 1279, 700, 0, 0.3198, 0.175, []),
      row(2019, "alle", 3000, 1095, 410, 50, 0.365, 0.1367, ["ehrenamt"]),
      row(2018, "ehrenamt", 1000, 365, 100, 0, 0.365, 0.1, []),
      row(2019, "ehrenamt", null, 365, 60, 0, null, null, ["ehrenamt"]),
      row(2017, "integrationsmanagement", null, 365, 333.33, 0, null, null, ["integrationsmanagement"]),
      row(2018, "integrationsmanagement", 3000, 914, 600, 0, 0.3047, 0.2, []),
      row(2019, "integrationsmanagement", 3000, 730, 350, 50, 0.2433, 0.1167, []),
    ]);
  });
});

describe("zahlungenKurven", () => {
  it("has the cumulative months per year, with all Förderbereiche summed and as a share of the appropriation", async () => {
    const rows = await zahlungenKurven(conn);
    // 27 months for alle (2017, 2018: 12 each; 2019: up to March, the latest booking), 15 for ehrenamt (2018, 2019),
    // 27 for integrationsmanagement.
    expect(rows).toHaveLength(27 + 15 + 27);
    const pick = (b: string, j: number) =>
      rows.filter((d) => d.foerderbereich === b && d.jahr === j).map((d) => [d.monat, d.ausgezahlt_eur, d.kumuliert_eur, d.anteil_ansatz, d.letztes_jahr]);
    // alle 2018: Jan 300 (P1), Feb 100 (P6), Mar 200 + 100 (P2, P3) → 300, 400, 700, then 700; ansatz 4000:
    //   300 / 4000 = 0.075, 400 / 4000 = 0.1, 700 / 4000 = 0.175.
    expect(pick("alle", 2018)).toEqual([
      [1, 300, 300, 0.075, false],
      [2, 100, 400, 0.1, false],
      [3, 300, 700, 0.175, false],
      ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => [m, 0, 700, 0.175, false]),
    ]);
    // alle 2019: Jan 60 (P7), Feb 400 (P4), Mar −50 (P5) → 60, 460, 410; ansatz 3000:
    //   0.02, 0.153333… → 0.1533, 0.136666… → 0.1367. The latest year.
    expect(pick("alle", 2019)).toEqual([
      [1, 60, 60, 0.02, true],
      [2, 400, 460, 0.1533, true],
      [3, -50, 410, 0.1367, true],
    ]);
    // integrationsmanagement 2017: P0 in March, no appropriation → share empty.
    expect(pick("integrationsmanagement", 2017).slice(0, 4)).toEqual([
      [1, 0, 0, null, false],
      [2, 0, 0, null, false],
      [3, 333.33, 333.33, null, false],
      [4, 0, 333.33, null, false],
    ]);
    // ehrenamt 2019: no appropriation → shares empty.
    expect(pick("ehrenamt", 2019)).toEqual([
      [1, 60, 60, null, true],
      [2, 0, 60, null, true],
      [3, 0, 60, null, true],
    ]);
  });
});

describe("zahlungenVergleich", () => {
  it("compares the latest year with the same month of earlier years", async () => {
    // Latest year 2019, latest month March in every Förderbereich.
    // alle: 2019 = 410 (0.1367); earlier Marches: 2017 333.33 (no appropriation), 2018 700 (0.175).
    //   mean (333.33 + 700) / 2 = 516.665 → 516.67; shares only 2018 → 0.175; one year paid more (700 > 410) → rank 2.
    // ehrenamt: 2019 = 60 (no appropriation); 2018 March = 100 (100 / 1000 = 0.1) → rank 2.
    // integrationsmanagement: 2019 = 350 (350 / 3000 → 0.1167); 2017 333.33, 2018 600 (0.2);
    //   mean (333.33 + 600) / 2 = 466.665 → 466.67; 600 > 350, 333.33 < 350 → rank 2.
    expect(await zahlungenVergleich(conn)).toEqual([
      {
        foerderbereich: "alle", jahr: 2019, monat: 3, kumuliert_eur: 410, anteil_ansatz: 0.1367, vorjahre: 2,
        vorjahre_min_eur: 333.33, vorjahre_max_eur: 700, vorjahre_mittel_eur: 516.67,
        vorjahre_min_anteil: 0.175, vorjahre_max_anteil: 0.175, vorjahre_mittel_anteil: 0.175, rang_eur: 2,
      },
      {
        foerderbereich: "ehrenamt", jahr: 2019, monat: 3, kumuliert_eur: 60, anteil_ansatz: null, vorjahre: 1,
        vorjahre_min_eur: 100, vorjahre_max_eur: 100, vorjahre_mittel_eur: 100,
        vorjahre_min_anteil: 0.1, vorjahre_max_anteil: 0.1, vorjahre_mittel_anteil: 0.1, rang_eur: 2,
      },
      {
        foerderbereich: "integrationsmanagement", jahr: 2019, monat: 3, kumuliert_eur: 350, anteil_ansatz: 0.1167, vorjahre: 2,
        vorjahre_min_eur: 333.33, vorjahre_max_eur: 600, vorjahre_mittel_eur: 466.67,
        vorjahre_min_anteil: 0.2, vorjahre_max_anteil: 0.2, vorjahre_mittel_anteil: 0.2, rang_eur: 2,
      },
    ]);
  });
});
