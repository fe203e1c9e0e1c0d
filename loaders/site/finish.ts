/**
 * Fixes in the built HTML that Framework's options do not reach: the document
 * language (`<html lang="de">`, for screen readers and hyphenation) and a
 * viewport that allows zooming (WCAG 1.4.4; Framework sets maximum-scale=1).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
