/**
 * Suppression of small groups of persons (loaders/queries/suppression.ts):
 * a hand-worked grid, a property test over random grids, and the real loader
 * output on the sample data.
 */
import JSZip from "jszip";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stellenMix, type StellenMixCell, type StellenMixTabelle } from "../../loaders/pages/abdeckung.ts";
import { unterdruecken, type Zelle } from "../../loaders/queries/suppression.ts";
import { ingest } from "../../loaders/warehouse/build.ts";

/** Every line (row incl. the Land row; column = Kreis cells + Land cell) and its suppressed count. */
function linien(zellen: readonly Zelle[], gesperrt: (i: number) => boolean): Map<string, number> {
  const n = new Map<string, number>();
  zellen.forEach((z, i) => {
    for (const key of [`zeile ${z.zeile ?? "Land"}`, `spalte ${z.spalte}`]) n.set(key, (n.get(key) ?? 0) + (gesperrt(i) ? 1 : 0));
  });
  return n;
}

describe("unterdruecken: a hand-worked grid", () => {
  it("suppresses 1–2 persons and complements until no line has exactly one suppressed cell", () => {
    //            G    L    F   | total
    //   A       10    2    5   | 17
    //   B        8    4    6   | 18
    //   C        1    0    0   |  1
    //   Land    19    6   11   | 36
    // Primary: A.L (2), C.G (1). Lines in key order s:F, s:G, s:L, z:(Land), z:A, z:B, z:C.
    // Round 1: s:G has only C.G → smallest non-zero of A.G 10, B.G 8, Land.G 19 → B.G.
    //          s:L has only A.L → of B.L 4, Land.L 6 → B.L.  z:A has only A.L → of A.G 10, A.F 5 → A.F.
    //          z:B now has B.G, B.L → fine.  z:C has only C.G, no non-zero left → first zero, C.L.
    // Round 2: s:F has only A.F → of B.F 6, Land.F 11 → B.F. Round 3: every line has 0 or ≥ 2 → done.
    // Check by hand that nothing follows: unknowns A.L, A.F, B.G, B.L, B.F, C.G, C.L; e.g. C.G = 1, C.L = 0,
    // B.G = 8 and C.G = 0, C.L = 1, B.G = 9 both satisfy every published sum.
    const grid: [string | null, string, number][] = [
      ["A", "G", 10], ["A", "L", 2], ["A", "F", 5],
      ["B", "G", 8], ["B", "L", 4], ["B", "F", 6],
      ["C", "G", 1], ["C", "L", 0], ["C", "F", 0],
      [null, "G", 19], [null, "L", 6], [null, "F", 11],
    ];
    const zellen = grid.map(([zeile, spalte, personen]) => ({ zeile, spalte, personen }));
    const s = unterdruecken(zellen);
    const named = Object.fromEntries([...s].map(([i, g]) => [`${grid[i]![0] ?? "Land"}.${grid[i]![1]}`, g]));
    expect(named).toEqual({
      "A.L": "primaer",
      "C.G": "primaer",
      "B.G": "sekundaer",
      "B.L": "sekundaer",
      "A.F": "sekundaer",
      "C.L": "sekundaer",
      "B.F": "sekundaer",
    });
  });

  it("leaves a grid without small groups alone and shows zeros", () => {
    const zellen = [
      { zeile: "A", spalte: "G", personen: 3 },
      { zeile: "A", spalte: "L", personen: 0 },
      { zeile: null, spalte: "G", personen: 3 },
      { zeile: null, spalte: "L", personen: 0 },
    ];
    expect(unterdruecken(zellen).size).toBe(0);
  });
});

