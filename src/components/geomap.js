// Map of the Kreise with real boundaries (data/geo.json, optional): same
// signature and look as tileMap (tilemap.js), drawn with Plot.geo. Used by
// „Mittel je Kreis“ when boundaries are present; the tile map is the fallback.
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
  const chart = Plot.plot({
    width: w,
    projection,
    ariaLabel,
    color,
    marks: [
      Plot.geo(fc, {
        fill: v,
        stroke: "white",
        strokeWidth: 0.8,
        href: href ? (d) => href(d.properties) : undefined,
        ariaLabel: (d) => `${d.properties.kreis_name}: ${format(d.properties[value])}`,
        title: (d) => `${d.properties.kreis_name}\n${label}: ${format(d.properties[value])}`,
        tip: {pointerEvents: "none"},
      }),
    ],
  });
  return withRamp(chart, color, {label, tickFormat: format, width: Math.min(240, w)});
}
