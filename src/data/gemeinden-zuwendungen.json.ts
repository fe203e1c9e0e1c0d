// The grants to Gemeinden (8-digit recipient AGS) with their staffing per
// Stichtag: the detail of /gemeinden, fetched only when a Gemeinde is opened.
import { gemeindenZuwendungen } from "../../loaders/pages/gemeinden.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";

const out = await withWarehouse((conn) => gemeindenZuwendungen(conn));
process.stderr.write(`gemeinden-zuwendungen: ${out.zuwendungen.length} Zuwendungen, ${out.stellen_zuwendung.length} Stellenmeldungen je Stichtag\n`);
process.stdout.write(JSON.stringify(out));
