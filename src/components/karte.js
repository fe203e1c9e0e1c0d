// The map of the 44 Kreise, in one of two views: the real boundaries (default)
// or equal tiles. The tiles stay one click away because on the real map the
// nine Stadtkreise are specks beside the Landkreise, while the tiles give every
// Kreis the same area. The view lives in the URL (?ansicht=kacheln).
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {geoMap} from "./geomap.js";
import {KARTE} from "./strings.js";
import {tileMap} from "./tilemap.js";
import {bindUrl, fromUrl} from "./url-state.js";

export const ANSICHTEN = ["grenzen", "kacheln"];

/** The radio that switches the view, bound to the URL parameter `ansicht`. */
export function ansichtInput() {
  const start = fromUrl("ansicht");
  return bindUrl(
    Inputs.radio(new Map(ANSICHTEN.map((a) => [KARTE.ansichten[a], a])), {label: KARTE.ansicht, value: ANSICHTEN.includes(start) ? start : "grenzen"}),
    "ansicht",
  );
}

/** chart(data, {width, ...}) of the chosen view; without boundaries, always the tiles. */
export function kreisKarte(geo, rows, {ansicht = "grenzen", ...options} = {}) {
  return geo && ansicht !== "kacheln" ? geoMap(geo, rows, options) : tileMap(rows, options);
}

/** What the view shows and where the boundaries come from: the attribution the licence asks for, next to the map. */
export function kartenQuelle(geo, ansicht = "grenzen") {
  if (!geo || ansicht === "kacheln") return html`<p class="pik-source">${KARTE.kachelHinweis}</p>`;
  return html`<p class="pik-source" data-geo-quelle>${KARTE.grenzenHinweis} ${
    geo.amtlich
      ? html`Kreisgrenzen: <a href=${KARTE.bkgUrl} rel="external noopener">${KARTE.bkgVermerk}</a>, ${KARTE.bkgLizenz}`
      : KARTE.eigeneGrenzen(geo.quelle)
  }</p>`;
}
