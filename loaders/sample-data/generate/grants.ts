/**
 * Building blocks every grant step shares: the list grants are added to (its
 * order is the last tie-breaker of the Aktenzeichen), and the dates and spent
 * shares drawn the same way for every Förderbereich.
 */
import { workday, type Day } from "../dates.ts";
import type { Rng } from "../random.ts";
import type { Grant, KreisInfo } from "./model.ts";

export function addGrant(grants: Grant[], g: Omit<Grant, "seq">): void {
  grants.push({ ...g, seq: grants.length });
}

/** Decision date: the Kreis's usual processing time, varied; `faktor` > 1 for rejections. */
export const bescheidNach = (rng: Rng, info: KreisInfo, antrag: Day, faktor = 1): Day =>
  workday(antrag + Math.max(5, Math.round(info.bearbeitung * rng.uniform(0.6, 1.6) * faktor)));

/** An application date within the application window (a working day, never after `bis`). */
export const antragIn = (rng: Rng, von: Day, bis: Day): Day => Math.min(bis, workday(rng.int(von, bis)));

/** Share of a non-IM grant shown as spent in the proof of use. */
export function verwendung(rng: Rng): number {
  const x = rng.next();
  if (x < 0.75) return 1;
  if (x < 0.92) return 1 - rng.uniform(0.01, 0.08);
  return 1 - rng.uniform(0.1, 0.3);
}
