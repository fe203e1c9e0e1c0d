/**
 * An in-memory warehouse for query tests: the schemas and input tables as the
 * ingest creates them, a hand-written fixture (SQL INSERTs with expected values
 * worked out in the test), and the published tables built over it.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { BEFUNDE_DDL } from "../../loaders/base/finding.ts";
import { buildPublishedTables } from "../../loaders/tables/index.ts";
import { inputTableDdl } from "../../loaders/schema/ddl.ts";
import { INPUT_TABLES } from "../../loaders/schema/input-tables.ts";
import { REF_FOERDERBEREICHE_DDL, loadDefaultFoerderbereiche, writeFoerderbereiche } from "../../loaders/reference/foerderbereiche.ts";
import { REF_GEMEINDEN_DDL } from "../../loaders/reference/gemeinden.ts";
import { REF_KREISE_DDL } from "../../loaders/reference/kreise.ts";

export async function fixtureWarehouse(fixture: string): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const s of ["eingang", "ref", "meta"]) await conn.run(`CREATE SCHEMA ${s}`);
  for (const t of INPUT_TABLES) await conn.run(inputTableDdl(t));
  await conn.run(REF_KREISE_DDL);
  // Empty: a fixture inserts the Gemeinden it names (official names in mittel_gemeinde_jahr).
  await conn.run(REF_GEMEINDEN_DDL);
  // The shipped list of Förderbereiche, as the ingest writes it without an input table.
  await conn.run(REF_FOERDERBEREICHE_DDL);
  await writeFoerderbereiche(conn, loadDefaultFoerderbereiche(), "Standardliste");
  await conn.run(BEFUNDE_DDL);
  await conn.run(fixture);
  await buildPublishedTables(conn);
  return { instance, conn };
}
