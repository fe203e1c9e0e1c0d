// Line chart with one line per series, each labelled at its end:
// lineChart(rows, {width, ...options}) returning a Plot. One series can be
// highlighted in a strong colour while the others are drawn in grey (e.g. the
// latest year against earlier ones). End labels are moved apart vertically so
// they do not overlap (layout only; the values come as they are).
import * as Plot from "@observablehq/plot";

const MIN_WIDTH = 320;
import * as d3 from "d3";

const GREY = "#868e96"; // 3.3:1 on white (WCAG 1.4.11 for graphics)
const HIGHLIGHT = "#c2410c";

/**
 * @param rows      objects with the x, y and series fields; rows with y == null are left out (gaps)
 * @param x, y, series  field names
 * @param colors    series → colour (ignored for grey series when `highlight` is set)
 * @param highlight series value drawn strong; all others grey and thin
 * @param endLabel  series → text at the end of its line (default: the series value)
 * @param xTickFormat, yTickFormat, xTicks, xDomain, yDomain, xLabel, yLabel  axes
 * @param formatX, formatY, seriesLabel  tooltip texts
 * @param rules     reference lines [{y, label}]
 * @param dots      draw a dot on every point of the highlighted (or every) series
 */
export function lineChart(rows, {
  width = 640,
  height = 320,
  x = "x",
  y = "y",
  series = "series",
  colors = {},
  highlight,
  endLabel = (s) => String(s),
  xTickFormat,
  yTickFormat,
  xTicks,
  xDomain,
  yDomain,
  xLabel = null,
  yLabel = null,
  formatX = String,
  formatY = String,
  seriesLabel = (s) => String(s),
  rules = [],
  dots = false,
  ariaLabel,
  marginLeft = 70,
  marginRight = 90,
} = {}) {
  width = Math.max(width, MIN_WIDTH); // a first render may come before layout, at width 0
  const data = rows.filter((d) => d[y] != null && d[x] != null);
  const marginTop = 20;
  const marginBottom = 36;
  // A fixed y domain, so the label layout below knows where a value lands in pixels.
  const ys = [...data.map((d) => +d[y]), ...rules.map((r) => +r.y)];
  const domain = yDomain ?? d3.scaleLinear().domain([Math.min(0, d3.min(ys) ?? 0), d3.max(ys) ?? 1]).nice().domain();
  const colorOf = (s) => (highlight === undefined ? colors[s] ?? "#1d4ed8" : s === highlight ? colors[s] ?? HIGHLIGHT : GREY);
  const isStrong = (s) => highlight === undefined || s === highlight;

  // Last point of each series, labels nudged apart (at least `gap` data units) among those ending at the same x.
  const ends = d3
    .groups(data, (d) => d[series])
    .map(([s, values]) => ({s, d: d3.greatest(values, (d) => +d[x])}))
    .map(({s, d}) => ({series: s, x: d[x], y: +d[y], labelY: +d[y]}));
  const gap = ((domain[1] - domain[0]) / Math.max(1, height - marginTop - marginBottom)) * 13;
  for (const [, group] of d3.group(ends, (e) => +e.x)) {
    group.sort((a, b) => a.y - b.y);
    for (let i = 1; i < group.length; ++i) {
      const below = group[i - 1];
      const e = group[i];
      if (e.labelY - below.labelY < gap) e.labelY = below.labelY + gap;
    }
  }
  // Strong series drawn last, on top.
  const order = (a, b) => (isStrong(a[series]) ? 1 : 0) - (isStrong(b[series]) ? 1 : 0);
  const sorted = [...data].sort(order);
  const strongRows = data.filter((d) => isStrong(d[series]));

  return Plot.plot({
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    ariaLabel,
    x: {label: xLabel, tickFormat: xTickFormat, ticks: xTicks, domain: xDomain},
    y: {label: yLabel, tickFormat: yTickFormat, domain, grid: true},
    marks: [
      ...rules.flatMap((r) => [
        Plot.ruleY([r.y], {stroke: "#374151", strokeDasharray: "4,3"}),
        r.label ? Plot.text([r], {y: "y", frameAnchor: "left", text: "label", dy: -6, dx: 4, fill: "#374151", textAnchor: "start"}) : null,
      ]),
      Plot.line(sorted, {
        x,
        y,
        z: series,
        stroke: (d) => colorOf(d[series]),
        strokeWidth: (d) => (isStrong(d[series]) ? 3 : 1.3),
        curve: "linear",
      }),
      dots ? Plot.dot(strongRows, {x, y, fill: (d) => colorOf(d[series]), r: 3}) : null,
      // End labels: grey ones first, the strong ones bold on top.
      Plot.text(ends.filter((e) => !isStrong(e.series)), {
        x: "x", y: "labelY", text: (e) => endLabel(e.series), fill: "#4b5563", textAnchor: "start", dx: 6,
      }),
      Plot.text(ends.filter((e) => isStrong(e.series)), {
        x: "x", y: "labelY", text: (e) => endLabel(e.series), fill: (e) => colorOf(e.series), textAnchor: "start", dx: 6,
        fontWeight: highlight === undefined ? "normal" : "bold",
      }),
      Plot.tip(
        data,
        Plot.pointer({
          x,
          y,
          title: (d) => `${seriesLabel(d[series])}\n${formatX(d[x])}: ${formatY(d[y])}`,
        }),
      ),
    ],
  });
}
