/**
 * The metric registry (loaders/queries/metrics.ts) and its browser evaluator
 * (src/components/metrics.js): hand-worked values for the rules that pages used
 * to disagree on, and a property test that for every metric and random groups
 * of Kreise, DuckDB and the browser code give the same value to the last digit.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsOf, groupSums, groupValue, INPUT_SCALE, metric, metricTexts, METRICS, value, type Input, type MetricKey } from "../../loaders/queries/metrics.ts";
// @ts-expect-error plain browser module without types
import * as browser from "../../src/components/metrics.js";

let db: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  conn = await db.connect();
});
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
});

type Member = Partial<Record<Input, string | null>>;
const INPUTS = Object.keys(INPUT_SCALE) as Input[];
const sqlType = (i: Input) => (INPUT_SCALE[i] === 0 ? "BIGINT" : `DECIMAL(18,${INPUT_SCALE[i]})`);

/** A group's value of a metric, computed by DuckDB from member rows written as decimal text. */
async function sqlGroup(key: MetricKey, members: Member[]): Promise<string | null> {
  const rows = members.map((m) => `(${INPUTS.map((i) => (m[i] == null ? `CAST(NULL AS ${sqlType(i)})` : `CAST('${m[i]}' AS ${sqlType(i)})`)).join(", ")})`);
  const sql = `WITH b(${INPUTS.join(", ")}) AS (VALUES ${rows.join(", ")}),
g AS (SELECT ${groupSums([key], columnsOf("b"))} FROM b)
SELECT CAST(${groupValue(key, "g")} AS VARCHAR) AS v FROM g`;
  const v = (await conn.runAndReadAll(sql)).getRowObjectsJS()[0]!["v"];
  return v === null ? null : String(v);
}

/** The same in the browser's way: integer units, the metric's text from the registry. */
function browserGroup(key: MetricKey, members: Member[]): number | null {
  const text = metricTexts().find((t) => t.key === key)!;
  const units = members.map((m) =>
    Object.fromEntries(INPUTS.map((i) => [i, m[i] == null ? null : Math.round(Number(m[i]) * 10 ** INPUT_SCALE[i])])),
  );
  return browser.metricValue(text, browser.groupSums(text, units));
}

