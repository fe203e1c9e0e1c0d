/**
 * Framework's cache, managed before every preview or build.
 *
 * 1. Framework reuses a data loader's cached output as long as the loader file is
 *    unchanged, so new exports in `data/` would not reach the pages. The cache is
 *    dropped when the warehouse's release differs from the one it was made from:
 *    a page never shows stale figures. The edition (PIK_EDITION) is part of that
 *    key: loader outputs differ by edition, so switching it must never let a cached
 *    artifact of the other edition into the build.
 * 2. Framework's client refers to its optional libraries (`npm:react-dom`, …) and
 *    resolves their versions at build time against registry.npmjs.org, even when
 *    no page uses them: without a network the build fails. It first looks for
 *    `<cache>/_npm/NAME@VERSION` folders, so these are created here, pinned. No
 *    page imports any of them (pages import from node_modules), so nothing is
 *    downloaded; the pins only answer the version question offline.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

/** `cacheKey`: the release id, or `siteCacheKey(release, edition)` (loaders/queries/edition.ts). */
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
