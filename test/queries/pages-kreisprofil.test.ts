/**
 * The Kreisprofil queries (loaders/pages/kreisprofil.ts) on a tiny
 * hand-made warehouse. Every expected value was worked out by hand in the
 * comments, not by running the code.
 *
 * Four Kreise: Stuttgart (Stadtkreis, 1.000 EW), Böblingen (Landkreis, 2.000),
 * Esslingen (Landkreis, 4.000), Heidelberg (Stadtkreis, 500, no grants at all).
 * Land population 7.500. Stand 30.06.2021 → Stichjahr 2020, Stichtag 31.12.2020.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";
import { bezugCte, kreisprofile, type ProfilKennzahl, type Kreisprofil } from "../../loaders/pages/kreisprofil.ts";

const Q = "Destatis (Testdaten)";
const FIXTURE = `
INSERT INTO ref.kreise VALUES
  ('08111', 'Stuttgart',  'Stadtkreis', 'Stuttgart', 1000, DATE '2018-12-31', '${Q}', 207.33),
  ('08115', 'Böblingen',  'Landkreis',  'Stuttgart', 2000, DATE '2018-12-31', '${Q}', 617.76),
  ('08116', 'Esslingen',  'Landkreis',  'Stuttgart', 4000, DATE '2018-12-31', '${Q}', 641.28),
  ('08221', 'Heidelberg', 'Stadtkreis', 'Karlsruhe',  500, DATE '2018-12-31', '${Q}', 108.83);

-- Full calendar years, so the pro-rata split is trivial, except G3 (2 years) and G5 (half a year).
INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  ('G0', '08111',    'Stadt Stuttgart',       'schule_beruf',           'bewilligt', NULL, DATE '2018-12-01', DATE '2019-01-01', DATE '2019-12-31',  500.00, NULL),
  ('G1', '08111',    'Stadt Stuttgart',       'integrationsmanagement', 'bewilligt', NULL, DATE '2019-12-01', DATE '2020-01-01', DATE '2020-12-31', 3660.00, 2.0),
  ('G2', '08115001', 'Gemeinde A',            'ehrenamt',               'bewilligt', NULL, DATE '2019-12-01', DATE '2020-01-01', DATE '2020-12-31', 1000.00, NULL),
  -- 731 days (2020: 366, 2021: 365): 2020 gets 731000 ct × 366 / 731 = 366000 ct = 3660.00, 2021 the remaining 3650.00.
  ('G3', '08115',    'Landratsamt Böblingen', 'integrationsmanagement', 'bewilligt', NULL, DATE '2019-12-01', DATE '2020-01-01', DATE '2021-12-31', 7310.00, 1.5),
  ('G4', '08116',    'Landkreis Esslingen',   'spracherwerb',           'bewilligt', NULL, DATE '2019-12-01', DATE '2020-01-01', DATE '2020-12-31', 6000.00, NULL),
  -- 01.07.–31.12.2020, all in 2020.
  ('G5', '08116',    'Landkreis Esslingen',   'integrationsmanagement', 'bewilligt', NULL, DATE '2020-06-01', DATE '2020-07-01', DATE '2020-12-31', 1840.00, 1.0),
  -- Rejected: counts nowhere.
  ('X1', '08221',    'Stadt Heidelberg',      'ehrenamt',               'abgelehnt', NULL, DATE '2020-02-01', DATE '2020-01-01', DATE '2020-12-31',    0.00, NULL);

INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('Z0', 'G0', DATE '2019-06-01',  500.00, 'schlusszahlung'),
  ('Z1', 'G1', DATE '2020-03-01', 3000.00, 'abschlag'),
  ('Z2', 'G2', DATE '2020-05-01', 1000.00, 'schlusszahlung'),
  ('Z3', 'G3', DATE '2020-06-01', 2000.00, 'abschlag'),
  ('Z4', 'G3', DATE '2020-12-01', -100.00, 'rueckforderung'),
  ('Z5', 'G4', DATE '2020-04-01', 5000.00, 'abschlag');

INSERT INTO eingang.stellen (aktenzeichen, stichtag, stelle_nr, vzae, besetzt, anstellungstraeger, qualifikation) VALUES
  ('G1', DATE '2020-06-30', 'S1', 1.0, true,  'gemeinde',  'hochschulabschluss'),
  ('G1', DATE '2020-06-30', 'S2', 1.0, false, 'gemeinde',  NULL),
  ('G3', DATE '2020-06-30', 'S1', 1.5, true,  'landkreis', 'hochschulabschluss'),
  ('G1', DATE '2020-12-31', 'S1', 1.0, true,  'gemeinde',  'hochschulabschluss'),
  ('G1', DATE '2020-12-31', 'S2', 0.5, true,  'gemeinde',  'nachqualifizierung'),
  ('G3', DATE '2020-12-31', 'S1', 1.0, true,  'landkreis', 'hochschulabschluss');
  -- G5 (Esslingen) runs on 31.12.2020 but has no report.

INSERT INTO eingang.gefluechtete_au (kreis_ags, stichtag, personen) VALUES
  ('08111', DATE '2019-09-15', 100),
  ('08111', DATE '2020-09-15', 120),
  ('08111', DATE '2021-09-15', 999),
  ('08115', DATE '2020-09-15', 200),
  ('08116', DATE '2020-09-15', 400);
`;

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let profile: Map<string, Kreisprofil>;

const profil = (ags: string): Kreisprofil => {
  const p = profile.get(ags);
  if (!p) throw new Error(`kein Profil für ${ags}`);
  return p;
};
const kennzahl = (ags: string, key: string): ProfilKennzahl => {
  const k = profil(ags).kennzahlen.find((x) => x.kennzahl === key);
  if (!k) throw new Error(`keine Kennzahl ${key} für ${ags}`);
  return k;
};
/** value, Land value, rank among peers / of how many, rank in the Land / of how many */
const summary = (ags: string, key: string) => {
  const k = kennzahl(ags, key);
  return [k.wert, k.land, k.rang, k.von, k.rang_land, k.von_land];
};

