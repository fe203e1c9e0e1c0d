/** `npm run validate -- DIR`: checks an input folder in memory and prints the findings; writes nothing. */
import { DuckDBInstance } from "@duckdb/node-api";
import { buildPublishedTables } from "../tables/index.ts";
import { warnOnAppropriations } from "../validate/cross-table.ts";
import { createWarehouseSchema, finishValidation, usableTables, validateInput, type ValidationResult } from "../validate/index.ts";
import { formatReport } from "./report.ts";
import { requireDir, type CommandArgs } from "./usage.ts";

/** Validation only, in memory: nothing is written. */
export async function validateFolder(dir: string): Promise<ValidationResult> {
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: "3GB" });
  try {
    const conn = await instance.connect();
    await createWarehouseSchema(conn);
    const staging = await validateInput(conn, dir);
    await buildPublishedTables(conn);
    await warnOnAppropriations(conn, usableTables(staging));
    return await finishValidation(staging);
  } finally {
    instance.closeSync();
  }
}

export async function validateCommand({ values, positionals }: CommandArgs): Promise<number> {
  const dir = requireDir(positionals[0] ?? values.data ?? process.env.PIK_DATA_DIR, "Eingabeverzeichnis");
  const result = await validateFolder(dir);
  console.log(formatReport(result, values.alle ? Infinity : 50));
  return result.errors === 0 ? 0 : 1;
}
