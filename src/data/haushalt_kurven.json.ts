// Page /haushalt: cumulative payments per month, year and Förderbereich (and as a share of the appropriation).
import { withWarehouse } from "../../loaders/queries/site.ts";
import { zahlungenKurven } from "../../loaders/queries/pages/haushalt.ts";

const rows = await withWarehouse(zahlungenKurven);
process.stderr.write(`haushalt_kurven.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