beforeAll(async () => {
  ({ instance, conn } = await fixtureWarehouse(FIXTURE));
  profile = await kreisprofile(conn, { stand: "2021-06-30" });
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

describe("reference points", () => {
  const bezug = async (stand: string | null) =>
    (await conn.runAndReadAll(`WITH ${bezugCte()} SELECT CAST(stichjahr AS INTEGER) AS j, strftime(stichtag, '%Y-%m-%d') AS t FROM bezug`, { stand })).getRowObjectsJson()[0];

  it("takes the latest complete year and the latest stichtag on or before the Stand", async () => {
    expect(profil("08111").bezug).toEqual({ stand: "2021-06-30", stichjahr: 2020, stichtag: "2020-12-31" });
    // 31 December completes its year.
    expect(await bezug("2020-12-31")).toEqual({ j: 2020, t: "2020-12-31" });
    // 30 December does not; the stichtag 31.12.2020 lies after it.
    expect(await bezug("2020-12-30")).toEqual({ j: 2019, t: "2020-06-30" });
    // Without a Stand: the latest booking (01.12.2020).
    expect(await bezug(null)).toEqual({ j: 2019, t: "2020-06-30" });
  });

  it("takes the Stand as a bound parameter: SQL in it is a value that is no date, never a statement", async () => {
    expect(bezugCte()).not.toContain("2021");
    // DuckDB reads the leading date of the text and ignores the rest; the rest is never run.
    await bezug("2021-06-30'; DROP TABLE main.kreise; --").catch(() => null);
    expect(Number((await conn.runAndReadAll("SELECT count(*) FROM main.kreise")).getRows()[0]![0])).toBeGreaterThan(0);
    await expect(kreisprofile(conn, { stand: "30.06.2021" })).rejects.toThrow("Stand ist kein ISO-Datum");
  });
});

describe("profile of every Kreis", () => {
  it("has all four Kreise with reference data and peer group size", () => {
    expect([...profile.keys()]).toEqual(["08111", "08115", "08116", "08221"]);
    expect(profil("08115").kreis).toMatchObject({
      kreis_name: "Böblingen",
      kreis_typ: "Landkreis",
      regierungsbezirk: "Stuttgart",
      einwohner: 2000,
      einwohner_stand: "2018-12-31",
      kreise_gleichen_typs: 2,
      zuwendungen_ohne_meldung: 0,
    });
    // Esslingen's IM grant G5 runs on 31.12.2020 without a report.
    expect(profil("08116").kreis.zuwendungen_ohne_meldung).toBe(1);
    // Heidelberg has no row in abdeckung_kreis.
    expect(profil("08221").kreis.zuwendungen_ohne_meldung).toBeNull();
  });

  it("lists the other Kreise of the Regierungsbezirk", () => {
    expect(profil("08111").regierungsbezirk.map((k) => k.kreis_ags)).toEqual(["08115", "08116"]);
    expect(profil("08221").regierungsbezirk).toEqual([]);
  });
});

describe("Kennzahlen of the Stichjahr 2020", () => {
  // 2020 granted: Stuttgart 3660; Böblingen 1000 + 3660 = 4660; Esslingen 6000 + 1840 = 7840; Heidelberg 0.
  // Land 16160. Ranks among Stadtkreise (2) and Landkreise (2), 1 = highest.
  it("bewilligt_eur: sum over Förderbereiche, Land sum, ranks", () => {
    expect(summary("08111", "bewilligt_eur")).toEqual([3660, 16160, 1, 2, 3, 4]);
    expect(summary("08115", "bewilligt_eur")).toEqual([4660, 16160, 2, 2, 2, 4]);
    expect(summary("08116", "bewilligt_eur")).toEqual([7840, 16160, 1, 2, 1, 4]);
    expect(summary("08221", "bewilligt_eur")).toEqual([0, 16160, 2, 2, 4, 4]);
  });

  it("ausgezahlt_eur: net of the recovery", () => {
    // Stuttgart 3000; Böblingen 1000 + 2000 − 100 = 2900; Esslingen 5000; Land 10900.
    expect(summary("08111", "ausgezahlt_eur")).toEqual([3000, 10900, 1, 2, 2, 4]);
    expect(summary("08115", "ausgezahlt_eur")).toEqual([2900, 10900, 2, 2, 3, 4]);
    expect(summary("08116", "ausgezahlt_eur")).toEqual([5000, 10900, 1, 2, 1, 4]);
  });

  it("per 1.000 inhabitants, Land value as sum/sum", () => {
    // 3660×1000/1000 = 3660; 4660×1000/2000 = 2330; 7840×1000/4000 = 1960;
    // Land 16160×1000/7500 = 2154.666… → 2154.67 (not the mean of the Kreis values).
    expect(summary("08111", "bewilligt_je_1000_ew")).toEqual([3660, 2154.67, 1, 2, 1, 4]);
    expect(summary("08115", "bewilligt_je_1000_ew")).toEqual([2330, 2154.67, 1, 2, 2, 4]);
    expect(summary("08116", "bewilligt_je_1000_ew")).toEqual([1960, 2154.67, 2, 2, 3, 4]);
    // 2900/2 = 1450; Land 10900×1000/7500 = 1453.333… → 1453.33.
    expect(summary("08115", "ausgezahlt_je_1000_ew")).toEqual([1450, 1453.33, 1, 2, 2, 4]);
  });

  it("refugees: the last count up to 31.12. of the Stichjahr, not the later one", () => {
    const k = kennzahl("08111", "gefluechtete_au");
    expect([k.wert, k.land, k.zaehlung]).toEqual([120, 720, "2020-09-15"]);
    // Heidelberg has no count: no value, no rank; the Stadtkreise with a value are 1.
    expect(summary("08221", "gefluechtete_au")).toEqual([null, 720, null, 1, null, 3]);
    expect(summary("08111", "gefluechtete_au")).toEqual([120, 720, 1, 1, 3, 3]);
  });

  it("per refugee, Land value over the Kreise with a count", () => {
    // 3660/120 = 30.50; 4660/200 = 23.30; 7840/400 = 19.60; Land 16160/720 = 22.444… → 22.44.
    expect(summary("08111", "bewilligt_je_gefluechteten")).toEqual([30.5, 22.44, 1, 1, 1, 3]);
    expect(summary("08115", "bewilligt_je_gefluechteten")).toEqual([23.3, 22.44, 1, 2, 2, 3]);
    expect(summary("08116", "bewilligt_je_gefluechteten")).toEqual([19.6, 22.44, 2, 2, 3, 3]);
    // 3000/120 = 25; 2900/200 = 14.50; 5000/400 = 12.50; Land 10900/720 = 15.1388… → 15.14.
    expect(summary("08116", "ausgezahlt_je_gefluechteten")).toEqual([12.5, 15.14, 2, 2, 3, 3]);
    expect(summary("08221", "bewilligt_je_gefluechteten")[0]).toBeNull();
  });
});

describe("Kennzahlen of the Stichtag 31.12.2020", () => {
  // Stuttgart 2.0 granted, 1.5 filled; Böblingen 1.5 / 1.0; Esslingen 1.0 / no report; Heidelberg no row.
  it("VZÄ granted and filled, Land sums", () => {
    expect(summary("08111", "vzae_bewilligt")).toEqual([2, 4.5, 1, 1, 1, 3]);
    expect(summary("08116", "vzae_bewilligt")).toEqual([1, 4.5, 2, 2, 3, 3]);
    expect(summary("08115", "vzae_besetzt")).toEqual([1, 2.5, 1, 1, 2, 2]);
    expect(summary("08116", "vzae_besetzt")).toEqual([null, 2.5, null, 1, null, 2]);
    expect(summary("08221", "vzae_bewilligt")).toEqual([null, 4.5, null, 1, null, 3]);
  });

  it("share filled: Land over the reporting Kreise only", () => {
    // 1.5/2.0 = 0.75; 1.0/1.5 = 0.6667; Land (1.5 + 1.0)/(2.0 + 1.5) = 0.714285… → 0.7143
    // (Esslingen's unreported 1.0 VZÄ stay out of the denominator).
    expect(summary("08111", "anteil_besetzt")).toEqual([0.75, 0.7143, 1, 1, 1, 2]);
    expect(summary("08115", "anteil_besetzt")).toEqual([0.6667, 0.7143, 1, 1, 2, 2]);
  });

  it("refugees per filled VZÄ: the published value, Land as sum/sum", () => {
    // 120/1.5 = 80; 200/1.0 = 200; Land (120 + 200)/(1.5 + 1.0) = 128.
    expect(summary("08111", "gefluechtete_je_vzae")).toEqual([80, 128, 1, 1, 2, 2]);
    expect(summary("08115", "gefluechtete_je_vzae")).toEqual([200, 128, 1, 1, 1, 2]);
    expect(kennzahl("08115", "gefluechtete_je_vzae").zaehlung).toBe("2020-09-15");
  });

  it("keeps the display order and groups", () => {
    expect(profil("08111").kennzahlen.map((k) => `${k.gruppe}:${k.kennzahl}`)).toEqual([
      "mittel:bewilligt_eur",
      "mittel:ausgezahlt_eur",
      "mittel:bewilligt_je_1000_ew",
      "mittel:ausgezahlt_je_1000_ew",
      "mittel:gefluechtete_au",
      "mittel:bewilligt_je_gefluechteten",
      "mittel:ausgezahlt_je_gefluechteten",
      "abdeckung:vzae_bewilligt",
      "abdeckung:vzae_besetzt",
      "abdeckung:anteil_besetzt",
      "abdeckung:gefluechtete_je_vzae",
    ]);
  });

  it("compares with the peers only: the Landkreise on a Landkreis profile", () => {
    const v = profil("08115").vergleich.filter((x) => x.kennzahl === "bewilligt_eur");
    expect(v.map((x) => [x.kreis_ags, x.wert, x.rang])).toEqual([
      ["08115", 4660, 2],
      ["08116", 7840, 1],
    ]);
  });
});

describe("time series", () => {
  it("money per year and Förderbereich are the rows of mittel_kreis_jahr", () => {
    expect(profil("08115").mittel_jahr).toEqual([
      { jahr: 2020, foerderbereich: "ehrenamt", bewilligt_eur: 1000, ausgezahlt_eur: 1000, rueckforderung_eur: 0 },
      { jahr: 2020, foerderbereich: "integrationsmanagement", bewilligt_eur: 3660, ausgezahlt_eur: 1900, rueckforderung_eur: 100 },
      { jahr: 2021, foerderbereich: "integrationsmanagement", bewilligt_eur: 3650, ausgezahlt_eur: 0, rueckforderung_eur: 0 },
    ]);
  });

  it("per year per 1.000 inhabitants beside the Land, with every year for every Kreis", () => {
    const s = profil("08111").mittel_jahr_gesamt;
    // 2019: Stuttgart 500 → 500.00 per 1.000; Land 500×1000/7500 = 66.666… → 66.67.
    expect(s[0]).toEqual({
      jahr: 2019, vollstaendig: true, bewilligt_eur: 500, ausgezahlt_eur: 500,
      bewilligt_je_1000_ew: 500, ausgezahlt_je_1000_ew: 500, land_bewilligt_je_1000_ew: 66.67, land_ausgezahlt_je_1000_ew: 66.67,
    });
    // 2021 is after the Stichjahr; Land 3650×1000/7500 = 486.666… → 486.67.
    expect(s.map((x) => [x.jahr, x.vollstaendig, x.bewilligt_eur, x.land_bewilligt_je_1000_ew])).toEqual([
      [2019, true, 500, 66.67],
      [2020, true, 3660, 2154.67],
      [2021, false, 0, 486.67],
    ]);
    expect(profil("08221").mittel_jahr_gesamt.map((x) => x.bewilligt_eur)).toEqual([0, 0, 0]);
  });

  it("coverage over the stichtage with share filled and Land values", () => {
    expect(profil("08111").abdeckung.map((a) => [a.stichtag, a.vzae_bewilligt, a.vzae_besetzt, a.anteil_besetzt, a.gefluechtete_au, a.gefluechtete_je_vzae, a.land_anteil_besetzt, a.land_gefluechtete_je_vzae])).toEqual([
      // 30.06.2020: 1.0/2.0 = 0.5; count of 15.09.2019 = 100 → 100/1.0 = 100;
      // Land share (1.0 + 1.5)/(2.0 + 1.5) = 0.7143; Land per VZÄ only Stuttgart has a count: 100/1.0 = 100.
      ["2020-06-30", 2, 1, 0.5, 100, 100, 0.7143, 100],
      ["2020-12-31", 2, 1.5, 0.75, 120, 80, 0.7143, 128],
    ]);
    expect(profil("08221").abdeckung).toEqual([]);
  });
});

describe("recipients and grants", () => {
  it("sums per recipient, largest first, and the Kreis total", () => {
    expect(profil("08115").empfaenger).toEqual([
      { empfaenger_ags: "08115", empfaenger_name: "Landratsamt Böblingen", zuwendungen: 1, beginn: "2020-01-01", ende: "2021-12-31", bewilligt_eur: 7310, ausgezahlt_eur: 1900, rueckforderung_eur: 100 },
      { empfaenger_ags: "08115001", empfaenger_name: "Gemeinde A", zuwendungen: 1, beginn: "2020-01-01", ende: "2020-12-31", bewilligt_eur: 1000, ausgezahlt_eur: 1000, rueckforderung_eur: 0 },
    ]);
    expect(profil("08115").summe).toEqual({ zuwendungen: 2, empfaenger: 2, bewilligt_eur: 8310, ausgezahlt_eur: 2900, rueckforderung_eur: 100 });
    expect(profil("08221").summe).toEqual({ zuwendungen: 0, empfaenger: 0, bewilligt_eur: 0, ausgezahlt_eur: 0, rueckforderung_eur: 0 });
  });

  it("lists the granted grants of the Kreis only, by recipient and start", () => {
    expect(profil("08111").zuwendungen.map((z) => [z.aktenzeichen, z.beginn, z.bewilligt_eur, z.ausgezahlt_eur])).toEqual([
      ["G0", "2019-01-01", 500, 500],
      ["G1", "2020-01-01", 3660, 3000],
    ]);
    // The rejected application X1 is not a grant.
    expect(profil("08221").zuwendungen).toEqual([]);
  });
});