describe("hand-worked values", () => {
  it("Besetzungsquote of several Kreise: only Kreise with a staffing report count, in numerator and denominator", async () => {
    // 2.0 granted / 1.75 filled; 1.5 / 0 (reported, all vacant); 1.0 granted without report (filled unknown).
    // (1.75 + 0) / (2.0 + 1.5) = 0.5; counting the third Kreis's 1.0 would give 1.75 / 4.5 = 0.3889.
    const members: Member[] = [
      { vzae_bewilligt: "2.0", vzae_besetzt: "1.75" },
      { vzae_bewilligt: "1.5", vzae_besetzt: "0" },
      { vzae_bewilligt: "1.0", vzae_besetzt: null },
    ];
    expect(await sqlGroup("anteil_besetzt", members)).toBe("0.5000");
    expect(browserGroup("anteil_besetzt", members)).toBe(0.5);
    // VZÄ bewilligt is a plain sum over every Kreise.
    expect(await sqlGroup("vzae_bewilligt", members)).toBe("4.5000");
  });

  it("€ per 1.000 inhabitants: exact, half away from zero, ratio of sums", async () => {
    // 113.013,70 € × 1.000 / 150.000 = 753,42466… → 753,42; 0,05 € × 1.000 / 40 = 1,25 exactly; 0,01 × 1.000 / 8 = 1,25.
    expect(await sqlGroup("bewilligt_je_1000_ew", [{ bewilligt_eur: "113013.70", einwohner: "150000" }])).toBe("753.42");
    // 0,01 € × 1.000 / 400 = 0,025 → 0,03 (half away from zero); −0,025 → −0,03.
    expect(await sqlGroup("bewilligt_je_1000_ew", [{ bewilligt_eur: "0.01", einwohner: "400" }])).toBe("0.03");
    expect(browserGroup("bewilligt_je_1000_ew", [{ bewilligt_eur: "0.01", einwohner: "400" }])).toBe(0.03);
    expect(await sqlGroup("rueckforderung_je_1000_ew", [{ rueckforderung_eur: "-0.01", einwohner: "400" }])).toBe("-0.03");
    expect(browserGroup("rueckforderung_je_1000_ew", [{ rueckforderung_eur: "-0.01", einwohner: "400" }])).toBe(-0.03);
    // Two Kreise: (100 + 300) × 1.000 / (1.000 + 3.000) = 100,00 – not the mean of 100 and 100.
    const two = [
      { bewilligt_eur: "100.00", einwohner: "1000" },
      { bewilligt_eur: "300.00", einwohner: "3000" },
    ];
    expect(await sqlGroup("bewilligt_je_1000_ew", two)).toBe("100.00");
  });

  it("refugees per filled VZÄ: a Kreis without a count or a report stays out; one with all positions vacant counts", async () => {
    // (800 + 300) / (1.75 + 0) = 628.571428… → 628.5714: the second Kreis reported only vacant positions, its
    // 300 refugees have no filled VZÄ and count; the third has no count, the fourth no report (both out).
    const members: Member[] = [
      { gefluechtete_au: "800", vzae_besetzt: "1.75" },
      { gefluechtete_au: "300", vzae_besetzt: "0" },
      { gefluechtete_au: null, vzae_besetzt: "2" },
      { gefluechtete_au: "500", vzae_besetzt: null },
    ];
    expect(await sqlGroup("gefluechtete_je_vzae", members)).toBe("628.5714");
    expect(browserGroup("gefluechtete_je_vzae", members)).toBe(628.5714);
    // A Kreis alone with no filled VZÄ has no value.
    expect(await sqlGroup("gefluechtete_je_vzae", [members[1]!])).toBe(null);
    expect(browserGroup("gefluechtete_je_vzae", [members[1]!])).toBe(null);
  });

  it("ranks: equal values share a rank, the next rank skips (as SQL rank())", () => {
    const r = browser.ranksDescending([{ k: "a", v: 5 }, { k: "b", v: 3 }, { k: "c", v: 5 }, { k: "d", v: 1 }, { k: "e", v: null }], (d: { v: number | null }) => d.v, (d: { k: string }) => d.k);
    expect(Object.fromEntries(r)).toEqual({ a: 1, c: 1, b: 3, d: 4 });
  });

  it("the browser's rounding of integer division is exact where floating point is not", () => {
    // 1.005 × 100 = 100.49999999999999 in floating point; in integer units 1005 / 10 = 100.5 → 101.
    expect(browser.divideRounded(1005, 10)).toBe(101);
    expect(browser.divideRounded(-1005, 10)).toBe(-101);
    expect(browser.divideRounded(1004, 10)).toBe(100);
    expect(browser.divideRounded(7, 0)).toBe(null);
  });
});

describe("every metric: DuckDB and the browser agree on random groups", () => {
  const cents = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });
  const member = fc.record({
    bewilligt_eur: cents,
    ausgezahlt_eur: cents,
    rueckforderung_eur: fc.integer({ min: -50_000_000, max: 0 }),
    ansatz_eur: fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null }),
    einwohner: fc.integer({ min: 0, max: 1_700_000 }),
    gefluechtete_au: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    vzae_bewilligt: fc.integer({ min: 0, max: 2_000_000 }),
    vzae_besetzt: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
  });
  const asText = (m: Record<Input, number | null>): Member =>
    Object.fromEntries(INPUTS.map((i) => [i, m[i] == null ? null : (m[i]! / 10 ** INPUT_SCALE[i]).toFixed(INPUT_SCALE[i])]));

  for (const key of METRICS.keys()) {
    it(key, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 12 }), async (ms) => {
          const members = ms.map(asText);
          const sql = await sqlGroup(key, members);
          const js = browserGroup(key, members);
          expect(js === null ? null : js.toFixed(metric(key).scale)).toBe(sql);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe("one value for a Kreis and for a group of one", () => {
  it("the Kreis formula over a row equals the group formula over that row alone", async () => {
    for (const key of METRICS.keys()) {
      const m = metric(key);
      const row: Member = { bewilligt_eur: "1234.56", ausgezahlt_eur: "-7.89", rueckforderung_eur: "-100.00", einwohner: "4321", gefluechtete_au: "77", vzae_bewilligt: "3.25", vzae_besetzt: "2.5", ansatz_eur: "5000.00" };
      const kreis = (
        await conn.runAndReadAll(
          `WITH b(${INPUTS.join(", ")}) AS (VALUES (${INPUTS.map((i) => `CAST('${row[i]}' AS ${sqlType(i)})`).join(", ")}))
SELECT CAST(${value(m, columnsOf("b"))} AS VARCHAR) AS v FROM b`,
        )
      ).getRowObjectsJS()[0]!["v"];
      expect(`${key} ${kreis}`).toBe(`${key} ${await sqlGroup(key, [row])}`);
    }
  });
});
