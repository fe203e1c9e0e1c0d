import { z } from "zod";
import { date, euro, int, text } from "../schema/columns.ts";
import { GRANTED_GRANTS } from "./sql.ts";
import { defineTable } from "./define.ts";
import { zuwendungKreis, foerderbereich, jahr, aktenzeichen } from "./shared-columns.ts";

/** Bookings of granted grants, with the grant's Kreis and Förderbereich. */
export const buchungen = defineTable({
  name: "buchungen",
  title: "Buchungen zu bewilligten Zuwendungen (Hilfssicht)",
  rowsAre: "eine Zeile je Buchung zu einer bewilligten Zuwendung",
  columns: z.object({
    zahlung_id: text({ label: "Zahlungs-ID", definition: "Kennung der Buchung." }),
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    foerderbereich,
    buchungsdatum: date({ label: "Buchungsdatum", definition: "Tag der Buchung." }),
    jahr: int({ label: "Jahr", definition: "Kalenderjahr des Buchungsdatums." }),
    monat: int({ label: "Monat", definition: "Kalendermonat des Buchungsdatums (1 = Januar).", min: 1, max: 12 }),
    art: text({ label: "Art", definition: "Abschlag, Schlusszahlung oder Rückforderung." }),
    betrag_eur: euro({ label: "Betrag", definition: "Gebuchter Betrag; Rückforderungen negativ." }),
  }),
  key: ["zahlung_id"],
  sql: `SELECT a.zahlung_id, a.aktenzeichen, g.kreis_ags, g.foerderbereich, a.buchungsdatum,
  year(a.buchungsdatum) AS jahr, month(a.buchungsdatum) AS monat, a.art, a.betrag_eur
FROM eingang.auszahlungen AS a
JOIN ${GRANTED_GRANTS} AS g ON g.aktenzeichen = a.aktenzeichen`,
});
