// Labels, units and German definitions of every published column: the same
// definitions the SQL and the data dictionary use.
// The intern edition (PIK_EDITION) adds the definitions of its extra downloads.
import { editionFromEnv } from "../../loaders/queries/edition.ts";
import { internalTables } from "../../loaders/queries/intern.ts";
import { PUBLISHED_TABLES, publishedColumns } from "../../loaders/tables/index.ts";

const tables = [...PUBLISHED_TABLES, ...internalTables(editionFromEnv())];
const out = Object.fromEntries(
  tables.map((t) => [
    t.name,
    { title: t.title, rowsAre: t.rowsAre, notes: t.notes ?? null, columns: Object.fromEntries(publishedColumns(t).map((c) => [c.name, c])) },
  ]),
);
process.stdout.write(JSON.stringify(out));
