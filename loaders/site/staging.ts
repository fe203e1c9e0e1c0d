/**
 * The site is built into a staging folder and swapped in when complete (issue 12, item 4).
 *
 * Why: Framework empties its output folder first, so a build that failed or was killed
 * left no site at all (at 33 s: 39 files, no HTML). Now Framework writes into
 * `.<name>.im-bau` next to the output folder (PIK_SITE_OUT, default dist); `finish-site`
 * post-processes it there and swaps it in with two renames:
 *
 *   dist → .dist.alt,  .dist.im-bau → dist,  then .dist.alt removed.
 *
 * A kill before the swap leaves the previous site untouched (the staging folder is
 * emptied by the next `prepare-site`); a kill between the two renames leaves the
 * previous site in `.dist.alt`, which the next `prepare-site` or `finish-site` puts back.
 * The folders sit next to the output folder (same file system: renames are atomic),
 * resolved through symlinks like the output folder's safety check.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { killPoint } from "../ops/kill-point.ts";
import { SITE_MARKER, SiteOutputError, realish } from "./output-folder.ts";

export const defaultSiteOut = () => process.env.PIK_SITE_OUT ?? "dist";

/** Where Framework writes: `.<name>.im-bau` next to the output folder. */
export function siteStaging(out = defaultSiteOut()): string {
  const dir = realish(out);
  return join(dirname(dir), `.${basename(dir)}.im-bau`);
}

/** Where the previous site waits during the swap: `.<name>.alt`. */
export function siteBackup(out = defaultSiteOut()): string {
  const dir = realish(out);
  return join(dirname(dir), `.${basename(dir)}.alt`);
}

/** Empty, or a (partial) site: safe to remove, as only a build writes such a folder. */
function isOurs(dir: string): boolean {
  const entries = readdirSync(dir);
  return entries.length === 0 || entries.includes(SITE_MARKER);
}

function refuseForeign(dir: string): void {
  if (existsSync(dir) && !isOurs(dir))
    throw new SiteOutputError(
      `Der Ordner „${dir}“ gehört nicht zum Build (er enthält keine Website), liegt aber dort, wo der Build ` +
        "seine Zwischenstände ablegt. Den Ordner umbenennen oder verschieben und den Build erneut starten.",
    );
}

/**
 * Puts back a previous site left in `.<name>.alt` by a kill during the swap, and
 * removes one left after a completed swap. Returns what was done.
 */
export function recoverSite(out = defaultSiteOut()): "none" | "restored" | "removed" {
  const dir = realish(out);
  const backup = siteBackup(out);
  if (!existsSync(backup)) return "none";
  refuseForeign(backup);
  if (!existsSync(dir)) {
    renameSync(backup, dir);
    return "restored";
  }
  rmSync(backup, { recursive: true, force: true });
  return "removed";
}

/** Before Framework runs: recover an interrupted swap, then an empty staging folder. */
export function prepareStaging(out = defaultSiteOut()): string {
  recoverSite(out);
  const staging = siteStaging(out);
  refuseForeign(staging);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

/** After Framework and the HTML fixes: the complete site replaces the previous one. */
export async function swapInSite(out = defaultSiteOut()): Promise<string> {
  const dir = realish(out);
  const staging = siteStaging(out);
  if (!existsSync(staging) || !readdirSync(staging).includes(SITE_MARKER))
    throw new SiteOutputError(`Keine fertige Website in „${staging}“: zuerst „npm run build“ vollständig ausführen.`);
  recoverSite(out);
  const backup = siteBackup(out);
  if (existsSync(dir)) {
    renameSync(dir, backup);
    await killPoint("site-swap");
  }
  renameSync(staging, dir);
  rmSync(backup, { recursive: true, force: true });
  return dir;
}
