// Grouped bars of the page /haushalt: amountBars(rows, {width, ...}) returning a
// Plot. Per year one group of bars (bewilligt, ausgezahlt, zurückgefordert) and
// the appropriation (Ansatz) as a black line across the group. The amounts come
// computed from the loaders; this only draws them.
import * as Plot from "@observablehq/plot";
import {yearTickFormat} from "./format.js";

const MIN_WIDTH = 320;

export const HAUSHALT_FARBEN = {
  ansatz_eur: "#111827",
  bewilligt_eur: "#2166ac",
  ausgezahlt_eur: "#67a9cf",
  rueckforderung_eur: "#b35806",
};

/** Short euro amounts for axes: 12 Mio. €, 500.000 € */
const mio = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 1});
export const formatEuroAxis = (x) =>
  Math.abs(x) >= 1e6 ? `${mio.format(x / 1e6)} Mio. €` : `${new Intl.NumberFormat("de-DE").format(x)} €`;

/**
 * @param rows    one object per year with jahr and the amount fields
 * @param measures the amount fields drawn as bars, in order
 * @param labels  field → German label
 * @param format  amount → text (tooltip)
 */
export function amountBars(rows, {
  width = 640,
  height = 340,
  measures = ["bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"],
  labels,
  format,
  ariaLabel,
} = {}) {
  width = Math.max(width, MIN_WIDTH); // a first render may come before layout, at width 0
  const long = rows.flatMap((r) => measures.map((m) => ({jahr: r.jahr, kennzahl: m, wert: r[m], zeile: r})));
  const tip = (d) =>
    [String(d.jahr), ...["ansatz_eur", ...measures].map((m) => `${labels[m]}: ${format(d.zeile[m])}`)].join("\n");
  return Plot.plot({
    width,
    height,
    marginLeft: 80,
    marginBottom: 30,
    ariaLabel,
    fx: {label: null, tickFormat: yearTickFormat(width, rows.length), padding: 0.15},
    x: {axis: null, domain: measures, paddingInner: 0.1},
    y: {grid: true, label: null, tickFormat: formatEuroAxis},
    color: {
      domain: ["ansatz_eur", ...measures],
      range: ["ansatz_eur", ...measures].map((m) => HAUSHALT_FARBEN[m]),
      legend: true,
      tickFormat: (m) => labels[m],
    },
    marks: [
      Plot.barY(long, {fx: "jahr", x: "kennzahl", y: "wert", fill: "kennzahl", title: tip, tip: true}),
      Plot.tickY(rows.filter((r) => r.ansatz_eur != null), {fx: "jahr", y: "ansatz_eur", stroke: () => "ansatz_eur", strokeWidth: 2.5}),
      Plot.ruleY([0]),
    ],
  });
}
