// Anfrage-Assistent, level Gemeinden: all Gemeinden with Kreis and population, mittel_gemeinde_jahr in cents, footnotes.
import { anfrageGemeindenDaten } from "../../loaders/pages/anfrage.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const meta = siteMeta();
const data = await withWarehouse((conn) => anfrageGemeindenDaten(conn, { synthetisch: meta.synthetisch, stand: meta.stand, release: meta.release }));
console.error(`anfrage-gemeinden.json: ${data.gemeinden.length} Gemeinden, ${data.mittel.length} Zeilen`);
process.stdout.write(JSON.stringify(data));
