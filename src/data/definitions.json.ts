// Labels, units and German definitions of every published column: the same
// definitions the SQL and the data dictionary use.
import { PUBLISHED_TABLES, publishedColumns } from "../../loaders/queries/published.ts";

const out = Object.fromEntries(
  PUBLISHED_TABLES.map((t) => [
    t.name,
    { title: t.title, rowsAre: t.rowsAre, notes: t.notes ?? null, columns: Object.fromEntries(publishedColumns(t).map((c) => [c.name, c])) },
  ]),
);
process.stdout.write(JSON.stringify(out));
