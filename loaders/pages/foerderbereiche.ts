/**
 * The list of Förderbereiche for the pages (filters, legends, colours), read from
 * the warehouse (`ref.foerderbereiche`), so a measure added through the input
 * table appears on every page without a code change.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FoerderbereichRef } from "../reference/foerderbereiche.ts";
import { rows } from "../queries/site.ts";

export async function foerderbereicheList(conn: DuckDBConnection): Promise<FoerderbereichRef[]> {
  return (await rows(
    conn,
    `SELECT foerderbereich, name, kurzname, ab_jahr, bis_jahr, reihenfolge, farbe FROM ref.foerderbereiche ORDER BY reihenfolge`,
  )) as unknown as FoerderbereichRef[];
}
