// Choropleth of the Gemeinden (data/gemeinden-geo.json, BKG VG5000) with the
// Kreis boundaries on top for orientation. A Gemeinde without a grant in the
// selection is grey and named „keine Zuwendung“ (no 0 in the colour scale).
// Each Gemeinde is a link to `?gemeinde=AGS` (the page opens its panel without
// reloading); the links are no tab stops – 1,103 of them would bury the page for
// keyboard users, who select a Gemeinde in the select or the table instead.
import * as Plot from "@observablehq/plot";
import {withRamp} from "./ramp.js";

/**
 * @param geo      FeatureCollection of the Gemeinden (properties ags, name, bez)
 * @param kreisGeo FeatureCollection of the Kreise (data/geo.json) or null
 * @param werte    Map ags → {wert (number|null), hat (boolean), text (tooltip line)}
 * @param options  width, format (legend ticks), label (legend title), selected (AGS),
 *                 href (ags → link), ariaLabel
 */
export function gemeindeKarte(geo, kreisGeo, werte, {width = 640, format = String, label, selected = null, href, ariaLabel, scheme = "YlGnBu"} = {}) {
  const w = Math.min(width, 720);
  const wert = (f) => {
    const x = werte.get(f.properties.ags);
    return x && x.hat && x.wert != null ? Number(x.wert) : null;
  };
  const values = geo.features.map(wert).filter((x) => x != null && Number.isFinite(x));
  const hi = values.length ? Math.max(...values) : 1;
  const lo = Math.min(0, ...values);
  const color = {type: "linear", scheme, label, unknown: "#e7e5e4", domain: [lo, hi > lo ? hi : lo + 1]};
  const beschreibung = (f) => `${f.properties.name}: ${werte.get(f.properties.ags)?.text ?? ""}`;
  const auswahl = selected ? geo.features.filter((f) => f.properties.ags === selected) : [];
  const chart = Plot.plot({
    width: w,
    projection: {type: "mercator", domain: geo},
    ariaLabel,
    color,
    marks: [
      Plot.geo(geo, {
        fill: wert,
        stroke: "white",
        strokeWidth: 0.3,
        href: href ? (f) => href(f.properties.ags) : undefined,
        ariaLabel: beschreibung,
        title: beschreibung,
        className: "pik-gemeinde",
      }),
      kreisGeo ? Plot.geo(kreisGeo, {fill: "none", stroke: "#44403c", strokeWidth: 0.9, className: "pik-kreisgrenze"}) : null,
      Plot.geo(auswahl, {fill: "none", stroke: "#000", strokeWidth: 2.5, className: "pik-auswahl"}),
    ],
  });
  for (const a of chart.querySelectorAll(".pik-gemeinde a")) a.setAttribute("tabindex", "-1");
  for (const g of chart.querySelectorAll(".pik-kreisgrenze, .pik-auswahl")) g.style.pointerEvents = "none";
  return withRamp(chart, color, {label, tickFormat: format, width: Math.min(240, w)});
}
