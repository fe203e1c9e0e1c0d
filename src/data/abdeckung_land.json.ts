// Page /integrationsmanagement: the Land per stichtag (sums and ratios of abdeckung_kreis).
import { withWarehouse } from "../../loaders/queries/site.ts";
import { abdeckungLand } from "../../loaders/queries/pages/abdeckung.ts";

const rows = await withWarehouse(abdeckungLand);
process.stderr.write(`abdeckung_land.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
