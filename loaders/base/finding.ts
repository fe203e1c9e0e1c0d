/**
 * A finding about the input: what the Prüfbericht lists and `npm run validate`
 * prints. Field names are the contract's `pruefbericht` columns.
 */
export type Severity = "fehler" | "warnung";

export interface Finding {
  /** File name relative to the input folder, e.g. `auszahlungen.csv`. */
  datei: string;
  /** 1-based line (CSV) or sheet row (XLSX); null for findings about the whole file. */
  zeile: number | null;
  /** Column name as the contract spells it (or as the file spells it, if unknown). */
  spalte: string | null;
  /** The raw value as read, before parsing. */
  wert: string | null;
  /** Stable rule id, e.g. `typ_datum`, `schluessel_eindeutig`. */
  regel: string;
  /** German message for users. */
  meldung: string;
  schwere: Severity;
}

export const fileFinding = (datei: string, regel: string, meldung: string, schwere: Severity = "fehler"): Finding => ({
  datei,
  zeile: null,
  spalte: null,
  wert: null,
  regel,
  meldung,
  schwere,
});

/** The findings of reading and checking the input; one row per finding (see `Finding`). */
export const BEFUNDE_DDL = `CREATE TABLE meta.befunde (
  datei VARCHAR NOT NULL,
  zeile INTEGER,
  spalte VARCHAR,
  wert VARCHAR,
  regel VARCHAR NOT NULL,
  meldung VARCHAR NOT NULL,
  schwere VARCHAR NOT NULL CHECK (schwere IN ('fehler', 'warnung'))
)`;
