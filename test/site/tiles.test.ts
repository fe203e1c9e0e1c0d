// The tile map shows each of the 44 Kreise exactly once, each on its own tile.
import { describe, expect, it } from "vitest";
import { loadKreise } from "../../loaders/reference/kreise.ts";
import { TILES } from "../../src/components/tiles.js";

describe("tile layout", () => {
  const tiles = TILES as { ags: string; x: number; y: number; kurz: string }[];
  it("has every Kreis once", () => {
    expect(tiles.map((t) => t.ags).sort()).toEqual(loadKreise().map((k) => k.kreis_ags));
  });
  it("puts no two Kreise on one tile", () => {
    expect(new Set(tiles.map((t) => `${t.x},${t.y}`)).size).toBe(44);
  });
  it("follows the geography: Mannheim north of Konstanz, Freiburg west of Ulm", () => {
    const at = (ags: string) => tiles.find((t) => t.ags === ags)!;
    expect(at("08222").y).toBeLessThan(at("08335").y);
    expect(at("08311").x).toBeLessThan(at("08421").x);
  });
});
