/**
 * Table `bewilligungen`, integration management in the regular rounds: per round
 * one grant per recipient for the positions it holds then, a few applications
 * from other Gemeinden that were not funded, and in a round still open only
 * pending applications.
 */
import { RUNDEN, type Runde } from "../calibration.ts";
import { fromIso, monthsInclusive, type Day } from "../dates.ts";
import type { Rng } from "../random.ts";
import type { PositionPlan } from "./first-round-plan.ts";
import { centsFor } from "./funding-rates.ts";
import { addGrant, antragIn, bescheidNach } from "./grants.ts";
import type { Grant, KreisInfo, Recipient } from "./model.ts";
import { quartersOf } from "./positions.ts";
import { evolveRound } from "./round-changes.ts";

interface RoundDates {
  beginn: Day;
  ende: Day;
  antragVon: Day;
  antragBis: Day;
}

const roundDates = (runde: Runde): RoundDates => ({
  beginn: fromIso(runde.beginn),
  ende: fromIso(runde.ende),
  antragVon: fromIso(runde.antragVon),
  antragBis: fromIso(runde.antragBis),
});

/**
 * Adds the grants of all rounds; `plan` (the first round's positions) is not
 * changed. Returns the positions per recipient after the last decided round,
 * which size the digitalisation grants.
 */
export function imRoundGrants(rng: Rng, kreisInfos: readonly KreisInfo[], plan: PositionPlan, grants: Grant[]): PositionPlan {
  const allRecipients = kreisInfos.flatMap((k) => k.recipients);
  const current: PositionPlan = new Map(plan);
  for (const runde of RUNDEN) {
    const dates = roundDates(runde);
    if (runde.offen) {
      pendingApplications(rng, runde, dates, allRecipients, grants);
      continue;
    }
    evolveRound(rng, runde, allRecipients, current);
    grantedRound(rng, runde, dates, allRecipients, current, grants);
    unfundedApplications(rng, runde, dates, kreisInfos, allRecipients.length, grants);
  }
  return current;
}

/** A round not yet decided: about 60 % of the recipients have applied. */
function pendingApplications(rng: Rng, runde: Runde, d: RoundDates, recipients: readonly Recipient[], grants: Grant[]): void {
  for (const r of recipients) {
    if (!rng.chance(0.6)) continue;
    addGrant(grants, {
      code: "IM",
      runde: runde.id,
      positions: null,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: r.ags,
        empfaenger_name: r.name,
        foerderbereich: "integrationsmanagement",
        status: "beantragt",
        antrag_datum: antragIn(rng, d.antragVon, d.antragBis),
        bescheid_datum: null,
        beginn: d.beginn,
        ende: d.ende,
        bewilligtCents: 0,
        vzaeQuarters: 0,
      },
    });
  }
}

/** One grant per recipient that holds positions; late joiners of R1 start later and apply before. */
function grantedRound(
  rng: Rng,
  runde: Runde,
  d: RoundDates,
  recipients: readonly Recipient[],
  current: PositionPlan,
  grants: Grant[],
): void {
  for (const r of recipients) {
    const positions = current.get(r);
    if (!positions) continue;
    const beginn = runde.id === "R1" && r.spaetBeginn !== null ? r.spaetBeginn : d.beginn;
    const antrag =
      beginn === d.beginn ? antragIn(rng, d.antragVon, d.antragBis) : antragIn(rng, beginn - 80, beginn - 20);
    addGrant(grants, {
      code: "IM",
      runde: runde.id,
      positions,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: r.ags,
        empfaenger_name: r.name,
        foerderbereich: "integrationsmanagement",
        status: "bewilligt",
        antrag_datum: antrag,
        bescheid_datum: bescheidNach(rng, r.kreis, antrag),
        beginn,
        ende: d.ende,
        bewilligtCents: centsFor(positions, monthsInclusive(beginn, d.ende)),
        vzaeQuarters: quartersOf(positions),
      },
    });
  }
}

/** Applications that were not funded (other Gemeinden of the Kreis): about 3 % of the recipients. */
function unfundedApplications(
  rng: Rng,
  runde: Runde,
  d: RoundDates,
  kreisInfos: readonly KreisInfo[],
  recipientCount: number,
  grants: Grant[],
): void {
  const landkreise = kreisInfos.filter((k) => k.freieGemeinden.length > 0);
  const nichtGefoerdert = Math.max(1, Math.round(0.03 * recipientCount));
  for (let i = 0; i < nichtGefoerdert; i++) {
    const info = rng.weighted(landkreise, landkreise.map((k) => k.kreis.einwohner));
    const gemeinde = rng.pick(info.freieGemeinden);
    const antrag = antragIn(rng, d.antragVon, d.antragBis);
    const abgelehnt = rng.chance(0.5);
    addGrant(grants, {
      code: "IM",
      runde: runde.id,
      positions: null,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: gemeinde.gemeinde_ags,
        empfaenger_name: `${gemeinde.gemeinde_typ} ${gemeinde.gemeinde_name}`,
        foerderbereich: "integrationsmanagement",
        status: abgelehnt ? "abgelehnt" : "zurueckgezogen",
        antrag_datum: antrag,
        bescheid_datum: abgelehnt ? bescheidNach(rng, info, antrag, 1.5) : null,
        beginn: d.beginn,
        ende: d.ende,
        bewilligtCents: 0,
        vzaeQuarters: 0,
      },
    });
  }
}
