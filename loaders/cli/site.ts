/**
 * `prepare-site` and `finish-site`, the steps around Framework's build in
 * `npm run build` / `npm start`: key the loader cache to the release before,
 * post-process and swap the finished site in after.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { shownPath } from "../ops/names.ts";
import { previousExportFromEnv } from "../pages/daten.ts";
import { EDITION_NAMES, type Edition } from "../queries/edition.ts";
import { followWarehouse, invalidateSiteCache, siteCacheKey } from "../site/cache.ts";
import { finishSite, removeInternalArtifacts } from "../site/finish.ts";
import { checkSiteOutput, realish } from "../site/output-folder.ts";
import { softwareVersion } from "../site/release.ts";
import { defaultSiteOut, prepareStaging, recoverSite, siteStaging, swapInSite } from "../site/staging.ts";
import { dataDirFromEnv, readBuildInfo, warehouseFromEnv } from "../warehouse/open.ts";
import { currentBuildInfo } from "./build-info.ts";
import { UsageError } from "./usage.ts";

export async function prepareSiteCommand(edition: Edition): Promise<number> {
  // The build replaces its output folder: refuse any folder that holds more than an old site.
  checkSiteOutput(defaultSiteOut(), { dataDir: dataDirFromEnv(), warehouse: warehouseFromEnv() });
  const info = await currentBuildInfo(warehouseFromEnv());
  if (!info) throw new UsageError("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
  // The previous release compared on /daten is part of the loader output: its manifest's hash keys the cache.
  let previous: string | null;
  try {
    previous = previousExportFromEnv();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // The software version (package version, git commit) is printed in release.json and the footer.
  const { version, commit } = softwareVersion();
  const settings: Record<string, string> = { software: `${version}@${commit}`, ausgabe: edition };
  if (previous) settings["vorherig"] = createHash("sha256").update(readFileSync(join(previous, "export-manifest.json"))).digest("hex");
  const result = invalidateSiteCache(siteCacheKey(info.releaseId, settings));
  // Framework writes into a staging folder; the previous site stays until finish-site swaps the new one in.
  const recovered = recoverSite();
  if (recovered === "restored") console.log(`Vorherige Website nach abgebrochenem Austausch wiederhergestellt: ${shownPath(realish(defaultSiteOut()))}`);
  prepareStaging();
  const ausgabe = EDITION_NAMES[edition];
  console.log(
    result === "cleared"
      ? `Seiten-Cache geleert: Daten des Release ${info.releaseId} (${ausgabe}) werden neu geladen.`
      : `Seiten-Cache passt zu Release ${info.releaseId} (${ausgabe}).`,
  );
  return 0;
}

export async function finishSiteCommand(edition: Edition): Promise<number> {
  const out = defaultSiteOut();
  checkSiteOutput(out, { dataDir: dataDirFromEnv(), warehouse: warehouseFromEnv() });
  const staging = siteStaging(out);
  // The loaders ran between prepare-site and now: a warehouse changed meanwhile may have mixed two releases.
  followWarehouse(readBuildInfo(warehouseFromEnv())?.releaseId ?? null, "build");
  const pages = finishSite(staging);
  // The staging folder starts empty; kept as a guard should an intern build's files ever reach it.
  for (const f of removeInternalArtifacts(staging, edition)) console.log(`Entfernt (nur interne Ausgabe): ${f}`);
  const dir = await swapInSite(out);
  console.log(`${pages} HTML-Seiten nachbearbeitet (lang="de", Zoom erlaubt); Website vollständig nach ${shownPath(dir)} übernommen.`);
  return 0;
}
