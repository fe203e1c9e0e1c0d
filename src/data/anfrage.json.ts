// Anfrage-Assistent: the inquiry basis per Kreis × year (amounts in cents), measures and footnotes.
import { anfrageDaten } from "../../loaders/pages/anfrage.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const meta = siteMeta();
const data = await withWarehouse((conn) => anfrageDaten(conn, { synthetisch: meta.synthetisch, stand: meta.stand, release: meta.release }));
console.error(`anfrage.json: ${data.kreise.length} Kreise, ${data.jahre.length} Jahre, ${data.basis.length} Zeilen`);
process.stdout.write(JSON.stringify(data));
