/**
 * The zod schema is the definition, SQL is where it runs: for random values
 * around every bound, the generated SQL accepts a value exactly when the zod
 * schema accepts it. The oracle parses German notation independently in JS.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { INPUT_TABLES } from "../../loaders/schema/input-tables.ts";
import { columnSql } from "../../loaders/validate/sql-columns.ts";
import { sqlString } from "../../loaders/validate/sql-text.ts";

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => {
  const db = await DuckDBInstance.create(":memory:");
  conn = await db.connect();
  close = () => db.closeSync();
});
afterAll(() => close());

/** SQL verdict per raw value: true = no check failed. */
async function sqlAccepts(name: string, schema: z.ZodType, raws: string[]): Promise<boolean[]> {
  const c = columnSql(name, schema);
  const raw = `r`;
  const text = c.text ? c.text(raw) : raw;
  const parsed = c.parse("t");
  const checks = c.checks(raw, "t", "p");
  const values = raws.map((v, i) => `(${i}, ${sqlString(v)})`).join(", ");
  const sql = `SELECT i, ${checks.length ? checks.map((k) => `coalesce(${k.violation}, false)`).join(" OR ") : "false"} AS bad
    FROM (SELECT i, r, t, ${parsed} AS p FROM (SELECT i, r, ${text} AS t FROM (VALUES ${values}) v(i, r)))
    ORDER BY i`;
  return (await conn.runAndReadAll(sql)).getRows().map((row) => !row[1]);
}

/** Independent JS reading of a German or plain decimal (the contract's notations), or undefined. */
function jsNumber(s: string): number | undefined {
  const t = s.replace(/\s*(€|EUR)$/, "").trim();
  if (/^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$/.test(t)) return Number(t.replaceAll(".", "").replace(",", "."));
  if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(t)) return Number(t.replaceAll(".", ""));
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}
const places = (s: string) => {
  const t = s.replace(/\s*(€|EUR)$/, "").trim();
  const m = t.match(/[.,](\d+)$/);
  return m && !/^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(t) ? m[1]!.length : 0;
};

const numericColumns = INPUT_TABLES.flatMap((t) =>
  Object.entries(t.schema.shape)
    .filter(([, s]) => ["dec", "int"].includes(String((((s as z.ZodType).isOptional() ? (s as z.ZodOptional<z.ZodType>).unwrap() : s) as z.ZodType).meta()?.kind)))
    .map(([name, s]) => ({ table: t.name, name, schema: s as z.ZodType })),
);

describe("zod and SQL agree", () => {
  it.each(numericColumns.map((c) => [`${c.table}.${c.name}`, c] as const))("%s", async (_label, col) => {
    const inner = (col.schema.isOptional() ? (col.schema as z.ZodOptional<z.ZodType>).unwrap() : col.schema) as z.ZodType;
    const meta = inner.meta() as { kind: string; scale?: number };
    const scale = meta.kind === "int" ? 0 : (meta.scale ?? 2);
    const notation = fc.record({
      cents: fc.integer({ min: -300_000, max: 300_000_000 }),
      extraPlace: fc.boolean(),
      // € and EUR belong to amounts, not to counts.
      style: meta.kind === "int" ? fc.constantFrom("plain", "german-thousands") : fc.constantFrom("plain", "german", "german-thousands", "euro"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(notation, { minLength: 1, maxLength: 30 }), async (xs) => {
        const raws = xs.map(({ cents, extraPlace, style }) => {
          const digits = extraPlace ? scale + 1 : Math.min(scale, 2);
          const n = cents / 10 ** Math.max(digits, 0);
          let s = digits > 0 ? n.toFixed(digits) : String(Math.round(n));
          if (style === "german" || style === "euro") s = s.replace(".", ",");
          if (style === "german-thousands") {
            const [i, f] = s.split(".");
            s = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? `,${f}` : "");
          }
          return style === "euro" ? `${s} €` : s;
        });
        const verdicts = await sqlAccepts(col.name, col.schema, raws);
        raws.forEach((raw, i) => {
          const value = jsNumber(raw);
          const zodOk = value !== undefined && places(raw) <= scale && inner.safeParse(value).success;
          expect({ raw, accepted: verdicts[i] }).toEqual({ raw, accepted: zodOk });
        });
      }),
      { numRuns: 15, seed: 2017 },
    );
  });
});
