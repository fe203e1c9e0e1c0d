// Tile map of the 44 Kreise: chart(data, {width, ...options}) returning a Plot.
// One equal square per Kreis (see tiles.js), coloured by a measure, with a
// tooltip and a link to the Kreis profile on each tile.
import * as Plot from "@observablehq/plot";
import {withRamp} from "./ramp.js";
import {TILES} from "./tiles.js";

const COLS = 8;
const ROWS = 8;

/**
 * @param rows   objects with `kreis_ags`, `kreis_name` and the measure
 * @param value  name of the measure field
 * @param format number → German text (legend, tooltip)
 * @param label  legend title (with unit)
 * @param href   row → link target (Kreis profile)
 */
export function tileMap(rows, {width = 520, value, format = String, label, scheme = "YlGnBu", href, ariaLabel, zero = true} = {}) {
  const byAgs = new Map(rows.map((r) => [r.kreis_ags, r]));
  const data = TILES.map((t) => ({...t, ...(byAgs.get(t.ags) ?? {kreis_ags: t.ags, kreis_name: t.kurz})}));
  const values = data.map((d) => d[value]).filter((v) => v != null && Number.isFinite(+v)).map(Number);
  const [lo, hi] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  // White labels where the tile colour is dark: judged on the colour scale's own domain.
  const from = zero ? Math.min(0, lo) : lo;
  const dark = (d) => d[value] != null && hi > from && (Number(d[value]) - from) / (hi - from) > 0.5;
  const side = Math.floor(Math.min(width, 560) / COLS);
  const color = {type: "linear", scheme, label, unknown: "#e5e5e5", zero, domain: [from, hi > from ? hi : from + 1]};
  const chart = Plot.plot({
    width: side * COLS,
    height: side * ROWS + 50,
    marginTop: 50,
    ariaLabel,
    x: {axis: null, domain: Array.from({length: COLS}, (_, i) => i)},
    y: {axis: null, domain: Array.from({length: ROWS}, (_, i) => i)},
    padding: 0.08,
    color,
    marks: [
      Plot.cell(data, {
        x: "x",
        y: "y",
        fill: (d) => (d[value] == null ? null : Number(d[value])),
        href: href ? (d) => href(d) : undefined,
        ariaLabel: (d) => `${d.kreis_name}: ${format(d[value])}`,
        // The tip must not catch the click meant for the tile's link.
        tip: {pointerEvents: "none"},
        title: (d) => `${d.kreis_name}\n${label}: ${format(d[value])}`,
        rx: 3,
      }),
      Plot.text(data, {x: "x", y: "y", text: "kurz", fill: (d) => (dark(d) ? "white" : "black"), fontSize: Math.max(9, side / 5.5), pointerEvents: "none", ariaHidden: true}),
    ],
  });
  return withRamp(chart, color, {label, tickFormat: format, width: Math.min(240, side * COLS)});
}
