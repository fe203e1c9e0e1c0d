// Page /haushalt: budget execution per year and Förderbereich, plus all Förderbereiche together.
import { withWarehouse } from "../../loaders/queries/site.ts";
import { haushaltBereiche } from "../../loaders/queries/pages/haushalt.ts";

const rows = await withWarehouse(haushaltBereiche);
process.stderr.write(`haushalt_bereiche.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