describe("unterdruecken: any grid", () => {
  // Small counts are likely (so that suppression happens), larger ones possible.
  const anzahl = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }));
  const grids = fc
    .record({ kreise: fc.integer({ min: 1, max: 7 }), kategorien: fc.integer({ min: 2, max: 4 }) })
    .chain(({ kreise, kategorien }) => fc.array(fc.array(anzahl, { minLength: kategorien, maxLength: kategorien }), { minLength: kreise, maxLength: kreise }));

  it("hides every group of 1–2 persons, and no row or column with a published total has exactly one hidden cell", () => {
    fc.assert(
      fc.property(grids, (werte) => {
        // Kreise without persons have no row (their published total is empty); the Land row holds the column sums.
        const zeilen = werte.map((w, k) => ({ name: `K${k}`, w })).filter((z) => z.w.some((v) => v > 0));
        if (zeilen.length === 0) return;
        const spalten = werte[0]!.map((_, c) => c);
        const zellen: Zelle[] = [
          ...zeilen.flatMap((z) => z.w.map((personen, c) => ({ zeile: z.name, spalte: `c${c}`, personen }))),
          ...spalten.map((c) => ({ zeile: null, spalte: `c${c}`, personen: zeilen.reduce((s, z) => s + z.w[c]!, 0) })),
        ];
        const s = unterdruecken(zellen);
        zellen.forEach((z, i) => {
          if (z.personen > 0 && z.personen < 3) expect(s.get(i)).toBe("primaer");
          else expect(s.get(i)).not.toBe("primaer");
        });
        for (const [linie, n] of linien(zellen, (i) => s.has(i))) expect(n, linie).not.toBe(1);
        expect([...unterdruecken(zellen)]).toEqual([...s]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("abdeckung.zip/mix.json on the sample data", () => {
  let work: string;
  let warehouse: string;
  let cells: StellenMixCell[];
  let raw: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "pik-suppress-"));
    warehouse = join(work, "wh.duckdb");
    const outcome = await ingest({ dataDir: "data", warehouse, force: true });
    if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/abdeckung.zip.ts"], {
      encoding: "buffer",
      env: { ...process.env, PIK_WAREHOUSE: warehouse },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(r.stderr.toString());
    raw = await (await JSZip.loadAsync(r.stdout)).file("mix.json")!.async("string");
    const out = JSON.parse(raw) as { min_personen: number; tabellen: StellenMixTabelle[] };
    expect(Object.keys(out).sort()).toEqual(["min_personen", "tabellen"]);
    expect(out.min_personen).toBe(3);
    // Unpack to one object per cell, carrying exactly what the JSON holds for it.
    cells = out.tabellen.flatMap((t) => {
      expect(Object.keys(t).sort()).toEqual(["kategorien", "merkmal", "stichtag", "zeilen"]);
      return t.zeilen.flatMap((z) => {
        expect(Object.keys(z).sort()).toEqual(["anteil_vzae", "kreis_ags", "sperre", "stellen", "stellen_gesamt", "vzae", "vzae_gesamt"]);
        for (const a of [z.stellen, z.vzae, z.anteil_vzae, z.sperre]) expect(a).toHaveLength(t.kategorien.length);
        return t.kategorien.map((auspraegung, i) => ({
          stichtag: t.stichtag, merkmal: t.merkmal, auspraegung, kreis_ags: z.kreis_ags,
          stellen: z.stellen[i]!, vzae: z.vzae[i]!, anteil_vzae: z.anteil_vzae[i]!,
          stellen_gesamt: z.stellen_gesamt, vzae_gesamt: z.vzae_gesamt,
          unterdrueckt: z.sperre[i] != null, sperre: z.sperre[i]!,
        }));
      });
    });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("shows no count of 1 or 2 persons and carries no value of a hidden group", async () => {
    const shown = cells.filter((d) => !d.unterdrueckt);
    const hidden = cells.filter((d) => d.unterdrueckt);
    // The sample data has small groups: the rule is exercised, not vacuous.
    expect(hidden.filter((d) => d.sperre === "primaer").length).toBeGreaterThan(0);
    expect(hidden.filter((d) => d.sperre === "sekundaer").length).toBeGreaterThan(0);
    for (const d of shown) expect(d.stellen === 0 || d.stellen! >= 3, JSON.stringify(d)).toBe(true);
    // A hidden cell, as written by the loader: every value derived from its persons is null (the JSON has no other field).
    for (const d of hidden) expect([d.stellen, d.vzae, d.anteil_vzae]).toEqual([null, null, null]);
    // Small enough for the page (it was 788 KB flat).
    expect(raw.length).toBeLessThan(350_000);
    // Compare with the unprotected counts, read independently from the same warehouse.
    const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
    const conn = await db.connect();
    const real = await stellenMix(conn);
    const counts = await conn.runAndReadAll(
      `SELECT count(*) FILTER (WHERE anz BETWEEN 1 AND 2) FROM (
         SELECT s.stichtag, s.anstellungstraeger, b.kreis_ags, count(*) AS anz
         FROM eingang.stellen s JOIN main.zuwendungen b USING (aktenzeichen)
         WHERE s.besetzt AND b.foerderbereich = 'integrationsmanagement' GROUP BY ALL)`,
    );
    conn.closeSync();
    db.closeSync();
    const key = (d: { stichtag: string; kreis_ags: string | null; merkmal: string; auspraegung: string }) =>
      `${d.stichtag}|${d.kreis_ags}|${d.merkmal}|${d.auspraegung}`;
    const byKey = new Map(cells.map((d) => [key(d), d]));
    const smallEmployerGroups = real.filter((d) => d.ebene === "kreis" && d.merkmal === "anstellungstraeger" && d.stellen < 3);
    expect(smallEmployerGroups.length).toBe(Number(counts.getRows()[0]![0]));
    for (const r of real) {
      const d = byKey.get(key(r))!;
      expect(d, key(r)).toBeDefined();
      if (r.stellen < 3) expect(d.sperre, key(r)).toBe("primaer");
      if (!d.unterdrueckt) expect([d.stellen, d.vzae, d.anteil_vzae]).toEqual([r.stellen, r.vzae, r.anteil_vzae]);
      expect([d.stellen_gesamt, d.vzae_gesamt]).toEqual([r.stellen_gesamt, r.vzae_gesamt]);
    }
    // Every line of every table (stichtag × merkmal) has 0 or ≥ 2 hidden cells.
    const tabellen = new Map<string, StellenMixCell[]>();
    for (const d of cells) tabellen.set(`${d.stichtag}|${d.merkmal}`, [...(tabellen.get(`${d.stichtag}|${d.merkmal}`) ?? []), d]);
    for (const [t, ds] of tabellen) {
      const zellen = ds.map((d) => ({ zeile: d.kreis_ags, spalte: d.auspraegung, personen: 0 }));
      for (const [linie, n] of linien(zellen, (i) => ds[i]!.unterdrueckt)) expect(n, `${t} ${linie}`).not.toBe(1);
    }
  });
});
