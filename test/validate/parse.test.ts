/**
 * What the accepted rows hold after parsing: every notation the contract allows
 * ends as the same exact value in the warehouse (values compared as strings).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../loaders/warehouse/build.ts";
import { csv, removeFolder, validTables, writeFolder } from "../helpers/folder.ts";

let dir: string;
let rows: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  const t = validTables();
  t.auszahlungen = [
    ["Zahlung_ID", "AKTENZEICHEN", " Buchungsdatum ", "Betrag_EUR", "Art"],
    ["Z-1", " AZ-1 ", "15.04.2018", "50.000,00 €", "Abschlag"],
    ["Z-2", "AZ-1", "2019-04-15", "40000.00", "SCHLUSSZAHLUNG"],
    ["Z-3", "AZ-2", "1.5.2018", "1234,56 EUR", "abschlag"],
    ["Z-4", "AZ-2", "01.08.2019", "2.500,5", "Rückforderung"],
    ["Z-5", "AZ-2", "02.08.2019", "1.234", "abschlag"],
  ];
  t.stellen = [
    ["aktenzeichen", "stichtag", "stelle_nr", "vzae", "besetzt", "anstellungstraeger", "qualifikation", "name"],
    ["AZ-1", "30.06.2018", "1", "1", "ja", "Gemeinde", "Hochschulabschluss", "A"],
    ["AZ-1", "30.06.2018", "2", "0,5", "nein", "gemeinde", "", ""],
    ["AZ-1", "30.06.2018", "3", "0.75", "true", "Freier Träger", "nachqualifizierung", "B"],
    ["AZ-1", "30.06.2018", "4", "0,25", "1", "landkreis", "nachqualifizierung", "C"],
    ["AZ-1", "30.06.2018", "5", "0,25", "X", "freier-traeger", "nachqualifizierung", "D"],
    ["AZ-2", "30.06.2018", "1", "1,0", "", "landkreis", "", ""],
    ["AZ-2", "30.06.2018", "2", "0,5", "false", "landkreis", "", ""],
    ["AZ-2", "30.06.2018", "3", "0,5", "0", "landkreis", "", ""],
  ];
  const files = Object.fromEntries(Object.entries(t).map(([n, r]) => [`${n}.csv`, csv(r)]));
  dir = writeFolder(files);
  const warehouse = join(dir, "w.duckdb");
  const outcome = await ingest({ dataDir: dir, warehouse });
  expect(outcome.status).toBe("built");
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  rows = {};
  for (const [name, order] of [["auszahlungen", "zahlung_id"], ["stellen", "aktenzeichen, stelle_nr"]] as const)
    rows[name] = (await conn.runAndReadAll(`SELECT * FROM eingang.${name} ORDER BY ${order}`)).getRowObjectsJson() as Record<string, unknown>[];
  conn.closeSync();
  db.closeSync();
});
afterAll(() => removeFolder(dir));

describe("parsing", () => {
  it("reads German and plain numbers, € and EUR, exact to the cent", () => {
    expect(rows.auszahlungen!.map((r) => r.betrag_eur)).toEqual(["50000.00", "40000.00", "1234.56", "-2500.50", "1234.00"]);
  });
  it("reads both date notations", () => {
    expect(rows.auszahlungen!.map((r) => r.buchungsdatum)).toEqual(["2018-04-15", "2019-04-15", "2018-05-01", "2019-08-01", "2019-08-02"]);
  });
  it("matches enum values regardless of case, umlauts and separators; trims cells", () => {
    expect(rows.auszahlungen!.map((r) => r.art)).toEqual(["abschlag", "schlusszahlung", "abschlag", "rueckforderung", "abschlag"]);
    expect(rows.auszahlungen![0]!.aktenzeichen).toBe("AZ-1");
    expect(rows.stellen!.map((r) => r.anstellungstraeger)).toEqual([
      "gemeinde", "gemeinde", "freier_traeger", "landkreis", "freier_traeger", "landkreis", "landkreis", "landkreis",
    ]);
  });
  it("reads ja/nein, true/false, 1/0 and x/empty", () => {
    expect(rows.stellen!.map((r) => r.besetzt)).toEqual([true, false, true, true, true, false, false, false]);
  });
  it("reads decimals with comma or point", () => {
    expect(rows.stellen!.map((r) => r.vzae)).toEqual(["1.0000", "0.5000", "0.7500", "0.2500", "0.2500", "1.0000", "0.5000", "0.5000"]);
  });
  it("never stores the personal column `name`", () => {
    expect(Object.keys(rows.stellen![0]!)).not.toContain("name");
  });
});
