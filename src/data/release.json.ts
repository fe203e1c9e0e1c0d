// The release manifest: input files with SHA-256 and row counts, build time,
// software version, release id. Downloadable from /daten and shown there.
import { inputFileCounts } from "../../loaders/pages/daten.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";
import { buildReleaseManifest, readSidecar, softwareVersion } from "../../loaders/site/release.ts";

const info = readSidecar();
if (!info) throw new Error("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
const counts = await withWarehouse((conn) => inputFileCounts(conn));
const manifest = buildReleaseManifest(info, counts, softwareVersion());
process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
process.stderr.write(`release.json: Release ${manifest.release}, ${manifest.eingabedateien.length} Eingabedateien\n`);
