/**
 * Framework's loader cache must never outlive the code or data it was made
 * from: the key changes with the release and with any loader code, and a
 * changed key clears the cache.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { invalidateSiteCache, siteCacheKey } from "../../loaders/site/cache.ts";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "pik-cache-"));
  mkdirSync(join(root, "loaders/queries"), { recursive: true });
  mkdirSync(join(root, "src/components"), { recursive: true });
  writeFileSync(join(root, "loaders/queries/a.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "src/components/tabular.js"), "export const t = 1;\n");
  writeFileSync(join(root, "src/components/page-only.js"), "export const p = 1;\n");
  return root;
}

describe("site cache key", () => {
  it("changes with the release and with loader code, not with page-only code", () => {
    const root = project();
    const k0 = siteCacheKey("r1", {}, root);
    expect(siteCacheKey("r1", {}, root)).toBe(k0);
    expect(siteCacheKey("r2", {}, root)).not.toBe(k0);
    writeFileSync(join(root, "src/components/page-only.js"), "export const p = 2;\n");
    expect(siteCacheKey("r1", {}, root)).toBe(k0);
    writeFileSync(join(root, "loaders/queries/a.ts"), "export const a = 2;\n");
    const k1 = siteCacheKey("r1", {}, root);
    expect(k1).not.toBe(k0);
    writeFileSync(join(root, "src/components/tabular.js"), "export const t = 2;\n");
    const k2 = siteCacheKey("r1", {}, root);
    expect(k2).not.toBe(k1);
    expect(siteCacheKey("r1", { vorherig: "abc" }, root)).not.toBe(k2);
    expect(siteCacheKey("r1", { vorherig: "abc" }, root)).toBe(siteCacheKey("r1", { vorherig: "abc" }, root));
  });

  it("a changed key clears the cached loader outputs; the same key keeps them", () => {
    const cache = join(project(), "cache");
    expect(invalidateSiteCache("k1", cache)).toBe("cleared");
    writeFileSync(join(cache, "mittel.json"), "{}");
    expect(invalidateSiteCache("k1", cache)).toBe("kept");
    expect(existsSync(join(cache, "mittel.json"))).toBe(true);
    expect(invalidateSiteCache("k2", cache)).toBe("cleared");
    expect(existsSync(join(cache, "mittel.json"))).toBe(false);
    expect(existsSync(join(cache, "_npm", "d3@7.9.2"))).toBe(true);
  });
});
