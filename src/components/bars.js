// Ranked bar chart of the Kreise: chart(rows, {width, ...options}) returning a
// Plot. One bar per Kreis, sorted from the highest value down, coloured by
// Kreistyp (Stadtkreis / Landkreis, with legend), the Land value as a dashed
// rule with its name, a tooltip and a link to the Kreis profile on each bar.
import * as Plot from "@observablehq/plot";
import {SITE} from "./strings.js";

/** Colour-blind safe pair from Tableau "Color Blind 10" (blue / dark orange), both ≥ 3:1 against white. */
export const TYP_FARBEN = {domain: [SITE.stadtkreis, SITE.landkreis], range: ["#006ba4", "#c85200"]};

const kompakt = new Intl.NumberFormat("de-DE", {notation: "compact", maximumSignificantDigits: 3});
// Built once: an Intl.NumberFormat per call showed up in the interaction profile.
const ganz = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 0});

/** Axis and legend ticks without unit (the label names it): 3,37 Mio., 250.000, 12. */
export function formatZahlKurz(x) {
  const v = Number(x);
  if (Math.abs(v) >= 1e6) return kompakt.format(v);
  return ganz.format(v);
}

/** Axis ticks for euro amounts: 1,5 Mio. €, 250.000 €, 12 €. */
export function formatEuroAchse(x) {
  const v = Number(x);
  if (Math.abs(v) >= 1e6) return `${kompakt.format(v)} €`;
  return `${ganz.format(v)} €`;
}

/**
 * @param rows          objects with kreis_ags, kreis_name (unique display name), kreis_typ and the measure
 * @param value         name of the measure field
 * @param format        number → German text (tooltip, average label)
 * @param axisFormat    number → German text for the axis ticks (default `format`)
 * @param label         axis label (measure with unit)
 * @param average       Land value for the rule (null: no rule)
 * @param averageLabel  name of the Land value, e.g. „Landeswert“
 * @param href          row → link target (Kreis profile)
 */
export function rankedBars(rows, {width = 640, value, format = String, axisFormat, label, average = null, averageLabel = SITE.landDurchschnitt, href, ariaLabel} = {}) {
  const data = rows.filter((d) => d[value] != null && Number.isFinite(+d[value])).sort((a, b) => b[value] - a[value]);
  const longest = Math.max(0, ...data.map((d) => String(d.kreis_name).length));
  const marginLeft = Math.min(220, 12 + longest * 6.6);
  const step = 17;
  width = Math.max(width, marginLeft + 160);
  const showAverage = average != null && Number.isFinite(+average);
  return Plot.plot({
    width,
    height: data.length * step + 106,
    marginLeft,
    marginRight: 24,
    marginTop: 30,
    marginBottom: 46,
    ariaLabel,
    style: {fontSize: "12px"},
    x: {label, labelOffset: 40, labelAnchor: "center", labelArrow: "none", tickFormat: axisFormat ?? format, grid: true, nice: true, ticks: Math.max(2, Math.floor((width - marginLeft) / 110))},
    y: {label: null, domain: data.map((d) => d.kreis_name), tickSize: 0},
    color: {...TYP_FARBEN, legend: true, label: "Kreistyp"},
    marks: [
      Plot.barX(data, {
        x: value,
        y: "kreis_name",
        fill: "kreis_typ",
        href: href ? (d) => href(d) : undefined,
        ariaLabel: (d) => `${d.kreis_name} (${d.kreis_typ}): ${format(d[value])}`,
        title: (d) => `${d.kreis_name} (${d.kreis_typ})\n${label}: ${format(d[value])}`,
        // pointerEvents none: the tooltip must not catch the click on the bar (link to the profile).
        tip: {format: {x: false, y: false, fill: false}, pointerEvents: "none"},
        insetTop: 2,
        insetBottom: 2,
      }),
      Plot.ruleX([0], {stroke: "currentColor"}),
      ...(showAverage
        ? [
            Plot.ruleX([+average], {stroke: "#1c1917", strokeWidth: 1.5, strokeDasharray: "5,3", ariaLabel: `${averageLabel}: ${format(average)}`}),
            Plot.text([+average], {
              x: (d) => d,
              frameAnchor: "top",
              dy: -10,
              text: () => `${averageLabel}: ${format(average)}`,
              textAnchor: "middle",
              fill: "#1c1917",
              stroke: "white",
              strokeWidth: 4,
              paintOrder: "stroke",
              fontWeight: "bold",
              ariaHidden: true,
            }),
          ]
        : []),
    ],
  });
}
