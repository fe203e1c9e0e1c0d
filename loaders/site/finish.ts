/**
 * Fixes in the built HTML that Framework's options do not reach: the document
 * language (`<html lang="de">`, for screen readers and hyphenation) and a
 * viewport that allows zooming (WCAG 1.4.4; Framework sets maximum-scale=1).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { internalDownloadPaths, type Edition } from "../queries/edition.ts";

export function fixHtml(html: string): string {
  return html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/i, '<html lang="de"$1>')
    .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(\.0)?/i, "$1");
}

export function finishSite(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += finishSite(path);
    else if (name.endsWith(".html")) {
      const before = readFileSync(path, "utf8");
      const after = fixHtml(before);
      if (after !== before) writeFileSync(path, after);
      n++;
    }
  }
  return n;
}

/**
 * Framework clears its output folder only when it lies inside the working
 * directory; elsewhere files of an earlier intern build would stay next to a
 * public build. The intern downloads sit at fixed paths: in the public edition
 * they are removed. Returns the removed paths.
 */
export function removeInternalArtifacts(dir: string, edition: Edition): string[] {
  if (edition !== "oeffentlich") return [];
  const removed: string[] = [];
  for (const p of internalDownloadPaths("intern")) {
    const path = join(dir, p);
    if (existsSync(path)) {
      rmSync(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}
