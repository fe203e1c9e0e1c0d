/**
 * Content fingerprints: the warehouse is rebuilt when, and only when, an input
 * file or the code that reads it changed. Modification times are not trusted
 * (a fresh clone touches every file); contents are.
 */
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export interface InputFingerprint {
  /** File name (relative to the input folder) → SHA-256 of its content. */
  files: Record<string, string>;
  hash: string;
}

/**
 * What the build reads from the input folder: its files (tables, manifest, and any
 * other file, which earns a warning) and the `geo/` subfolder. A warehouse kept
 * inside the folder is not input.
 */
const isInput = (rel: string) => {
  const parts = rel.split(sep);
  if (/\.duckdb(\.wal|\.json|\.tmp-\d+(\.wal)?)?$/.test(rel)) return false;
  return parts.length === 1 || parts[0] === "geo";
};

export async function fingerprintInput(dir: string): Promise<InputFingerprint> {
  const files: Record<string, string> = {};
  for (const path of walk(dir).filter((p) => isInput(relative(dir, p))))
    files[relative(dir, path).split(sep).join("/")] = await sha256File(path);
  return { files, hash: hashOf(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) };
}

const LOADERS_DIR = fileURLToPath(new URL("..", import.meta.url));
/** Code that does not change what the warehouse holds (paths relative to loaders/). */
const NOT_WAREHOUSE_CODE = ["sample-data/", "export/", "docs/", "site/", "pages/", "queries/site.ts", "cli/"];

/** Reference files that land in the warehouse (`ref.gemeinden`), relative to the project. */
const REFERENCE_FILES = ["reference/geo/bw-gemeinden.geojson"];
const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The code that decides what lands in the warehouse: the loaders' sources, the
 * shipped reference files and the versions of the database engine and the
 * reference data package.
 */
export function fingerprintCode(): string {
  const sources = walk(LOADERS_DIR)
    .filter((p) => p.endsWith(".ts") || p.endsWith(".json"))
    .filter((p) => !NOT_WAREHOUSE_CODE.some((prefix) => relative(LOADERS_DIR, p).split(sep).join("/").startsWith(prefix)))
    .sort()
    .map((p) => [relative(LOADERS_DIR, p), createHash("sha256").update(readFileSync(p)).digest("hex")]);
  const require = createRequire(import.meta.url);
  const versions = ["@duckdb/node-api", "landkreise-deutschland"].map((name) => [
    name,
    (require(`${name}/package.json`) as { version: string }).version,
  ]);
  const references = REFERENCE_FILES.map((rel) => [rel, createHash("sha256").update(readFileSync(join(PROJECT_DIR, rel))).digest("hex")]);
  return hashOf([...sources, ...references, ...versions]);
}

function hashOf(entries: unknown): string {
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}
