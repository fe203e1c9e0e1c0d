// Boundaries of the 1,101 Gemeinden (and 2 gemeindefreie Gebiete) for the map
// on /gemeinden only: the shipped BKG VG5000 file, coordinates rounded.
import { gemeindeGeo } from "../../loaders/pages/gemeinden.ts";

const geo = gemeindeGeo();
process.stderr.write(`gemeinden-geo: ${geo.features.length} Flächen aus ${geo.quelle}\n`);
process.stdout.write(JSON.stringify(geo));
