// Page /haushalt, one loader for its three artifacts (each loader process costs
// about a second of build time: tsx start and opening the warehouse):
//   bereiche.json  budget execution per year and Förderbereich, plus all Förderbereiche together
//   kurven.json    cumulative payments per month, year and Förderbereich (and as a share of the appropriation)
//   vergleich.json the latest year's cumulative payments against the same month of earlier years
import JSZip from "jszip";
import { haushaltBereiche, zahlungenKurven, zahlungenVergleich } from "../../loaders/pages/haushalt.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";

const files = await withWarehouse(async (conn) => ({
  "bereiche.json": await haushaltBereiche(conn),
  "kurven.json": await zahlungenKurven(conn),
  "vergleich.json": await zahlungenVergleich(conn),
}));
const zip = new JSZip();
// A fixed file date keeps the archive byte-identical for identical data.
const date = new Date(Date.UTC(2000, 0, 1));
for (const [name, rows] of Object.entries(files)) {
  zip.file(name, JSON.stringify(rows), { date });
  process.stderr.write(`haushalt.zip/${name}: ${rows.length} Zeilen\n`);
}
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
