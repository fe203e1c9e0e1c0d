/**
 * Issue 12, item 13: manifest.json is validated. An object as `stand` used to reach the
 * footer as "[object Object]"; invalid JSON was ignored and dropped the "synthetisch" label.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManifestError, readManifest } from "../../loaders/warehouse/manifest.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

function folderWithManifest(text: string): string {
  const dir = validFolder();
  dirs.push(dir);
  writeFileSync(join(dir, "manifest.json"), text);
  return dir;
}

describe("readManifest", () => {
  it("no manifest: empty", () => {
    const dir = writeFolder({});
    dirs.push(dir);
    expect(readManifest(dir)).toEqual({});
  });

  it("keeps the two keys it reads and the documentation keys", () => {
    const m = readManifest(folderWithManifest('{"synthetisch": true, "stand": "2025-06-30", "kennwerte": [1]}'));
    expect(m.synthetisch).toBe(true);
    expect(m.stand).toBe("2025-06-30");
    expect((m as Record<string, unknown>)["kennwerte"]).toEqual([1]);
  });

  it("an object as stand is refused in German, naming the field", () => {
    const dir = folderWithManifest('{"stand": {"x": 1}}');
    expect(() => readManifest(dir)).toThrow(ManifestError);
    expect(() => readManifest(dir)).toThrow(/manifest\.json.*Feld „stand“ ungültig/);
  });

  it('"synthetisch": "ja" is refused (only true/false)', () => {
    expect(() => readManifest(folderWithManifest('{"synthetisch": "ja"}'))).toThrow(/Feld „synthetisch“ ungültig, erwartet true oder false/);
  });

  it("invalid JSON is refused, not ignored", () => {
    expect(() => readManifest(folderWithManifest('{"synthetisch": true,'))).toThrow(/kein gültiges JSON.*synthetisch/);
  });

  it("a JSON array is refused", () => {
    expect(() => readManifest(folderWithManifest("[]"))).toThrow(/Inhalt ungültig, erwartet ein JSON-Objekt/);
  });
});

describe("npm run ingest with a bad manifest", () => {
  it("exit 2, German message, no warehouse and no temp file written", () => {
    const dir = folderWithManifest('{"synthetisch": true, "stand": {"x": 1}}');
    const out = writeFolder({});
    dirs.push(out);
    const warehouse = join(out, "pik.duckdb");
    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "ingest"], {
      encoding: "utf8",
      env: { ...process.env, PIK_DATA_DIR: dir, PIK_WAREHOUSE: warehouse },
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Feld „stand“ ungültig");
    expect(r.stderr).not.toContain("Interner Fehler");
    expect(existsSync(warehouse)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
