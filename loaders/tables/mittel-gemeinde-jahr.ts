import { z } from "zod";
import { ags, text } from "../schema/columns.ts";
import { GRANTED_GRANTS, kreisOf } from "./sql.ts";
import { defineTable } from "./define.ts";
import { zuwendungKreis, foerderbereich, foerderbereichName, jahr, aktenzeichen, alleBetraege, BETRAEGE_JAHR, NETTO, RUECKFORDERUNG } from "./shared-columns.ts";

export const mittelGemeindeJahr = defineTable({
  name: "mittel_gemeinde_jahr",
  title: "Mittel je Gemeinde, Jahr und Förderbereich",
  rowsAre:
    "eine Zeile je Gemeinde als Zuwendungsempfänger (8-stelliger AGS), Kalenderjahr und Förderbereich, in dem Geld " +
    "bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Die Gemeinde einer Zuwendung ist der 8-stellige AGS des Empfängers. Zuwendungen an einen Stadt- oder Landkreis " +
    "selbst (5-stelliger AGS) haben keine Gemeinde und sind nicht enthalten; sie stehen in mittel_kreis_jahr. " +
    "Kombinationen, in denen alle drei Beträge 0 sind, sind nicht enthalten. Dieselben Definitionen wie in " +
    "mittel_kreis_jahr: Summiert über die Gemeinden eines Kreises und die Zuwendungen an den Kreis selbst ergibt " +
    "sich mittel_kreis_jahr.",
  columns: z.object({
    gemeinde_ags: ags({
      digits: "gemeinde",
      label: "AGS Gemeinde",
      definition: "Amtlicher Gemeindeschlüssel (AGS) der Gemeinde, die die Zuwendung erhalten hat: der 8-stellige AGS des Empfängers.",
    }),
    gemeinde_name: text({
      label: "Gemeinde",
      definition:
        "Amtlicher Name der Gemeinde (BKG, Verwaltungsgebiete VG5000, Stand 01.01.2021); für einen Schlüssel, der dort " +
        "fehlt, der Empfängername der Zuwendung mit dem jüngsten Förderbeginn.",
    }),
    kreis_ags: zuwendungKreis,
    jahr,
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ...BETRAEGE_JAHR,
  }),
  key: ["gemeinde_ags", "jahr", "foerderbereich"],
  sql: `WITH gemeinde_zuwendung AS (
  SELECT aktenzeichen, empfaenger_ags AS gemeinde_ags, empfaenger_name, beginn
  FROM ${GRANTED_GRANTS}
  WHERE length(empfaenger_ags) = 8
),
bewilligt AS (
  SELECT g.gemeinde_ags, b.jahr, b.foerderbereich, sum(b.bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr AS b
  JOIN gemeinde_zuwendung AS g ON g.aktenzeichen = b.aktenzeichen
  GROUP BY g.gemeinde_ags, b.jahr, b.foerderbereich
),
gebucht AS (
  SELECT g.gemeinde_ags, z.jahr, z.foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen AS z
  JOIN gemeinde_zuwendung AS g ON g.aktenzeichen = z.aktenzeichen
  GROUP BY g.gemeinde_ags, z.jahr, z.foerderbereich
),
${alleBetraege("gemeinde_ags")},
empfaengername AS (
  SELECT gemeinde_ags, arg_max(empfaenger_name, (beginn, aktenzeichen)) AS name
  FROM gemeinde_zuwendung
  GROUP BY gemeinde_ags
)
SELECT a.gemeinde_ags, coalesce(r.gemeinde_name, n.name) AS gemeinde_name, ${kreisOf("a.gemeinde_ags")} AS kreis_ags,
  a.jahr, a.foerderbereich, a.bewilligt_eur, a.ausgezahlt_eur, a.rueckforderung_eur
FROM alle AS a
LEFT JOIN ref.gemeinden AS r ON r.gemeinde_ags = a.gemeinde_ags
LEFT JOIN empfaengername AS n ON n.gemeinde_ags = a.gemeinde_ags
WHERE a.bewilligt_eur <> 0 OR a.ausgezahlt_eur <> 0 OR a.rueckforderung_eur <> 0`,
});
