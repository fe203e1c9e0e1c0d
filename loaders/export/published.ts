/**
 * Writes every published table (contract §3) as CSV, XLSX and Parquet, plus a
 * small manifest with row counts and SHA-256 of each file, so a recipient can
 * check that what arrived is what was published. The manifest also names the
 * release and Stand the tables come from, so a later release can say what
 * changed since this one (`npm run diff`, PIK_PREVIOUS_EXPORT).
 *
 * Over an earlier export the manifest is removed first and written last (issue 12,
 * item 8): an interrupted export must never leave the old manifest next to new files
 * whose SHA-256 it does not list. While the export runs, `EXPORT_INCOMPLETE` marks the
 * folder; a kill leaves the mark and no manifest – recipients see the folder is not a
 * complete export, and the next export into it is accepted and completes it.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PUBLISHED_TABLES, publishedColumns } from "../tables/index.ts";
import { sha256File } from "../warehouse/fingerprint.ts";
import { exportTable } from "./index.ts";
import { writeAtomically } from "./csv.ts";
import { removeStaleIn } from "../ops/temp.ts";
import { killPoint } from "../ops/kill-point.ts";

import { EXPORT_INCOMPLETE, EXPORT_MANIFEST } from "./out-folder.ts";

const INCOMPLETE_TEXT =
  "Dieser Export ist nicht vollständig: Er wurde abgebrochen oder läuft gerade.\n" +
  "Die Dateien in diesem Ordner nicht verwenden. „npm run export“ mit diesem Ordner erneut starten;\n" +
  "fertig ist der Export, wenn diese Datei fehlt und export-manifest.json vorhanden ist.\n";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Temp files of an export killed earlier (`<file>.<PID>.tmp` of a published file), whose process is gone. */
export function removeStaleExportTemps(outDir: string): string[] {
  const names = [EXPORT_MANIFEST, ...PUBLISHED_TABLES.flatMap((t) => ["csv", "xlsx", "parquet"].map((e) => `${t.name}.${e}`))];
  return removeStaleIn(outDir, new RegExp(`^(?:${names.map(escapeRe).join("|")})\\.(\\d+)\\.tmp$`));
}

export interface WrittenTable {
  table: string;
  rows: number;
  files: string[];
}

export async function exportPublished(conn: DuckDBConnection, outDir: string): Promise<WrittenTable[]> {
  removeStaleExportTemps(outDir);
  // Mark first, then drop the old manifest: a folder never has neither (it could not be exported into again).
  writeFileSync(join(outDir, EXPORT_INCOMPLETE), INCOMPLETE_TEXT);
  rmSync(join(outDir, EXPORT_MANIFEST), { force: true });
  const written: WrittenTable[] = [];
  const manifest: { tabelle: string; zeilen: number; dateien: { datei: string; sha256: string }[] }[] = [];
  for (const t of PUBLISHED_TABLES) {
    const columnUnits = Object.fromEntries(
      publishedColumns(t)
        .filter((c) => c.unit)
        .map((c) => [c.name, c.unit!]),
    );
    const r = await exportTable(conn, `main.${t.name}`, outDir, t.name, { sheetTitle: t.title, columnUnits });
    const files = [r.csv, r.xlsx, r.parquet];
    written.push({ table: t.name, rows: r.rows, files: files.map((f) => basename(f)) });
    manifest.push({
      tabelle: t.name,
      zeilen: r.rows,
      dateien: await Promise.all(files.map(async (f) => ({ datei: basename(f), sha256: await sha256File(f) }))),
    });
    await killPoint(`export-written:${t.name}`);
  }
  // A warehouse always has meta.build; a bare database of published tables (tests, tools) may not.
  const hasBuild = (await conn.runAndReadAll("SELECT 1 FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'build'")).getRows().length > 0;
  const build: Record<string, string> = hasBuild
    ? Object.fromEntries(((await conn.runAndReadAll("SELECT schluessel, wert FROM meta.build")).getRows() as [string, string][]).map(([k, v]) => [k, v]))
    : {};
  const release = { release: build["releaseId"] ?? null, stand: build["stand"] && build["stand"] !== "null" ? build["stand"] : null };
  await writeAtomically(join(outDir, EXPORT_MANIFEST), async (tmp) =>
    writeFileSync(tmp, JSON.stringify({ ...release, tabellen: manifest }, null, 2) + "\n"),
  );
  rmSync(join(outDir, EXPORT_INCOMPLETE), { force: true });
  return written;
}
