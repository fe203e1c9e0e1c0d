/**
 * Issue 12, item 15: field counts are checked exactly. DuckDB drops empty fields
 * after the last column it reads, so a row with one field too many whose last
 * field is empty (`…;abschlag;`) fitted the header, and a row with a field
 * inserted in the middle had its values shifted into the next columns. Such a
 * row is now rejected with one finding naming file and line.
 * Lines are counted by hand: the header is line 1, the n-th data row line n + 1.
 */
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import type { Finding } from "../../loaders/base/finding.ts";
import { csv, removeFolder, validTables, writeFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

/** The valid folder with some lines of a table's CSV text replaced (1-based data rows). */
async function run(table: keyof Tables, lines: Record<number, string>, header?: string) {
  const files = Object.fromEntries(Object.entries(validTables()).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
  const text = files[`${table}.csv`]!.split("\n");
  for (const [row, line] of Object.entries(lines)) text[Number(row)] = line;
  if (header !== undefined) text[0] = header;
  files[`${table}.csv`] = text.join("\n");
  const dir = writeFolder(files);
  dirs.push(dir);
  return validateFolder(dir);
}

const pick = (f: Finding) => [f.datei, f.zeile, f.spalte, f.wert, f.regel, f.meldung];
const counts = (r: Awaited<ReturnType<typeof run>>, datei: string) => {
  const s = r.files.find((f) => f.datei === datei)!;
  return [s.gelesen, s.akzeptiert, s.abgelehnt];
};

describe("a row with more fields than the header", () => {
  it("one empty field too many at the end: rejected, not read as fitting", async () => {
    const r = await run("auszahlungen", { 3: "Z-3;AZ-2;15.04.2018;50000,00;abschlag;" });
    expect(r.findings.map(pick)).toEqual([
      [
        "auszahlungen.csv",
        4,
        null,
        "Z-3;AZ-2;15.04.2018;50000,00;abschlag;",
        "zeile_spaltenzahl",
        "Zeile hat mehr als 5 Felder (ein leeres Feld am Zeilenende zählt mit).",
      ],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });

  it("a field inserted in the middle, last field empty: one finding, not three about shifted values", async () => {
    // Read as fitting, Z-5 would have had buchungsdatum „Z-5“, betrag „15.04.2018“ and art „50,00“.
    const r = await run("auszahlungen", { 3: "Z-5;AZ-2;Z-5;15.04.2018;50,00;" });
    expect(r.findings.map(pick)).toEqual([
      ["auszahlungen.csv", 4, null, "Z-5;AZ-2;Z-5;15.04.2018;50,00;", "zeile_spaltenzahl", "Zeile hat mehr als 5 Felder (ein leeres Feld am Zeilenende zählt mit)."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });

  it("one value too many: rejected with the count", async () => {
    const r = await run("auszahlungen", { 2: "Z-2;AZ-1;15.04.2019;40000,00;schlusszahlung;x" });
    expect(r.findings.map(pick)).toEqual([
      ["auszahlungen.csv", 3, null, "Z-2;AZ-1;15.04.2019;40000,00;schlusszahlung;x", "zeile_spaltenzahl", "Zeile hat 6 statt 5 Felder."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });

  it("a row with fewer fields is rejected as before, with its count", async () => {
    const r = await run("auszahlungen", { 1: "Z-1;AZ-1;15.04.2018;50000,00" });
    expect(r.findings.map(pick)).toEqual([
      ["auszahlungen.csv", 2, null, "Z-1;AZ-1;15.04.2018;50000,00", "zeile_spaltenzahl", "Zeile hat 4 statt 5 Felder."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });

  it("a header ending in a delimiter (as some exports write every line): its rows may too", async () => {
    const r = await run(
      "auszahlungen",
      {
        1: "Z-1;AZ-1;15.04.2018;50000,00;abschlag;",
        2: "Z-2;AZ-1;15.04.2019;40000,00;schlusszahlung;",
        3: "Z-3;AZ-2;15.04.2018;50000,00;abschlag",
        4: "Z-4;AZ-2;01.08.2019;-2500,00;rueckforderung;;",
      },
      "zahlung_id;aktenzeichen;buchungsdatum;betrag_eur;art;",
    );
    // Up to the header's 6 fields fit, with or without the empty last one; 7 do not.
    expect(r.findings.map((f) => [f.zeile, f.regel, f.meldung])).toEqual([
      [5, "zeile_spaltenzahl", "Zeile hat mehr als 6 Felder (ein leeres Feld am Zeilenende zählt mit)."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });

  it("a line of delimiters only is still a blank line, whatever its length", async () => {
    const r = await run("auszahlungen", { 5: ";;;;;;;;" });
    expect(r.findings).toEqual([]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 4, 0]);
  });

  it("stellen (personal data): the finding carries no raw line, so no name", async () => {
    const r = await run("stellen", { 3: "AZ-2;30.06.2018;1;1,0;x;landkreis;nachqualifizierung;Max Muster;" });
    expect(r.findings.map(pick)).toEqual([
      ["stellen.csv", 4, null, null, "zeile_spaltenzahl", "Zeile hat mehr als 8 Felder (ein leeres Feld am Zeilenende zählt mit)."],
    ]);
    expect(JSON.stringify(r.findings)).not.toContain("Max Muster");
    expect(counts(r, "stellen.csv")).toEqual([3, 2, 1]);
  });

  it("with a quote in the file (read without parallelism), the check holds too", async () => {
    const r = await run("auszahlungen", { 3: '"Z-3";"AZ-2";15.04.2018;"50000,00";abschlag;""' });
    expect(r.findings.map((f) => [f.zeile, f.regel, f.meldung])).toEqual([
      [4, "zeile_spaltenzahl", "Zeile hat mehr als 5 Felder (ein leeres Feld am Zeilenende zählt mit)."],
    ]);
    expect(counts(r, "auszahlungen.csv")).toEqual([4, 3, 1]);
  });
});
