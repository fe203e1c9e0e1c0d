/**
 * The input tables of the data contract (§1): one zod object per table.
 *
 * Each definition drives, from this one place: header matching and parsing
 * (`loaders/validate`), the SQL checks, the warehouse DDL and the data dictionary
 * in the README and on the site. Rules that involve more than one column of the
 * same row are `rowRules`, written as SQL over the parsed columns (that is where
 * they run, in bulk); rules across tables live in `loaders/validate/cross-table.ts`.
 */
import { z } from "zod";
import { ags, bool, date, dec, euro, int, MAX_BETRAG_EUR, oneOf, schluessel, text } from "./columns.ts";

/**
 * A Förderbereich key. Which keys exist is data (`ref.foerderbereiche`, from the
 * default list `loaders/reference/foerderbereiche.json` or the input table
 * `foerderbereiche`), so the type is a plain string.
 */
export type Foerderbereich = string;

export const STATUS = ["beantragt", "bewilligt", "abgelehnt", "zurueckgezogen"] as const;
export const ZAHLUNGSARTEN = ["abschlag", "schlusszahlung", "rueckforderung"] as const;
export const ANSTELLUNGSTRAEGER = ["gemeinde", "landkreis", "freier_traeger"] as const;
export const QUALIFIKATIONEN = ["hochschulabschluss", "nachqualifizierung"] as const;

const foerderbereich = schluessel({
  label: "Förderbereich",
  definition:
    "Förderbereich (Maßnahme) des Pakts für Integration: ein Schlüssel der Liste der Förderbereiche " +
    "(Standardliste oder Tabelle foerderbereiche).",
  reference: "foerderbereiche",
});

/** A rule over several columns of one row. `violation` is SQL over the parsed columns: true = broken. */
export interface RowRule {
  id: string;
  /** The column the finding names (where the user has to look). */
  column: string;
  violation: string;
  /** German message; `{wert}` is replaced by the raw value of `column`. */
  message: string;
  /** The rule as users read it in the data dictionary (German). */
  rule: string;
}

/**
 * A value the contract tells us to read differently than written, with a warning
 * (never silently): `when` is SQL over the parsed columns, `set` the corrected value.
 */
export interface Correction {
  id: string;
  column: string;
  when: string;
  set: string;
  /** German warning; `{wert}` is replaced by the raw value. */
  message: string;
}

export interface InputTable<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  /** German title for reports. */
  title: string;
  schema: z.ZodObject<S>;
  /** Columns whose combination must be unique within the file. */
  key?: readonly string[];
  rowRules: readonly RowRule[];
  corrections?: readonly Correction[];
  /** Optional table: absence is not a finding. */
  optional?: boolean;
}

const defineTable = <S extends z.ZodRawShape>(t: InputTable<S>) => t;

export const haushalt = defineTable({
  name: "haushalt",
  title: "Haushaltsansätze",
  schema: z.object({
    haushaltsjahr: int({ label: "Haushaltsjahr", definition: "Haushaltsjahr des Ansatzes.", min: 2015, max: 2100 }),
    foerderbereich,
    ansatz_eur: euro({ label: "Ansatz", definition: "Haushaltsansatz für Jahr und Förderbereich.", min: 0, max: MAX_BETRAG_EUR }),
  }),
  key: ["haushaltsjahr", "foerderbereich"],
  rowRules: [],
});

