import { z } from "zod";
import { ags, date, dec, euro, text } from "../schema/columns.ts";
import { GRANTED_GRANTS } from "./sql.ts";
import { defineTable, orNull } from "./define.ts";
import { zuwendungKreis, foerderbereich, foerderbereichName, aktenzeichen, NETTO, RUECKFORDERUNG } from "./shared-columns.ts";

export const zuwendungen = defineTable({
  name: "zuwendungen",
  title: "Bewilligte Zuwendungen",
  rowsAre: "eine Zeile je bewilligter Zuwendung (Status „bewilligt“)",
  notes: "Anträge mit Status beantragt, abgelehnt oder zurückgezogen sind nicht enthalten.",
  columns: z.object({
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    empfaenger_ags: ags({
      digits: "kreis_oder_gemeinde",
      label: "AGS Empfänger",
      definition:
        "Amtlicher Gemeindeschlüssel des Zuwendungsempfängers: 5 Stellen für einen Stadt- oder Landkreis, 8 Stellen für eine Gemeinde.",
    }),
    empfaenger_name: text({ label: "Empfänger", definition: "Name des Zuwendungsempfängers." }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    bescheid_datum: date({ label: "Bescheiddatum", definition: "Datum des Bewilligungsbescheids." }),
    beginn: date({ label: "Beginn", definition: "Beginn des Förderzeitraums." }),
    ende: date({ label: "Ende", definition: "Ende des Förderzeitraums (einschließlich)." }),
    bewilligt_eur: euro({ label: "Bewilligt", definition: "Bewilligter Betrag für den ganzen Förderzeitraum." }),
    ausgezahlt_eur: euro({
      label: "Ausgezahlt (netto)",
      definition:
        "Nettosumme aller Buchungen zur Zuwendung, unabhängig vom Buchungsjahr: Abschläge und Schlusszahlungen " +
        "abzüglich Rückforderungen; 0, wenn nichts gebucht ist.",
    }),
    rueckforderung_eur: euro({
      label: "Zurückgefordert",
      definition: "Summe der Rückforderungen zur Zuwendung, als positiver Betrag; 0, wenn keine.",
    }),
    vzae_bewilligt: orNull(
      dec({
        label: "VZÄ bewilligt",
        definition: "Bewilligte Vollzeitäquivalente; im Integrationsmanagement angegeben, sonst meist leer.",
        unit: "VZÄ",
        scale: 4,
        precision: 10,
      }),
    ),
  }),
  key: ["aktenzeichen"],
  sql: `WITH gebucht AS (
  SELECT aktenzeichen, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY aktenzeichen
)
SELECT g.aktenzeichen, g.kreis_ags, g.empfaenger_ags, g.empfaenger_name, g.foerderbereich, g.bescheid_datum,
  g.beginn, g.ende, g.bewilligt_eur,
  coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
  coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur,
  g.vzae_bewilligt
FROM ${GRANTED_GRANTS} AS g
LEFT JOIN gebucht AS z ON z.aktenzeichen = g.aktenzeichen`,
});
