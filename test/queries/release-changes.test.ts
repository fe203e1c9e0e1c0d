/** PIK_PREVIOUS_EXPORT: a wrong folder fails loudly; no folder means "no comparison", said as such. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { previousExportFromEnv, releaseChanges } from "../../loaders/pages/daten.ts";

describe("previous release", () => {
  it("unset: no comparison, an empty change list with its header", async () => {
    expect(previousExportFromEnv({})).toBeNull();
    const { summary, csv } = await releaseChanges(mkdtempSync(join(tmpdir(), "pik-cur-")), null);
    expect(summary.vorherig).toBeNull();
    expect(summary.gesamt).toEqual({ aenderungen: 0, zeilen: 0 });
    expect(csv).toBe("\uFEFFTabelle;Schlüssel;Spalte;Alt;Neu;Art\r\n");
  });

  it("a folder without export-manifest.json is refused with a German message naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pik-prev-"));
    expect(() => previousExportFromEnv({ PIK_PREVIOUS_EXPORT: dir })).toThrow(`PIK_PREVIOUS_EXPORT: „${dir}“ ist kein Exportordner (export-manifest.json fehlt)`);
  });
});
