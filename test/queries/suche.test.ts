/**
 * The search index (loaders/pages/suche.ts) on the hand-written fixture,
 * and the matching of the search field (src/components/suche.js): partial,
 * case- and umlaut-insensitive, every word must match, best first.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suchIndex, type SuchEintrag } from "../../loaders/pages/suche.ts";
import { ingest } from "../../loaders/warehouse/build.ts";
// @ts-expect-error plain browser module without types
import { normalize, treffer, vorbereiten } from "../../src/components/suche.js";
import { removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
let db: DuckDBInstance;
let conn: DuckDBConnection;
let index: SuchEintrag[];

beforeAll(async () => {
  const dir = validFolder();
  dirs.push(dir);
  const work = mkdtempSync(join(tmpdir(), "pik-suche-"));
  dirs.push(work);
  const outcome = await ingest({ dataDir: dir, warehouse: join(work, "wh.duckdb"), force: true });
  if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
  db = await DuckDBInstance.create(join(work, "wh.duckdb"), { access_mode: "READ_ONLY" });
  conn = await db.connect();
  index = await suchIndex(conn);
}, 120_000);
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
  dirs.forEach(removeFolder);
});

describe("search index", () => {
  it("holds the 44 Kreise, the Gemeinden, the recipients and the Aktenzeichen of granted grants, each with its page", () => {
    expect(index.filter((e) => e.t === "Kreis")).toHaveLength(44);
    // Two Kreise share the name Heilbronn: the type tells them apart.
    expect(index.find((e) => e.h === "kreise/08121")).toEqual({ t: "Kreis", n: "Heilbronn (Stadtkreis)", z: "Stadtkreis, AGS 08121", h: "kreise/08121" });
    expect(index.filter((e) => e.t === "Gemeinde").length).toBeGreaterThan(1000);
    // The fixture: AZ-1 to Stadt Stuttgart (8-digit AGS 08111000), AZ-2 to the Landkreis Böblingen itself (5 digits);
    // AZ-3 is only applied for (beantragt) and is no grant.
    expect(index.filter((e) => e.t === "Empfänger")).toEqual([
      { t: "Empfänger", n: "Landkreis Böblingen", z: "AGS 08115", h: "kreise/08115" },
      { t: "Empfänger", n: "Stadt Stuttgart", z: "AGS 08111000", h: "gemeinden?gemeinde=08111000" },
    ]);
    expect(index.filter((e) => e.t === "Aktenzeichen")).toEqual([
      { t: "Aktenzeichen", n: "AZ-1", z: "Stadt Stuttgart, 01.04.2018–31.03.2019", h: "gemeinden?gemeinde=08111000" },
      { t: "Aktenzeichen", n: "AZ-2", z: "Landkreis Böblingen, 01.04.2018–31.03.2019", h: "kreise/08115" },
    ]);
  });
});

describe("matching", () => {
  const names = (q: string) => treffer(vorbereiten(index), q).map((e: SuchEintrag) => `${e.t}: ${e.n}`);

  it("finds by any part, in any case, with or without umlauts", () => {
    for (const q of ["böbl", "BOEBL", "bobl", "  Böblingen "]) expect(names(q)[0], q).toBe("Kreis: Böblingen");
    expect(names("landkreis böb")).toContain("Empfänger: Landkreis Böblingen");
    expect(names("az-2")).toEqual(["Aktenzeichen: AZ-2"]);
    expect(names("stadt stuttgart 2018")).toEqual(["Aktenzeichen: AZ-1"]);
    expect(names("")).toEqual([]);
    expect(names("xyzzy")).toEqual([]);
  });

  it("ranks names that start with the query first, then Kreis, Gemeinde, recipient, Aktenzeichen", () => {
    const r = names("stuttgart");
    expect(r[0]).toBe("Kreis: Stuttgart");
    expect(r.indexOf("Empfänger: Stadt Stuttgart")).toBeLessThan(r.indexOf("Aktenzeichen: AZ-1"));
    expect(r.length).toBeLessThanOrEqual(12);
  });

  it("normalizes as German readers type", () => {
    expect(normalize("Größe Übach-Älen")).toBe("groesse uebach-aelen");
    expect(normalize("Crème")).toBe("creme");
  });
});
