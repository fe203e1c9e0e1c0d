/**
 * Issue 12, item 4: `npm run build` emptied dist/ first, so a build that failed or was
 * killed left no site at all (at 33 s: 39 files, no HTML). Now Framework builds into a
 * staging folder and `finish-site` swaps the complete site in; the previous site stays
 * until then (loaders/site/staging.ts).
 */
import { withSiteBuildLock } from "../helpers/site-build.ts";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SiteOutputError } from "../../loaders/site/output-folder.ts";
import { prepareStaging, recoverSite, siteBackup, siteStaging, swapInSite } from "../../loaders/site/staging.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));
const tmp = () => {
  const d = writeFolder({});
  dirs.push(d);
  return d;
};

/** A site as Framework leaves it: its marker folder and one page saying which build it is. */
function writeSite(dir: string, label: string): void {
  mkdirSync(join(dir, "_observablehq"), { recursive: true });
  writeFileSync(join(dir, "_observablehq", "client.js"), `// ${label}\n`);
  writeFileSync(join(dir, "index.html"), `<html><body>${label}</body></html>`);
}

/** Every file below `dir` with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(d, name.name), `${rel}${name.name}/`);
      else out[`${rel}${name.name}`] = readFileSync(join(d, name.name), "utf8");
    }
  };
  walk(dir, "");
  return out;
}

describe("staging folder and swap", () => {
  it("the previous site stays until the new one is swapped in; then nothing else is left", async () => {
    const work = tmp();
    const out = join(work, "site");
    writeSite(out, "alte Website");
    const staging = prepareStaging(out);
    expect(staging).toBe(join(work, ".site.im-bau"));
    expect(readdirSync(staging)).toEqual([]);
    writeSite(staging, "neue Website");
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("alte Website");
    await swapInSite(out);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("neue Website");
    expect(readdirSync(work)).toEqual(["site"]);
  });

  it("an incomplete staging folder (no _observablehq) is never swapped in", async () => {
    const work = tmp();
    const out = join(work, "site");
    writeSite(out, "alte Website");
    prepareStaging(out);
    writeFileSync(join(siteStaging(out), "halb.js"), "");
    await expect(swapInSite(out)).rejects.toThrow(/Keine fertige Website/);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("alte Website");
  });

  it("a kill between the two renames: the previous site is put back", () => {
    const work = tmp();
    const out = join(work, "site");
    writeSite(siteBackup(out), "alte Website");
    expect(recoverSite(out)).toBe("restored");
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("alte Website");
    expect(existsSync(siteBackup(out))).toBe(false);
  });

  it("a folder of the user's where the staging folder goes is refused, not emptied", () => {
    const work = tmp();
    const out = join(work, "site");
    mkdirSync(join(work, ".site.im-bau"));
    writeFileSync(join(work, ".site.im-bau", "brief.docx"), "meins");
    expect(() => prepareStaging(out)).toThrow(SiteOutputError);
    expect(readFileSync(join(work, ".site.im-bau", "brief.docx"), "utf8")).toBe("meins");
  });
});

function run(cmd: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", ...env }, timeout: 600_000 });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

describe("finish-site killed during the swap", () => {
  it("leaves the previous site in .NAME.alt; the next finish-site restores it and completes the swap", () => {
    const work = tmp();
    const out = join(work, "site");
    writeSite(out, "alte Website");
    writeSite(join(work, ".site.im-bau"), "neue Website");
    const env = { PIK_SITE_OUT: out, PIK_DATA_DIR: join(work, "data"), PIK_WAREHOUSE: join(work, "wh", "pik.duckdb") };
    const killed = run(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "finish-site"], { ...env, PIK_TEST_KILL_AT: "site-swap" });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(work, ".site.alt", "index.html"), "utf8")).toContain("alte Website");

    const next = run(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "finish-site"], env);
    expect(next.code).toBe(0);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<html lang="de"><body>neue Website');
    expect(readdirSync(work).sort()).toEqual(["site"]);
  });
});

describe("npm run build killed while Framework writes its output", () => {
  it("the previous site is unchanged; Framework's partial output lies only in the staging folder", () => {
    const data = validFolder();
    dirs.push(data);
    // Inside the project, like dist/: Framework empties an output folder there before it writes.
    const work = resolve(`.cache/test-site-staging-${process.pid}`);
    mkdirSync(work, { recursive: true });
    dirs.push(work);
    const out = join(work, "site");
    writeSite(out, "alte Website");
    const before = snapshot(out);
    // Framework's loader cache is shared by every build of the checkout: wait for other test builds.
    const r = withSiteBuildLock(() =>
      run("npm", ["run", "build"], {
        PIK_DATA_DIR: data,
        PIK_WAREHOUSE: join(work, "pik.duckdb"),
        PIK_SITE_OUT: out,
        PIK_TEST_KILL_AT: "site-output",
      }),
    );
    expect(r.code).not.toBe(0);
    expect(snapshot(out)).toEqual(before);
    // The kill came after Framework had written files (where it used to empty dist/ first).
    const partial = Object.keys(snapshot(join(work, ".site.im-bau")));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial).not.toContain("index.html");
  }, 600_000);
});