export const bewilligungen = defineTable({
  name: "bewilligungen",
  title: "Bewilligungen",
  schema: z.object({
    aktenzeichen: text({ label: "Aktenzeichen", definition: "Aktenzeichen des Antrags bzw. Bescheids." }),
    empfaenger_ags: ags({
      digits: "kreis_oder_gemeinde",
      label: "AGS Empfänger",
      definition: "Amtlicher Gemeindeschlüssel des Zuwendungsempfängers: 5 Stellen für einen Stadt- oder Landkreis, 8 Stellen für eine Gemeinde.",
    }),
    empfaenger_name: text({ label: "Empfänger", definition: "Name des Zuwendungsempfängers." }),
    foerderbereich,
    status: oneOf(STATUS, { label: "Status", definition: "Stand des Verfahrens." }),
    antrag_datum: date({ label: "Antragsdatum", definition: "Eingang des Antrags." }).optional(),
    bescheid_datum: date({ label: "Bescheiddatum", definition: "Datum des Bewilligungs- oder Ablehnungsbescheids." }).optional(),
    beginn: date({ label: "Beginn", definition: "Beginn des Förderzeitraums." }),
    ende: date({ label: "Ende", definition: "Ende des Förderzeitraums (einschließlich)." }),
    bewilligt_eur: euro({ label: "Bewilligt", definition: "Bewilligter Betrag für den ganzen Förderzeitraum.", min: 0, max: MAX_BETRAG_EUR }),
    vzae_bewilligt: dec({
      label: "VZÄ bewilligt",
      definition: "Bewilligte Vollzeitäquivalente (Integrationsmanagement).",
      unit: "VZÄ",
      scale: 4,
      precision: 10,
      min: 0,
    }).optional(),
  }),
  key: ["aktenzeichen"],
  rowRules: [
    {
      id: "bescheid_datum_pflicht",
      column: "bescheid_datum",
      rule: "Bei Status „bewilligt“ oder „abgelehnt“ ist das Bescheiddatum Pflicht.",
      violation: "status IN ('bewilligt', 'abgelehnt') AND bescheid_datum IS NULL",
      message: "Bei Status „bewilligt“ oder „abgelehnt“ ist ein Bescheiddatum erforderlich.",
    },
    {
      id: "bescheid_nach_antrag",
      column: "bescheid_datum",
      rule: "Das Bescheiddatum liegt nicht vor dem Antragsdatum.",
      violation: "bescheid_datum < antrag_datum",
      message: "Das Bescheiddatum {wert} liegt vor dem Antragsdatum.",
    },
    {
      id: "ende_nach_beginn",
      column: "ende",
      rule: "Das Ende des Förderzeitraums liegt nicht vor dessen Beginn.",
      violation: "ende < beginn",
      message: "Das Ende des Förderzeitraums {wert} liegt vor dessen Beginn.",
    },
    {
      id: "betrag_nur_wenn_bewilligt",
      column: "bewilligt_eur",
      rule: "Ein Betrag ungleich 0 nur bei Status „bewilligt“.",
      violation: "status <> 'bewilligt' AND bewilligt_eur <> 0",
      message: "Ein Betrag ({wert}) ist nur bei Status „bewilligt“ zulässig; sonst 0.",
    },
    {
      id: "vzae_pflicht_im",
      column: "vzae_bewilligt",
      rule: "Im Förderbereich Integrationsmanagement sind die bewilligten VZÄ Pflicht.",
      violation: "foerderbereich = 'integrationsmanagement' AND vzae_bewilligt IS NULL",
      message: "Im Förderbereich Integrationsmanagement sind die bewilligten VZÄ anzugeben.",
    },
  ],
});

export const auszahlungen = defineTable({
  name: "auszahlungen",
  title: "Auszahlungen",
  schema: z.object({
    zahlung_id: text({ label: "Zahlungs-ID", definition: "Kennung der Buchung." }),
    aktenzeichen: text({ label: "Aktenzeichen", definition: "Aktenzeichen der bewilligten Zuwendung." }),
    buchungsdatum: date({ label: "Buchungsdatum", definition: "Tag der Buchung." }),
    betrag_eur: euro({
      label: "Betrag",
      definition: "Gebuchter Betrag; Rückforderungen negativ.",
      min: -MAX_BETRAG_EUR,
      max: MAX_BETRAG_EUR,
    }),
    art: oneOf(ZAHLUNGSARTEN, { label: "Art", definition: "Abschlag, Schlusszahlung oder Rückforderung." }),
  }),
  key: ["zahlung_id"],
  rowRules: [
    {
      id: "betrag_positiv",
      column: "betrag_eur",
      rule: "Abschläge und Schlusszahlungen sind größer als 0; Rückforderungen negativ (ein positiver Betrag wird mit Warnung als negativ gelesen).",
      violation: "art IN ('abschlag', 'schlusszahlung') AND betrag_eur <= 0",
      message: "Abschläge und Schlusszahlungen müssen größer als 0 sein (Wert {wert}).",
    },
    {
      id: "rueckforderung_nicht_null",
      column: "betrag_eur",
      rule: "Eine Rückforderung ist nicht 0.",
      violation: "art = 'rueckforderung' AND betrag_eur = 0",
      message: "Eine Rückforderung über 0 € ist keine Buchung.",
    },
  ],
  corrections: [
    {
      id: "rueckforderung_ohne_vorzeichen",
      column: "betrag_eur",
      when: "art = 'rueckforderung' AND betrag_eur > 0",
      set: "-betrag_eur",
      message: "Rückforderung ohne Minuszeichen ({wert}): als negativer Betrag gelesen.",
    },
  ],
});

