// Page /integrationsmanagement: filled positions by employer and qualification, Land and Kreise, per stichtag.
import { withWarehouse } from "../../loaders/queries/site.ts";
import { stellenMix } from "../../loaders/queries/pages/abdeckung.ts";

const rows = await withWarehouse(stellenMix);
process.stderr.write(`abdeckung_mix.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
