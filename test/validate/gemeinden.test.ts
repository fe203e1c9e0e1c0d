/**
 * The optional input table `gemeinden` (Gemeinde populations, contract §1): read
 * like the `kreise` override; a key must be one of the Gemeinden of the shipped
 * reference list (BKG VG5000). Lines: header 1, n-th data row n + 1.
 */
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import { csv, removeFolder, validTables, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function run(gemeinden: (string | number)[][]) {
  const files: Record<string, string> = Object.fromEntries(Object.entries(validTables()).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
  files["gemeinden.csv"] = csv(gemeinden);
  const dir = writeFolder(files);
  dirs.push(dir);
  return validateFolder(dir);
}

describe("input table gemeinden", () => {
  it("accepts official 8-digit keys (leading zero restored with a warning), populations and dates", async () => {
    const r = await run([
      ["Gemeinde_AGS", "Einwohner", "Stand"],
      ["08111000", "630305", "31.12.2023"], // Stuttgart
      ["8416041", "92.811", "2023-12-31"], // Tübingen, as Excel writes it without the leading zero
    ]);
    const f = r.files.find((x) => x.tabelle === "gemeinden");
    expect([f?.gelesen, f?.akzeptiert, f?.abgelehnt]).toEqual([2, 2, 0]);
    expect(r.findings.map((x) => [x.datei, x.zeile, x.regel, x.schwere])).toEqual([["gemeinden.csv", 3, "ags_fuehrende_null", "warnung"]]);
  });

  it("rejects a Kreis key, a key that is no Gemeinde and a negative population", async () => {
    const r = await run([
      ["gemeinde_ags", "einwohner", "stand"],
      ["08111", "630305", "31.12.2023"],
      ["08111999", "100", "31.12.2023"],
      ["08115003", "-1", "31.12.2023"],
      ["08416041", "92811", "31.12.2023"],
    ]);
    const f = r.files.find((x) => x.tabelle === "gemeinden");
    expect([f?.gelesen, f?.akzeptiert, f?.abgelehnt]).toEqual([4, 1, 3]);
    const found = r.findings.filter((x) => x.datei === "gemeinden.csv").map((x) => [x.zeile, x.spalte, x.regel]);
    expect(found).toEqual([
      [2, "gemeinde_ags", "typ"],
      [3, "gemeinde_ags", "gemeinde_unbekannt"],
      [4, "einwohner", "bereich_min"],
    ]);
    expect(r.findings.find((x) => x.regel === "typ" && x.datei === "gemeinden.csv")?.meldung).toContain("8 Ziffern");
  });

  it("is optional: without it there is no finding", async () => {
    const dir = writeFolder(Object.fromEntries(Object.entries(validTables()).map(([n, rows]) => [`${n}.csv`, csv(rows)])));
    dirs.push(dir);
    const r = await validateFolder(dir);
    expect(r.findings).toEqual([]);
  });
});
