import { z } from "zod";
import { defineTable } from "./define.ts";
import { zuwendungKreis, foerderbereich, foerderbereichName, jahr, alleBetraege, BETRAEGE_JAHR, NETTO, RUECKFORDERUNG } from "./shared-columns.ts";

export const mittelKreisJahr = defineTable({
  name: "mittel_kreis_jahr",
  title: "Mittel je Kreis, Jahr und Förderbereich",
  rowsAre: "eine Zeile je Kreis, Kalenderjahr und Förderbereich, in dem Geld bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Kombinationen, in denen alle drei Beträge 0 sind, sind nicht enthalten. Summiert über die Jahre ergibt " +
    "bewilligt_eur genau die bewilligten Beträge der Zuwendungen.",
  columns: z.object({
    kreis_ags: zuwendungKreis,
    jahr,
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ...BETRAEGE_JAHR,
  }),
  key: ["kreis_ags", "jahr", "foerderbereich"],
  sql: `WITH bewilligt AS (
  SELECT kreis_ags, jahr, foerderbereich, sum(bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr
  GROUP BY kreis_ags, jahr, foerderbereich
),
gebucht AS (
  SELECT kreis_ags, jahr, foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY kreis_ags, jahr, foerderbereich
),
${alleBetraege("kreis_ags")}
SELECT * FROM alle
WHERE bewilligt_eur <> 0 OR ausgezahlt_eur <> 0 OR rueckforderung_eur <> 0`,
});
