/**
 * German texts of the findings: the one place where validation speaks to users.
 * `{wert}` is replaced by the raw value, `{spalte}` by the column name.
 */

export const de = {
  pflicht: "Pflichtfeld „{spalte}“ ist leer.",
  typ: {
    text: "„{wert}“ ist kein gültiger Text.",
    int: "„{wert}“ ist keine ganze Zahl.",
    dec: "„{wert}“ ist keine Zahl (erlaubt z. B. 1234,56 · 1.234,56 · 1234.56, optional mit € oder EUR).",
    date: "„{wert}“ ist kein gültiges Datum (erwartet TT.MM.JJJJ oder JJJJ-MM-TT).",
    bool: "„{wert}“ ist kein Ja/Nein-Wert (erlaubt: ja/nein, true/false, 1/0, x/leer).",
    enum: "„{wert}“ ist kein zulässiger Wert; erlaubt: {erlaubt}.",
    ags: "„{wert}“ ist kein gültiger Gemeindeschlüssel ({ags}).",
    schluessel: "„{wert}“ ist kein gültiger Schlüssel (nur Kleinbuchstaben a–z, Ziffern und _).",
  },
  ags_regel: {
    kreis: "5 Ziffern, beginnend mit 08",
    gemeinde: "8 Ziffern, beginnend mit 08",
    kreis_oder_gemeinde: "5 Ziffern für einen Kreis oder 8 für eine Gemeinde, beginnend mit 08",
  },
  nachkommastellen: "„{wert}“ hat mehr als {stellen} Nachkommastellen; es wird nicht gerundet.",
  bereich_min: "„{wert}“ ist kleiner als der Mindestwert {grenze}.",
  bereich_gt: "„{wert}“ muss größer als {grenze} sein.",
  bereich_max: "„{wert}“ ist größer als der Höchstwert {grenze}.",
  datum_uhrzeit: "„{wert}“ enthält eine Uhrzeit; in dieser Spalte ist nur ein Datum erlaubt (eine Uhrzeit 00:00 wird ignoriert).",
  datum_jahr: "„{wert}“ hat eine zweistellige Jahreszahl; bitte das Jahr vierstellig schreiben (z. B. 01.06.2017).",
  summenzeile:
    "Summenzeile (Schlüsselspalten leer, erste Zelle „Summe“, „Gesamt“, „Insgesamt“ oder „Total“) wird nicht als Daten gelesen (Summenzeilen in der Datei: {anzahl}).",
  summenzeile_gleich: "{spalte} {betrag} stimmt mit der Summe der Zeilen darüber überein",
  summenzeile_abweichend: "{spalte} {betrag} weicht von der Summe der Zeilen darüber ab ({summe})",
  datum_bereich: "Datum „{wert}“ ist unplausibel (zulässig {von} bis {bis}).",
  ags_fuehrende_null: "Gemeindeschlüssel „{wert}“ ohne führende Null: als 0{wert} gelesen.",
  gemeinde_unbekannt:
    "Der Gemeindeschlüssel „{wert}“ ist keine der 1.101 Gemeinden Baden-Württembergs (amtliches Verzeichnis BKG VG5000, Stand 01.01.2021).",
  kreis_unbekannt: "Der Kreisteil des Gemeindeschlüssels „{wert}“ ist keiner der 44 Stadt- und Landkreise Baden-Württembergs.",
  schluessel_doppelt: "Schlüssel ({schluessel}) kommt {anzahl}-mal vor (Zeilen {zeilen}); keine der Zeilen wird übernommen.",
  foerderbereich_unbekannt:
    "Förderbereich „{wert}“ ist nicht bekannt; bekannt sind: {erlaubt}. Eine neue Maßnahme tragen Sie in die Tabelle " +
    "foerderbereiche ein (foerderbereiche.csv oder .xlsx, Spalten foerderbereich, name, kurzname, ab_jahr, bis_jahr; " +
    "sie ersetzt die Standardliste, führen Sie also alle Förderbereiche auf).",
  foerderbereiche_ohne_im:
    "Die Tabelle foerderbereiche enthält keinen Förderbereich „integrationsmanagement“ (Spalte foerderbereich); " +
    "die Stellenregeln beziehen sich darauf. Die Tabelle wird nicht übernommen ({zeilen} Zeilen abgelehnt), es gilt die Standardliste.",
  foerderbereiche_abgelehnt:
    "Die Tabelle foerderbereiche hat fehlerhafte Zeilen (siehe dort) und wird als Ganzes nicht übernommen " +
    "({zeilen} Zeilen abgelehnt): eine unvollständige Liste würde Bewilligungen verwerfen. Es gilt die Standardliste.",
  zahlung_ohne_bewilligung: "Aktenzeichen „{wert}“ gehört zu keiner bewilligten Zuwendung.",
  stelle_ohne_bewilligung:
    "Aktenzeichen „{wert}“ gehört zu keiner bewilligten Zuwendung im Förderbereich Integrationsmanagement.",
  // Follow-on rejections: the cause is elsewhere. The messages carry no row value (the
  // Aktenzeichen is in `wert`), so the console report can count them in one line per cause.
  folge_zuwendung_abgelehnt:
    "Folgefehler: die Zuwendung dieses Aktenzeichens wurde in {datei} abgelehnt (Ursache siehe dort); die Zeile wird mit ihr abgelehnt.",
  folge_datei_abgelehnt:
    "Folgefehler: {datei} wurde nicht übernommen (Ursache siehe dort); die Zeile kann keiner Zuwendung zugeordnet werden.",
  folge_foerderbereich:
    "Folgefehler: dieser Förderbereich steht nur in {datei}, die nicht übernommen wurde (Ursache siehe dort).",
  folge_schluessel_doppelt:
    "Folgefehler: derselbe Schlüssel ({schluessel}) wie in Zeile {zeile} (Befund dort); keine der Zeilen mit diesem Schlüssel wird übernommen.",
  spalte_fehlt: "Pflichtspalte „{spalte}“ fehlt; die Datei wird nicht übernommen ({zeilen} Zeilen abgelehnt).",
  summe_zu_gross:
    "Die Beträge der Spalte „{spalte}“ ergeben zusammen mehr als {grenze}, die größte Summe, die gespeichert werden kann " +
    "(je Zeile sind höchstens {betrag} erlaubt); die Datei wird nicht übernommen ({zeilen} Zeilen abgelehnt).",
  spalte_doppelt: "Spalte „{spalte}“ kommt in der Kopfzeile mehrfach vor; die Datei wird nicht übernommen.",
  spalte_unbekannt: "Unbekannte Spalte „{spalte}“ wird ignoriert.",
  tabelle_fehlt: "Die Tabelle „{tabelle}“ fehlt (erwartet {tabelle}.csv oder {tabelle}.xlsx).",
  warn_auszahlung_ueber_bewilligung:
    "Auszahlungen netto {ausgezahlt} € übersteigen den bewilligten Betrag {bewilligt} € (Aktenzeichen {aktenzeichen}).",
  warn_vzae_ueber_bewilligung:
    "Am {stichtag} sind {besetzt} VZÄ besetzt gemeldet, bewilligt sind {bewilligt} VZÄ (Aktenzeichen {aktenzeichen}).",
  warn_ausserhalb_laufzeit:
    "{was} liegt außerhalb der Laufzeit des Förderbereichs „{name}“ ({laufzeit}); bitte Förderbereich oder Jahr prüfen " +
    "(die Laufzeit steht in der Tabelle foerderbereiche, Spalten ab_jahr und bis_jahr).",
  warn_bindung_ueber_ansatz:
    "Bewilligungen {jahr} im Förderbereich {foerderbereich} ({bewilligt} €) übersteigen den Ansatz ({ansatz} €).",
} as const;

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
