import { z } from "zod";
import { dec, euro, int, schluessel } from "../schema/columns.ts";
import { FORMELN, formelSql, ownColumns } from "./formulas.ts";
import { defineTable, orNull } from "./define.ts";
import { foerderbereich, foerderbereichName, jahr, DEF_BEWILLIGT_JAHR, DEF_AUSGEZAHLT_JAHR, DEF_RUECKFORDERUNG_JAHR, DEF_QUOTE, NETTO, RUECKFORDERUNG } from "./shared-columns.ts";

export const haushaltJahr = defineTable({
  name: "haushalt_jahr",
  title: "Haushaltsvollzug je Jahr und Förderbereich",
  rowsAre: "eine Zeile je Kalenderjahr und Förderbereich, für das ein Haushaltsansatz vorliegt oder Geld bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Die Beträge umfassen alle Kreise (Summe von mittel_kreis_jahr). Quoten sind Dezimalzahlen (0,25 = 25 %), " +
    "exakt berechnet und kaufmännisch auf 4 Nachkommastellen gerundet (ab 0,00005 aufgerundet, negative Werte " +
    "spiegelbildlich).",
  columns: z.object({
    jahr: int({ label: "Jahr", definition: "Haushalts- bzw. Kalenderjahr." }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ansatz_eur: orNull(
      euro({
        label: "Ansatz",
        definition: "Haushaltsansatz für Jahr und Förderbereich; leer, wenn kein Ansatz geliefert wurde.",
      }),
    ),
    bewilligt_eur: euro({ label: "Bewilligt (anteilig)", definition: `${DEF_BEWILLIGT_JAHR} Alle Kreise.` }),
    ausgezahlt_eur: euro({ label: "Ausgezahlt (netto)", definition: `${DEF_AUSGEZAHLT_JAHR} Alle Kreise.` }),
    rueckforderung_eur: euro({ label: "Zurückgefordert", definition: `${DEF_RUECKFORDERUNG_JAHR} Alle Kreise.` }),
    bindungsquote: orNull(
      dec({ label: "Bindungsquote", definition: DEF_QUOTE("bewilligt_eur"), scale: 4 }),
    ),
    abflussquote: orNull(
      dec({ label: "Abflussquote", definition: DEF_QUOTE("ausgezahlt_eur"), scale: 4 }),
    ),
  }),
  key: ["jahr", "foerderbereich"],
  sql: `WITH ansatz AS (
  SELECT haushaltsjahr AS jahr, foerderbereich, ansatz_eur FROM eingang.haushalt
),
bewilligt AS (
  SELECT jahr, foerderbereich, sum(bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr
  GROUP BY jahr, foerderbereich
),
gebucht AS (
  SELECT jahr, foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY jahr, foerderbereich
),
schluessel AS (
  SELECT jahr, foerderbereich FROM ansatz
  UNION SELECT jahr, foerderbereich FROM bewilligt WHERE bewilligt_eur <> 0
  UNION SELECT jahr, foerderbereich FROM gebucht WHERE ausgezahlt_eur <> 0 OR rueckforderung_eur <> 0
),
werte AS (
  SELECT k.jahr, k.foerderbereich, a.ansatz_eur,
    coalesce(b.bewilligt_eur, 0) AS bewilligt_eur,
    coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM schluessel AS k
  LEFT JOIN ansatz AS a ON a.jahr = k.jahr AND a.foerderbereich = k.foerderbereich
  LEFT JOIN bewilligt AS b ON b.jahr = k.jahr AND b.foerderbereich = k.foerderbereich
  LEFT JOIN gebucht AS z ON z.jahr = k.jahr AND z.foerderbereich = k.foerderbereich
)
SELECT jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur,
  ${formelSql(FORMELN.bindungsquote, ownColumns)} AS bindungsquote,
  ${formelSql(FORMELN.abflussquote, ownColumns)} AS abflussquote
FROM werte`,
});