export const stellen = defineTable({
  name: "stellen",
  title: "Stellenmeldungen",
  schema: z.object({
    aktenzeichen: text({ label: "Aktenzeichen", definition: "Aktenzeichen der Zuwendung (Integrationsmanagement)." }),
    stichtag: date({ label: "Stichtag", definition: "Stichtag der Stellenmeldung." }),
    stelle_nr: text({ label: "Stellen-Nr.", definition: "Nummer der Stelle innerhalb der Zuwendung." }),
    vzae: dec({
      label: "VZÄ",
      definition: "Umfang der Stelle in Vollzeitäquivalenten.",
      unit: "VZÄ",
      scale: 4,
      precision: 10,
      min: 0.25,
      max: 1,
    }),
    besetzt: bool({ label: "Besetzt", definition: "Stelle am Stichtag besetzt." }),
    anstellungstraeger: oneOf(ANSTELLUNGSTRAEGER, {
      label: "Anstellungsträger",
      definition: "Wer die Integrationsmanagerin oder den Integrationsmanager beschäftigt.",
    }),
    qualifikation: oneOf(QUALIFIKATIONEN, {
      label: "Qualifikation",
      definition: "Hochschulabschluss oder Berufsausbildung mit Nachqualifizierung.",
    }).optional(),
    name: text({
      label: "Name",
      definition: "Name der beschäftigten Person: personenbezogen, wird nur geprüft und nie gespeichert.",
      personal: true,
    }).optional(),
  }),
  key: ["aktenzeichen", "stichtag", "stelle_nr"],
  rowRules: [
    {
      id: "qualifikation_pflicht",
      column: "qualifikation",
      rule: "Bei einer besetzten Stelle ist die Qualifikation Pflicht.",
      violation: "besetzt AND qualifikation IS NULL",
      message: "Bei einer besetzten Stelle ist die Qualifikation anzugeben.",
    },
  ],
});

export const gefluechteteAu = defineTable({
  name: "gefluechtete_au",
  title: "Geflüchtete in der Anschlussunterbringung",
  schema: z.object({
    kreis_ags: ags({ digits: "kreis", label: "AGS Kreis", definition: "Amtlicher Gemeindeschlüssel des Kreises (5 Stellen)." }),
    stichtag: date({ label: "Stichtag", definition: "Stichtag der Zählung nach § 29d FAG." }),
    personen: int({ label: "Personen", definition: "Geflüchtete in der Anschlussunterbringung am Stichtag.", min: 0 }),
  }),
  key: ["kreis_ags", "stichtag"],
  rowRules: [],
});

export const kreiseOverride = defineTable({
  name: "kreise",
  title: "Kreise (Einwohnerzahlen)",
  optional: true,
  schema: z.object({
    kreis_ags: ags({ digits: "kreis", label: "AGS Kreis", definition: "Amtlicher Gemeindeschlüssel des Kreises (5 Stellen)." }),
    einwohner: int({ label: "Einwohner", definition: "Einwohnerzahl des Kreises.", min: 0 }),
    stand: date({ label: "Stand", definition: "Stichtag der Einwohnerzahl." }),
  }),
  key: ["kreis_ags"],
  rowRules: [],
});

export const gemeindenEinwohner = defineTable({
  name: "gemeinden",
  title: "Gemeinden (Einwohnerzahlen)",
  optional: true,
  schema: z.object({
    gemeinde_ags: ags({
      digits: "gemeinde",
      label: "AGS Gemeinde",
      definition: "Amtlicher Gemeindeschlüssel der Gemeinde (8 Stellen), eine der Gemeinden Baden-Württembergs.",
    }),
    einwohner: int({ label: "Einwohner", definition: "Einwohnerzahl der Gemeinde.", min: 0 }),
    stand: date({ label: "Stand", definition: "Stichtag der Einwohnerzahl." }),
  }),
  key: ["gemeinde_ags"],
  rowRules: [],
});

export const foerderbereiche = defineTable({
  name: "foerderbereiche",
  title: "Förderbereiche",
  optional: true,
  schema: z.object({
    foerderbereich: schluessel({
      label: "Förderbereich",
      definition: "Schlüssel des Förderbereichs, wie ihn die anderen Tabellen nennen (Kleinbuchstaben a–z, Ziffern, _).",
      reference: "foerderbereiche",
    }),
    name: text({ label: "Name", definition: "Deutscher Name des Förderbereichs, wie ihn Seiten und Downloads zeigen." }),
    kurzname: text({ label: "Kurzname", definition: "Kurzer Name für Legenden und Filter; leer: der Name." }).optional(),
    ab_jahr: int({ label: "Ab Jahr", definition: "Erstes Jahr der Maßnahme.", min: 2015, max: 2100 }).optional(),
    bis_jahr: int({ label: "Bis Jahr", definition: "Letztes Jahr der Maßnahme; leer: läuft.", min: 2015, max: 2100 }).optional(),
  }),
  key: ["foerderbereich"],
  rowRules: [
    {
      id: "bis_nach_ab",
      column: "bis_jahr",
      rule: "Das letzte Jahr liegt nicht vor dem ersten.",
      violation: "bis_jahr < ab_jahr",
      message: "Das letzte Jahr {wert} liegt vor dem ersten Jahr (ab_jahr).",
    },
  ],
});

/** In dependency order: the list of Förderbereiche first, grants before what points at them. */
export const INPUT_TABLES = [
  foerderbereiche,
  haushalt,
  bewilligungen,
  auszahlungen,
  stellen,
  gefluechteteAu,
  kreiseOverride,
  gemeindenEinwohner,
] as const;
export type InputTableName = (typeof INPUT_TABLES)[number]["name"];
