/**
 * Issue 12, item 9: a key occurring many times is reported once, with its count
 * and first lines, and its other rows as follow-ons pointing there. Before, every
 * row's message listed every line of the key: 20,000 rows of one zahlung_id took
 * 40 s and 3.8 GB. The time is measured in `npm run bench -- --only duplikate`;
 * here the size of what is reported, which grew with the square of the count.
 * Lines are counted by hand: the header is line 1, the n-th data row line n + 1.
 */
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import { formatReport } from "../../loaders/cli/report.ts";
import { removeFolder, validFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function run(change: (t: Tables) => void) {
  const dir = validFolder(change);
  dirs.push(dir);
  return validateFolder(dir);
}

/** `copies` more payments Z-1 (AZ-1, 2018), after the four of the baseline (lines 2–5). */
const repeatZ1 = (copies: number) => (t: Tables) => {
  for (let i = 0; i < copies; i++) t.auszahlungen.push(["Z-1", "AZ-1", "15.04.2018", "1,00", "abschlag"]);
};

describe("a duplicated key is reported once", () => {
  it("eight rows of Z-1 and two of Z-3: one finding per key with count and first five lines, a follow-on per other row", async () => {
    // Z-1: line 2 and lines 6–12 (7 copies) = 8 rows; Z-3: line 4 and line 13.
    const r = await run((t) => {
      repeatZ1(7)(t);
      t.auszahlungen.push(["Z-3", "AZ-2", "16.04.2018", "2,00", "abschlag"]);
    });
    const dup = r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt"));
    expect(dup.filter((f) => f.regel === "schluessel_doppelt").map((f) => [f.datei, f.zeile, f.spalte, f.wert, f.meldung])).toEqual([
      ["auszahlungen.csv", 2, "zahlung_id", "Z-1", "Schlüssel (zahlung_id) kommt 8-mal vor (Zeilen 2, 6, 7, 8, 9, …); keine der Zeilen wird übernommen."],
      ["auszahlungen.csv", 4, "zahlung_id", "Z-3", "Schlüssel (zahlung_id) kommt 2-mal vor (Zeilen 4, 13); keine der Zeilen wird übernommen."],
    ]);
    const followOns = dup.filter((f) => f.regel === "folge_schluessel_doppelt");
    expect(followOns.map((f) => [f.zeile, f.wert])).toEqual([
      [6, "Z-1"], [7, "Z-1"], [8, "Z-1"], [9, "Z-1"], [10, "Z-1"], [11, "Z-1"], [12, "Z-1"], [13, "Z-3"],
    ]);
    expect(followOns[0]!.meldung).toBe(
      "Folgefehler: derselbe Schlüssel (zahlung_id) wie in Zeile 2 (Befund dort); keine der Zeilen mit diesem Schlüssel wird übernommen.",
    );
    expect(followOns.at(-1)!.meldung).toContain("wie in Zeile 4 ");
    // 12 rows read: Z-2 and Z-4 accepted, the 10 rows of the two keys rejected.
    const s = r.files.find((f) => f.datei === "auszahlungen.csv")!;
    expect([s.gelesen, s.akzeptiert, s.abgelehnt]).toEqual([12, 2, 10]);
  });

  it("exactly five rows: all lines named, no ellipsis", async () => {
    const r = await run(repeatZ1(4));
    expect(r.findings.find((f) => f.regel === "schluessel_doppelt")!.meldung).toBe(
      "Schlüssel (zahlung_id) kommt 5-mal vor (Zeilen 2, 6, 7, 8, 9); keine der Zeilen wird übernommen.",
    );
  });

  it("2,000 rows of one key: every row rejected and named, each message as short as for two rows", async () => {
    const r = await run(repeatZ1(1999));
    const dup = r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt"));
    expect(dup.length).toBe(2000);
    expect(dup.filter((f) => f.regel === "schluessel_doppelt").map((f) => f.zeile)).toEqual([2]);
    // Lines 2 and 6 … 2004, each once.
    expect(new Set(dup.map((f) => f.zeile)).size).toBe(2000);
    expect(dup.find((f) => f.regel === "schluessel_doppelt")!.meldung).toContain("kommt 2.000-mal vor (Zeilen 2, 6, 7, 8, 9, …)");
    // Before: each of the 2,000 messages listed all 2,000 lines (about 11,000 characters).
    expect(Math.max(...dup.map((f) => f.meldung.length))).toBeLessThan(160);
    const s = r.files.find((f) => f.datei === "auszahlungen.csv")!;
    expect([s.gelesen, s.akzeptiert, s.abgelehnt]).toEqual([2003, 3, 2000]);
    // The console: the key once, its other rows counted in one line.
    const report = formatReport(r).split("\n").filter((l) => l.includes("schluessel_doppelt"));
    expect(report).toEqual([
      "auszahlungen.csv, Zeile 2, Spalte zahlung_id: Fehler: Schlüssel (zahlung_id) kommt 2.000-mal vor (Zeilen 2, 6, 7, 8, 9, …); keine der Zeilen wird übernommen. [schluessel_doppelt]",
      "auszahlungen.csv, 1.999 Zeilen (Zeilen 6, 7, 8, 9, 10, …): Fehler: Folgefehler: derselbe Schlüssel (zahlung_id) wie in Zeile 2 (Befund dort); keine der Zeilen mit diesem Schlüssel wird übernommen. [folge_schluessel_doppelt]",
    ]);
  });

  it("composite key (stellen): the values of all key columns, never the name", async () => {
    const r = await run((t) => t.stellen.push(["AZ-1", "30.06.2018", "1", "1", "ja", "gemeinde", "hochschulabschluss", "Anna Beispiel"]));
    const dup = r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt"));
    expect(dup.map((f) => [f.datei, f.zeile, f.spalte, f.wert, f.regel])).toEqual([
      ["stellen.csv", 2, "stelle_nr", "AZ-1, 2018-06-30, 1", "schluessel_doppelt"],
      ["stellen.csv", 5, "stelle_nr", "AZ-1, 2018-06-30, 1", "folge_schluessel_doppelt"],
    ]);
    expect(dup[0]!.meldung).toBe(
      "Schlüssel (aktenzeichen, stichtag, stelle_nr) kommt 2-mal vor (Zeilen 2, 5); keine der Zeilen wird übernommen.",
    );
    expect(JSON.stringify(r.findings)).not.toMatch(/Anna Beispiel|Erika Mustermann/);
  });
});
