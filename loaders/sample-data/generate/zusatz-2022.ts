/**
 * Table `bewilligungen`, integration management from the extra funds 2022: one
 * grant per Kreis, split by population, with new positions of the Kreis for
 * the amount (they get staffing reports like the regular rounds).
 */
import { FAKTEN } from "../calibration.ts";
import { day, fromIso } from "../dates.ts";
import { splitInteger } from "../integer-split.ts";
import type { Rng } from "../random.ts";
import { MITTLERER_SATZ } from "./funding-rates.ts";
import { addGrant, antragIn, bescheidNach } from "./grants.ts";
import type { Grant, KreisInfo, Position } from "./model.ts";
import { fillPositions } from "./positions.ts";

export function imZusatzGrants(rng: Rng, kreisInfos: readonly KreisInfo[], scale: number, grants: Grant[]): void {
  const zusatzCents = splitInteger(
    Math.round(FAKTEN.imZusatz2022.wert * scale * 100),
    kreisInfos.map((k) => k.kreis.einwohner),
  );
  const beginn = day(2022, 4, 1);
  const ende = day(2022, 12, 31);
  const frist = fromIso(FAKTEN.zusatzAntragsfrist.wert);
  kreisInfos.forEach((info, i) => {
    const cents = zusatzCents[i] as number;
    const years = (ende - beginn + 1) / 365;
    const quarters = Math.max(1, Math.floor((cents / 100 / (MITTLERER_SATZ * years)) * 4));
    const positions: Position[] = [];
    fillPositions(rng, info.selbst, quarters, positions);
    const antrag = antragIn(rng, day(2022, 5, 16), frist);
    addGrant(grants, {
      code: "IMZ",
      runde: "Z2022",
      positions,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: info.selbst.ags,
        empfaenger_name: info.selbst.name,
        foerderbereich: "integrationsmanagement",
        status: "bewilligt",
        antrag_datum: antrag,
        bescheid_datum: bescheidNach(rng, info, antrag),
        beginn,
        ende,
        bewilligtCents: cents,
        vzaeQuarters: quarters,
      },
    });
  });
}
