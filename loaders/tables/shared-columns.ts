/**
 * Columns, definitions and SQL fragments that several published tables share,
 * written once so that a Kreis table and a Gemeinde table define an amount alike.
 */
import { z } from "zod";
import { ags, euro, int, schluessel, text } from "../schema/columns.ts";

export const kreisAgs = ags({
  digits: "kreis",
  label: "AGS Kreis",
  definition: "Amtlicher Gemeindeschlüssel (AGS) des Stadt- oder Landkreises, 5 Stellen.",
});
export const zuwendungKreis = ags({
  digits: "kreis",
  label: "AGS Kreis",
  definition: "Kreis der Zuwendung: die ersten fünf Stellen des AGS des Empfängers.",
});
export const foerderbereich = schluessel({
  label: "Förderbereich",
  definition: "Schlüssel des Förderbereichs (Maßnahme) des Pakts für Integration; Name in foerderbereich_name.",
  reference: "foerderbereiche",
});
/** The German name beside every `foerderbereich` key, from `ref.foerderbereiche` (added by `createStatement`). */
export const foerderbereichName = text({
  label: "Förderbereich (Name)",
  definition: "Deutscher Name des Förderbereichs aus der Liste der Förderbereiche (Standardliste oder Tabelle foerderbereiche).",
});
export const jahr = int({ label: "Jahr", definition: "Kalenderjahr." });
export const aktenzeichen = text({ label: "Aktenzeichen", definition: "Aktenzeichen der Zuwendung." });

export const DEF_BEWILLIGT_JAHR =
  "Auf das Kalenderjahr entfallender Teil der bewilligten Beträge: Jeder bewilligte Betrag wird gleichmäßig " +
  "auf die Kalendertage seines Förderzeitraums verteilt (Beginn und Ende eingeschlossen) und je Kalenderjahr " +
  "summiert. Gerundet wird je Zuwendung kumulativ auf Cent, sodass die Jahresbeträge einer Zuwendung zusammen " +
  "genau den bewilligten Betrag ergeben. Nur Zuwendungen mit Status „bewilligt“.";
export const DEF_AUSGEZAHLT_JAHR =
  "Nettosumme der im Kalenderjahr gebuchten Beträge zu bewilligten Zuwendungen (Buchungsdatum): " +
  "Abschläge und Schlusszahlungen zählen positiv, Rückforderungen negativ.";
export const DEF_RUECKFORDERUNG_JAHR = "Im Kalenderjahr gebuchte Rückforderungen, als positiver Betrag.";

/**
 * The CTE `alle` of the per-year money tables: the CTEs `bewilligt` (granted, pro
 * rata) and `gebucht` (booked) joined on `key` × year × Förderbereich, 0 where a
 * side has nothing, so a year with only a payment or only a grant is kept.
 */
export const alleBetraege = (key: string): string => `alle AS (
  SELECT coalesce(b.${key}, z.${key}) AS ${key},
    coalesce(b.jahr, z.jahr) AS jahr,
    coalesce(b.foerderbereich, z.foerderbereich) AS foerderbereich,
    coalesce(b.bewilligt_eur, 0) AS bewilligt_eur,
    coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM bewilligt AS b
  FULL OUTER JOIN gebucht AS z
    ON z.${key} = b.${key} AND z.jahr = b.jahr AND z.foerderbereich = b.foerderbereich
)`;

/** The three amounts of a year, as every per-year money table publishes them (Kreis, Gemeinde). */
export const BETRAEGE_JAHR = {
  bewilligt_eur: euro({ label: "Bewilligt (anteilig)", definition: DEF_BEWILLIGT_JAHR }),
  ausgezahlt_eur: euro({ label: "Ausgezahlt (netto)", definition: DEF_AUSGEZAHLT_JAHR }),
  rueckforderung_eur: euro({ label: "Zurückgefordert", definition: DEF_RUECKFORDERUNG_JAHR }),
};
export const DEF_QUOTE = (zaehler: string) =>
  `${zaehler} geteilt durch ansatz_eur, als Dezimalzahl (0,25 = 25 %), kaufmännisch auf 4 Nachkommastellen ` +
  "gerundet; leer, wenn der Ansatz 0 ist oder fehlt.";

/** Net sum of bookings (recoveries are stored negative). */
export const NETTO = "coalesce(sum(betrag_eur), 0)";
/** Recoveries as a positive amount. */
export const RUECKFORDERUNG = "coalesce(-sum(betrag_eur) FILTER (WHERE art = 'rueckforderung'), 0)";

/** Where `einwohner` comes from when the input table `kreise` supplies it. */
export const EINWOHNER_QUELLE_EINGABE = "Eingabetabelle kreise";
