/**
 * Förderbereiche are data (contract §1): the default list, or the input table
 * `foerderbereiche` that replaces it. Lines counted by hand: header = line 1.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { validateFolder } from "../../loaders/cli/main.ts";
import { createWarehouseSchema } from "../../loaders/validate/index.ts";
import { EXTRA_COLOURS, loadDefaultFoerderbereiche } from "../../loaders/reference/foerderbereiche.ts";
import { csv, removeFolder, validTables, writeFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

type Rows = (string | number)[][];
const LISTE: Rows = [
  ["foerderbereich", "name", "kurzname", "ab_jahr", "bis_jahr"],
  ["integrationsmanagement", "Integrationsmanagement", "", "2017", ""],
  ["spracherwerb", "Spracherwerb", "", "2017", ""],
  ["wohnraum", "Wohnraum für Geflüchtete", "Wohnraum", "2018", "2019"],
];

/** The valid folder plus a grant, a payment and an appropriation under the new area `wohnraum`. */
function folder(liste: Rows | null): string {
  const t: Tables = validTables();
  t.haushalt.push([2018, "wohnraum", "30000,00"]);
  t.bewilligungen.push(["AZ-W", "08111000", "Stadt Stuttgart", "Wohnraum", "bewilligt", "01.02.2018", "01.03.2018", "01.04.2018", "31.12.2018", "20000,00", ""]);
  t.auszahlungen.push(["Z-W", "AZ-W", "15.05.2018", "20000,00", "schlusszahlung"]);
  const files: Record<string, string> = Object.fromEntries(Object.entries(t).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
  if (liste) files["foerderbereiche.csv"] = csv(liste);
  const dir = writeFolder(files);
  dirs.push(dir);
  return dir;
}

const counts = (r: Awaited<ReturnType<typeof validateFolder>>) =>
  Object.fromEntries(r.files.map((f) => [f.datei, [f.gelesen, f.akzeptiert, f.abgelehnt]]));

describe("default list", () => {
  it("holds the five areas of 2017–2024 and the three new measures of the 2025 renewal, integration management first", () => {
    const list = loadDefaultFoerderbereiche();
    expect(list.map((f) => f.foerderbereich)).toEqual([
      "integrationsmanagement", "digitalisierung", "schule_beruf", "spracherwerb", "ehrenamt",
      "traumarehabilitation", "sinti_roma", "queere_gefluechtete",
    ]);
    expect(new Set(list.map((f) => f.farbe)).size).toBe(list.length);
  });

  it("every chart colour (default and extra) has at least 4.5:1 contrast on white", () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const c of [...loadDefaultFoerderbereiche().map((f) => f.farbe), ...EXTRA_COLOURS]) expect(1.05 / (lum(c) + 0.05), c).toBeGreaterThanOrEqual(4.5);
  });

  it("is written to ref.foerderbereiche", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    await createWarehouseSchema(conn);
    const rows = (await conn.runAndReadAll("SELECT foerderbereich, name FROM ref.foerderbereiche ORDER BY reihenfolge")).getRows();
    expect(rows.length).toBe(8);
    expect(rows[5]).toEqual(["traumarehabilitation", "Traumarehabilitation „BW schützt!“"]);
    conn.closeSync();
  });
});

describe("a new measure", () => {
  it("without the table: its appropriation and grant are rejected with the message how to add it, and its payment follows", async () => {
    const r = await validateFolder(folder(null));
    const fb = r.findings.filter((f) => f.regel === "foerderbereich_unbekannt");
    expect(fb.map((f) => [f.datei, f.zeile, f.spalte, f.wert])).toEqual([
      ["haushalt.csv", 4, "foerderbereich", "wohnraum"],
      ["bewilligungen.csv", 5, "foerderbereich", "wohnraum"],
    ]);
    expect(fb[0]!.meldung).toContain("Förderbereich „wohnraum“ ist nicht bekannt");
    expect(fb[0]!.meldung).toContain("Tabelle foerderbereiche");
    expect(fb[0]!.meldung).toContain("Spalten foerderbereich, name, kurzname, ab_jahr, bis_jahr");
    expect(r.findings.find((f) => f.regel === "folge_zuwendung_abgelehnt")).toMatchObject({ datei: "auszahlungen.csv", zeile: 6 });
    expect(counts(r)).toMatchObject({ "haushalt.csv": [3, 2, 1], "bewilligungen.csv": [4, 3, 1], "auszahlungen.csv": [5, 4, 1] });
  });

  it("with the table: everything is accepted (the key written „Wohnraum“ is read as wohnraum)", async () => {
    const r = await validateFolder(folder(LISTE));
    expect(r.findings.filter((f) => f.schwere === "fehler")).toEqual([]);
    expect(counts(r)).toMatchObject({ "foerderbereiche.csv": [3, 3, 0], "haushalt.csv": [3, 3, 0], "bewilligungen.csv": [4, 4, 0] });
  });

  it("an area of the default list that the table leaves out (spracherwerb) is unknown", async () => {
    const t = folder(LISTE.filter((r) => r[0] !== "spracherwerb"));
    const r = await validateFolder(t);
    // AZ-3 (line 4) is the spracherwerb grant of the baseline.
    expect(r.findings.filter((f) => f.regel === "foerderbereich_unbekannt").map((f) => [f.datei, f.zeile])).toEqual([["bewilligungen.csv", 4]]);
  });
});

