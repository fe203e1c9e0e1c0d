import { z } from "zod";
import { euro, int } from "../schema/columns.ts";
import { GRANTED_GRANTS, fromUnits, roundDiv, toUnits } from "./sql.ts";
import { defineTable } from "./define.ts";
import { zuwendungKreis, foerderbereich, jahr, aktenzeichen, DEF_BEWILLIGT_JAHR } from "./shared-columns.ts";

/**
 * A granted grant's amount per calendar year, in cents, by cumulative rounding:
 *
 *   cum(y)   = round_half_up(betrag_cent × tage_bis_jahresende(y) / tage_gesamt)
 *   share(y) = cum(y) − cum(y−1)
 *
 * where tage_bis_jahresende(y) counts the days from `beginn` through the end of
 * year y (at most `ende`), both ends inclusive. cum(last year) = betrag_cent, so
 * the shares of one grant add up exactly to its amount. Integer arithmetic only
 * (HUGEINT), no DOUBLE.
 */
export const bewilligtJahr = defineTable({
  name: "bewilligt_jahr",
  title: "Bewilligte Beträge je Zuwendung und Kalenderjahr (Hilfssicht)",
  rowsAre: "eine Zeile je bewilligter Zuwendung und Kalenderjahr ihres Förderzeitraums",
  notes:
    "Die Aufteilung eines bewilligten Betrags auf Kalenderjahre, einmal definiert für mittel_kreis_jahr und " +
    "haushalt_jahr: Der Betrag wird gleichmäßig auf die Kalendertage des Förderzeitraums verteilt (Beginn und " +
    "Ende eingeschlossen, Schaltjahre mit 366 Tagen). Gerundet wird kumulativ in Cent: Für jedes Jahr wird der " +
    "Anteil vom Beginn bis zum Jahresende kaufmännisch auf Cent gerundet (ab einem halben Cent aufgerundet); " +
    "der Betrag des Jahres ist die Differenz zum so gerundeten Anteil bis zum Ende des Vorjahres. Im letzten " +
    "Jahr ist der Anteil der ganze Betrag, daher ergeben die Jahresbeträge zusammen genau den bewilligten Betrag.",
  columns: z.object({
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    foerderbereich,
    jahr,
    tage: int({
      label: "Tage im Jahr",
      definition: "Kalendertage des Förderzeitraums, die in das Jahr fallen.",
      unit: "Tage",
    }),
    tage_gesamt: int({
      label: "Tage gesamt",
      definition: "Kalendertage des ganzen Förderzeitraums, Beginn und Ende eingeschlossen.",
      unit: "Tage",
    }),
    bewilligt_eur: euro({ label: "Bewilligt im Jahr", definition: DEF_BEWILLIGT_JAHR }),
  }),
  key: ["aktenzeichen", "jahr"],
  sql: `WITH zuwendung AS (
  SELECT aktenzeichen, kreis_ags, foerderbereich, beginn, ende,
    ${toUnits("bewilligt_eur", 2)} AS betrag_cent,
    CAST(ende - beginn + 1 AS HUGEINT) AS tage_gesamt
  FROM ${GRANTED_GRANTS}
),
je_jahr AS (
  SELECT zuwendung.*, unnest(generate_series(year(beginn), year(ende))) AS jahr
  FROM zuwendung
),
tage AS (
  SELECT je_jahr.*,
    CAST(least(ende, make_date(jahr, 12, 31)) - greatest(beginn, make_date(jahr, 1, 1)) + 1 AS HUGEINT) AS tage,
    CAST(least(ende, make_date(jahr, 12, 31)) - beginn + 1 AS HUGEINT) AS tage_bis_jahresende
  FROM je_jahr
)
SELECT aktenzeichen, kreis_ags, foerderbereich, jahr, tage, tage_gesamt,
  ${fromUnits(
    `${roundDiv("betrag_cent * tage_bis_jahresende", "tage_gesamt")} - ${roundDiv("betrag_cent * (tage_bis_jahresende - tage)", "tage_gesamt")}`,
    2,
  )} AS bewilligt_eur
FROM tage`,
});
