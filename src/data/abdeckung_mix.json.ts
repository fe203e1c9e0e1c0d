// Page /integrationsmanagement: filled positions by employer and qualification, Land and Kreise, per stichtag;
// groups of fewer than 3 persons and their complements suppressed (loaders/queries/suppression.ts).
import { withWarehouse } from "../../loaders/queries/site.ts";
import { packMix, stellenMixVeroeffentlicht } from "../../loaders/queries/pages/abdeckung.ts";
import { MIN_PERSONEN } from "../../loaders/queries/suppression.ts";

const rows = await withWarehouse(stellenMixVeroeffentlicht);
process.stderr.write(`abdeckung_mix.json.ts: ${rows.length} Zeilen\n`);
// The threshold travels with the cells, so the page's footnote states the rule that was applied.
process.stdout.write(JSON.stringify({ min_personen: MIN_PERSONEN, tabellen: packMix(rows) }));
