import { existsSync } from "node:fs";
import { shownPath } from "../ops/names.ts";
import { readBuildInfo } from "../warehouse/open.ts";
import { withWriterLock } from "../warehouse/lock.ts";
import { restoreSidecar } from "../warehouse/sidecar.ts";

/**
 * The build info of the warehouse, restoring a missing or damaged sidecar from the
 * warehouse's `meta.build` first (under the writer lock, as it writes the sidecar).
 */
export async function currentBuildInfo(warehouse: string) {
  const before = readBuildInfo(warehouse);
  if (before || !existsSync(warehouse)) return before;
  const result = await withWriterLock(warehouse, () => restoreSidecar(warehouse));
  if (result === "restored") console.log(`Begleitdatei ${shownPath(warehouse + ".json")} aus dem Data Warehouse wiederhergestellt.`);
  return readBuildInfo(warehouse);
}
