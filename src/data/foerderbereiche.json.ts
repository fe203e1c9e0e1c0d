// The list of Förderbereiche (key, name, short name, years, order, colour) from the warehouse.
import { foerderbereicheList } from "../../loaders/pages/foerderbereiche.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";

const out = await withWarehouse((conn) => foerderbereicheList(conn));
process.stderr.write(`foerderbereiche.json: ${out.length} Förderbereiche\n`);
process.stdout.write(JSON.stringify(out));
