// Page /integrationsmanagement: every Kreis at every stichtag (abdeckung_kreis + names, share filled).
import { withWarehouse } from "../../loaders/queries/site.ts";
import { abdeckungKreise } from "../../loaders/queries/pages/abdeckung.ts";

const rows = await withWarehouse(abdeckungKreise);
process.stderr.write(`abdeckung_kreise.json.ts: ${rows.length} Zeilen\n`);
process.stdout.write(JSON.stringify(rows));
