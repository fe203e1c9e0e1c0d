/**
 * Writes a generated dataset as the input folder the loaders read, in the forms
 * real exports take (see the data contract §1), one module per file in `write/`:
 * two XLSX files with title rows, three CSV files in three different encodings
 * and delimiters, and `manifest.json`.
 *
 * Output is byte-identical for the same seed and scale: the XLSX files get fixed
 * document dates and fixed ZIP entry times, and the manifest holds no timestamp.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Dataset, GenerateOptions } from "./dataset.ts";
import { generate } from "./generate.ts";
import { auszahlungenCsv } from "./write/auszahlungen-csv.ts";
import { bewilligungenXlsx } from "./write/bewilligungen-xlsx.ts";
import { gefluechteteAuCsv } from "./write/gefluechtete-au-csv.ts";
import { haushaltXlsx } from "./write/haushalt-xlsx.ts";
import { buildManifest, type Manifest } from "./write/manifest.ts";
import type { OutputFile } from "./write/output-file.ts";
import { stellenCsv } from "./write/stellen-csv.ts";

export type { Manifest } from "./write/manifest.ts";

/** The five input tables written here (both forms of a table in one folder would be an error). */
export const SAMPLE_TABLES = ["haushalt", "bewilligungen", "auszahlungen", "stellen", "gefluechtete_au"] as const;

/** Generates and writes the sample data to `dir`; returns the manifest. */
export async function writeSampleData(dir: string, options: GenerateOptions = {}): Promise<Manifest> {
  return writeDataset(dir, generate(options));
}

export async function writeDataset(dir: string, data: Dataset): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  await removeTableFiles(dir);
  const files: OutputFile[] = [
    await haushaltXlsx(data),
    await bewilligungenXlsx(data),
    auszahlungenCsv(data),
    stellenCsv(data),
    gefluechteteAuCsv(data),
  ];
  for (const [info, bytes] of files) await writeFile(join(dir, info.datei), bytes);
  const manifest = buildManifest(data, files.map(([info]) => info));
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  return manifest;
}

/** Removes `NAME.csv` / `NAME.xlsx` of the five tables (and nothing else). */
export async function removeTableFiles(dir: string): Promise<void> {
  for (const t of SAMPLE_TABLES) {
    for (const ext of ["csv", "xlsx"]) await rm(join(dir, `${t}.${ext}`), { force: true });
  }
}
