/**
 * Issue 12, item 1: `PIK_SITE_OUT=data npm run build` deleted every input file, because
 * Framework empties its output folder and any folder was accepted. Now only an absent or
 * empty folder, or one holding an earlier site, is accepted.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SiteOutputError, checkSiteOutput } from "../../loaders/site/output-folder.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));
const tmp = () => {
  const d = writeFolder({});
  dirs.push(d);
  return d;
};

describe("checkSiteOutput", () => {
  const work = tmp();
  const project = join(work, "repo");
  const data = join(project, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, "kreise.csv"), "ags\n");
  const ctx = { project, dataDir: data, warehouse: join(project, "warehouse", "pik.duckdb") };

  it("accepts a new folder, an empty one and an earlier site", () => {
    expect(() => checkSiteOutput(join(project, "dist"), ctx)).not.toThrow();
    mkdirSync(join(work, "empty"));
    expect(() => checkSiteOutput(join(work, "empty"), ctx)).not.toThrow();
    mkdirSync(join(work, "old-site", "_observablehq"), { recursive: true });
    writeFileSync(join(work, "old-site", "index.html"), "<html>");
    expect(() => checkSiteOutput(join(work, "old-site"), ctx)).not.toThrow();
  });

  it("refuses the input folder, the project and a folder above it", () => {
    expect(() => checkSiteOutput(data, ctx)).toThrow(/Eingabeordner/);
    expect(() => checkSiteOutput(project, ctx)).toThrow(/enthält das Projekt/);
    expect(() => checkSiteOutput(work, ctx)).toThrow(/enthält das Projekt/);
    expect(() => checkSiteOutput(join(data, "site"), ctx)).toThrow(/Eingabeordner/);
  });

  it("refuses the warehouse folder and any non-empty folder that is not a site", () => {
    mkdirSync(join(project, "warehouse"), { recursive: true });
    expect(() => checkSiteOutput(join(project, "warehouse"), ctx)).toThrow(/Data Warehouse/);
    mkdirSync(join(work, "notes"));
    writeFileSync(join(work, "notes", "brief.docx"), "x");
    expect(() => checkSiteOutput(join(work, "notes"), ctx)).toThrow(SiteOutputError);
    expect(() => checkSiteOutput(join(work, "notes"), ctx)).toThrow(/nicht leer/);
  });

  it("a symlink to the input folder is refused too", () => {
    symlinkSync(data, join(work, "link"));
    expect(() => checkSiteOutput(join(work, "link"), ctx)).toThrow(/Eingabeordner/);
  });
});

describe("prepare-site (the step of npm run build before Framework)", () => {
  it("PIK_SITE_OUT = the input folder: exit 2, German message, every input file kept", () => {
    const data = validFolder();
    dirs.push(data);
    const before = readdirSync(data).sort();
    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "prepare-site"], {
      encoding: "utf8",
      env: { ...process.env, PIK_DATA_DIR: data, PIK_SITE_OUT: data, PIK_WAREHOUSE: join(tmp(), "pik.duckdb") },
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Ausgabeordner PIK_SITE_OUT=");
    expect(r.stderr).toContain("Eingabeordner");
    expect(readdirSync(data).sort()).toEqual(before);
    expect(before).toHaveLength(5);
  });
});
