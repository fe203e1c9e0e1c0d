/**
 * Issue 12, item 2: `npm run export -- --data X --out X` overwrote the user's input
 * `kreise.csv` (input and published table share the name); a user's file in `--out` was
 * overwritten silently. Now the export refuses such a target before it writes anything.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExportTargetError, checkExportTarget } from "../../loaders/export/out-folder.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));
const tmp = (files: Record<string, string> = {}) => {
  const d = writeFolder(files);
  dirs.push(d);
  return d;
};

describe("checkExportTarget", () => {
  const data = tmp({ "kreise.csv": "ags\n" });

  it("accepts a new folder, an empty one and an earlier export", () => {
    expect(() => checkExportTarget(join(tmp(), "neu"), data)).not.toThrow();
    expect(() => checkExportTarget(tmp(), data)).not.toThrow();
    expect(() => checkExportTarget(tmp({ "export-manifest.json": "{}", "kreise.csv": "x" }), data)).not.toThrow();
  });

  it("refuses the input folder and one that holds it (a subfolder is fine)", () => {
    expect(() => checkExportTarget(data, data)).toThrow(ExportTargetError);
    expect(() => checkExportTarget(join(data, "export"), data)).not.toThrow();
    const parent = tmp();
    const inner = join(parent, "daten");
    mkdirSync(inner);
    expect(() => checkExportTarget(parent, inner)).toThrow(/Eingabeverzeichnis/);
  });

  it("refuses a non-empty folder that is no earlier export", () => {
    expect(() => checkExportTarget(tmp({ "kreise.csv": "meine Notizen" }), data)).toThrow(/nicht leer.*export-manifest\.json/);
  });
});

describe("npm run export -- --data X --out X", () => {
  it("exit 2, German message, the input kreise.csv and every other input file unchanged", () => {
    const dir = validFolder();
    dirs.push(dir);
    writeFileSync(join(dir, "kreise.csv"), "ags;name\n08111;Stuttgart\n");
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "export", "--data", dir, "--out", dir], {
      encoding: "utf8",
      env: { ...process.env, PIK_WAREHOUSE: join(tmp(), "pik.duckdb") },
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Zielverzeichnis (--out)");
    expect(r.stderr).toContain("Eingabeverzeichnis");
    const after = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    expect(after).toEqual(before);
  });
});
