/**
 * Property: for any mix of good and bad payment rows, in any of the accepted
 * file variants, every row is accepted or rejected (read = accepted + rejected)
 * and exactly the rows an independent oracle calls good are accepted.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import { csv, removeFolder, validTables, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

/** A defect and what it does to the line; `null` = a good row. */
const DEFECTS = {
  betrag_text: (c: string[]) => (c[3] = "zwölf"),
  betrag_drei_stellen: (c: string[]) => (c[3] = "10,005"),
  datum_falsch: (c: string[]) => (c[2] = "30.02.2019"),
  art_unbekannt: (c: string[]) => (c[4] = "vorschuss"),
  aktenzeichen_leer: (c: string[]) => (c[1] = ""),
  aktenzeichen_unbekannt: (c: string[]) => (c[1] = "AZ-999"),
  aktenzeichen_beantragt: (c: string[]) => (c[1] = "AZ-3"),
  abschlag_negativ: (c: string[]) => ((c[3] = "-10,00"), (c[4] = "abschlag")),
  id_leer: (c: string[]) => (c[0] = ""),
} as const;
type Defect = keyof typeof DEFECTS;

interface GenRow {
  kind: "good" | "defect" | "blank" | "short";
  defect?: Defect;
  /** Index of an earlier row whose id this one copies (a duplicate key), or -1. */
  dupOf: number;
  amount: number;
  day: number;
  art: "abschlag" | "schlusszahlung" | "rueckforderung";
  german: boolean;
}

const rowArb: fc.Arbitrary<GenRow> = fc.record({
  kind: fc.constantFrom("good", "good", "good", "defect", "blank", "short"),
  defect: fc.constantFrom(...(Object.keys(DEFECTS) as Defect[])),
  dupOf: fc.oneof(fc.constant(-1), fc.constant(-1), fc.constant(-1), fc.nat(30)),
  amount: fc.integer({ min: 1, max: 9_999_999 }),
  day: fc.integer({ min: 1, max: 28 }),
  art: fc.constantFrom("abschlag", "schlusszahlung", "rueckforderung"),
  german: fc.boolean(),
});

const variantArb = fc.record({
  encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
  eol: fc.constantFrom("\n", "\r\n"),
});

describe("row balance", () => {
  it("read = accepted + rejected, accepted = what the oracle expects", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }), variantArb, async (gen, variant) => {
        const ids: (string | null)[] = [];
        const lines: string[] = ["zahlung_id;aktenzeichen;buchungsdatum;betrag_eur;art"];
        const own: boolean[] = []; // row is good on its own
        const staged: boolean[] = []; // row reaches the staged table (not blank, not short)
        gen.forEach((g, i) => {
          if (g.kind === "blank") {
            lines.push("");
            ids.push(null);
            own.push(false);
            staged.push(false);
            return;
          }
          const cents = g.art === "rueckforderung" ? -g.amount : g.amount;
          const euros = (cents / 100).toFixed(2);
          const id = g.dupOf >= 0 && g.dupOf < i && ids[g.dupOf] ? ids[g.dupOf]! : `Z-${i}`;
          const cells = [
            id,
            "AZ-1",
            g.german ? `${String(g.day).padStart(2, "0")}.05.2018` : `2018-05-${String(g.day).padStart(2, "0")}`,
            g.german ? `${euros.replace(".", ",")} €` : euros,
            g.art,
          ];
          if (g.kind === "defect") DEFECTS[g.defect!](cells);
          if (g.kind === "short") cells.pop();
          lines.push(cells.join(";"));
          ids.push(g.kind === "short" ? null : cells[0] || null);
          own.push(g.kind === "good");
          staged.push(g.kind !== "short");
        });
        const idCount = new Map<string, number>();
        ids.forEach((id, i) => staged[i] && id && idCount.set(id, (idCount.get(id) ?? 0) + 1));
        const expectedAccepted = gen.filter((_, i) => own[i] && idCount.get(ids[i]!) === 1).length;
        const expectedRead = gen.filter((g) => g.kind !== "blank").length;

        const text = lines.join(variant.eol) + variant.eol;
        const bytes =
          variant.encoding === "windows-1252"
            ? iconv.encode(text, "win1252")
            : Buffer.from((variant.encoding === "utf-8-bom" ? "\uFEFF" : "") + text, "utf8");
        const t = validTables();
        const files: Record<string, string | Buffer> = Object.fromEntries(
          Object.entries(t).filter(([n]) => n !== "auszahlungen").map(([n, rows]) => [`${n}.csv`, csv(rows)]),
        );
        files["auszahlungen.csv"] = bytes;
        const dir = writeFolder(files);
        dirs.push(dir);
        const r = await validateFolder(dir);
        const s = r.files.find((f) => f.datei === "auszahlungen.csv")!;
        expect(s.gelesen).toBe(expectedRead);
        expect(s.akzeptiert).toBe(expectedAccepted);
        expect(s.gelesen).toBe(s.akzeptiert + s.abgelehnt);
        // Every rejected row has at least one error finding with its line.
        const errorLines = new Set(r.findings.filter((f) => f.datei === "auszahlungen.csv" && f.schwere === "fehler").map((f) => f.zeile));
        expect(errorLines.size).toBe(s.abgelehnt);
      }),
      { numRuns: 25, seed: 20171 },
    );
    // 25 whole reads of a file each: a runner limit for a loaded machine, not a speed target.
  }, 240_000);
});
