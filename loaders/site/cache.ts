/**
 * Framework's cache, managed before every preview or build.
 *
 * 1. Framework reuses a data loader's cached output as long as the loader file is
 *    unchanged, so new exports in `data/` would not reach the pages. The cache is
 *    dropped when the warehouse's release differs from the one it was made from:
 *    a page never shows stale figures. The cache key also covers the code the
 *    loaders run (loaders/, src/components/export-rules.js and tabular.js): a changed query or definition
 *    is a different output for the same data, and so is the edition
 *    (PIK_EDITION): a cached artifact of the other edition never enters a build.
 *    A running preview follows the warehouse too (`followWarehouse`): an ingest in
 *    another terminal changes the release the footer names, so the loader outputs
 *    of the old release are dropped at the next page view and the figures follow.
 * 2. Framework's client refers to its optional libraries (`npm:react-dom`, …) and
 *    resolves their versions at build time against registry.npmjs.org, even when
 *    no page uses them: without a network the build fails. It first looks for
 *    `<cache>/_npm/NAME@VERSION` folders, so these are created here, pinned. No
 *    page imports any of them (pages import from node_modules), so nothing is
 *    downloaded; the pins only answer the version question offline.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const SITE_CACHE = "src/.observablehq/cache";

/** Versions current on 2026-11-21; updating them changes nothing a page loads. */
export const FRAMEWORK_LIBRARY_PINS: Record<string, string> = {
  "@observablehq/inputs": "0.12.0",
  "@observablehq/plot": "0.6.17",
  "@observablehq/sample-datasets": "1.0.1",
  "@uwdata/vgplot": "0.32.0",
  "@viz-js/viz": "3.31.0",
  "apache-arrow": "21.2.0",
  arquero: "8.0.3",
  d3: "7.9.2",
  "d3-dsv": "3.0.2",
  echarts: "6.1.0",
  exceljs: "4.4.0",
  htl: "0.3.1",
  jszip: "3.10.2",
  katex: "0.19.1",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  mermaid: "12.3.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "sql.js": "1.16.0",
  "topojson-client": "3.1.0",
  vega: "6.4.0",
  "vega-lite": "6.5.0",
  "vega-lite-api": "6.0.0",
};

export function seedLibraryVersions(cacheDir = SITE_CACHE): void {
  for (const [name, version] of Object.entries(FRAMEWORK_LIBRARY_PINS))
    mkdirSync(join(cacheDir, "_npm", `${name}@${version}`), { recursive: true });
}

/** Code the data loaders in src/data run: queries, exports, definitions, and the one page module they share. */
export const LOADER_CODE = ["loaders", "reference", "src/components/export-rules.js", "src/components/tabular.js"];

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? codeFiles(path) : /\.(ts|js|json|geojson|csv)$/.test(name) ? [path] : [];
    });
}

/**
 * The key of the loader outputs in Framework's cache: the warehouse release (data
 * and warehouse code), a hash of all code the loaders run, and the build settings
 * that change loader output (e.g. the previous release compared on /daten).
 * Framework itself only notices changes of the loader file.
 */
export function siteCacheKey(releaseId: string, settings: Record<string, string> = {}, root = ".", dirs = LOADER_CODE): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(Object.entries(settings).sort()));
  for (const dir of dirs) {
    for (const file of codeFiles(join(root, dir))) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return `${releaseId}+code.${hash.digest("hex").slice(0, 16)}`;
}

export function invalidateSiteCache(cacheKey: string, cacheDir = SITE_CACHE): "kept" | "cleared" {
  const marker = join(cacheDir, ".release");
  let result: "kept" | "cleared" = "kept";
  if (!existsSync(marker) || readFileSync(marker, "utf8").trim() !== cacheKey) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(marker, cacheKey + "\n");
    result = "cleared";
  }
  seedLibraryVersions(cacheDir);
  return result;
}

/** The release the cached loader outputs were made from (the key's first part), or null. */
export function cachedRelease(cacheDir = SITE_CACHE): string | null {
  const marker = join(cacheDir, ".release");
  if (!existsSync(marker)) return null;
  const key = readFileSync(marker, "utf8").trim();
  return key.includes("+") ? key.slice(0, key.indexOf("+")) : key || null;
}

/** The warehouse holds another release than the site is being built from (an ingest ran during the build). */
export class SiteReleaseChangedError extends Error {}

/**
 * Keeps the loader outputs with the warehouse the footer names; called at each page render.
 *
 * Preview: when the warehouse's release differs from the cache's, the cached outputs
 * are dropped (Framework re-runs the loaders for the files the page then requests),
 * and the marker gets the new release with an unknown code part, so the next
 * `prepare-site` sets the full key. Build: the files were copied from the cache
 * before the pages render, so a mismatch cannot be repaired – the build stops
 * (its staging folder is discarded; the previous site stays).
 * Returns "kept", "cleared", or throws SiteReleaseChangedError in a build.
 */
export function followWarehouse(releaseId: string | null, mode: "preview" | "build", cacheDir = SITE_CACHE): "kept" | "cleared" {
  const cached = cachedRelease(cacheDir);
  if (!releaseId || cached === releaseId) return "kept";
  if (mode === "build") {
    if (cached === null) return "kept";
    throw new SiteReleaseChangedError(
      `Das Data Warehouse wurde während des Builds geändert (Release ${releaseId} statt ${cached}). ` +
        "„npm run build“ erneut starten; die bisherige Website bleibt unverändert.",
    );
  }
  return invalidateSiteCache(`${releaseId}+code.unbekannt`, cacheDir);
}
