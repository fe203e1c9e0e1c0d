/**
 * The published tables (contract §3) on a small hand-made warehouse.
 *
 * Every expected value below was computed by hand (arithmetic in the comments),
 * not by running the code. Amounts and ratios are compared as exact strings.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";
import {
  EINWOHNER_QUELLE_EINGABE,
  HELPER_VIEWS,
  PUBLISHED_TABLES,
  buildPublishedTables,
  publishedColumns,
} from "../../loaders/tables/index.ts";

const REF_QUELLE = "Destatis GV-ISys 31.12.2018 (Testdaten)";

const FIXTURE = `
INSERT INTO ref.kreise VALUES
  ('08111', 'Stuttgart',  'Stadtkreis', 'Stuttgart', 634830, DATE '2018-12-31', '${REF_QUELLE}', 207.33),
  ('08115', 'Böblingen',  'Landkreis',  'Stuttgart', 391640, DATE '2018-12-31', '${REF_QUELLE}', 617.76),
  ('08221', 'Heidelberg', 'Stadtkreis', 'Karlsruhe', 160355, DATE '2018-12-31', '${REF_QUELLE}', 108.83);

-- Population override for Böblingen only.
INSERT INTO eingang.kreise (kreis_ags, einwohner, stand) VALUES ('08115', 400000, DATE '2022-12-31');

INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  ('IM-1',  '08115003', 'Gemeinde Beispielstadt', 'integrationsmanagement', 'bewilligt', DATE '2017-05-02', DATE '2017-06-15', DATE '2017-07-01', DATE '2019-06-30', 1000.00, 1.5),
  ('DIG-1', '08111',    'Stadt Stuttgart',        'digitalisierung',        'bewilligt', NULL,              DATE '2019-11-01', DATE '2019-12-31', DATE '2020-01-02', 100.00, NULL),
  ('SB-1',  '08221',    'Stadt Heidelberg',       'schule_beruf',           'bewilligt', NULL,              DATE '2019-10-01', DATE '2019-12-31', DATE '2021-01-01', 1000.01, NULL),
  ('EA-1',  '08111',    'Stadt Stuttgart',        'ehrenamt',               'bewilligt', NULL,              DATE '2020-11-01', DATE '2020-12-31', DATE '2021-01-01', 100.05, NULL),
  ('EA-2',  '08221',    'Stadt Heidelberg',       'ehrenamt',               'bewilligt', NULL,              DATE '2021-06-01', DATE '2021-12-31', DATE '2022-01-02', 0.01, NULL),
  ('IM-3',  '08221',    'Stadt Heidelberg',       'integrationsmanagement', 'bewilligt', NULL,              DATE '2017-12-01', DATE '2018-01-01', DATE '2018-12-31', 365.00, 1.0),
  ('IM-2',  '08221',    'Stadt Heidelberg',       'integrationsmanagement', 'beantragt', NULL,              NULL,              DATE '2018-01-01', DATE '2019-12-31', 0.00, 2.0),
  ('DIG-2', '08115',    'Landkreis Böblingen',    'digitalisierung',        'abgelehnt', NULL,              DATE '2019-03-01', DATE '2019-01-01', DATE '2019-12-31', 0.00, NULL);

INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('Z01', 'IM-1',  DATE '2017-08-15',  200.00, 'abschlag'),
  ('Z02', 'IM-1',  DATE '2018-03-10',  500.00, 'abschlag'),
  ('Z03', 'IM-1',  DATE '2019-09-01',  300.00, 'schlusszahlung'),
  ('Z04', 'IM-1',  DATE '2020-02-15',  -50.00, 'rueckforderung'),
  ('Z05', 'DIG-1', DATE '2020-01-20',  100.00, 'schlusszahlung'),
  ('Z06', 'SB-1',  DATE '2020-03-05',  400.00, 'abschlag'),
  ('Z07', 'SB-1',  DATE '2020-03-20',  100.00, 'abschlag'),
  ('Z08', 'SB-1',  DATE '2020-05-31',  -20.00, 'rueckforderung'),
  ('Z09', 'SB-1',  DATE '2021-02-10',  500.01, 'schlusszahlung'),
  ('Z10', 'IM-3',  DATE '2018-12-31',  365.00, 'schlusszahlung'),
  -- A booking on a rejected grant (the validator would reject it; the tables must ignore it anyway).
  ('Z99', 'DIG-2', DATE '2021-06-15',  999.99, 'abschlag');

INSERT INTO eingang.stellen (aktenzeichen, stichtag, stelle_nr, vzae, besetzt, anstellungstraeger, qualifikation) VALUES
  ('IM-1', DATE '2018-06-30', 'S1', 1.00, true,  'landkreis', 'hochschulabschluss'),
  ('IM-1', DATE '2018-06-30', 'S2', 0.75, false, 'gemeinde',  NULL),
  ('IM-1', DATE '2019-06-30', 'S1', 1.00, true,  'landkreis', 'hochschulabschluss'),
  ('IM-1', DATE '2019-06-30', 'S2', 0.75, true,  'gemeinde',  'nachqualifizierung'),
  ('IM-1', DATE '2019-12-31', 'S1', 0.75, false, 'landkreis', NULL),
  -- Reports for a grant that is only applied for: they do not count, nor does their stichtag.
  ('IM-2', DATE '2018-03-31', 'S1', 1.00, true,  'gemeinde',  'hochschulabschluss'),
  ('IM-2', DATE '2018-06-30', 'S1', 1.00, true,  'gemeinde',  'hochschulabschluss');

INSERT INTO eingang.gefluechtete_au (kreis_ags, stichtag, personen) VALUES
  ('08115', DATE '2017-12-31', 1200),
  ('08115', DATE '2018-06-30', 1300),
  ('08115', DATE '2018-12-31', 1500),
  ('08115', DATE '2019-09-30', 9999),
  ('08111', DATE '2018-12-31', 5000);

INSERT INTO eingang.haushalt (haushaltsjahr, foerderbereich, ansatz_eur) VALUES
  (2018, 'integrationsmanagement', 3000.00),
  (2019, 'integrationsmanagement', 0.00),
  (2020, 'digitalisierung', 300.00),
  (2020, 'integrationsmanagement', 300.00),
  (2020, 'schule_beruf', 1500.00),
  (2022, 'ehrenamt', 200.00),
  (2022, 'spracherwerb', 5000.00);

-- Inserted out of order on purpose.
INSERT INTO meta.befunde (datei, zeile, spalte, wert, regel, meldung, schwere) VALUES
  ('stellen.csv', 5, 'vzae', '1,5', 'wertebereich', 'Meldung A', 'fehler'),
  ('auszahlungen.csv', 12, 'betrag_eur', '50', 'rueckforderung_ohne_vorzeichen', 'Meldung B', 'warnung'),
  ('auszahlungen.csv', NULL, NULL, NULL, 'spalte_unbekannt', 'Meldung C', 'warnung'),
  ('auszahlungen.csv', 3, 'art', 'storno', 'typ_enum', 'Meldung D', 'fehler');
`;

let instance: DuckDBInstance;
let conn: DuckDBConnection;

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();

beforeAll(async () => {
  ({ instance, conn } = await fixtureWarehouse(FIXTURE));
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

describe("definitions", () => {
  it("lists the tables in the contract's order", () => {
    expect(PUBLISHED_TABLES.map((t) => t.name)).toEqual([
      "kreise",
      "zuwendungen",
      "mittel_kreis_jahr",
      "abdeckung_kreis",
      "haushalt_jahr",
      "zahlungen_monat",
      "mittel_gemeinde_jahr",
      "pruefbericht",
    ]);
  });

  it("has the contract's required columns, each with label, German definition and SQL type", () => {
    const required: Record<string, string[]> = {
      kreise: ["kreis_ags", "kreis_name", "kreis_typ", "regierungsbezirk", "einwohner"],
      zuwendungen: [
        "aktenzeichen", "kreis_ags", "empfaenger_ags", "empfaenger_name", "foerderbereich",
        "beginn", "ende", "bewilligt_eur", "ausgezahlt_eur", "vzae_bewilligt",
      ],
      mittel_kreis_jahr: ["kreis_ags", "jahr", "foerderbereich", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"],
      abdeckung_kreis: [
        "kreis_ags", "stichtag", "vzae_bewilligt", "vzae_besetzt", "stellen_besetzt", "gefluechtete_au", "gefluechtete_je_vzae",
      ],
      haushalt_jahr: [
        "jahr", "foerderbereich", "ansatz_eur", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur", "bindungsquote", "abflussquote",
      ],
      zahlungen_monat: ["jahr", "monat", "foerderbereich", "ausgezahlt_eur", "kumuliert_eur"],
      mittel_gemeinde_jahr: [
        "gemeinde_ags", "gemeinde_name", "kreis_ags", "jahr", "foerderbereich", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur",
      ],
      pruefbericht: ["datei", "zeile", "spalte", "wert", "regel", "meldung", "schwere"],
    };
    for (const t of PUBLISHED_TABLES) {
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.rowsAre).toMatch(/^eine Zeile je /);
      const cols = publishedColumns(t);
      expect(cols.map((c) => c.name)).toEqual(expect.arrayContaining(required[t.name] ?? []));
      for (const c of cols) {
        expect(c.label.length, `${t.name}.${c.name}`).toBeGreaterThan(0);
        expect(c.definition.length, `${t.name}.${c.name}`).toBeGreaterThan(10);
        expect(c.sqlType).toMatch(/^(VARCHAR|INTEGER|DATE|DECIMAL\(\d+,\d\))$/);
      }
    }
  });

  it("stores every table with exactly the declared columns and types", async () => {
    for (const t of [...HELPER_VIEWS, ...PUBLISHED_TABLES]) {
      const described = await rows(`DESCRIBE main.${t.name}`);
      expect(
        described.map((r) => [r["column_name"], r["column_type"]]),
        t.name,
      ).toEqual(publishedColumns(t).map((c) => [c.name, c.sqlType]));
    }
  });

  it("uses no DOUBLE in the pro-rata split or the ratios", () => {
    for (const t of [...HELPER_VIEWS, ...PUBLISHED_TABLES]) {
      expect(t.sql, t.name).not.toMatch(/DOUBLE|FLOAT|REAL/i);
    }
  });
});

describe("kreise", () => {
  it("takes the population from the input table where present, else from the reference data", async () => {
    expect(await rows("SELECT * FROM main.kreise")).toEqual([
      {
        kreis_ags: "08111", kreis_name: "Stuttgart", kreis_typ: "Stadtkreis", regierungsbezirk: "Stuttgart",
        einwohner: 634830, einwohner_stand: "2018-12-31", einwohner_quelle: REF_QUELLE, flaeche_km2: "207.33",
      },
      {
        // Override: 400000 as of 2022-12-31 instead of 391640.
        kreis_ags: "08115", kreis_name: "Böblingen", kreis_typ: "Landkreis", regierungsbezirk: "Stuttgart",
        einwohner: 400000, einwohner_stand: "2022-12-31", einwohner_quelle: EINWOHNER_QUELLE_EINGABE, flaeche_km2: "617.76",
      },
      {
        kreis_ags: "08221", kreis_name: "Heidelberg", kreis_typ: "Stadtkreis", regierungsbezirk: "Karlsruhe",
        einwohner: 160355, einwohner_stand: "2018-12-31", einwohner_quelle: REF_QUELLE, flaeche_km2: "108.83",
      },
    ]);
  });
});

describe("zuwendungen", () => {
  it("has one row per granted grant, Kreis from the 8-digit AGS, net payments and recoveries", async () => {
    // IM-2 (beantragt) and DIG-2 (abgelehnt, with booking Z99) are not granted: absent.
    // IM-1: 200.00 + 500.00 + 300.00 − 50.00 = 950.00; recovered 50.00.
    // SB-1: 400.00 + 100.00 − 20.00 + 500.01 = 980.01; recovered 20.00.
    // EA-1, EA-2: no bookings → 0.00.
    // The German name of each Förderbereich comes from the shipped list (ref.foerderbereiche).
    expect(await rows("SELECT DISTINCT foerderbereich, foerderbereich_name FROM main.zuwendungen WHERE foerderbereich IN ('digitalisierung', 'ehrenamt') ORDER BY 1")).toEqual([
      { foerderbereich: "digitalisierung", foerderbereich_name: "Digitalisierung" },
      { foerderbereich: "ehrenamt", foerderbereich_name: "Bürgerschaftliches Engagement und Ehrenamt" },
    ]);
    expect(await rows("SELECT * EXCLUDE (foerderbereich_name) FROM main.zuwendungen")).toEqual([
      {
        aktenzeichen: "DIG-1", kreis_ags: "08111", empfaenger_ags: "08111", empfaenger_name: "Stadt Stuttgart",
        foerderbereich: "digitalisierung", bescheid_datum: "2019-11-01", beginn: "2019-12-31", ende: "2020-01-02",
        bewilligt_eur: "100.00", ausgezahlt_eur: "100.00", rueckforderung_eur: "0.00", vzae_bewilligt: null,
      },
      {
        aktenzeichen: "EA-1", kreis_ags: "08111", empfaenger_ags: "08111", empfaenger_name: "Stadt Stuttgart",
        foerderbereich: "ehrenamt", bescheid_datum: "2020-11-01", beginn: "2020-12-31", ende: "2021-01-01",
        bewilligt_eur: "100.05", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", vzae_bewilligt: null,
      },
      {
        aktenzeichen: "EA-2", kreis_ags: "08221", empfaenger_ags: "08221", empfaenger_name: "Stadt Heidelberg",
        foerderbereich: "ehrenamt", bescheid_datum: "2021-06-01", beginn: "2021-12-31", ende: "2022-01-02",
        bewilligt_eur: "0.01", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", vzae_bewilligt: null,
      },
      {
        aktenzeichen: "IM-1", kreis_ags: "08115", empfaenger_ags: "08115003", empfaenger_name: "Gemeinde Beispielstadt",
        foerderbereich: "integrationsmanagement", bescheid_datum: "2017-06-15", beginn: "2017-07-01", ende: "2019-06-30",
        bewilligt_eur: "1000.00", ausgezahlt_eur: "950.00", rueckforderung_eur: "50.00", vzae_bewilligt: "1.5000",
      },
      {
        aktenzeichen: "IM-3", kreis_ags: "08221", empfaenger_ags: "08221", empfaenger_name: "Stadt Heidelberg",
        foerderbereich: "integrationsmanagement", bescheid_datum: "2017-12-01", beginn: "2018-01-01", ende: "2018-12-31",
        bewilligt_eur: "365.00", ausgezahlt_eur: "365.00", rueckforderung_eur: "0.00", vzae_bewilligt: "1.0000",
      },
      {
        aktenzeichen: "SB-1", kreis_ags: "08221", empfaenger_ags: "08221", empfaenger_name: "Stadt Heidelberg",
        foerderbereich: "schule_beruf", bescheid_datum: "2019-10-01", beginn: "2019-12-31", ende: "2021-01-01",
        bewilligt_eur: "1000.01", ausgezahlt_eur: "980.01", rueckforderung_eur: "20.00", vzae_bewilligt: null,
      },
    ]);
  });
});

describe("pro-rata split (helper view bewilligt_jahr)", () => {
  it("splits by calendar days with cumulative cent rounding", async () => {
    const split = await rows(
      "SELECT aktenzeichen, jahr, tage, tage_gesamt, bewilligt_eur FROM main.bewilligt_jahr ORDER BY aktenzeichen, jahr",
    );
    expect(split).toEqual([
      // DIG-1: 100.00 € = 10000 ct over 2019-12-31 … 2020-01-02 = 1 + 2 = 3 days.
      //   cum(2019) = round(10000 × 1 / 3) = round(3333.33) = 3333 → 33.33
      //   cum(2020) = 10000                                  → 10000 − 3333 = 6667 → 66.67
      { aktenzeichen: "DIG-1", jahr: 2019, tage: 1, tage_gesamt: 3, bewilligt_eur: "33.33" },
      { aktenzeichen: "DIG-1", jahr: 2020, tage: 2, tage_gesamt: 3, bewilligt_eur: "66.67" },
      // EA-1: 100.05 € = 10005 ct over 2020-12-31 … 2021-01-01 = 2 days.
      //   cum(2020) = round(10005 × 1 / 2) = round(5002.5) = 5003 (half up; half-to-even would give 5002)
      //   → 2020: 50.03, 2021: 10005 − 5003 = 5002 → 50.02
      { aktenzeichen: "EA-1", jahr: 2020, tage: 1, tage_gesamt: 2, bewilligt_eur: "50.03" },
      { aktenzeichen: "EA-1", jahr: 2021, tage: 1, tage_gesamt: 2, bewilligt_eur: "50.02" },
      // EA-2: 0.01 € = 1 ct over 2021-12-31 … 2022-01-02 = 3 days.
      //   cum(2021) = round(1 / 3) = 0 → 2021: 0.00, 2022: 0.01
      { aktenzeichen: "EA-2", jahr: 2021, tage: 1, tage_gesamt: 3, bewilligt_eur: "0.00" },
      { aktenzeichen: "EA-2", jahr: 2022, tage: 2, tage_gesamt: 3, bewilligt_eur: "0.01" },
      // IM-1: 1000.00 € = 100000 ct over 2017-07-01 … 2019-06-30.
      //   2017: Jul–Dec = 31+31+30+31+30+31 = 184; 2018: 365; 2019: Jan–Jun = 31+28+31+30+31+30 = 181; total 730.
      //   cum(2017) = round(100000 × 184 / 730) = round(18400000 / 730) = round(25205.479) = 25205 → 252.05
      //   cum(2018) = round(100000 × 549 / 730) = round(54900000 / 730) = round(75205.479) = 75205 → 75205 − 25205 = 50000 → 500.00
      //   cum(2019) = 100000 → 100000 − 75205 = 24795 → 247.95;  252.05 + 500.00 + 247.95 = 1000.00
      { aktenzeichen: "IM-1", jahr: 2017, tage: 184, tage_gesamt: 730, bewilligt_eur: "252.05" },
      { aktenzeichen: "IM-1", jahr: 2018, tage: 365, tage_gesamt: 730, bewilligt_eur: "500.00" },
      { aktenzeichen: "IM-1", jahr: 2019, tage: 181, tage_gesamt: 730, bewilligt_eur: "247.95" },
      // IM-3: one calendar year → all of it.
      { aktenzeichen: "IM-3", jahr: 2018, tage: 365, tage_gesamt: 365, bewilligt_eur: "365.00" },
      // SB-1: 1000.01 € = 100001 ct over 2019-12-31 … 2021-01-01: 1 + 366 (2020 is a leap year) + 1 = 368 days.
      //   Rounding each year on its own would give 272 + round(100001 × 366 / 368 = 99457.52) = 99458 + 272 = 100002 ≠ 100001.
      //   cum(2019) = round(100001 / 368): 368 × 271 = 99728, remainder 273 → 271.74 → 272 → 2.72
      //   cum(2020) = round(100001 × 367 / 368) = round(36700367 / 368): 368 × 99729 = 36700272, remainder 95 → 99729.26 → 99729
      //            → 99729 − 272 = 99457 → 994.57
      //   cum(2021) = 100001 → 100001 − 99729 = 272 → 2.72;  2.72 + 994.57 + 2.72 = 1000.01
      { aktenzeichen: "SB-1", jahr: 2019, tage: 1, tage_gesamt: 368, bewilligt_eur: "2.72" },
      { aktenzeichen: "SB-1", jahr: 2020, tage: 366, tage_gesamt: 368, bewilligt_eur: "994.57" },
      { aktenzeichen: "SB-1", jahr: 2021, tage: 1, tage_gesamt: 368, bewilligt_eur: "2.72" },
    ]);
  });

  it("adds up to the granted amount for every grant", async () => {
    const diff = await rows(`
      SELECT z.aktenzeichen, z.bewilligt_eur, sum(b.bewilligt_eur) AS summe
      FROM main.zuwendungen z JOIN main.bewilligt_jahr b USING (aktenzeichen)
      GROUP BY ALL HAVING sum(b.bewilligt_eur) <> z.bewilligt_eur`);
    expect(diff).toEqual([]);
  });
});

describe("mittel_kreis_jahr", () => {
  it("has Kreis × year × Förderbereich with any money", async () => {
    // bewilligt from the split above; ausgezahlt = net bookings of the year; rueckforderung positive.
    // 08221 / 2021 / ehrenamt (EA-2: 0.00, no bookings) has no money → absent.
    // 08115 / 2020: IM-1 ended in 2019, the only booking is the recovery Z04 → 0.00, −50.00, 50.00.
    // 08221 / 2020 / schule_beruf: 400.00 + 100.00 − 20.00 = 480.00.
    expect(await rows("SELECT * EXCLUDE (foerderbereich_name) FROM main.mittel_kreis_jahr")).toEqual([
      { kreis_ags: "08111", jahr: 2019, foerderbereich: "digitalisierung", bewilligt_eur: "33.33", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08111", jahr: 2020, foerderbereich: "digitalisierung", bewilligt_eur: "66.67", ausgezahlt_eur: "100.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08111", jahr: 2020, foerderbereich: "ehrenamt", bewilligt_eur: "50.03", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08111", jahr: 2021, foerderbereich: "ehrenamt", bewilligt_eur: "50.02", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08115", jahr: 2017, foerderbereich: "integrationsmanagement", bewilligt_eur: "252.05", ausgezahlt_eur: "200.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08115", jahr: 2018, foerderbereich: "integrationsmanagement", bewilligt_eur: "500.00", ausgezahlt_eur: "500.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08115", jahr: 2019, foerderbereich: "integrationsmanagement", bewilligt_eur: "247.95", ausgezahlt_eur: "300.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08115", jahr: 2020, foerderbereich: "integrationsmanagement", bewilligt_eur: "0.00", ausgezahlt_eur: "-50.00", rueckforderung_eur: "50.00" },
      { kreis_ags: "08221", jahr: 2018, foerderbereich: "integrationsmanagement", bewilligt_eur: "365.00", ausgezahlt_eur: "365.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08221", jahr: 2019, foerderbereich: "schule_beruf", bewilligt_eur: "2.72", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
      { kreis_ags: "08221", jahr: 2020, foerderbereich: "schule_beruf", bewilligt_eur: "994.57", ausgezahlt_eur: "480.00", rueckforderung_eur: "20.00" },
      { kreis_ags: "08221", jahr: 2021, foerderbereich: "schule_beruf", bewilligt_eur: "2.72", ausgezahlt_eur: "500.01", rueckforderung_eur: "0.00" },
      { kreis_ags: "08221", jahr: 2022, foerderbereich: "ehrenamt", bewilligt_eur: "0.01", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
    ]);
  });
});

describe("abdeckung_kreis", () => {
  it("has Kreis × stichtag with filled VZÄ, granted VZÄ and the latest refugee count", async () => {
    // Stichtage of counted reports: 2018-06-30, 2019-06-30, 2019-12-31 (2018-03-31 only from IM-2, not granted).
    // 2018-06-30 / 08115: IM-1 runs (1.5 VZÄ); filled S1 1.00 (S2 0.75 vacant) → 1.0000, 1 of 2 reported.
    //   Count on or before: 2018-06-30 itself → 1300; 1300 / 1.0 = 1300.0000.
    // 2018-06-30 / 08221: IM-3 runs (1.0 VZÄ) but reported nothing (IM-2's report does not count)
    //   → vzae_besetzt and stellen_besetzt NULL, stellen_gemeldet 0, 1 grant without report; no count → NULL.
    // 2019-06-30 / 08115: the last day of IM-1 counts (inclusive) → 1.5; filled 1.00 + 0.75 = 1.75;
    //   count: latest ≤ 2019-06-30 is 2018-12-31 = 1500 (2019-09-30 is later) → 1500 / 1.75 = 857.142857… → 857.1429.
    // 2019-12-31 / 08115: IM-1 has ended → 0 granted; S1 reported vacant → 0.0000 filled, 0 positions;
    //   count 2019-09-30 = 9999; ratio NULL because 0 VZÄ are filled.
    // Stuttgart (08111) has no integration management → no rows, despite its refugee count.
    expect(await rows("SELECT * FROM main.abdeckung_kreis")).toEqual([
      {
        kreis_ags: "08115", stichtag: "2018-06-30", vzae_bewilligt: "1.5000", vzae_besetzt: "1.0000", stellen_besetzt: 1,
        stellen_gemeldet: 2, zuwendungen_ohne_meldung: 0, gefluechtete_au: 1300, gefluechtete_stichtag: "2018-06-30",
        gefluechtete_je_vzae: "1300.0000",
      },
      {
        kreis_ags: "08221", stichtag: "2018-06-30", vzae_bewilligt: "1.0000", vzae_besetzt: null, stellen_besetzt: null,
        stellen_gemeldet: 0, zuwendungen_ohne_meldung: 1, gefluechtete_au: null, gefluechtete_stichtag: null,
        gefluechtete_je_vzae: null,
      },
      {
        kreis_ags: "08115", stichtag: "2019-06-30", vzae_bewilligt: "1.5000", vzae_besetzt: "1.7500", stellen_besetzt: 2,
        stellen_gemeldet: 2, zuwendungen_ohne_meldung: 0, gefluechtete_au: 1500, gefluechtete_stichtag: "2018-12-31",
        gefluechtete_je_vzae: "857.1429",
      },
      {
        kreis_ags: "08115", stichtag: "2019-12-31", vzae_bewilligt: "0.0000", vzae_besetzt: "0.0000", stellen_besetzt: 0,
        stellen_gemeldet: 1, zuwendungen_ohne_meldung: 0, gefluechtete_au: 9999, gefluechtete_stichtag: "2019-09-30",
        gefluechtete_je_vzae: null,
      },
    ]);
  });
});

describe("haushalt_jahr", () => {
  it("has year × Förderbereich with appropriation or money, and exact rounded ratios", async () => {
    // Ratios in units of 0.0001, rounded half away from zero:
    //   2018 IM: bewilligt 500.00 (IM-1) + 365.00 (IM-3) = 865.00; ausgezahlt 500.00 + 365.00 = 865.00; ansatz 3000.00
    //            865 / 3000 = 0.288333… → 0.2883 (both)
    //   2019 IM: ansatz 0.00 → both ratios NULL.
    //   2020 digitalisierung: 66.67 / 300 = 0.222233… → 0.2222; 100 / 300 = 0.333333… → 0.3333
    //   2020 IM: 0 / 300 = 0.0000; −50 / 300 = −0.166666… → −0.1667 (away from zero)
    //   2020 schule_beruf: 994.57 / 1500 = 0.663046… → 0.6630; 480 / 1500 = 0.32 → 0.3200
    //   2021 ehrenamt: 50.02 (EA-1) + 0.00 (EA-2) = 50.02, no ansatz → NULL ratios.
    //   2022 ehrenamt: 0.01 / 200 = 0.00005 exactly → half → 0.0001; 0 / 200 = 0.0000
    //   2022 spracherwerb: appropriation without money → zeros, ratios 0.0000.
    expect(await rows("SELECT * EXCLUDE (foerderbereich_name) FROM main.haushalt_jahr")).toEqual([
      { jahr: 2017, foerderbereich: "integrationsmanagement", ansatz_eur: null, bewilligt_eur: "252.05", ausgezahlt_eur: "200.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2018, foerderbereich: "integrationsmanagement", ansatz_eur: "3000.00", bewilligt_eur: "865.00", ausgezahlt_eur: "865.00", rueckforderung_eur: "0.00", bindungsquote: "0.2883", abflussquote: "0.2883" },
      { jahr: 2019, foerderbereich: "digitalisierung", ansatz_eur: null, bewilligt_eur: "33.33", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2019, foerderbereich: "integrationsmanagement", ansatz_eur: "0.00", bewilligt_eur: "247.95", ausgezahlt_eur: "300.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2019, foerderbereich: "schule_beruf", ansatz_eur: null, bewilligt_eur: "2.72", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2020, foerderbereich: "digitalisierung", ansatz_eur: "300.00", bewilligt_eur: "66.67", ausgezahlt_eur: "100.00", rueckforderung_eur: "0.00", bindungsquote: "0.2222", abflussquote: "0.3333" },
      { jahr: 2020, foerderbereich: "ehrenamt", ansatz_eur: null, bewilligt_eur: "50.03", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2020, foerderbereich: "integrationsmanagement", ansatz_eur: "300.00", bewilligt_eur: "0.00", ausgezahlt_eur: "-50.00", rueckforderung_eur: "50.00", bindungsquote: "0.0000", abflussquote: "-0.1667" },
      { jahr: 2020, foerderbereich: "schule_beruf", ansatz_eur: "1500.00", bewilligt_eur: "994.57", ausgezahlt_eur: "480.00", rueckforderung_eur: "20.00", bindungsquote: "0.6630", abflussquote: "0.3200" },
      { jahr: 2021, foerderbereich: "ehrenamt", ansatz_eur: null, bewilligt_eur: "50.02", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2021, foerderbereich: "schule_beruf", ansatz_eur: null, bewilligt_eur: "2.72", ausgezahlt_eur: "500.01", rueckforderung_eur: "0.00", bindungsquote: null, abflussquote: null },
      { jahr: 2022, foerderbereich: "ehrenamt", ansatz_eur: "200.00", bewilligt_eur: "0.01", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: "0.0001", abflussquote: "0.0000" },
      { jahr: 2022, foerderbereich: "spracherwerb", ansatz_eur: "5000.00", bewilligt_eur: "0.00", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00", bindungsquote: "0.0000", abflussquote: "0.0000" },
    ]);
  });

  it("equals the sum of mittel_kreis_jahr over the Kreise", async () => {
    const diff = await rows(`
      SELECT h.jahr, h.foerderbereich FROM main.haushalt_jahr h
      LEFT JOIN (SELECT jahr, foerderbereich, sum(bewilligt_eur) b, sum(ausgezahlt_eur) a, sum(rueckforderung_eur) r
                 FROM main.mittel_kreis_jahr GROUP BY ALL) m USING (jahr, foerderbereich)
      WHERE coalesce(m.b, 0) <> h.bewilligt_eur OR coalesce(m.a, 0) <> h.ausgezahlt_eur OR coalesce(m.r, 0) <> h.rueckforderung_eur`);
    expect(diff).toEqual([]);
  });
});

describe("zahlungen_monat", () => {
  it("fills months with 0, cuts the latest year at the Stand month and runs the cumulative sum", async () => {
    // Years × Förderbereich with bookings (Z99 on the rejected DIG-2 does not count):
    //   IM 2017, 2018, 2019, 2020; digitalisierung 2020; schule_beruf 2020, 2021.
    // Stand = latest booking 2021-02-10 → 2021 only January and February.
    // 6 full years × 12 + 2 = 74 rows.
    const all = await rows("SELECT * FROM main.zahlungen_monat");
    expect(all).toHaveLength(74);
    const keys = await rows(
      "SELECT jahr, foerderbereich, count(*) AS monate, min(monat) AS von, max(monat) AS bis FROM main.zahlungen_monat GROUP BY ALL ORDER BY ALL",
    );
    expect(keys).toEqual([
      { jahr: 2017, foerderbereich: "integrationsmanagement", monate: "12", von: 1, bis: 12 },
      { jahr: 2018, foerderbereich: "integrationsmanagement", monate: "12", von: 1, bis: 12 },
      { jahr: 2019, foerderbereich: "integrationsmanagement", monate: "12", von: 1, bis: 12 },
      { jahr: 2020, foerderbereich: "digitalisierung", monate: "12", von: 1, bis: 12 },
      { jahr: 2020, foerderbereich: "integrationsmanagement", monate: "12", von: 1, bis: 12 },
      { jahr: 2020, foerderbereich: "schule_beruf", monate: "12", von: 1, bis: 12 },
      { jahr: 2021, foerderbereich: "schule_beruf", monate: "2", von: 1, bis: 2 },
    ]);

    const m = (jahr: number, fb: string) =>
      rows(`SELECT monat, ausgezahlt_eur, kumuliert_eur FROM main.zahlungen_monat
            WHERE jahr = ${jahr} AND foerderbereich = '${fb}' ORDER BY monat`);

    // 2018 IM: March 500.00 (Z02), December 365.00 (Z10); running sum 0, 0, 500 … 500, 865.
    const im2018 = await m(2018, "integrationsmanagement");
    expect(im2018.map((r) => [r["monat"], r["ausgezahlt_eur"], r["kumuliert_eur"]])).toEqual([
      [1, "0.00", "0.00"],
      [2, "0.00", "0.00"],
      [3, "500.00", "500.00"],
      [4, "0.00", "500.00"],
      [5, "0.00", "500.00"],
      [6, "0.00", "500.00"],
      [7, "0.00", "500.00"],
      [8, "0.00", "500.00"],
      [9, "0.00", "500.00"],
      [10, "0.00", "500.00"],
      [11, "0.00", "500.00"],
      [12, "365.00", "865.00"],
    ]);

    // 2020 schule_beruf: March 400.00 + 100.00 = 500.00, May −20.00 (recovery) → running 480.00.
    const sb2020 = await m(2020, "schule_beruf");
    expect(sb2020.map((r) => r["ausgezahlt_eur"])).toEqual([
      "0.00", "0.00", "500.00", "0.00", "-20.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
    ]);
    expect(sb2020.map((r) => r["kumuliert_eur"])).toEqual([
      "0.00", "0.00", "500.00", "500.00", "480.00", "480.00", "480.00", "480.00", "480.00", "480.00", "480.00", "480.00",
    ]);

    // 2021 schule_beruf: January nothing, February 500.01 (Z09); cut after February.
    expect(await m(2021, "schule_beruf")).toEqual([
      { monat: 1, ausgezahlt_eur: "0.00", kumuliert_eur: "0.00" },
      { monat: 2, ausgezahlt_eur: "500.01", kumuliert_eur: "500.01" },
    ]);

    // 2020 IM: only the recovery in February → −50.00 from February to December.
    const im2020 = await m(2020, "integrationsmanagement");
    expect(im2020[0]).toEqual({ monat: 1, ausgezahlt_eur: "0.00", kumuliert_eur: "0.00" });
    expect(im2020[1]).toEqual({ monat: 2, ausgezahlt_eur: "-50.00", kumuliert_eur: "-50.00" });
    expect(im2020[11]).toEqual({ monat: 12, ausgezahlt_eur: "0.00", kumuliert_eur: "-50.00" });
  });
});

describe("pruefbericht", () => {
  it("lists the findings ordered by file, line (file-level first) and column", async () => {
    expect(await rows("SELECT regel, datei, zeile, spalte, wert, schwere FROM main.pruefbericht")).toEqual([
      { regel: "spalte_unbekannt", datei: "auszahlungen.csv", zeile: null, spalte: null, wert: null, schwere: "warnung" },
      { regel: "typ_enum", datei: "auszahlungen.csv", zeile: 3, spalte: "art", wert: "storno", schwere: "fehler" },
      { regel: "rueckforderung_ohne_vorzeichen", datei: "auszahlungen.csv", zeile: 12, spalte: "betrag_eur", wert: "50", schwere: "warnung" },
      { regel: "wertebereich", datei: "stellen.csv", zeile: 5, spalte: "vzae", wert: "1,5", schwere: "fehler" },
    ]);
  });

  it("can be rebuilt on its own once more findings are in", async () => {
    await conn.run(
      "INSERT INTO meta.befunde VALUES ('bewilligungen.csv', 2, 'ende', '2017-01-01', 'ende_nach_beginn', 'Meldung E', 'fehler')",
    );
    const before = await rows("SELECT count(*) AS n FROM main.zuwendungen");
    await buildPublishedTables(conn, ["pruefbericht"]);
    const regeln = (await rows("SELECT regel FROM main.pruefbericht")).map((r) => r["regel"]);
    expect(regeln).toEqual(["spalte_unbekannt", "typ_enum", "rueckforderung_ohne_vorzeichen", "ende_nach_beginn", "wertebereich"]);
    expect(await rows("SELECT count(*) AS n FROM main.zuwendungen")).toEqual(before);
  });
});
