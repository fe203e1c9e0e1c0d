// Every published table as CSV, XLSX and Parquet – the files `npm run export`
// writes – in one archive, plus `index.json` with rows, bytes and SHA-256 per
// file. The page /daten links each member (data/downloads/zuwendungen.csv …).
// With PIK_PREVIOUS_EXPORT (a folder of `npm run export`), `aenderungen.json`
// and `aenderungen.csv` list what changed since that release; without, they say so.
// The intern edition (PIK_EDITION) adds antraege and buchungen.
import JSZip from "jszip";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editionFromEnv } from "../../loaders/queries/edition.ts";
import { previousExportFromEnv, releaseChanges, writeDownloads } from "../../loaders/pages/daten.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const dir = await mkdtemp(join(tmpdir(), "pik-downloads-"));
try {
  const tables = await withWarehouse((conn) => writeDownloads(conn, dir, editionFromEnv()));
  const zip = new JSZip();
  // A fixed file date keeps the archive byte-identical for identical data.
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const t of tables)
    for (const f of t.dateien) zip.file(f.datei, await readFile(join(dir, f.datei)), { date, binary: true });
  const { release, stand } = siteMeta();
  zip.file("index.json", JSON.stringify({ release, stand, tabellen: tables }), { date });
  const changes = await releaseChanges(dir, previousExportFromEnv());
  zip.file("aenderungen.json", JSON.stringify({ release, stand, ...changes.summary }), { date });
  zip.file("aenderungen.csv", changes.csv, { date });
  if (changes.summary.vorherig)
    process.stderr.write(`Änderungen seit Release ${changes.summary.vorherig.release}: ${changes.summary.gesamt.aenderungen} Werte, ${changes.summary.gesamt.zeilen} Zeilen\n`);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  process.stdout.write(buffer);
  process.stderr.write(`downloads.zip: ${tables.length} Tabellen, ${tables.length * 3} Dateien, ${buffer.length} Bytes\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
