// Number formats of the Kreisprofil (German), on top of format.js: one format
// per Kennzahl, compact euro axes and the rank wording.
import {formatDate, formatEuro, formatNumber, formatPercent} from "./format.js";
import {PROFIL} from "./strings-kreisprofil.js";

const decimal = (digits) => {
  const f = new Intl.NumberFormat("de-DE", {minimumFractionDigits: digits, maximumFractionDigits: digits});
  return (x) => (x == null ? "–" : f.format(Number(x)));
};
const upTo2 = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 2});
const oneDecimal = new Intl.NumberFormat("de-DE", {minimumFractionDigits: 1, maximumFractionDigits: 1});

export const formatVzae = (x) => (x == null ? "–" : upTo2.format(Number(x)));
export const formatJeVzae = decimal(1);
export const formatPersonen = formatNumber;

/** Euro axis ticks: "500.000 €", "1,5 Mio. €". */
export function formatEuroAxis(x) {
  if (x == null) return "–";
  const v = Number(x);
  return Math.abs(v) >= 1e6 ? `${oneDecimal.format(v / 1e6)} Mio. €` : formatEuro(v);
}

/** The German format of each Kennzahl's values. */
export const KENNZAHL_FORMAT = {
  bewilligt_eur: formatEuro,
  ausgezahlt_eur: formatEuro,
  bewilligt_je_1000_ew: formatEuro,
  ausgezahlt_je_1000_ew: formatEuro,
  gefluechtete_au: formatPersonen,
  bewilligt_je_gefluechteten: formatEuro,
  ausgezahlt_je_gefluechteten: formatEuro,
  vzae_bewilligt: formatVzae,
  vzae_besetzt: formatVzae,
  anteil_besetzt: formatPercent,
  gefluechtete_je_vzae: formatJeVzae,
};

/** "Rang 3 von 35 Landkreisen" (peers) or "Rang 12 von 44 Kreisen" (Land). */
export function rankText(rang, von, typ) {
  if (rang == null) return PROFIL.keinRang;
  const gruppe = typ === "Stadtkreis" ? PROFIL.stadtkreisenDativ : typ === "Landkreis" ? PROFIL.landkreisenDativ : PROFIL.kreisenDativ;
  return `${PROFIL.rang} ${formatNumber(rang)} ${PROFIL.von} ${formatNumber(von)} ${gruppe}`;
}

/** Year label on axes: the year of the Stand, not yet complete, gets an asterisk. */
/** A year on an axis; `short` (narrow charts, phones): two digits, „’25“, so ten years fit side by side. */
export const yearLabel = (stichjahr, {short = false} = {}) => (y) =>
  `${short ? `’${String(y).slice(2)}` : String(y)}${stichjahr != null && Number(y) > stichjahr ? "*" : ""}`;

export {formatDate, formatEuro, formatNumber, formatPercent};
