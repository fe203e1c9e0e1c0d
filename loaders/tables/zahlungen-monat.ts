import { z } from "zod";
import { euro, int } from "../schema/columns.ts";
import { defineTable } from "./define.ts";
import { foerderbereich, foerderbereichName, jahr, NETTO } from "./shared-columns.ts";

export const zahlungenMonat = defineTable({
  name: "zahlungen_monat",
  title: "Auszahlungen je Monat und Förderbereich",
  rowsAre: "eine Zeile je Kalenderjahr, Monat und Förderbereich",
  notes:
    "Enthalten sind die Jahre und Förderbereiche mit mindestens einer Buchung, jeweils mit allen Monaten von " +
    "Januar bis Dezember (Monate ohne Buchung mit 0); im letzten Jahr nur bis zum Monat der jüngsten Buchung " +
    "(Datenstand), damit die kumulierte Summe nicht in die Zukunft reicht.",
  columns: z.object({
    jahr,
    monat: int({ label: "Monat", definition: "Kalendermonat (1 = Januar).", min: 1, max: 12 }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ausgezahlt_eur: euro({
      label: "Ausgezahlt (netto)",
      definition:
        "Nettosumme der im Monat gebuchten Beträge zu bewilligten Zuwendungen: Abschläge und Schlusszahlungen " +
        "positiv, Rückforderungen negativ; 0, wenn nichts gebucht ist.",
    }),
    kumuliert_eur: euro({
      label: "Ausgezahlt kumuliert",
      definition: "Laufende Summe von ausgezahlt_eur von Januar bis einschließlich dieses Monats, je Jahr und Förderbereich.",
    }),
  }),
  key: ["jahr", "monat", "foerderbereich"],
  orderBy: ["jahr", "foerderbereich", "monat"],
  sql: `WITH stand AS (
  SELECT max(buchungsdatum) AS datum FROM main.buchungen
),
jahre AS (
  SELECT DISTINCT jahr, foerderbereich FROM main.buchungen
),
raster AS (
  SELECT j.jahr, m.monat, j.foerderbereich
  FROM jahre AS j
  CROSS JOIN range(1, 13) AS m(monat)
  CROSS JOIN stand AS s
  WHERE j.jahr < year(s.datum) OR m.monat <= month(s.datum)
),
gebucht AS (
  SELECT jahr, monat, foerderbereich, ${NETTO} AS ausgezahlt_eur
  FROM main.buchungen
  GROUP BY jahr, monat, foerderbereich
),
monate AS (
  SELECT r.jahr, r.monat, r.foerderbereich, coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur
  FROM raster AS r
  LEFT JOIN gebucht AS z ON z.jahr = r.jahr AND z.monat = r.monat AND z.foerderbereich = r.foerderbereich
)
SELECT jahr, monat, foerderbereich, ausgezahlt_eur,
  sum(ausgezahlt_eur) OVER (
    PARTITION BY jahr, foerderbereich ORDER BY monat ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS kumuliert_eur
FROM monate`,
});
