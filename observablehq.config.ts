// Observable Framework configuration: a static, German site that loads nothing
// from third parties (no web fonts, no CDN, no telemetry).
import { readFileSync } from "node:fs";
import { TILES } from "./src/components/tiles.js";
import { SITE } from "./src/components/strings.js";
import { GEMEINDEN } from "./src/components/strings-gemeinden.js";
import { footerHtml, readSidecar } from "./loaders/site/release.ts";
import { followWarehouse } from "./loaders/site/cache.ts";
import { siteStaging } from "./loaders/site/staging.ts";
import { killWhenWritten } from "./loaders/ops/kill-point.ts";
import { editionBanner, editionFromEnv, internalDownloadPaths } from "./loaders/queries/edition.ts";

// Test hook (issue 12, item 4): PIK_TEST_KILL_AT=site-output kills the build once Framework has written output.
killWhenWritten("site-output", siteStaging());

// PIK_EDITION (oeffentlich | intern): read once; an unknown value stops the build here too.
const EDITION = editionFromEnv();

// Accessibility repairs (skip link, roles for Plot's labelled SVG, the sidebar label, keyboard-scrollable
// boxes): a readable script of its own, src/components/a11y-repairs.js, inlined into the head of every
// page as a classic <script> (no request, works offline). Its comment lines are dropped here; the
// skip link's style is in style.css (.pik-skip).
const A11Y_REPAIRS =
  "<script>" +
  readFileSync(new URL("./src/components/a11y-repairs.js", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n")
    .trim() +
  "</script>";

export default {
  title: "PIK-Monitor",
  root: "src",
  // Tests build into their own folder (PIK_SITE_OUT) so a build never races another. Framework writes into
  // a staging folder next to it (.dist.im-bau); finish-site swaps the complete site in (loaders/site/staging.ts).
  output: siteStaging(),
  lang: "de",
  // The default stylesheet pulls Google Fonts: a privacy problem for a public authority.
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">' + (EDITION === "intern" ? '<meta name="robots" content="noindex, nofollow">' : "") + A11Y_REPAIRS,
  // „Interne Ausgabe – nicht zur Veröffentlichung“ on every page of the intern build; nothing in the public one.
  // Then the synthetic-data notice, in the page's HTML (known at build time from the warehouse sidecar): inserted
  // by a cell after load it pushed the whole page down (layout shift, CLS 0.5–0.6).
  header: ({ path }: { path: string }) => editionBanner(EDITION) + syntheticNoticeHtml(path),
  // „Datenstand … · Release …“ read from the warehouse sidecar each time a page is rendered (npm run build ingests first).
  // The page data follows the release it names: a preview drops loader outputs of an older release, a build stops.
  footer: () => {
    const info = readSidecar();
    followWarehouse(info?.releaseId ?? null, process.argv.includes("build") ? "build" : "preview");
    return footerHtml(info, EDITION);
  },
  pages: [
    { name: "Übersicht", path: "/" },
    { name: "Mittel je Kreis", path: "/mittel" },
    { name: "Mittel je Gemeinde", path: "/gemeinden" },
    { name: "Abdeckung", path: "/integrationsmanagement" },
    { name: "Haushaltsvollzug", path: "/haushalt" },
    { name: "Anfrage-Assistent", path: "/anfrage" },
    { name: "Prüfbericht", path: "/pruefbericht" },
    { name: "Barrierefreiheit", path: "/barrierefreiheit" },
    { name: "Daten & Downloads", path: "/daten" },
    { name: "Methodik & Quellen", path: "/methodik" },
  ],
  // One profile page per Kreis, all 44 built; in the intern edition also its extra downloads (copied as files).
  dynamicPaths: [...TILES.map((t) => `/kreise/${t.ags}`), ...internalDownloadPaths(EDITION)],
  pager: false,
  search: false,
  sidebar: true,
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The notice every page shows while the sample data is in use (the sidecar's `synthetic`, the pages' meta.synthetisch). */
function syntheticNoticeHtml(path: string): string {
  if (!readSidecar()?.synthetic) return "";
  const detail = path === "/gemeinden" ? `<p class="pik-synthetic-detail">${escapeHtml(GEMEINDEN.echteGemeinden)}</p>` : "";
  return `<div class="pik-synthetic" role="note"><p><strong>${escapeHtml(SITE.synthetischTitel)}.</strong> ${escapeHtml(SITE.synthetischText)}</p>${detail}</div>`;
}
