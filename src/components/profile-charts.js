// Charts of the Kreisprofil: chart(data, {width, height, ...}) returning a Plot.
// They get finished rows from the page (computed in SQL) and only draw them.
import * as Plot from "@observablehq/plot";
import {formatDate, formatEuro, formatEuroAxis, yearLabel} from "./profile-format.js";
import {PROFIL} from "./strings-kreisprofil.js";


const KREIS_COLOR = "#1d4ed8";
const LAND_COLOR = "#57534e";

const germanDate = (d) => formatDate(d instanceof Date ? d.toISOString() : d);

/**
 * Money per year, stacked by Förderbereich.
 * @param rows  {jahr, foerderbereich, bewilligt_eur, ausgezahlt_eur, …} of one Kreis
 * @param value "bewilligt_eur" or "ausgezahlt_eur"
 * @param fb    the list of Förderbereiche (components/foerderbereiche.js): names and a fixed colour per key
 */
/** Year ticks of a time axis: „2019“, or „’19“ where ten of them would not fit side by side (phones). */
const yearTicks = (width) => (width < 480 ? "’%y" : "%Y");

export function mittelChart(rows, {width, height = 320, value, label, stichjahr, jahre, ariaLabel, fb: FB} = {}) {
  const data = rows.map((d) => ({...d, fb: FB.kurz(d.foerderbereich), betrag: d[value]}));
  // Only the areas this Kreis has money in, in the list's order, each in its own colour.
  const present = new Set(data.map((d) => d.fb));
  const domain = FB.color.domain.filter((n) => present.has(n));
  const range = domain.map((n) => FB.color.range[FB.color.domain.indexOf(n)]);
  return Plot.plot({
    width,
    height,
    marginLeft: 78,
    ariaLabel,
    x: {type: "band", domain: jahre, label: null, tickFormat: yearLabel(stichjahr, {short: width < 40 * jahre.length + 80})},
    y: {grid: true, label: `${label} (€)`, tickFormat: formatEuroAxis},
    color: {domain, range, legend: true},
    marks: [
      Plot.barY(data, {
        x: "jahr",
        y: "betrag",
        fill: "fb",
        fillOpacity: (d) => (stichjahr != null && d.jahr > stichjahr ? 0.55 : 1),
        order: domain,
        tip: true,
        title: (d) => `${d.fb} ${d.jahr}\n${label}: ${formatEuro(d.betrag)}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * A Kreis and the Land over time (one value per x), as two lines.
 * @param rows    long rows {x, reihe, wert}; `reihe` is the Kreis name or PROFIL.land
 * @param xType   "band" for years, "utc" for stichtage
 */
export function kreisLandChart(rows, {width, height = 320, kreis, label, format, xType = "band", xTickFormat, ariaLabel, yZero = true} = {}) {
  const isTime = xType === "utc";
  const data = isTime ? rows.map((d) => ({...d, x: new Date(d.x)})) : rows;
  return Plot.plot({
    width,
    height,
    marginLeft: 70,
    ariaLabel,
    x: isTime ? {type: "utc", label: null, tickFormat: yearTicks(width), ticks: "year"} : {type: "point", label: null, tickFormat: xTickFormat, padding: 0.3},
    y: {grid: true, label, tickFormat: format, zero: yZero},
    color: {domain: [kreis, PROFIL.land], range: [KREIS_COLOR, LAND_COLOR], legend: true},
    marks: [
      Plot.line(data, {x: "x", y: "wert", stroke: "reihe", strokeWidth: 2.5, strokeDasharray: (d) => (d.reihe === kreis ? null : "6,4"), z: "reihe"}),
      Plot.dot(data, {x: "x", y: "wert", fill: "reihe", r: 3}),
      Plot.tip(data, Plot.pointer({
        x: "x",
        y: "wert",
        title: (d) => `${d.reihe}\n${isTime ? germanDate(d.x) : (xTickFormat ?? String)(d.x)}: ${format(d.wert)}`,
      })),
    ],
  });
}

/**
 * VZÄ granted and filled over the stichtage.
 * @param rows long rows {stichtag, reihe, wert}; reihe = PROFIL.vzaeBewilligt | PROFIL.vzaeBesetzt
 */
export function vzaeChart(rows, {width, height = 320, format, ariaLabel} = {}) {
  const data = rows.map((d) => ({...d, x: new Date(d.stichtag)}));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    ariaLabel,
    x: {type: "utc", label: null, tickFormat: yearTicks(width), ticks: "year"},
    y: {grid: true, label: "VZÄ", tickFormat: format, zero: true},
    color: {domain: [PROFIL.vzaeBewilligt, PROFIL.vzaeBesetzt], range: [LAND_COLOR, KREIS_COLOR], legend: true},
    marks: [
      Plot.line(data, {x: "x", y: "wert", stroke: "reihe", strokeWidth: 2.5, curve: "step-after", strokeDasharray: (d) => (d.reihe === PROFIL.vzaeBewilligt ? "6,4" : null), z: "reihe"}),
      Plot.dot(data, {x: "x", y: "wert", fill: "reihe", r: 3}),
      Plot.tip(data, Plot.pointer({x: "x", y: "wert", title: (d) => `${d.reihe}\n${germanDate(d.stichtag)}: ${format(d.wert)} VZÄ`})),
    ],
  });
}

/**
 * All Kreise of the same type for one Kennzahl, sorted, this Kreis highlighted,
 * the Land value as a rule.
 * @param rows {kreis_ags, kreis_name, wert, rang}
 */
export function rangChart(rows, {width: available, ags, land, format, label, ariaLabel} = {}) {
  // Bars longer than ~760px read no better, and the chart then prints at about its own size.
  const width = Math.min(available, 760);
  const data = rows.filter((d) => d.wert != null);
  const rowHeight = 18;
  const values = data.map((d) => d.wert).concat(land == null ? [] : [land]);
  const hasNegative = values.some((v) => v < 0);
  return Plot.plot({
    width,
    height: data.length * rowHeight + 50,
    marginLeft: 170,
    marginRight: 90,
    marginTop: 30,
    marginBottom: 28,
    ariaLabel,
    x: {grid: true, label, tickFormat: format, axis: "top", ticks: Math.max(2, Math.floor(width / 160)), nice: true, zero: !hasNegative || undefined},
    y: {domain: data.map((d) => d.kreis_name), label: null, tickSize: 0},
    marks: [
      Plot.barX(data, {
        x: "wert",
        y: "kreis_name",
        fill: (d) => (d.kreis_ags === ags ? KREIS_COLOR : "#bfc8da"),
        // Each bar opens that Kreis's profile (the pages are siblings: /kreise/AGS).
        href: (d) => (d.kreis_ags === ags ? null : `./${d.kreis_ags}`),
        title: (d) => `${d.kreis_name}: ${format(d.wert)} (${PROFIL.rang} ${d.rang})`,
      }),
      land == null ? null : Plot.ruleX([land], {stroke: LAND_COLOR, strokeWidth: 2, strokeDasharray: "6,4"}),
      land == null ? null : Plot.text([land], {x: (d) => d, frameAnchor: "bottom", dy: 16, text: () => `${PROFIL.landKurz}: ${format(land)}`, fill: LAND_COLOR, textAnchor: "middle"}),
      Plot.text(data, {
        x: "wert",
        y: "kreis_name",
        text: (d) => format(d.wert),
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
        // A halo in the card's colour keeps the value readable over the Land rule.
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontWeight: (d) => (d.kreis_ags === ags ? "bold" : "normal"),
      }),
      Plot.ruleX([0]),
    ],
  });
}
