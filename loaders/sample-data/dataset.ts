/**
 * The generated sample data as plain rows, shared by the generator and the
 * writers. Money is held in integer cents, VZÄ in integer quarters (0.25 VZÄ)
 * and dates as integer days, so that nothing depends on floating-point rounding
 * or time zones; the writers turn them into the text forms of real exports.
 */
import type { Foerderbereich } from "../schema/input-tables.ts";
import type { Day } from "./dates.ts";

export type Status = "beantragt" | "bewilligt" | "abgelehnt" | "zurueckgezogen";
export type Zahlungsart = "abschlag" | "schlusszahlung" | "rueckforderung";
export type Traeger = "gemeinde" | "landkreis" | "freier_traeger";
export type Qualifikation = "hochschulabschluss" | "nachqualifizierung";

export interface HaushaltZeile {
  haushaltsjahr: number;
  foerderbereich: Foerderbereich;
  ansatzCents: number;
}

export interface Bewilligung {
  aktenzeichen: string;
  empfaenger_ags: string;
  empfaenger_name: string;
  foerderbereich: Foerderbereich;
  status: Status;
  antrag_datum: Day;
  bescheid_datum: Day | null;
  beginn: Day;
  ende: Day;
  bewilligtCents: number;
  /** Quarters of a VZÄ; null outside integration management. */
  vzaeQuarters: number | null;
}

export interface Auszahlung {
  zahlung_id: string;
  aktenzeichen: string;
  buchungsdatum: Day;
  betragCents: number;
  art: Zahlungsart;
}

export interface StellenZeile {
  aktenzeichen: string;
  stichtag: Day;
  stelle_nr: string;
  vzaeQuarters: number;
  besetzt: boolean;
  anstellungstraeger: Traeger;
  qualifikation: Qualifikation | null;
  name: string | null;
}

export interface AuZeile {
  kreis_ags: string;
  stichtag: Day;
  personen: number;
}

export interface Auffaelligkeit {
  tabelle: string;
  aktenzeichen: string;
  beschreibung: string;
}

export interface Dataset {
  seed: number | string;
  scale: number;
  stand: Day;
  haushalt: HaushaltZeile[];
  bewilligungen: Bewilligung[];
  auszahlungen: Auszahlung[];
  stellen: StellenZeile[];
  gefluechteteAu: AuZeile[];
  /** Deliberate oddities that the checks should report as warnings. */
  auffaelligkeiten: Auffaelligkeit[];
}

export interface GenerateOptions {
  seed?: number | string;
  /** Multiplies amounts and counts (recipients, grants, positions, payments). Default 1. */
  scale?: number;
}
