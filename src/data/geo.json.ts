// Optional Kreis boundaries for the map of „Mittel je Kreis“: the first
// data/geo/*.geojson (or *.json) whose features carry a 5-digit Kreis AGS
// (property AGS, ags, kreis_ags or RS); null when there is none (tile map).
import { kreisGeo } from "../../loaders/queries/pages/mittel.ts";
import { dataDirFromEnv } from "../../loaders/warehouse/build.ts";

const { geo, skipped, files } = kreisGeo(dataDirFromEnv());
process.stderr.write(
  geo
    ? `geo: ${geo.features.length} Kreise aus ${geo.quelle}${skipped ? `, ${skipped} Flächen ohne AGS ausgelassen` : ""}\n`
    : `geo: keine Kreisgrenzen (${files.length ? files.join(", ") + " ohne AGS" : "data/geo/ fehlt oder ist leer"}) – Kachelkarte\n`,
);
process.stdout.write(JSON.stringify(geo));
