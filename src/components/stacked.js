// Stacked 100 % bars: stackedShares(rows, {width, ...options}) returning a Plot.
// One horizontal bar per group (e.g. the Land and each Kreis), split into the
// shares of the categories of one characteristic. The shares come computed
// (they add up to 1 per group); this module only draws them.
import * as Plot from "@observablehq/plot";

const MIN_WIDTH = 320;

/**
 * @param rows       objects with the group (y), category and share fields
 * @param y          group field (bar label)
 * @param category   category field
 * @param share      share field (0–1)
 * @param groups     order of the bars (y domain), top to bottom
 * @param categories order of the categories, left to right
 * @param colors     colours of the categories (same order)
 * @param labels     category → German label (legend, tooltip)
 * @param highlight  group drawn with a frame (the selected Kreis)
 * @param title      row → tooltip text
 * @param formatShare share → text (on the bar and in the axis)
 * @param rest       if set, a fill drawn behind every bar: the part of a bar no shown share covers (e.g. groups
 *                   kept secret) shows in this colour instead of as empty space
 */
export function stackedShares(rows, {
  width = 640,
  y = "group",
  category = "category",
  share = "share",
  groups,
  categories,
  colors,
  labels = {},
  highlight,
  title,
  formatShare = (v) => `${Math.round(v * 100)} %`,
  rest,
  barHeight = 15,
  marginLeft = 170,
  ariaLabel,
} = {}) {
  width = Math.max(width, MIN_WIDTH); // a first render may come before layout, at width 0
  const domain = groups ?? [...new Set(rows.map((d) => d[y]))];
  const height = domain.length * barHeight + 70;
  const order = (d) => categories.indexOf(d[category]);
  const data = rows.filter((d) => d[share] != null && domain.includes(d[y]));
  return Plot.plot({
    width,
    height,
    marginLeft,
    marginRight: 16,
    marginTop: 30,
    ariaLabel,
    x: {domain: [0, 1], tickFormat: formatShare, label: null, axis: "top", grid: false},
    y: {domain, label: null, tickSize: 0},
    color: {domain: categories, range: colors, legend: true, tickFormat: (c) => labels[c] ?? c},
    marks: [
      rest ? Plot.barX(domain, {x1: 0, x2: 1, y: (d) => d, fill: rest, inset: 0.5}) : null,
      Plot.barX(data, Plot.stackX({x: share, y, fill: category, order, inset: 0.5, title, tip: true})),
      Plot.text(
        data,
        Plot.stackX({
          x: share,
          y,
          z: category,
          order,
          text: (d) => (d[share] >= 0.12 ? formatShare(d[share]) : ""),
          fill: "white",
          fontSize: 10,
          pointerEvents: "none",
          ariaHidden: true,
        }),
      ),
      highlight != null && domain.includes(highlight)
        ? Plot.barX([highlight], {x1: 0, x2: 1, y: (d) => d, fill: "none", stroke: "#111827", strokeWidth: 2, insetTop: -1, insetBottom: -1})
        : null,
    ],
  });
}
