// Budget execution per year and Förderbereich (published table haushalt_jahr).
import { publishedTable, withWarehouse } from "../../loaders/queries/site.ts";

process.stdout.write(JSON.stringify(await withWarehouse((conn) => publishedTable(conn, "haushalt_jahr"))));
