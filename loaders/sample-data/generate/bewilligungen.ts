/**
 * Table `bewilligungen`: all grants and applications, area by area, then the
 * state on the data date and the Aktenzeichen. Each area draws from its own
 * stream, so that changing one area does not move the figures of another.
 */
import type { Bewilligung } from "../dataset.ts";
import { yearOf, type Day } from "../dates.ts";
import type { Rng } from "../random.ts";
import { digitalisierungGrants } from "./digitalisierung.ts";
import type { PositionPlan } from "./first-round-plan.ts";
import type { AnsatzLookup } from "./haushalt.ts";
import { imRoundGrants } from "./integrationsmanagement.ts";
import { cmp, type Grant, type KreisInfo } from "./model.ts";
import { projectGrants } from "./projekte.ts";
import { imZusatzGrants } from "./zusatz-2022.ts";

export interface GrantInputs {
  kreisInfos: readonly KreisInfo[];
  /** Positions of the first IM round. */
  plan: PositionPlan;
  ansatz: AnsatzLookup;
  scale: number;
  stand: Day;
}

/** The grants in creation order (the order matters: it breaks ties in the numbering). */
export function drawGrants(root: Rng, { kreisInfos, plan, ansatz, scale, stand }: GrantInputs): Grant[] {
  const grants: Grant[] = [];
  const current = imRoundGrants(root.fork("integrationsmanagement"), kreisInfos, plan, grants);
  imZusatzGrants(root.fork("zusatz-2022"), kreisInfos, scale, grants);
  digitalisierungGrants(root.fork("digitalisierung"), kreisInfos, current, scale, grants);
  projectGrants(root.fork("projekte"), kreisInfos, ansatz, scale, grants);
  undecidedOnStand(grants, stand);
  numberGrants(grants);
  return grants;
}

/** The table's rows in Aktenzeichen order. */
export const bewilligungenRows = (grants: readonly Grant[]): Bewilligung[] =>
  grants.map((g) => g.row).sort((a, b) => cmp(a.aktenzeichen, b.aktenzeichen));

/** A decision after the data date cannot be known yet: such applications are pending. */
function undecidedOnStand(grants: Grant[], stand: Day): void {
  for (const g of grants) {
    if (g.row.bescheid_datum !== null && g.row.bescheid_datum > stand) {
      g.row.status = "beantragt";
      g.row.bescheid_datum = null;
      g.row.bewilligtCents = 0;
      if (g.row.vzaeQuarters !== null) g.row.vzaeQuarters = 0;
      g.positions = null;
    }
  }
}

/** Aktenzeichen `RPS15.2-CODE-YEAR-NNNN`, numbered per code and application year in application order. */
function numberGrants(grants: Grant[]): void {
  const sorted = grants.slice().sort(
    (a, b) =>
      cmp(a.code, b.code) ||
      yearOf(a.row.antrag_datum) - yearOf(b.row.antrag_datum) ||
      a.row.antrag_datum - b.row.antrag_datum ||
      cmp(a.row.empfaenger_ags, b.row.empfaenger_ags) ||
      a.seq - b.seq,
  );
  const counters = new Map<string, number>();
  for (const g of sorted) {
    const key = `${g.code}-${yearOf(g.row.antrag_datum)}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    g.row.aktenzeichen = `RPS15.2-${key}-${String(n).padStart(4, "0")}`;
  }
}
