/**
 * The edition switch (PIK_EDITION, loaders/queries/edition.ts) on its own: the
 * values it accepts, the German error at build start for any other, and what
 * depends on it without a warehouse – the loader-cache key, the banner, the
 * footer, the config's extra paths and the removal of intern leftovers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  editionBanner,
  EditionError,
  editionFromEnv,
  includes,
  INTERNAL_ONLY,
  internalDownloadPaths,
  parseEdition,
  type InternalItem,
} from "../../loaders/queries/edition.ts";
import { invalidateSiteCache, siteCacheKey as cacheKey } from "../../loaders/site/cache.ts";

/** The key prepare-site uses, for an edition (other settings left out). */
const siteCacheKey = (release: string, ausgabe: string) => cacheKey(release, { ausgabe });
import { removeInternalArtifacts } from "../../loaders/site/finish.ts";
import { footerHtml } from "../../loaders/site/release.ts";
import type { BuildInfo } from "../../loaders/warehouse/build.ts";

const work = mkdtempSync(join(tmpdir(), "pik-edition-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GERMAN_ERROR = /PIK_EDITION=„(.*)“ ist keine Ausgabe\. Erlaubt sind „oeffentlich“ .* und „intern“/;

describe("PIK_EDITION", () => {
  it("defaults to the public edition and accepts exactly oeffentlich and intern", () => {
    expect(parseEdition(undefined)).toBe("oeffentlich");
    expect(parseEdition("")).toBe("oeffentlich");
    expect(parseEdition("oeffentlich")).toBe("oeffentlich");
    expect(parseEdition("intern")).toBe("intern");
    expect(editionFromEnv({})).toBe("oeffentlich");
    expect(editionFromEnv({ PIK_EDITION: "intern" })).toBe("intern");
    // Near misses are errors, not silently public or intern.
    for (const bad of ["Intern", "internal", "öffentlich", "public", "intern,oeffentlich"]) {
      expect(() => parseEdition(bad)).toThrow(EditionError);
      expect(() => parseEdition(bad)).toThrow(GERMAN_ERROR);
    }
  });

  it("the public edition contains no internal-only item, the intern edition all of them", () => {
    const items = Object.keys(INTERNAL_ONLY) as InternalItem[];
    expect(items).toEqual(["antragslage", "antraege", "buchungen", "kreis_antraege"]);
    for (const i of items) {
      expect(includes("oeffentlich", i)).toBe(false);
      expect(includes("intern", i)).toBe(true);
    }
    expect(internalDownloadPaths("oeffentlich")).toEqual([]);
    expect(internalDownloadPaths("intern")).toEqual([
      "/data/downloads/antraege.csv",
      "/data/downloads/antraege.xlsx",
      "/data/downloads/antraege.parquet",
      "/data/downloads/buchungen.csv",
      "/data/downloads/buchungen.xlsx",
      "/data/downloads/buchungen.parquet",
    ]);
  });

  it("an unknown value stops the build at its first step with the German message (exit ≠ 0)", () => {
    for (const step of ["ingest", "prepare-site"]) {
      const r = spawnSync("npx", ["tsx", "loaders/cli/main.ts", step], {
        env: { ...process.env, PIK_EDITION: "intrn", PIK_WAREHOUSE: join(work, "none.duckdb") },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, `${step}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(GERMAN_ERROR);
      expect(r.stderr).toContain("„intrn“");
      expect(r.stderr).toContain("Es wurde nichts gebaut.");
      // Nothing ran: no warehouse was created.
      expect(existsSync(join(work, "none.duckdb"))).toBe(false);
    }
  }, 120_000);

  it("the Framework config refuses it too, and gives the intern build its banner and extra files", () => {
    const config = (edition: string) =>
      spawnSync(
        "npx",
        [
          "tsx",
          "-e",
          'import("./observablehq.config.ts").then((c) => console.log(JSON.stringify({header: c.default.header({path: "/"}), head: c.default.head, paths: c.default.dynamicPaths})))',
        ],
        { env: { ...process.env, PIK_EDITION: edition }, encoding: "utf8", timeout: 60_000 },
      );
    const bad = config("extern");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(GERMAN_ERROR);
    const pub = JSON.parse(config("oeffentlich").stdout) as { header: string; head: string; paths: string[] };
    // The header may hold the synthetic-data notice; never the intern banner.
    expect(pub.header).not.toContain("pik-intern-banner");
    expect(pub.header).not.toContain("Interne Ausgabe");
    expect(pub.head).not.toContain("noindex");
    expect(pub.paths).toHaveLength(44);
    expect(pub.paths.every((p) => p.startsWith("/kreise/"))).toBe(true);
    const intern = JSON.parse(config("intern").stdout) as { header: string; head: string; paths: string[] };
    expect(intern.header).toContain("Interne Ausgabe – nicht zur Veröffentlichung");
    expect(intern.header).toContain('class="pik-intern-banner"');
    expect(intern.head).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(intern.paths).toHaveLength(44 + 6);
    expect(intern.paths).toContain("/data/downloads/antraege.csv");
  }, 120_000);

  it("banner: unmistakable in the intern edition, absent in the public one", () => {
    expect(editionBanner("oeffentlich")).toBe("");
    const b = editionBanner("intern");
    expect(b).toContain('class="pik-intern-banner"');
    expect(b).toContain(">Interne Ausgabe – nicht zur Veröffentlichung</div>");
  });

  it("footer names the edition", () => {
    const info = { releaseId: "aaaaaabbbbbb", stand: "2025-11-30", synthetic: false } as BuildInfo;
    expect(footerHtml(info, "oeffentlich")).toContain("Datenstand 30.11.2025 · Release aaaaaabbbbbb · Öffentliche Ausgabe");
    expect(footerHtml(info, "intern")).toContain("Release aaaaaabbbbbb · Interne Ausgabe");
  });
});

describe("Framework's loader cache across editions", () => {
  it("is dropped when only the edition changes, kept when nothing changes", () => {
    const cache = join(work, "cache");
    const stale = join(cache, "data", "uebersicht.json");
    expect(invalidateSiteCache(siteCacheKey("r1", "intern"), cache)).toBe("cleared");
    mkdirSync(join(cache, "data"), { recursive: true });
    writeFileSync(stale, '{"antragslage":{}}');
    // Same release and edition: the cached loader output may be reused.
    expect(invalidateSiteCache(siteCacheKey("r1", "intern"), cache)).toBe("kept");
    expect(existsSync(stale)).toBe(true);
    // Same release, other edition: the intern output must not survive into a public build.
    expect(invalidateSiteCache(siteCacheKey("r1", "oeffentlich"), cache)).toBe("cleared");
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(join(cache, ".release"), "utf8").trim()).toBe(siteCacheKey("r1", "oeffentlich"));
    // The version pins survive every clearing.
    expect(existsSync(join(cache, "_npm", "d3@7.9.2"))).toBe(true);
  });

  it("finish-site removes intern downloads left in a public build's output folder", () => {
    const out = join(work, "out");
    mkdirSync(join(out, "data", "downloads"), { recursive: true });
    for (const f of ["antraege.csv", "buchungen.parquet", "zuwendungen.csv"]) writeFileSync(join(out, "data", "downloads", f), "x");
    expect(removeInternalArtifacts(out, "intern")).toEqual([]);
    expect(removeInternalArtifacts(out, "oeffentlich").map((p) => p.slice(out.length))).toEqual([
      "/data/downloads/antraege.csv",
      "/data/downloads/buchungen.parquet",
    ]);
    expect(existsSync(join(out, "data", "downloads", "zuwendungen.csv"))).toBe(true);
    expect(existsSync(join(out, "data", "downloads", "antraege.csv"))).toBe(false);
  });
});

// Keep the import of execFileSync used (CLI smoke: a valid edition passes the check).
describe("valid edition", () => {
  it("prepare-site accepts PIK_EDITION=intern (fails later only for the missing warehouse)", () => {
    let out = "";
    try {
      execFileSync("npx", ["tsx", "loaders/cli/main.ts", "prepare-site"], {
        env: { ...process.env, PIK_EDITION: "intern", PIK_WAREHOUSE: join(work, "none.duckdb") },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 60_000,
      });
    } catch (e) {
      out = String((e as { stderr?: string }).stderr);
    }
    expect(out).toContain("Kein Data Warehouse");
    expect(out).not.toMatch(GERMAN_ERROR);
  }, 60_000);
});
