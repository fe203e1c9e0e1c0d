/**
 * mittel_gemeinde_jahr (contract §3) on a small hand-made warehouse.
 *
 * Expected values worked out by hand in the comments, compared as exact strings.
 */
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";

const FIXTURE = `
INSERT INTO ref.kreise VALUES
  ('08115', 'Böblingen',  'Landkreis',  'Stuttgart', 391640, DATE '2018-12-31', 'Test', 617.76),
  ('08221', 'Heidelberg', 'Stadtkreis', 'Karlsruhe', 160355, DATE '2018-12-31', 'Test', 108.83);

-- 08115999 is deliberately not in the list: its name comes from the grants.
INSERT INTO ref.gemeinden VALUES
  ('08115003', 'Böblingen', 'Stadt', '08115'),
  ('08221000', 'Heidelberg', 'Stadt', '08221');

INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  -- 730 days; 2017: 184 days, cum round(100000 × 184 / 730 = 25205.48) = 25205 ct → 252.05;
  -- 2018: cum round(100000 × 549 / 730 = 75205.48) = 75205 → 752.05 − 252.05 = 500.00; 2019: 1000.00 − 752.05 = 247.95.
  ('IM-1', '08115003', 'Stadt Böblingen (Empfängername)', 'integrationsmanagement', 'bewilligt', NULL, DATE '2017-06-15', DATE '2017-07-01', DATE '2019-06-30', 1000.00, 1.5),
  ('SE-1', '08115003', 'Stadt Böblingen',        'spracherwerb',           'bewilligt', NULL, DATE '2018-12-01', DATE '2019-01-01', DATE '2019-12-31', 100.00, NULL),
  -- The Kreis itself (5 digits): in mittel_kreis_jahr, never in mittel_gemeinde_jahr.
  ('DIG-1', '08115',   'Landratsamt Böblingen',  'digitalisierung',        'bewilligt', NULL, DATE '2020-06-01', DATE '2020-07-01', DATE '2020-12-31', 300.00, NULL),
  -- Not in ref.gemeinden: name of the grant with the latest beginn („Gemeinde Neu“).
  ('EA-1', '08115999', 'Gemeinde Alt',           'ehrenamt',               'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2018-12-31', 36.50, NULL),
  ('EA-2', '08115999', 'Gemeinde Neu',           'ehrenamt',               'bewilligt', NULL, DATE '2019-12-01', DATE '2020-01-01', DATE '2020-12-31', 10.00, NULL),
  -- Not granted: absent, also with a booking.
  ('IM-2', '08221000', 'Stadt Heidelberg',       'integrationsmanagement', 'beantragt', NULL, NULL,              DATE '2019-01-01', DATE '2019-12-31', 0.00, 1.0),
  ('IM-3', '08221000', 'Stadt Heidelberg',       'integrationsmanagement', 'abgelehnt', NULL, DATE '2018-12-01', DATE '2019-01-01', DATE '2019-12-31', 0.00, 1.0),
  -- Granted with 0.00 and no booking: every amount 0, no row.
  ('SE-2', '08221000', 'Stadt Heidelberg',       'spracherwerb',           'bewilligt', NULL, DATE '2019-01-15', DATE '2019-02-01', DATE '2019-12-31', 0.00, NULL);

INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('Z01', 'IM-1',  DATE '2017-08-15',  200.00, 'abschlag'),
  ('Z02', 'IM-1',  DATE '2018-03-10',  500.00, 'abschlag'),
  ('Z03', 'IM-1',  DATE '2019-09-01',  300.00, 'schlusszahlung'),
  -- A year with a recovery only: ausgezahlt −50.00, rueckforderung 50.00, bewilligt 0.00.
  ('Z04', 'IM-1',  DATE '2020-02-15',  -50.00, 'rueckforderung'),
  ('Z05', 'DIG-1', DATE '2020-08-01',  300.00, 'abschlag'),
  ('Z06', 'SE-1',  DATE '2019-03-01',   60.00, 'abschlag'),
  ('Z07', 'SE-1',  DATE '2019-04-01',   40.00, 'abschlag'),
  ('Z99', 'IM-3',  DATE '2019-05-01',  999.99, 'abschlag');
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

describe("mittel_gemeinde_jahr", () => {
  it("has recipient Gemeinde × year × Förderbereich with any money, official name, Kreis from the AGS", async () => {
    expect(await rows("SELECT * FROM main.mittel_gemeinde_jahr")).toEqual([
      { gemeinde_ags: "08115003", gemeinde_name: "Böblingen", kreis_ags: "08115", jahr: 2017, foerderbereich: "integrationsmanagement", foerderbereich_name: "Integrationsmanagement", bewilligt_eur: "252.05", ausgezahlt_eur: "200.00", rueckforderung_eur: "0.00" },
      { gemeinde_ags: "08115003", gemeinde_name: "Böblingen", kreis_ags: "08115", jahr: 2018, foerderbereich: "integrationsmanagement", foerderbereich_name: "Integrationsmanagement", bewilligt_eur: "500.00", ausgezahlt_eur: "500.00", rueckforderung_eur: "0.00" },
      { gemeinde_ags: "08115003", gemeinde_name: "Böblingen", kreis_ags: "08115", jahr: 2019, foerderbereich: "integrationsmanagement", foerderbereich_name: "Integrationsmanagement", bewilligt_eur: "247.95", ausgezahlt_eur: "300.00", rueckforderung_eur: "0.00" },
      // 60.00 + 40.00 paid in 2019.
      { gemeinde_ags: "08115003", gemeinde_name: "Böblingen", kreis_ags: "08115", jahr: 2019, foerderbereich: "spracherwerb", foerderbereich_name: "Spracherwerb", bewilligt_eur: "100.00", ausgezahlt_eur: "100.00", rueckforderung_eur: "0.00" },
      { gemeinde_ags: "08115003", gemeinde_name: "Böblingen", kreis_ags: "08115", jahr: 2020, foerderbereich: "integrationsmanagement", foerderbereich_name: "Integrationsmanagement", bewilligt_eur: "0.00", ausgezahlt_eur: "-50.00", rueckforderung_eur: "50.00" },
      { gemeinde_ags: "08115999", gemeinde_name: "Gemeinde Neu", kreis_ags: "08115", jahr: 2018, foerderbereich: "ehrenamt", foerderbereich_name: "Bürgerschaftliches Engagement und Ehrenamt", bewilligt_eur: "36.50", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
      { gemeinde_ags: "08115999", gemeinde_name: "Gemeinde Neu", kreis_ags: "08115", jahr: 2020, foerderbereich: "ehrenamt", foerderbereich_name: "Bürgerschaftliches Engagement und Ehrenamt", bewilligt_eur: "10.00", ausgezahlt_eur: "0.00", rueckforderung_eur: "0.00" },
    ]);
  });

  it("adds up with the grants to the Kreis itself to mittel_kreis_jahr", async () => {
    // Kreis 08115: Gemeinden (above) + DIG-1 (2020: 300.00 granted, 300.00 paid) = mittel_kreis_jahr.
    const diff = await rows(`
      WITH g AS (
        SELECT kreis_ags, jahr, foerderbereich, sum(bewilligt_eur) AS b, sum(ausgezahlt_eur) AS a, sum(rueckforderung_eur) AS r
        FROM main.mittel_gemeinde_jahr GROUP BY ALL
      ), k AS (
        SELECT z.kreis_ags, j.jahr, z.foerderbereich, sum(j.bewilligt_eur) AS b
        FROM main.zuwendungen z JOIN main.bewilligt_jahr j USING (aktenzeichen)
        WHERE length(z.empfaenger_ags) = 5 GROUP BY ALL
      ), kz AS (
        SELECT b.kreis_ags, b.jahr, b.foerderbereich, sum(b.betrag_eur) AS a, coalesce(-sum(b.betrag_eur) FILTER (WHERE art = 'rueckforderung'), 0) AS r
        FROM main.buchungen b JOIN main.zuwendungen z USING (aktenzeichen)
        WHERE length(z.empfaenger_ags) = 5 GROUP BY ALL
      )
      SELECT m.kreis_ags, m.jahr, m.foerderbereich
      FROM main.mittel_kreis_jahr m
      LEFT JOIN g USING (kreis_ags, jahr, foerderbereich)
      LEFT JOIN k USING (kreis_ags, jahr, foerderbereich)
      LEFT JOIN kz USING (kreis_ags, jahr, foerderbereich)
      WHERE m.bewilligt_eur <> coalesce(g.b, 0) + coalesce(k.b, 0)
         OR m.ausgezahlt_eur <> coalesce(g.a, 0) + coalesce(kz.a, 0)
         OR m.rueckforderung_eur <> coalesce(g.r, 0) + coalesce(kz.r, 0)`);
    expect(diff).toEqual([]);
    expect(await rows("SELECT jahr, foerderbereich, bewilligt_eur, ausgezahlt_eur FROM main.mittel_kreis_jahr WHERE foerderbereich = 'digitalisierung'")).toEqual([
      { jahr: 2020, foerderbereich: "digitalisierung", bewilligt_eur: "300.00", ausgezahlt_eur: "300.00" },
    ]);
  });

  it("sums over the years to each Gemeinde's granted amounts", async () => {
    // 08115003: 1000.00 + 100.00 = 1100.00; 08115999: 36.50 + 10.00 = 46.50.
    expect(await rows("SELECT gemeinde_ags, sum(bewilligt_eur) AS s FROM main.mittel_gemeinde_jahr GROUP BY 1 ORDER BY 1")).toEqual([
      { gemeinde_ags: "08115003", s: "1100.00" },
      { gemeinde_ags: "08115999", s: "46.50" },
    ]);
  });
});
