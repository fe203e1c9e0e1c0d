/** Exact integer rounding helpers of `loaders/queries/sql.ts`. */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decimalRatio, fromUnits, roundDiv, toUnits } from "../../loaders/tables/sql.ts";

let instance: DuckDBInstance;
let conn: DuckDBConnection;
const one = async (expr: string) => {
  const r = (await conn.runAndReadAll(`SELECT ${expr} AS v, typeof(${expr}) AS t`)).getRowObjectsJson()[0];
  return { v: r?.["v"], t: r?.["t"] };
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

describe("roundDiv", () => {
  const h = (n: number) => `CAST(${n} AS HUGEINT)`;
  it.each([
    [5, 2, "3"], // 2.5 → 3
    [-5, 2, "-3"], // −2.5 → −3 (away from zero)
    [5, -2, "-3"],
    [7, 2, "4"], // 3.5 → 4
    [1, 3, "0"],
    [2, 3, "1"],
    [-2, 3, "-1"],
    [0, 7, "0"],
  ])("%i / %i → %s", async (n, d, want) => {
    expect((await one(roundDiv(h(n), h(d)))).v).toBe(want);
  });
  it("is NULL for a zero or NULL divisor", async () => {
    expect((await one(roundDiv(h(1), h(0)))).v).toBeNull();
    expect((await one(roundDiv(h(1), "CAST(NULL AS HUGEINT)"))).v).toBeNull();
  });
});

describe("toUnits / fromUnits", () => {
  it("convert exactly", async () => {
    expect((await one(toUnits("CAST(1000.01 AS DECIMAL(18,2))", 2))).v).toBe("100001");
    expect((await one(toUnits("CAST(-0.05 AS DECIMAL(18,2))", 2))).v).toBe("-5");
    expect(await one(fromUnits("CAST(-100001 AS HUGEINT)", 2))).toEqual({ v: "-1000.01", t: "DECIMAL(38,2)" });
    expect(await one(fromUnits("CAST(8571429 AS HUGEINT)", 4))).toEqual({ v: "857.1429", t: "DECIMAL(38,4)" });
  });
});

describe("decimalRatio", () => {
  it("divides decimals exactly and rounds half away from zero", async () => {
    const eur = (x: string) => `CAST(${x} AS DECIMAL(18,2))`;
    // 1 / 3 = 0.3333…; 2 / 3 = 0.6666… → 0.6667; 0.01 / 200 = 0.00005 → 0.0001; −0.01 / 200 → −0.0001
    expect((await one(decimalRatio(eur("1.00"), 2, eur("3.00"), 2, 4))).v).toBe("0.3333");
    expect((await one(decimalRatio(eur("2.00"), 2, eur("3.00"), 2, 4))).v).toBe("0.6667");
    expect((await one(decimalRatio(eur("0.01"), 2, eur("200.00"), 2, 4))).v).toBe("0.0001");
    expect((await one(decimalRatio(eur("-0.01"), 2, eur("200.00"), 2, 4))).v).toBe("-0.0001");
    // Integer over VZÄ: 1500 / 1.75 = 857.142857… → 857.1429
    expect((await one(decimalRatio("1500", 0, "CAST(1.75 AS DECIMAL(18,4))", 4, 4))).v).toBe("857.1429");
    expect((await one(decimalRatio(eur("1.00"), 2, eur("0.00"), 2, 4))).v).toBeNull();
    expect((await one(decimalRatio(eur("1.00"), 2, "CAST(NULL AS DECIMAL(18,2))", 2, 4))).v).toBeNull();
  });
});
