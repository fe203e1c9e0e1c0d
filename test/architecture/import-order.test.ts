/**
 * The folders of loaders/ are the data flow's layers: a module may import from
 * its own folder and from folders further up this list, never from further down.
 * A cycle between two modules, an import against the order, or site code that
 * reaches into loaders/ fails here, so the layout keeps telling the truth.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** The layers, lowest first; folders on one line form one layer and may not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ["base", "ops"],
  ["schema"],
  ["reference"],
  ["read"],
  ["validate"],
  ["tables"],
  ["warehouse"],
  ["queries"],
  ["export"],
  ["diff", "anfrage", "docs", "sample-data"],
  ["pages"],
  ["site"],
  ["cli"],
];

/** Browser modules shared with the Node side: they hold the export conventions both use. */
const SHARED_WITH_SITE = ["src/components/export-rules.js", "src/components/tabular.js"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

/** Relative imports of one file, as project-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec?.startsWith(".")) continue;
    out.push(relative(ROOT, resolve(dirname(file), spec)).split(sep).join("/"));
  }
  return out;
}

const rel = (p: string) => relative(ROOT, p).split(sep).join("/");
const loaderFiles = walk(join(ROOT, "loaders")).filter((p) => /\.(ts|js)$/.test(p)).map(rel);
const siteFiles = walk(join(ROOT, "src")).filter((p) => /\.(ts|js|md)$/.test(p)).map(rel);
const graph = new Map<string, string[]>([...loaderFiles, ...siteFiles].map((f) => [f, importsOf(join(ROOT, f))]));

const folderOf = (file: string): string | null => (file.startsWith("loaders/") ? file.split("/")[1]! : null);
const layerOf = (folder: string): number => LAYERS.findIndex((l) => l.includes(folder));

/** The imports of `file` (a module in loaders/) that run against the layer order. */
function againstOrder(file: string, targets: readonly string[]): string[] {
  const from = folderOf(file)!;
  return targets
    .filter((target) => !SHARED_WITH_SITE.includes(target))
    .filter((target) => {
      const to = folderOf(target);
      if (to === null) return target.startsWith("src/");
      return to !== from && layerOf(to) >= layerOf(from);
    })
    .map((target) => `${file} → ${target}`);
}

describe("import order of loaders/", () => {
  it("every folder of loaders/ has a layer", () => {
    const folders = [...new Set(loaderFiles.map((f) => f.split("/")[1]!))].filter((f) => !f.includes("."));
    expect(folders.filter((f) => layerOf(f) < 0)).toEqual([]);
    expect(loaderFiles.filter((f) => f.split("/").length === 2)).toEqual([]);
  });

  it("reads the imports (static, dynamic, multi-line) of the modules", () => {
    const edges = [...graph.values()].reduce((n, ts) => n + ts.length, 0);
    expect(edges).toBeGreaterThan(300);
    expect(graph.get("loaders/warehouse/build.ts")).toContain("loaders/validate/index.ts");
    expect(graph.get("src/data/uebersicht.json.ts")).toContain("loaders/pages/uebersicht.ts");
  });

  it("no module imports from a folder further down the data flow, or a sibling folder of its layer", () => {
    expect(loaderFiles.flatMap((f) => againstOrder(f, graph.get(f)!))).toEqual([]);
  });

  it("site code reaches loaders/ only from data loaders (src/data), and only their top layers", () => {
    const allowed = new Set(["pages", "queries", "export", "tables", "reference", "warehouse", "site", "base"]);
    const wrong: string[] = [];
    for (const file of siteFiles) {
      for (const target of graph.get(file)!) {
        const to = folderOf(target);
        if (to === null) continue;
        if (!file.startsWith("src/data/") || !allowed.has(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("no import cycle between modules", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const t of graph.get(file) ?? []) if (graph.has(t)) visit(t, [...path, file]);
      state.set(file, "done");
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("catches an import against the order (the check itself can fail)", () => {
    // A hand-made violation, read as if it lived in validate/: validate importing warehouse.
    const targets = importsOf(join(ROOT, "test/architecture/fixtures/against-order.ts"));
    expect(targets).toEqual(["loaders/warehouse/open.ts", "src/components/tiles.js"]);
    expect(againstOrder("loaders/validate/against-order.ts", targets)).toEqual([
      "loaders/validate/against-order.ts → loaders/warehouse/open.ts",
      "loaders/validate/against-order.ts → src/components/tiles.js",
    ]);
    expect(againstOrder("loaders/cli/against-order.ts", targets)).toEqual(["loaders/cli/against-order.ts → src/components/tiles.js"]);
  });
});
