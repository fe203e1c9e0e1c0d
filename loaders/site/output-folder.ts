/**
 * Safety check of the site's output folder (PIK_SITE_OUT, default dist/) before a build.
 *
 * Why: Observable Framework empties its output folder before writing. With any folder
 * accepted, `PIK_SITE_OUT=data npm run build` deleted every input file and `.` would
 * delete the project. A command must never delete what a user owns, so a folder is
 * accepted only when it is absent, empty, or holds a previous site (Framework's
 * `_observablehq/` folder), and it may neither hold nor lie inside the project, the input
 * folder or the warehouse.
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/** A refused output folder: the message is German and says what to do. */
export class SiteOutputError extends Error {}

/** Framework writes this folder into every site it builds: the mark of a previous build. */
export const SITE_MARKER = "_observablehq";

/** Resolves symlinks of the longest existing prefix, so a link cannot hide where a folder is. */
export function realish(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), abs.slice(parent.length + (parent.endsWith("/") ? 0 : 1)));
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

export interface SiteOutputContext {
  /** The input folder (PIK_DATA_DIR). */
  dataDir: string;
  /** The warehouse file (PIK_WAREHOUSE). */
  warehouse: string;
  /** The project folder; default the working directory. */
  project?: string;
}

/** Throws SiteOutputError when building into `out` could delete anything but an earlier site. */
export function checkSiteOutput(out: string, ctx: SiteOutputContext): void {
  const dir = realish(out);
  const shown = JSON.stringify(out);
  const refuse = (why: string) => {
    throw new SiteOutputError(
      `Ausgabeordner PIK_SITE_OUT=${shown} abgelehnt: ${why} Der Build leert diesen Ordner. ` +
        "Einen eigenen, leeren oder neuen Ordner angeben (Standard: dist).",
    );
  };
  const project = realish(ctx.project ?? process.cwd());
  if (within(project, dir)) refuse("er enthält das Projekt.");
  const data = realish(ctx.dataDir);
  if (within(data, dir) || within(dir, data)) refuse("er enthält den Eingabeordner oder liegt darin.");
  const warehouse = realish(ctx.warehouse);
  if (within(warehouse, dir)) refuse("er enthält das Data Warehouse.");
  if (!existsSync(dir)) return;
  if (!lstatSync(dir).isDirectory()) refuse("er ist kein Verzeichnis.");
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(SITE_MARKER))
    refuse(`er ist nicht leer und enthält keine frühere Website (kein Ordner ${SITE_MARKER}).`);
}
