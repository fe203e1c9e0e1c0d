/**
 * Reads everything a built file holds as text, for leak scans (editions, personal
 * data): ZIP archives (and XLSX, which are ZIPs) unpacked recursively, Parquet read
 * back with DuckDB (its pages are compressed: the bytes do not show the strings),
 * everything else as UTF-8.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";

export interface ScannedText {
  /** File path; members of archives as `archive.zip!member`. */
  where: string;
  text: string;
}

export function filesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesIn(path));
    else out.push(path);
  }
  return out;
}

async function parquetText(bytes: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "pik-scan-"));
  const file = join(dir, "x.parquet");
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(":memory:");
  try {
    const conn = await instance.connect();
    const r = await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
    const cols = r.columnNames();
    const lines = [cols.join(";"), ...r.getRowsJson().map((row) => row.map((v) => (v === null ? "" : String(v))).join(";"))];
    conn.closeSync();
    return lines.join("\n");
  } finally {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The texts of one file's bytes (`where` names it in the result). */
export async function textsOf(where: string, bytes: Buffer): Promise<ScannedText[]> {
  if (bytes.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") {
    const zip = await JSZip.loadAsync(bytes);
    const out: ScannedText[] = [];
    for (const f of Object.values(zip.files).filter((f) => !f.dir))
      out.push(...(await textsOf(`${where}!${f.name}`, await f.async("nodebuffer"))));
    return out;
  }
  if (bytes.subarray(0, 4).toString("latin1") === "PAR1") return [{ where, text: await parquetText(bytes) }];
  return [{ where, text: bytes.toString("utf8") }];
}

/** Every text of every file under `dir`. */
export async function textsUnder(dir: string): Promise<ScannedText[]> {
  const out: ScannedText[] = [];
  for (const f of filesIn(dir)) out.push(...(await textsOf(f, readFileSync(f))));
  return out;
}

/**
 * Where any of `needles` occurs as a whole token – a run of letters, digits and
 * `. - / _` (a trailing dot dropped) – so `AZ-1` does not match inside `AZ-10`.
 * Returns `where: token` for each hit (first 20).
 */
export function tokenHits(texts: readonly ScannedText[], needles: ReadonlySet<string>): string[] {
  const hits: string[] = [];
  for (const t of texts) {
    for (const raw of t.text.split(/[^\p{L}\p{N}._\-/]+/u)) {
      const token = raw.replace(/\.+$/, "");
      if (token && needles.has(token)) {
        hits.push(`${t.where}: ${token}`);
        if (hits.length >= 20) return hits;
      }
    }
  }
  return hits;
}

/** Where a pattern matches (first 20), e.g. a JSON key that must not exist. */
export function patternHits(texts: readonly ScannedText[], pattern: RegExp): string[] {
  const hits: string[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
  for (const t of texts)
    for (const m of t.text.matchAll(re)) {
      hits.push(`${t.where}: ${m[0]}`);
      if (hits.length >= 20) return hits;
    }
  return hits;
}
