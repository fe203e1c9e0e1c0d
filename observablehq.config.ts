// Observable Framework configuration: a static, German site that loads nothing
// from third parties (no web fonts, no CDN, no telemetry).
import { TILES } from "./src/components/tiles.js";
import { footerHtml, readSidecar } from "./loaders/site/release.ts";
import { followWarehouse } from "./loaders/site/cache.ts";
import { siteStaging } from "./loaders/site/staging.ts";
import { killWhenWritten } from "./loaders/ops/kill-point.ts";
import { editionBanner, editionFromEnv, internalDownloadPaths } from "./loaders/queries/edition.ts";

// Test hook (issue 12, item 4): PIK_TEST_KILL_AT=site-output kills the build once Framework has written output.
killWhenWritten("site-output", siteStaging());

// PIK_EDITION (oeffentlich | intern): read once; an unknown value stops the build here too.
const EDITION = editionFromEnv();

// Repairs of markup that Framework, Plot and Inputs generate and axe (WCAG 4.1.2, 1.3.1, 2.1.1)
// rejects, applied to the live page as it renders: Plot puts aria-labels on <g> (its mark names,
// kept: tests select on them) and on shapes without a role (→ role group / img);
// Framework puts a <label> directly into the sidebar's <ol>; a scrolling box without
// focusable content cannot be scrolled with the keyboard unless it gets tabindex=0.
// The repairs run when the page is idle: measuring scroll boxes forces a layout, which
// must not hold back the repaint after a control change.
const A11Y_FIXES =
  "<script>(function(){var F='a[href],button,input,select,textarea,summary,[tabindex]',p=0;function fix(){p=0;" +
  "document.querySelectorAll('svg [aria-label]:not([role])').forEach(function(e){var t=e.tagName.toLowerCase();if(t==='svg'||t==='a')return;" +
  "e.setAttribute('role',t==='g'?'group':'img');});" +
  "var l=document.getElementById('observablehq-sidebar-close');if(l&&l.parentElement&&l.parentElement.tagName==='OL')l.parentElement.before(l);" +
  "document.querySelectorAll('#observablehq-main div:not([tabindex]),#observablehq-main form:not([tabindex])').forEach(function(e){" +
  "if(e.scrollHeight<=e.clientHeight+1&&e.scrollWidth<=e.clientWidth+1)return;var s=getComputedStyle(e);" +
  "if(!/auto|scroll/.test(s.overflowX+s.overflowY)||e.querySelector(F))return;e.setAttribute('tabindex','0');});}" +
  "function later(){if(!p)p=window.requestIdleCallback?requestIdleCallback(fix,{timeout:300}):setTimeout(fix,40);}document.addEventListener('DOMContentLoaded',function(){fix();" +
  "new MutationObserver(later).observe(document.body,{childList:true,subtree:true});addEventListener('resize',later);});})();</script>";

// Skip link (WCAG 2.4.1): the first Tab stop on every page, visible when focused; it moves
// focus to the content, past the sidebar. Framework has no option for it, so a tiny script adds it.
const SKIP_LINK =
  "<style>.pik-skip{position:absolute;left:.5rem;top:-5rem;z-index:1000;padding:.5rem 1rem;background:#fff;color:#1d4ed8;" +
  "border:2px solid #1d4ed8;font-weight:600}.pik-skip:focus{top:.5rem;outline:3px solid #1d4ed8;outline-offset:2px}" +
  "#observablehq-main:focus{outline:none}</style>" +
  '<script>document.addEventListener("DOMContentLoaded",function(){var a=document.createElement("a");a.className="pik-skip";' +
  'a.href="#observablehq-main";a.textContent="Zum Inhalt springen";a.addEventListener("click",function(e){' +
  'var m=document.getElementById("observablehq-main");if(!m)return;e.preventDefault();m.setAttribute("tabindex","-1");' +
  'm.focus();m.scrollIntoView();});document.body.prepend(a);});</script>' +
  A11Y_FIXES;

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
  head: '<link rel="icon" href="data:,">' + (EDITION === "intern" ? '<meta name="robots" content="noindex, nofollow">' : "") + SKIP_LINK,
  // „Interne Ausgabe – nicht zur Veröffentlichung“ on every page of the intern build; nothing in the public one.
  header: editionBanner(EDITION),
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
