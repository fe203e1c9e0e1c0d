// Map of the Kreise with their real boundaries (data/geo.json: the shipped BKG
// VG5000 or a user's file): same signature and look as tileMap (tilemap.js),
// drawn with Plot.geo. The nine Stadtkreise get a dot on top: Baden-Baden or
// Heidelberg cover a few pixels only, and a dot keeps them visible and gives
// the pointer something to hit (each is also a link in the data table).
import * as Plot from "@observablehq/plot";
import {withRamp} from "./ramp.js";

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

/**
 * @param geo    FeatureCollection whose features carry properties.kreis_ags (see geo.json.ts)
 * @param rows   objects with kreis_ags, kreis_name and the measure
 * @param value  name of the measure field
 * @param format number → German text (legend, tooltip)
 * @param label  legend title (with unit)
 * @param href   row → link target (Kreis profile)
 */
export function geoMap(geo, rows, {width = 520, value, format = String, label, scheme = "YlGnBu", href, ariaLabel} = {}) {
  const byAgs = new Map(rows.map((r) => [r.kreis_ags, r]));
  const features = geo.features.map((f) => ({
    ...f,
    properties: {...f.properties, ...(byAgs.get(f.properties.kreis_ags) ?? {kreis_name: f.properties.name ?? f.properties.kreis_ags})},
  }));
  const fc = {type: "FeatureCollection", features};
  const w = Math.min(width, 560);
  const projection = isProjected(geo) ? {type: "identity", reflectY: true, domain: fc} : {type: "mercator", domain: fc};
  const v = (d) => (d.properties[value] == null ? null : Number(d.properties[value]));
  const values = features.map(v).filter((x) => x != null && Number.isFinite(x));
  const hi = values.length ? Math.max(...values) : 1;
  const lo = Math.min(0, ...values);
  const color = {type: "linear", scheme, label, unknown: "#e5e5e5", domain: [lo, hi > lo ? hi : lo + 1]};
  const stadtkreise = features.filter((f) => f.properties.kreis_typ === "Stadtkreis");
  const common = {
    fill: v,
    href: href ? (d) => href(d.properties) : undefined,
    ariaLabel: (d) => `${d.properties.kreis_name}: ${format(d.properties[value])}`,
    title: (d) => `${d.properties.kreis_name}\n${label}: ${format(d.properties[value])}`,
    tip: {pointerEvents: "none"},
  };
  const chart = Plot.plot({
    width: w,
    projection,
    ariaLabel,
    color,
    marks: [
      Plot.geo(fc, {...common, stroke: "white", strokeWidth: 0.8}),
      Plot.dot(stadtkreise, Plot.centroid({...common, r: 6, stroke: "#222", strokeWidth: 1.2, className: "pik-stadtkreis-punkt"})),
    ],
  });
  // The dot repeats the Stadtkreis's own link for the pointer only: keyboard and
  // screen reader meet each Kreis once, on its polygon.
  for (const a of chart.querySelectorAll(".pik-stadtkreis-punkt a")) {
    a.setAttribute("tabindex", "-1");
    a.setAttribute("aria-hidden", "true");
  }
  return withRamp(chart, color, {label, tickFormat: format, width: Math.min(240, w)});
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
