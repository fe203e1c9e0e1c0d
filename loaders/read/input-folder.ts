/**
 * Which file in the input folder is which table (contract §1: `NAME.csv` or
 * `NAME.xlsx`). Exports are renamed and saved by hand on Windows, so names are
 * matched case-insensitively (`Haushalt.XLSX` is `haushalt`). Whether a table
 * is missing is not decided here: only the validator knows which are optional.
 */
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileFinding, type Finding } from "../base/finding.ts";
import type { FileFormat } from "./types.ts";

export interface InputFile {
  /** Absolute (or dir-relative, as given) path of the file. */
  path: string;
  /** File name as found, used in findings. */
  datei: string;
  format: FileFormat;
}

export interface InputListing {
  /** Table name → its file. Tables with both a CSV and an XLSX file are left out (see findings). */
  files: Map<string, InputFile>;
  findings: Finding[];
}

const FORMATS: readonly FileFormat[] = ["csv", "xlsx"];

/** Files that belong in the folder without being tables. */
const isIgnored = (name: string): boolean =>
  name.startsWith(".") || name.toLowerCase() === "manifest.json" || /^readme/i.test(name);

export function listInputFiles(dir: string, tableNames: readonly string[]): InputListing {
  const byLower = new Map(tableNames.map((t) => [t.toLowerCase(), t]));
  const candidates = new Map<string, InputFile[]>();
  const findings: Finding[] = [];

  // Code-point order: the same findings in the same order on every machine.
  const names = readdirSync(dir).sort();
  for (const name of names) {
    if (isIgnored(name)) continue;
    const path = join(dir, name);
    let isDirectory: boolean;
    try {
      // lstat: a link is not followed here; a symlink, FIFO or device named like a table is
      // listed so that the reader refuses it with a finding (see guards.ts) instead of it vanishing.
      isDirectory = lstatSync(path).isDirectory();
    } catch {
      continue; // removed meanwhile: nothing to read
    }
    if (isDirectory) continue; // subfolders such as `geo/` hold other things

    const dot = name.lastIndexOf(".");
    const stem = dot > 0 ? name.slice(0, dot).toLowerCase() : name.toLowerCase();
    const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
    const table = byLower.get(stem);
    const format = FORMATS.find((f) => f === ext);
    if (table !== undefined && format !== undefined) {
      const list = candidates.get(table) ?? [];
      list.push({ path, datei: name, format });
      candidates.set(table, list);
      continue;
    }
    const meldung =
      table !== undefined
        ? `${name}: Tabelle „${table}“ muss als ${table}.csv oder ${table}.xlsx vorliegen; diese Datei wird nicht gelesen.`
        : `${name}: Unbekannte Datei, wird nicht gelesen (erwartet: ${tableNames.map((t) => `${t}.csv/.xlsx`).join(", ")}).`;
    findings.push(fileFinding(name, "datei_unbekannt", meldung, "warnung"));
  }

  const files = new Map<string, InputFile>();
  for (const table of tableNames) {
    const list = candidates.get(table);
    if (!list) continue;
    if (list.length === 1) {
      files.set(table, list[0]!);
      continue;
    }
    const namesList = list.map((f) => f.datei).join(" und ");
    findings.push(
      fileFinding(
        list.map((f) => f.datei).join(", "),
        "tabelle_doppelt",
        `Tabelle „${table}“ liegt mehrfach vor (${namesList}); bitte nur eine Datei behalten. Keine davon wird gelesen.`,
      ),
    );
  }
  return { files, findings };
}
