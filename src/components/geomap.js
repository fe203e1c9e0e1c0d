// Map of the Kreise with their real boundaries (data/geo.json: the shipped BKG
// VG5000 or a user's file): same signature and look as tileMap (tilemap.js),
// drawn with Plot.geo. The nine Stadtkreise get a dot on top: Baden-Baden or
// Heidelberg cover a few pixels only, and a dot keeps them visible and gives
// the pointer something to hit (each is also a link in the data table).
import * as Plot from "@observablehq/plot";
import {rampLegend, withRamp} from "./ramp.js";

/** True when coordinates are projected metres (e.g. UTM) rather than longitude/latitude. */
function isProjected(geo) {
  let projected = false;
  const visit = (c) => {
    if (projected || !Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) projected = true;
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of geo.features) visit(f.geometry?.coordinates);
  return projected;
}

/** Colour scale options of the map for the given feature values (the same for the first drawing and every update). */
function colorOf(values, {label, scheme}) {
  const defined = values.filter((x) => x != null && Number.isFinite(x));
  const hi = defined.length ? Math.max(...defined) : 1;
  const lo = Math.min(0, ...defined);
  return {type: "linear", scheme, label, unknown: "#e5e5e5", domain: [lo, hi > lo ? hi : lo + 1]};
}

/**
 * @param geo    FeatureCollection whose features carry properties.kreis_ags (see geo.json.ts)
 * @param rows   objects with kreis_ags, kreis_name and the measure
 * @param value  name of the measure field
 * @param format number → German text (legend, tooltip)
 * @param label  legend title (with unit)
 * @param href   row → link target (Kreis profile)
 *
 * Returns a figure (legend and map) with `update(rows, {value, format, label, ariaLabel})`:
 * another selection on the same boundaries sets fills, names, tooltips and the
 * legend in place, without projecting the polygons again (the costly part of a
 * drawing, measured with `npm run bench`, interaction).
 */
export function geoMap(geo, rows, {width = 520, value, format = String, label, scheme = "YlGnBu", href, ariaLabel} = {}) {
  const w = Math.min(width, 560);
  const projection = isProjected(geo) ? {type: "identity", reflectY: true, domain: geo} : {type: "mercator", domain: geo};
  const agsOf = geo.features.map((f) => f.properties.kreis_ags);
  const stadtkreise = geo.features.map((f, i) => i).filter((i) => geo.features[i].properties.kreis_typ === "Stadtkreis");
  // The texts of the current selection, per feature: the tooltips read them when shown (tip format by index).
  const state = {titles: [], labels: [], values: [], color: null};
  const select = (rows, {value, format = String, label}) => {
    const byAgs = new Map(rows.map((r) => [r.kreis_ags, r]));
    const props = geo.features.map((f) => ({...f.properties, ...(byAgs.get(f.properties.kreis_ags) ?? {kreis_name: f.properties.name ?? f.properties.kreis_ags})}));
    state.values = props.map((p) => (p[value] == null ? null : Number(p[value])));
    state.labels = props.map((p) => `${p.kreis_name}: ${format(p[value])}`);
    state.titles = props.map((p) => `${p.kreis_name}\n${label}: ${format(p[value])}`);
    state.color = colorOf(state.values, {label, scheme});
  };
  select(rows, {value, format, label});
  const common = (ids) => ({
    fill: (i) => state.values[i],
    href: href ? (i) => href({...geo.features[i].properties, kreis_ags: agsOf[i]}) : undefined,
    ariaLabel: (i) => state.labels[i],
    // The title channel only marks that a tip is wanted; its text is the current one of the feature.
    title: (i) => agsOf[i],
    tip: {pointerEvents: "none", format: {title: (_, k) => state.titles[ids[k]]}},
  });
  const all = agsOf.map((_, i) => i);
  const chart = Plot.plot({
    width: w,
    projection,
    ariaLabel,
    color: state.color,
    marks: [
      Plot.geo(all, {geometry: (i) => geo.features[i].geometry, ...common(all), stroke: "white", strokeWidth: 0.8}),
      Plot.dot(stadtkreise, Plot.centroid({geometry: (i) => geo.features[i].geometry, ...common(stadtkreise), r: 6, stroke: "#222", strokeWidth: 1.2, className: "pik-stadtkreis-punkt"})),
    ],
  });
  // The dot repeats the Stadtkreis's own link for the pointer only: keyboard and
  // screen reader meet each Kreis once, on its polygon.
  for (const a of chart.querySelectorAll(".pik-stadtkreis-punkt a")) {
    a.setAttribute("tabindex", "-1");
    a.setAttribute("aria-hidden", "true");
  }
  const legend = (format, label) => rampLegend(state.color, {label, tickFormat: format, width: Math.min(240, w)});
  const figure = withRamp(chart, state.color, {label, tickFormat: format, width: Math.min(240, w)});
  const polygons = [...chart.querySelectorAll('g[aria-label="geo"] path')];
  const dots = [...chart.querySelectorAll(".pik-stadtkreis-punkt circle")];
  let pointer = null; // the last pointer position over the map, for redrawing an open tooltip
  chart.addEventListener("pointermove", (e) => (pointer = {clientX: e.clientX, clientY: e.clientY}));
  chart.addEventListener("pointerleave", (e) => e.isTrusted && (pointer = null));
  figure.update = (rows, {value, format = String, label, ariaLabel}) => {
    select(rows, {value, format, label});
    const fill = Plot.scale({color: state.color});
    const paint = (el, i) => {
      el.setAttribute("fill", fill.apply(state.values[i]));
      el.setAttribute("aria-label", state.labels[i]);
    };
    polygons.forEach((el, k) => paint(el, all[k]));
    dots.forEach((el, k) => paint(el, stadtkreise[k]));
    if (ariaLabel != null) chart.setAttribute("aria-label", ariaLabel);
    figure.querySelector(".pik-ramp").replaceWith(legend(format, label));
    // An open tooltip shows the previous selection's text: Plot draws it anew for the same pointer position.
    if (pointer && [...chart.querySelectorAll('g[aria-label="tip"]')].some((g) => g.hasChildNodes())) {
      chart.dispatchEvent(new PointerEvent("pointerleave", {pointerType: "mouse"}));
      chart.dispatchEvent(new PointerEvent("pointermove", {pointerType: "mouse", clientX: pointer.clientX, clientY: pointer.clientY}));
    }
  };
  return figure;
}

/**
 * Where one Kreis lies: all Kreise in grey, this one dark (and a ring around a
 * Stadtkreis, too small to see otherwise). For the Kreis profiles.
 */
export function locatorMap(geo, ags, {width = 240, ariaLabel} = {}) {
  const w = Math.min(width, 280);
  const own = geo.features.filter((f) => f.properties.kreis_ags === ags);
  const small = own.filter((f) => f.properties.kreis_typ === "Stadtkreis");
  const chart = Plot.plot({
    width: w,
    projection: isProjected(geo) ? {type: "identity", reflectY: true, domain: geo} : {type: "mercator", domain: geo},
    ariaLabel,
    marks: [
      Plot.geo(geo, {fill: "#d9d9d9", stroke: "white", strokeWidth: 0.6}),
      Plot.geo(own, {fill: "#1d4ed8", stroke: "#1d4ed8"}),
      Plot.dot(small, Plot.centroid({r: 7, stroke: "#1d4ed8", strokeWidth: 2})),
    ],
  });
  // An image with one fact (where the Kreis lies), no figures: named, not a data chart with a table.
  chart.setAttribute("role", "img");
  chart.setAttribute("data-lagekarte", "");
  return chart;
}
