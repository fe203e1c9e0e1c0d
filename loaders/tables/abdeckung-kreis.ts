import { z } from "zod";
import { date, dec, int } from "../schema/columns.ts";
import { FORMELN, formelSql, ownColumns } from "./formulas.ts";
import { GRANTED_GRANTS } from "./sql.ts";
import { defineTable, orNull } from "./define.ts";
import { kreisAgs, foerderbereich, aktenzeichen } from "./shared-columns.ts";

export const abdeckungKreis = defineTable({
  name: "abdeckung_kreis",
  title: "Integrationsmanagement: Stellen und Geflüchtete je Kreis und Stichtag",
  rowsAre:
    "eine Zeile je Kreis und Stichtag der Stellenmeldungen, für jeden Kreis, der zum Stichtag Stellen gemeldet hat " +
    "oder eine bewilligte Zuwendung im Integrationsmanagement hat, deren Förderzeitraum den Stichtag einschließt",
  notes:
    "Gezählt werden nur Stellenmeldungen zu bewilligten Zuwendungen im Integrationsmanagement; die Stichtage sind " +
    "die Stichtage dieser Meldungen. Hat ein Kreis zum Stichtag keine Stelle gemeldet, sind vzae_besetzt und " +
    "stellen_besetzt leer (nicht 0) und stellen_gemeldet ist 0.",
  columns: z.object({
    kreis_ags: kreisAgs,
    stichtag: date({ label: "Stichtag", definition: "Stichtag der Stellenmeldungen." }),
    vzae_bewilligt: dec({
      label: "VZÄ bewilligt",
      definition:
        "Summe der bewilligten VZÄ der bewilligten Zuwendungen im Integrationsmanagement des Kreises, deren " +
        "Förderzeitraum den Stichtag einschließt; 0, wenn keine läuft.",
      unit: "VZÄ",
      scale: 4,
    }),
    vzae_besetzt: orNull(
      dec({
        label: "VZÄ besetzt",
        definition:
          "Summe der VZÄ der zum Stichtag als besetzt gemeldeten Stellen; leer, wenn der Kreis zum Stichtag keine Stelle gemeldet hat.",
        unit: "VZÄ",
        scale: 4,
      }),
    ),
    stellen_besetzt: orNull(
      int({
        label: "Stellen besetzt",
        definition:
          "Anzahl der zum Stichtag als besetzt gemeldeten Stellen; leer, wenn der Kreis zum Stichtag keine Stelle gemeldet hat.",
        unit: "Stellen",
      }),
    ),
    stellen_gemeldet: int({
      label: "Stellen gemeldet",
      definition: "Anzahl der zum Stichtag gemeldeten Stellen, besetzt oder unbesetzt; 0 heißt: keine Meldung.",
      unit: "Stellen",
    }),
    zuwendungen_ohne_meldung: int({
      label: "Zuwendungen ohne Meldung",
      definition:
        "Anzahl der laufenden bewilligten Zuwendungen im Integrationsmanagement des Kreises, zu denen für den " +
        "Stichtag keine Stelle gemeldet ist. Ist sie größer als 0, fehlen deren Stellen in vzae_besetzt.",
    }),
    gefluechtete_au: orNull(
      int({
        label: "Geflüchtete in Anschlussunterbringung",
        definition:
          "Geflüchtete in der Anschlussunterbringung im Kreis (Zählung nach § 29d FAG) aus der letzten Zählung " +
          "am oder vor dem Stichtag; leer, wenn es keine gibt.",
        unit: "Personen",
      }),
    ),
    gefluechtete_stichtag: orNull(
      date({ label: "Stichtag Zählung", definition: "Stichtag der Zählung, aus der gefluechtete_au stammt." }),
    ),
    gefluechtete_je_vzae: orNull(
      dec({
        label: "Geflüchtete je besetzter VZÄ",
        definition:
          "gefluechtete_au geteilt durch vzae_besetzt, kaufmännisch auf 4 Nachkommastellen gerundet; leer, wenn " +
          "vzae_besetzt 0 oder leer ist oder keine Zählung vorliegt.",
        unit: "Personen je VZÄ",
        scale: 4,
      }),
    ),
  }),
  key: ["kreis_ags", "stichtag"],
  orderBy: ["stichtag", "kreis_ags"],
  sql: `WITH im AS (
  SELECT aktenzeichen, kreis_ags, beginn, ende, vzae_bewilligt
  FROM ${GRANTED_GRANTS}
  WHERE foerderbereich = 'integrationsmanagement'
),
meldung AS (
  SELECT im.kreis_ags, s.aktenzeichen, s.stichtag, s.vzae, s.besetzt
  FROM eingang.stellen AS s
  JOIN im ON im.aktenzeichen = s.aktenzeichen
),
stichtage AS (SELECT DISTINCT stichtag FROM meldung),
gemeldet AS (
  SELECT kreis_ags, stichtag,
    count(*) AS stellen_gemeldet,
    count(*) FILTER (WHERE besetzt) AS stellen_besetzt,
    coalesce(sum(vzae) FILTER (WHERE besetzt), 0) AS vzae_besetzt
  FROM meldung
  GROUP BY kreis_ags, stichtag
),
laufend AS (
  SELECT im.kreis_ags, t.stichtag, im.aktenzeichen, im.vzae_bewilligt
  FROM im
  JOIN stichtage AS t ON t.stichtag BETWEEN im.beginn AND im.ende
),
bewilligt AS (
  SELECT l.kreis_ags, l.stichtag,
    sum(l.vzae_bewilligt) AS vzae_bewilligt,
    count(*) FILTER (WHERE m.aktenzeichen IS NULL) AS zuwendungen_ohne_meldung
  FROM laufend AS l
  LEFT JOIN (SELECT DISTINCT aktenzeichen, stichtag FROM meldung) AS m
    ON m.aktenzeichen = l.aktenzeichen AND m.stichtag = l.stichtag
  GROUP BY l.kreis_ags, l.stichtag
),
paare AS (
  SELECT kreis_ags, stichtag FROM gemeldet
  UNION
  SELECT kreis_ags, stichtag FROM bewilligt
),
basis AS (
  SELECT p.kreis_ags, p.stichtag,
    coalesce(b.vzae_bewilligt, 0) AS vzae_bewilligt,
    g.vzae_besetzt,
    g.stellen_besetzt,
    coalesce(g.stellen_gemeldet, 0) AS stellen_gemeldet,
    coalesce(b.zuwendungen_ohne_meldung, 0) AS zuwendungen_ohne_meldung
  FROM paare AS p
  LEFT JOIN gemeldet AS g ON g.kreis_ags = p.kreis_ags AND g.stichtag = p.stichtag
  LEFT JOIN bewilligt AS b ON b.kreis_ags = p.kreis_ags AND b.stichtag = p.stichtag
),
mit_zaehlung AS (
  SELECT basis.*, au.personen AS gefluechtete_au, au.stichtag AS gefluechtete_stichtag
  FROM basis
  ASOF LEFT JOIN eingang.gefluechtete_au AS au
    ON au.kreis_ags = basis.kreis_ags AND basis.stichtag >= au.stichtag
)
SELECT kreis_ags, stichtag, vzae_bewilligt, vzae_besetzt, stellen_besetzt, stellen_gemeldet,
  zuwendungen_ohne_meldung, gefluechtete_au, gefluechtete_stichtag,
  CASE WHEN vzae_besetzt > 0 THEN ${formelSql(FORMELN.gefluechtete_je_vzae, ownColumns)} END AS gefluechtete_je_vzae
FROM mit_zaehlung`,
});
