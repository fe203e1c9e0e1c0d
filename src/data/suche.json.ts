// The search index (Kreise, Gemeinden, recipients, Aktenzeichen), fetched by a page's search field on first use.
import { suchIndex } from "../../loaders/pages/suche.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";

const index = await withWarehouse((conn) => suchIndex(conn));
process.stderr.write(`suche.json: ${index.length} Einträge\n`);
process.stdout.write(JSON.stringify(index));
