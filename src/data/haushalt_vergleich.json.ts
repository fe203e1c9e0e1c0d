// Page /haushalt: the latest year's cumulative payments against the same month of earlier years.
import { withWarehouse } from "../../loaders/queries/site.ts";
import { zahlungenVergleich } from "../../loaders/queries/pages/haushalt.ts";

const rows = await withWarehouse(zahlungenVergleich);
process.stderr.write(`haushalt_vergleich.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
