// Bar charts of the page /integrationsmanagement, each chart(rows, {width, ...})
// returning a Plot: granted against filled VZÄ per Kreis, and a ranking with the
// Land value marked. Values come computed from the loaders; this draws them.
import * as Plot from "@observablehq/plot";

const MIN_WIDTH = 320;

const vzae = new Intl.NumberFormat("de-DE", {minimumFractionDigits: 0, maximumFractionDigits: 2});
const oneDecimal = new Intl.NumberFormat("de-DE", {minimumFractionDigits: 1, maximumFractionDigits: 1});

/** VZÄ with up to two decimals: 12,25 */
export const formatVzae = (x) => (x == null ? "–" : vzae.format(Number(x)));
/** One decimal: 341,0 */
export const formatOneDecimal = (x) => (x == null ? "–" : oneDecimal.format(Number(x)));

export const COLORS_ABDECKUNG = {
  bewilligt: "#c6dbef",
  bewilligtRand: "#4a7fb5",
  besetzt: "#08519c",
  Stadtkreis: "#b35806",
  Landkreis: "#2166ac",
};

/**
 * Granted VZÄ as a light bar with an outline, filled VZÄ as a solid bar on top,
 * the share filled as text at the right; one row per Kreis in the given order.
 */
export function vzaeBars(rows, {
  width = 640,
  order,
  highlight,
  labels,
  formatShare,
  ariaLabel,
  barHeight = 16,
} = {}) {
  width = Math.max(width, MIN_WIDTH); // a first render may come before layout, at width 0
  const domain = order ?? rows.map((d) => d.kreis_label);
  const tip = (d) =>
    `${d.kreis_name} (${d.kreis_typ})\n${labels.vzae_bewilligt}: ${formatVzae(d.vzae_bewilligt)}\n` +
    `${labels.vzae_besetzt}: ${formatVzae(d.vzae_besetzt)}\n${labels.besetzungsquote}: ${formatShare(d.besetzungsquote)}`;
  return Plot.plot({
    width,
    height: domain.length * barHeight + 60,
    marginLeft: 180,
    marginRight: 60,
    marginTop: 30,
    ariaLabel,
    x: {axis: "top", grid: true, label: `${labels.vzaeEinheit} →`, tickFormat: formatVzae},
    y: {domain, label: null, tickSize: 0},
    marks: [
      Plot.barX(rows, {
        x: (d) => d.vzae_bewilligt ?? 0,
        y: "kreis_label",
        fill: COLORS_ABDECKUNG.bewilligt,
        stroke: COLORS_ABDECKUNG.bewilligtRand,
        strokeWidth: 1,
        insetTop: 1,
        insetBottom: 1,
      }),
      Plot.barX(rows, {
        x: (d) => d.vzae_besetzt ?? 0,
        y: "kreis_label",
        fill: COLORS_ABDECKUNG.besetzt,
        insetTop: 4,
        insetBottom: 4,
        title: tip,
        tip: true,
      }),
      Plot.text(rows, {
        x: (d) => Math.max(d.vzae_bewilligt ?? 0, d.vzae_besetzt ?? 0),
        y: "kreis_label",
        text: (d) => formatShare(d.besetzungsquote),
        textAnchor: "start",
        dx: 5,
        fill: "#1f2937",
        fontSize: 10,
      }),
      highlight != null && domain.includes(highlight)
        ? Plot.text([highlight], {y: (d) => d, frameAnchor: "left", text: () => "▶", dx: -176, fill: "#111827", textAnchor: "start"})
        : null,
      Plot.ruleX([0]),
    ],
  });
}

/**
 * A ranking: one bar per Kreis, longest on top, coloured by Stadtkreis /
 * Landkreis, with the Land value as a dashed line.
 */
export function rankedBars(rows, {
  width = 640,
  value,
  format,
  landValue,
  landLabel,
  label,
  highlight,
  typLabels = {Stadtkreis: "Stadtkreis", Landkreis: "Landkreis"},
  ariaLabel,
  barHeight = 16,
} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.filter((d) => d[value] != null).sort((a, b) => b[value] - a[value]);
  const domain = data.map((d) => d.kreis_label);
  return Plot.plot({
    width,
    height: domain.length * barHeight + 80,
    marginLeft: 180,
    marginRight: 50,
    marginTop: 50,
    ariaLabel,
    x: {axis: "top", grid: true, label: `${label} →`, tickFormat: format},
    y: {domain, label: null, tickSize: 0},
    color: {
      domain: ["Stadtkreis", "Landkreis"],
      range: [COLORS_ABDECKUNG.Stadtkreis, COLORS_ABDECKUNG.Landkreis],
      legend: true,
      tickFormat: (t) => typLabels[t] ?? t,
    },
    marks: [
      Plot.barX(data, {
        x: value,
        y: "kreis_label",
        fill: "kreis_typ",
        insetTop: 2,
        insetBottom: 2,
        title: (d) => `${d.kreis_name} (${typLabels[d.kreis_typ] ?? d.kreis_typ})\n${label}: ${format(d[value])}`,
        tip: true,
      }),
      landValue != null ? Plot.ruleX([landValue], {stroke: "#111827", strokeWidth: 1.5, strokeDasharray: "5,3"}) : null,
      Plot.text(data, {x: value, y: "kreis_label", text: (d) => format(d[value]), textAnchor: "start", dx: 4, fontSize: 10, fill: "#1f2937", stroke: "white", strokeWidth: 3, paintOrder: "stroke"}),
      landValue != null
        ? Plot.text([landValue], {x: (d) => d, frameAnchor: "bottom", text: () => `${landLabel}: ${format(landValue)}`, dy: 14, fill: "#111827", fontWeight: "bold", textAnchor: "start", dx: 4})
        : null,
      highlight != null && domain.includes(highlight)
        ? Plot.text([highlight], {y: (d) => d, frameAnchor: "left", text: () => "▶", dx: -176, fill: "#111827", textAnchor: "start"})
        : null,
      Plot.ruleX([0]),
    ],
  });
}
