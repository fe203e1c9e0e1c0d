// The Förderbereiche as the data defines them (data/foerderbereiche.json, from
// ref.foerderbereiche): names, order and a stable colour per key. Pages load the
// list once and pass it here; no page or component names an area itself.

/**
 * @param list rows {foerderbereich, name, kurzname, ab_jahr, bis_jahr, reihenfolge, farbe}
 * @returns {{keys: string[], name: (k: string) => string, kurz: (k: string) => string, laufzeit: (k: string) => {ab: number | null, bis: number | null}, color: {domain: string[], range: string[]}}}
 */
export function foerderbereiche(list) {
  const sorted = [...list].sort((a, b) => a.reihenfolge - b.reihenfolge);
  const byKey = new Map(sorted.map((f) => [f.foerderbereich, f]));
  const kurz = (k) => byKey.get(k)?.kurzname ?? byKey.get(k)?.name ?? k;
  return {
    keys: sorted.map((f) => f.foerderbereich),
    name: (k) => byKey.get(k)?.name ?? k,
    kurz,
    /** Plot colour scale over the short names (what legends show), one fixed colour per key. */
    color: {domain: sorted.map((f) => kurz(f.foerderbereich)), range: sorted.map((f) => f.farbe)},
    farbe: (k) => byKey.get(k)?.farbe ?? "#57534e",
    /** The years the measure runs, as the list says (null: open). */
    laufzeit: (k) => ({ab: byKey.get(k)?.ab_jahr ?? null, bis: byKey.get(k)?.bis_jahr ?? null}),
  };
}
