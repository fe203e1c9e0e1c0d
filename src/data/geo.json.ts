// Kreis boundaries for every map of the site: a user's data/geo/*.geojson (or
// *.json) whose features carry a 5-digit Kreis AGS, else the shipped BKG VG5000
// boundaries (reference/geo/); null only when neither is there (tile map).
import { kreisGeo } from "../../loaders/pages/geo.ts";
import { dataDirFromEnv } from "../../loaders/warehouse/build.ts";

const { geo, skipped, files } = kreisGeo(dataDirFromEnv());
process.stderr.write(
  geo
    ? `geo: ${geo.features.length} Kreise aus ${geo.quelle}${skipped ? `, ${skipped} Flächen ohne AGS ausgelassen` : ""}\n`
    : `geo: keine Kreisgrenzen (${files.length ? files.join(", ") + " ohne AGS" : "data/geo/ fehlt, mitgelieferte Grenzen fehlen"}) – Kachelkarte\n`,
);
process.stdout.write(JSON.stringify(geo));
