/**
 * The generator's working model: recipients with the positions they hold over
 * the rounds, and grants before they get their Aktenzeichen. Only the rows in
 * `../dataset.ts` leave the generator; these objects are shared and mutated by
 * the steps in the order `../generate.ts` calls them.
 */
import type { Kreis } from "../../reference/kreise.ts";
import type { Gemeinde } from "../../reference/gemeinden.ts";
import type { Bewilligung, Qualifikation, Traeger } from "../dataset.ts";
import type { Day } from "../dates.ts";

export type RecipientKind = "stadtkreis" | "landkreis" | "gemeinde";

export interface Recipient {
  ags: string;
  name: string;
  kind: RecipientKind;
  kreis: KreisInfo;
  /** Joins the first round late (beginn 01.10.2017 or 01.01.2018), null = on time. */
  spaetBeginn: Day | null;
  positions: Position[];
}

export interface KreisInfo {
  kreis: Kreis;
  /** Mean days from application to decision (varies by Kreis). */
  bearbeitung: number;
  recipients: Recipient[];
  /** Real Gemeinden of the Kreis that are no recipients (for applicants that were not funded). */
  freieGemeinden: Gemeinde[];
  /** Kreis itself as recipient. */
  selbst: Recipient;
}

export interface Position {
  nr: string;
  quarters: number;
  qualifikation: Qualifikation;
  traeger: Traeger;
  occupant: string | null;
  seen: boolean;
}

/** Aktenzeichen code: IM/IMZ integration management (regular/extra 2022), DIG digitalisation, the rest project areas. */
export type Code = "IM" | "IMZ" | "DIG" | "SB" | "SE" | "EA" | "TR" | "SR" | "QG";

export interface Grant {
  code: Code;
  row: Bewilligung;
  /** The funded positions of a granted IM grant; they get staffing reports. */
  positions: Position[] | null;
  /** Share of the grant the proof of use will show as spent (1 = all). */
  verwendet: number;
  /** Index in creation order, the last tie-breaker for numbering. */
  seq: number;
  runde: string | null;
}

/** Plain code-unit order, not `localeCompare`, so that no ICU version can reorder rows. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
