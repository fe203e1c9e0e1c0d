/**
 * Reference use of Kreise and Gemeinden: who receives grants. Every Kreis is a
 * recipient itself; in a Landkreis, real Gemeinden (official AGS and name from
 * the shipped boundaries) are chosen at random. Figures per recipient are all
 * synthetic; only the names and keys are real.
 */
import { loadGemeinden, type Gemeinde } from "../../reference/gemeinden.ts";
import type { Kreis } from "../../reference/kreise.ts";
import { day } from "../dates.ts";
import type { Rng } from "../random.ts";
import { cmp, type KreisInfo, type Recipient } from "./model.ts";

/**
 * `recRng` draws everything about the recipients; `gemRng` only which real
 * Gemeinden they are. The Gemeinde choice has its own stream so that every other
 * draw (and so every figure) is the same as with the former fictitious keys.
 */
export function drawRecipients(recRng: Rng, gemRng: Rng, kreise: readonly Kreis[], scale: number): KreisInfo[] {
  const gemeindenJeKreis = new Map<string, Gemeinde[]>();
  for (const g of loadGemeinden()) gemeindenJeKreis.set(g.kreis_ags, [...(gemeindenJeKreis.get(g.kreis_ags) ?? []), g]);
  return kreise.map((kreis) => {
    const info = kreisAsRecipient(recRng, kreis);
    if (kreis.kreis_typ === "Landkreis") {
      addGemeinden(recRng, gemRng, info, gemeindenJeKreis.get(kreis.kreis_ags) ?? [], scale);
    }
    return info;
  });
}

function kreisAsRecipient(recRng: Rng, kreis: Kreis): KreisInfo {
  const selbst: Recipient = {
    ags: kreis.kreis_ags,
    name: kreis.kreis_typ === "Stadtkreis" ? `Stadt ${kreis.kreis_name}` : `Landratsamt ${kreis.kreis_name}`,
    kind: kreis.kreis_typ === "Stadtkreis" ? "stadtkreis" : "landkreis",
    kreis: undefined as unknown as KreisInfo,
    spaetBeginn: null,
    positions: [],
  };
  const info: KreisInfo = {
    kreis,
    bearbeitung: recRng.uniform(20, 80),
    recipients: [selbst],
    freieGemeinden: [],
    selbst,
  };
  selbst.kreis = info;
  return info;
}

/**
 * At least two municipalities per Landkreis at full scale; small benchmark
 * scales may have none; never more than the Kreis has Gemeinden (`real`).
 */
function addGemeinden(recRng: Rng, gemRng: Rng, info: KreisInfo, real: Gemeinde[], scale: number): void {
  const wanted = Math.min(900, Math.max(scale >= 1 ? 2 : 0, Math.round((info.kreis.einwohner / 40_000) * scale)));
  const count = Math.min(wanted, real.length);
  // The former draw of fictitious numbers, kept so that the random sequence stays the same.
  const upper = Math.min(999, Math.max(90, Math.ceil(wanted * 1.5)));
  recRng.shuffle(Array.from({ length: upper }, (_, i) => i + 1));
  const chosen = gemRng
    .shuffle(real)
    .slice(0, count)
    .sort((a, b) => cmp(a.gemeinde_ags, b.gemeinde_ags));
  const taken = new Set(chosen);
  info.freieGemeinden = real.filter((g) => !taken.has(g));
  for (const g of chosen) {
    const spaet = recRng.chance(0.08) ? (recRng.chance(0.6) ? day(2017, 10, 1) : day(2018, 1, 1)) : null;
    recRng.chance(0.3); // formerly „Stadt“ or „Gemeinde“ of a fictitious name; now the official designation
    info.recipients.push({
      ags: g.gemeinde_ags,
      name: `${g.gemeinde_typ} ${g.gemeinde_name}`,
      kind: "gemeinde",
      kreis: info,
      spaetBeginn: spaet,
      positions: [],
    });
  }
}
