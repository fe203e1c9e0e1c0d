// Prüfbericht: files, findings, cross-table warnings and the quality scorecard per Kreis.
import { pruefbericht } from "../../loaders/pages/pruefbericht.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const { stand } = siteMeta();
const data = await withWarehouse((conn) => pruefbericht(conn, { stand }));
console.error(`pruefbericht.json: ${data.dateien.length} Dateien, ${data.befunde.length} von ${data.befunde_gesamt} Befunden, ${data.kreise.length} Kreise`);
process.stdout.write(JSON.stringify(data));
