/**
 * Issue 12, item 12: amounts have a real maximum (1.000.000.000,00 € per row,
 * either sign), checked per row as an ordinary finding, and no sum the
 * published tables hold can overflow. Before, two amounts of
 * 9.007.199.254.740.991,00 € (then "legal") in one Kreis and year crashed the
 * build with "Conversion Error … DECIMAL(18,2)" and SQL text.
 * Lines are counted by hand: the header is line 1, the n-th data row line n + 1.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import { auszahlungen } from "../../loaders/schema/input-tables.ts";
import type { Finding } from "../../loaders/base/finding.ts";
import { amountTotalsOverflow } from "../../loaders/validate/stage.ts";
import { removeFolder, validFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function run(change: (t: Tables) => void) {
  const dir = validFolder(change);
  dirs.push(dir);
  return validateFolder(dir);
}

/** Sets a cell of the n-th data row (1-based). */
const set = (t: Tables, table: keyof Tables, row: number, column: string, value: string) => {
  const i = t[table][0]!.indexOf(column);
  if (i < 0) throw new Error(`no column ${column}`);
  t[table][row]![i] = value;
};
const pick = (f: Finding) => [f.datei, f.zeile, f.spalte, f.wert, f.regel, f.meldung];
const counts = (r: Awaited<ReturnType<typeof run>>, datei: string) => {
  const s = r.files.find((f) => f.datei === datei)!;
  return [s.gelesen, s.akzeptiert, s.abgelehnt];
};

describe("the largest amount per row", () => {
  it("two amounts of 9.007.199.254.740.991,00 € in one Kreis and year: two findings, no crash", async () => {
    // Z-1 and Z-2 both pay AZ-1 (Stuttgart) in 2018.
    const r = await run((t) => {
      set(t, "auszahlungen", 1, "betrag_eur", "9.007.199.254.740.991,00");
      set(t, "auszahlungen", 2, "betrag_eur", "9007199254740991.00");
      set(t, "auszahlungen", 2, "buchungsdatum", "16.04.2018");
    });
    expect(r.findings.filter((f) => f.schwere === "fehler").map(pick)).toEqual([
      ["auszahlungen.csv", 2, "betrag_eur", "9.007.199.254.740.991,00", "bereich_max", "„9.007.199.254.740.991,00“ ist größer als der Höchstwert 1.000.000.000,00 €."],
      ["auszahlungen.csv", 3, "betrag_eur", "9007199254740991.00", "bereich_max", "„9007199254740991.00“ ist größer als der Höchstwert 1.000.000.000,00 €."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 2, 2]);
  });

  it("exactly the maximum is accepted, twice in one Kreis and year, in every amount column", async () => {
    const r = await run((t) => {
      set(t, "haushalt", 1, "ansatz_eur", "1.000.000.000,00");
      set(t, "bewilligungen", 1, "bewilligt_eur", "1000000000");
      set(t, "bewilligungen", 2, "bewilligt_eur", "1.000.000.000,00 €");
      set(t, "auszahlungen", 1, "betrag_eur", "1.000.000.000,00");
      set(t, "auszahlungen", 2, "betrag_eur", "1000000000,00");
      set(t, "auszahlungen", 2, "buchungsdatum", "16.04.2018");
      set(t, "auszahlungen", 4, "betrag_eur", "-1.000.000.000,00");
    });
    // Only warnings: payments and grants above the appropriation or the grant.
    expect(r.findings.filter((f) => f.schwere === "fehler")).toEqual([]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 4, 0]);
    expect(counts(r, "bewilligungen.csv")).toEqual([3, 3, 0]);
  });

  it("one cent more is rejected naming the limit; below the negative maximum too", async () => {
    const r = await run((t) => {
      set(t, "haushalt", 2, "ansatz_eur", "1.000.000.000,01");
      set(t, "bewilligungen", 2, "bewilligt_eur", "1000000000.01");
      set(t, "auszahlungen", 4, "betrag_eur", "-1.000.000.000,01");
    });
    expect(r.findings.filter((f) => f.schwere === "fehler").map(pick)).toEqual([
      ["haushalt.csv", 3, "ansatz_eur", "1.000.000.000,01", "bereich_max", "„1.000.000.000,01“ ist größer als der Höchstwert 1.000.000.000,00 €."],
      ["bewilligungen.csv", 3, "bewilligt_eur", "1000000000.01", "bereich_max", "„1000000000.01“ ist größer als der Höchstwert 1.000.000.000,00 €."],
      // AZ-2's payment Z-3 stays; its grant is rejected, so Z-3 and Z-4 follow.
      ["auszahlungen.csv", 4, "aktenzeichen", "AZ-2", "folge_zuwendung_abgelehnt", expect.any(String)],
      ["auszahlungen.csv", 5, "betrag_eur", "-1.000.000.000,01", "bereich_min", "„-1.000.000.000,01“ ist kleiner als der Mindestwert -1.000.000.000,00 €."],
      ["stellen.csv", 4, "aktenzeichen", "AZ-2", "folge_zuwendung_abgelehnt", expect.any(String)],
    ]);
  });

  it("a number too long for the column type is out of range, not „keine Zahl“", async () => {
    const r = await run((t) => {
      set(t, "auszahlungen", 1, "betrag_eur", "99.999.999.999.999.999.999,00");
      set(t, "auszahlungen", 4, "betrag_eur", "-123456789012345678901234567890");
    });
    expect(r.findings.filter((f) => f.schwere === "fehler").map((f) => [f.zeile, f.regel])).toEqual([
      [2, "bereich_max"],
      [5, "bereich_min"],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 2, 2]);
  });
});

describe("sums cannot overflow", () => {
  it("amountTotalsOverflow names an amount column whose rows add up past DECIMAL(18,2)", async () => {
    const db = await DuckDBInstance.create(":memory:");
    try {
      const conn = await db.connect();
      await conn.run(`CREATE TEMP TABLE stage_auszahlungen (betrag_eur DECIMAL(18,2), ok BOOLEAN, leer BOOLEAN)`);
      // 9.000.000.000.000.000,00 fits one row of the type; the two together (1,8 · 10^16) do not fit a sum column.
      await conn.run(`INSERT INTO stage_auszahlungen VALUES (9000000000000000.00, true, false)`);
      expect(await amountTotalsOverflow(conn, auszahlungen)).toEqual([]);
      await conn.run(`INSERT INTO stage_auszahlungen VALUES (-9000000000000000.00, true, false)`);
      // Absolute values: a recovery counts towards the size of the recoveries' sum.
      expect(await amountTotalsOverflow(conn, auszahlungen)).toEqual(["betrag_eur"]);
      // Rejected and blank rows do not count.
      await conn.run(`UPDATE stage_auszahlungen SET ok = false WHERE betrag_eur < 0`);
      expect(await amountTotalsOverflow(conn, auszahlungen)).toEqual([]);
    } finally {
      db.closeSync();
    }
  });
});
