// Observable Framework configuration: a static, German site that loads nothing
// from third parties (no web fonts, no CDN, no telemetry).
import { TILES } from "./src/components/tiles.js";

export default {
  title: "PIK-Monitor",
  root: "src",
  // Tests build into their own folder (PIK_SITE_OUT) so a build never races another.
  output: process.env.PIK_SITE_OUT ?? "dist",
  lang: "de",
  // The default stylesheet pulls Google Fonts: a privacy problem for a public authority.
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  footer: "PIK-Monitor · Pakt für Integration Baden-Württemberg",
  pages: [
    { name: "Übersicht", path: "/" },
    { name: "Mittel je Kreis", path: "/mittel" },
    { name: "Abdeckung", path: "/integrationsmanagement" },
    { name: "Haushaltsvollzug", path: "/haushalt" },
  ],
  // One profile page per Kreis, all 44 built.
  dynamicPaths: TILES.map((t) => `/kreise/${t.ags}`),
  pager: false,
  search: false,
  sidebar: true,
};