describe("a broken table is refused whole, and the default list stays", () => {
  it("duplicate key: both lines named, file refused, the new measure's rows rejected", async () => {
    const r = await validateFolder(folder([...LISTE, ["wohnraum", "Wohnraum (doppelt)", "", "", ""]]));
    const dup = r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt"));
    expect(dup.map((f) => [f.datei, f.zeile, f.spalte, f.regel])).toEqual([
      ["foerderbereiche.csv", 4, "foerderbereich", "schluessel_doppelt"],
      ["foerderbereiche.csv", 5, "foerderbereich", "folge_schluessel_doppelt"],
    ]);
    expect(r.findings.find((f) => f.regel === "foerderbereiche_abgelehnt")).toMatchObject({ datei: "foerderbereiche.csv", spalte: "foerderbereich" });
    expect(counts(r)["foerderbereiche.csv"]).toEqual([4, 0, 4]);
    // Its rows name the refused table as the cause, not an unknown area.
    expect(r.findings.filter((f) => f.regel === "folge_foerderbereich").length).toBe(2);
    expect(r.findings.filter((f) => f.regel === "foerderbereich_unbekannt").length).toBe(0);
  });

  it("without integrationsmanagement: refused naming file and column", async () => {
    const r = await validateFolder(folder(LISTE.filter((row) => row[0] !== "integrationsmanagement")));
    const f = r.findings.find((x) => x.regel === "foerderbereiche_ohne_im");
    expect(f).toMatchObject({ datei: "foerderbereiche.csv", spalte: "foerderbereich", schwere: "fehler" });
    expect(f!.meldung).toContain("„integrationsmanagement“");
    expect(counts(r)["foerderbereiche.csv"]).toEqual([2, 0, 2]);
  });

  it("a key with characters outside a-z0-9_ is a type error with line and column", async () => {
    const r = await validateFolder(folder([...LISTE, ["wohn/raum", "X", "", "", ""]]));
    expect(r.findings.find((f) => f.regel === "typ")).toMatchObject({ datei: "foerderbereiche.csv", zeile: 5, spalte: "foerderbereich" });
  });
});

describe("the years a measure runs (ab_jahr, bis_jahr)", () => {
  it("an appropriation or a grant outside them is accepted with a warning that names the measure and its years", async () => {
    // wohnraum runs 2018–2019 in LISTE: an appropriation for 2020 (haushalt line 5) and a grant 2020 (bewilligungen line 6).
    const t: Tables = validTables();
    t.haushalt.push([2018, "wohnraum", "30000,00"], [2020, "wohnraum", "10000,00"]);
    t.bewilligungen.push(
      ["AZ-W", "08111000", "Stadt Stuttgart", "wohnraum", "bewilligt", "01.02.2018", "01.03.2018", "01.04.2018", "31.12.2019", "20000,00", ""],
      ["AZ-V", "08111000", "Stadt Stuttgart", "wohnraum", "bewilligt", "01.02.2020", "01.03.2020", "01.04.2020", "31.12.2020", "5000,00", ""],
    );
    const files: Record<string, string> = Object.fromEntries(Object.entries(t).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
    files["foerderbereiche.csv"] = csv(LISTE);
    const dir = writeFolder(files);
    dirs.push(dir);
    const r = await validateFolder(dir);
    const w = r.findings.filter((f) => f.regel === "ausserhalb_laufzeit");
    expect(w.map((f) => [f.datei, f.zeile, f.spalte, f.wert, f.schwere])).toEqual([
      ["haushalt.csv", 5, "haushaltsjahr", "2020", "warnung"],
      ["bewilligungen.csv", 6, "beginn", "01.04.2020", "warnung"],
    ]);
    expect(w[0]!.meldung).toBe(
      "Der Ansatz für 2020 liegt außerhalb der Laufzeit des Förderbereichs „Wohnraum für Geflüchtete“ (2018–2019); bitte " +
        "Förderbereich oder Jahr prüfen (die Laufzeit steht in der Tabelle foerderbereiche, Spalten ab_jahr und bis_jahr).",
    );
    expect(w[1]!.meldung).toContain("Der Bewilligungszeitraum 01.04.2020–31.12.2020 liegt außerhalb");
    expect(counts(r)).toMatchObject({ "haushalt.csv": [4, 4, 0], "bewilligungen.csv": [5, 5, 0] });
  });
});
