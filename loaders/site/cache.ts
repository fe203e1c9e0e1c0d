/**
 * Framework reuses a data loader's cached output as long as the loader file is
 * unchanged, so new exports in `data/` would not reach the pages. Before every
 * preview or build, the cache is dropped when the warehouse's release differs
 * from the one the cache was made from: a page never shows stale figures.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SITE_CACHE = "src/.observablehq/cache";

export function invalidateSiteCache(releaseId: string, cacheDir = SITE_CACHE): "kept" | "cleared" {
  const marker = join(cacheDir, ".release");
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === releaseId) return "kept";
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, releaseId + "\n");
  return "cleared";
}
