import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listInputFiles } from "../../loaders/read/input-folder.ts";

const TABLES = ["haushalt", "bewilligungen", "auszahlungen", "stellen", "gefluechtete_au", "kreise"] as const;

const root = mkdtempSync(join(tmpdir(), "pik-input-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: string[], dirs: string[] = []): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f), "x");
  for (const d of dirs) mkdirSync(join(dir, d));
  return dir;
}

describe("listInputFiles", () => {
  it("maps tables to their CSV or XLSX file, case-insensitively", () => {
    const dir = folder("ok", ["haushalt.csv", "Bewilligungen.XLSX", "auszahlungen.Csv", "stellen.xlsx"]);
    const { files, findings } = listInputFiles(dir, TABLES);
    expect(findings).toEqual([]);
    expect([...files.entries()]).toEqual([
      ["haushalt", { path: join(dir, "haushalt.csv"), datei: "haushalt.csv", format: "csv" }],
      ["bewilligungen", { path: join(dir, "Bewilligungen.XLSX"), datei: "Bewilligungen.XLSX", format: "xlsx" }],
      ["auszahlungen", { path: join(dir, "auszahlungen.Csv"), datei: "auszahlungen.Csv", format: "csv" }],
      ["stellen", { path: join(dir, "stellen.xlsx"), datei: "stellen.xlsx", format: "xlsx" }],
    ]);
  });

  it("reports a table given twice and lists neither file", () => {
    const dir = folder("doppelt", ["haushalt.csv", "haushalt.xlsx", "stellen.csv"]);
    const { files, findings } = listInputFiles(dir, TABLES);
    expect([...files.keys()]).toEqual(["stellen"]);
    expect(findings).toEqual([
      {
        datei: "haushalt.csv, haushalt.xlsx",
        zeile: null,
        spalte: null,
        wert: null,
        regel: "tabelle_doppelt",
        meldung:
          "Tabelle „haushalt“ liegt mehrfach vor (haushalt.csv und haushalt.xlsx); bitte nur eine Datei behalten. Keine davon wird gelesen.",
        schwere: "fehler",
      },
    ]);
  });

  it("warns once per unknown file, but not for manifest.json, README*, dotfiles and subfolders", () => {
    const dir = folder(
      "andere",
      ["haushalt.csv", "notizen.txt", "haushalt.xls", "manifest.json", "README.md", "readme.txt", ".DS_Store", "~$stellen.xlsx"],
      ["geo"],
    );
    const { files, findings } = listInputFiles(dir, TABLES);
    expect([...files.keys()]).toEqual(["haushalt"]);
    expect(findings.map((f) => [f.datei, f.regel, f.schwere])).toEqual([
      ["haushalt.xls", "datei_unbekannt", "warnung"],
      ["notizen.txt", "datei_unbekannt", "warnung"],
      ["~$stellen.xlsx", "datei_unbekannt", "warnung"],
    ]);
    expect(findings[0]?.meldung).toBe(
      "haushalt.xls: Tabelle „haushalt“ muss als haushalt.csv oder haushalt.xlsx vorliegen; diese Datei wird nicht gelesen.",
    );
    expect(findings[1]?.meldung).toMatch(/^notizen\.txt: Unbekannte Datei, wird nicht gelesen \(erwartet: haushalt\.csv\/\.xlsx, /);
  });

  it("says nothing about missing tables", () => {
    const { files, findings } = listInputFiles(folder("leer", []), TABLES);
    expect(files.size).toBe(0);
    expect(findings).toEqual([]);
  });
});
