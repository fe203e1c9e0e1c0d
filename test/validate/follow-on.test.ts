/**
 * A refused file or a rejected grant must not hide its cause behind hundreds of
 * row findings: the rows that depend on it are still rejected one by one in the
 * Prüfbericht (the row balance), but as follow-ons that name where the cause is,
 * and the console report prints the cause first and counts the follow-ons in
 * one line per cause. Lines are counted by hand (header = line 1).
 */
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import { formatReport } from "../../loaders/cli/report.ts";
import { csv, removeFolder, validTables, writeFolder, type Tables } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

/** The baseline plus `extra` payments on AZ-1 (lines 6, 7, … of auszahlungen.csv). */
function folder(change: (t: Tables, files: Record<string, string>) => void, extra = 0): string {
  const t = validTables();
  for (let i = 0; i < extra; i++) t.auszahlungen.push([`Z-X${i}`, "AZ-1", "01.06.2018", "10,00", "abschlag"]);
  const files: Record<string, string> = {};
  change(t, files);
  for (const [name, rows] of Object.entries(t)) files[`${name}.csv`] ??= csv(rows);
  const dir = writeFolder(files);
  dirs.push(dir);
  return dir;
}

const byRule = (r: Awaited<ReturnType<typeof validateFolder>>, regel: string) =>
  r.findings.filter((f) => f.regel === regel).map((f) => `${f.datei}:${f.zeile}`);

describe("a grants file refused as a whole", () => {
  it("rejects every payment and staffing report as a follow-on naming bewilligungen.csv, counted in one report line after the cause", async () => {
    // Without the column status the grants file is refused; 300 payments on AZ-1 follow (304 in all).
    const dir = folder((t) => {
      const i = t.bewilligungen[0]!.indexOf("status");
      for (const row of t.bewilligungen) row.splice(i, 1);
    }, 300);
    const r = await validateFolder(dir);
    const cause = r.findings.filter((f) => f.regel === "spalte_fehlt");
    expect(cause.map((f) => [f.datei, f.spalte])).toEqual([["bewilligungen.csv", "status"]]);
    const followOns = r.findings.filter((f) => f.regel === "folge_datei_abgelehnt");
    expect(followOns.filter((f) => f.datei === "auszahlungen.csv")).toHaveLength(304);
    expect(followOns.filter((f) => f.datei === "stellen.csv").map((f) => f.zeile)).toEqual([2, 3, 4]);
    expect(followOns[0]!.meldung).toBe(
      "Folgefehler: bewilligungen.csv wurde nicht übernommen (Ursache siehe dort); die Zeile kann keiner Zuwendung zugeordnet werden.",
    );
    expect(r.findings.some((f) => f.regel === "zahlung_ohne_bewilligung")).toBe(false);
    const a = r.files.find((f) => f.datei === "auszahlungen.csv")!;
    expect([a.gelesen, a.akzeptiert, a.abgelehnt]).toEqual([304, 0, 304]);

    const report = formatReport(r).split("\n");
    const causeLine = report.findIndex((l) => l.startsWith("bewilligungen.csv, Spalte status: Fehler: Pflichtspalte „status“ fehlt"));
    const payLines = report.filter((l) => l.startsWith("auszahlungen.csv,"));
    expect(causeLine).toBe(0);
    expect(payLines).toEqual([
      "auszahlungen.csv, 304 Zeilen (Zeilen 2, 3, 4, 5, 6, …): Fehler: Folgefehler: bewilligungen.csv wurde nicht übernommen " +
        "(Ursache siehe dort); die Zeile kann keiner Zuwendung zugeordnet werden. [folge_datei_abgelehnt]",
    ]);
    expect(report.filter((l) => l.startsWith("stellen.csv,"))).toHaveLength(1);
  });

  it("an unreadable grants file (UTF-16 without BOM is not the case here: binary junk) is the cause too", async () => {
    const dir = folder((_t, files) => {
      files["bewilligungen.csv"] = "\u0000\u0001\u0002 kein Text\n";
    });
    const r = await validateFolder(dir);
    expect(byRule(r, "folge_datei_abgelehnt")).toEqual([
      "auszahlungen.csv:2", "auszahlungen.csv:3", "auszahlungen.csv:4", "auszahlungen.csv:5",
      "stellen.csv:2", "stellen.csv:3", "stellen.csv:4",
    ]);
    const report = formatReport(r).split("\n");
    expect(report[0]).toMatch(/^bewilligungen\.csv[:,]/);
  });
});

describe("a grant row rejected for its own reason", () => {
  it("its payments are follow-ons; a payment on an Aktenzeichen that no grant row has stays its own error", async () => {
    const dir = folder((t) => {
      t.bewilligungen[1]![t.bewilligungen[0]!.indexOf("bescheid_datum")] = "31.02.2018"; // AZ-1, line 2
      t.auszahlungen.push(["Z-9", "AZ-404", "01.06.2018", "10,00", "abschlag"]); // line 6
    });
    const r = await validateFolder(dir);
    expect(byRule(r, "folge_zuwendung_abgelehnt")).toEqual(["auszahlungen.csv:2", "auszahlungen.csv:3", "stellen.csv:2", "stellen.csv:3"]);
    expect(byRule(r, "zahlung_ohne_bewilligung")).toEqual(["auszahlungen.csv:6"]);
    const f = r.findings.find((x) => x.regel === "folge_zuwendung_abgelehnt")!;
    expect([f.spalte, f.wert]).toEqual(["aktenzeichen", "AZ-1"]);
    expect(f.meldung).toBe(
      "Folgefehler: die Zuwendung dieses Aktenzeichens wurde in bewilligungen.csv abgelehnt (Ursache siehe dort); die Zeile wird mit ihr abgelehnt.",
    );
    const report = formatReport(r).split("\n");
    const own = report.findIndex((l) => l.startsWith("auszahlungen.csv, Zeile 6, Spalte aktenzeichen: Fehler: Aktenzeichen „AZ-404“"));
    const grant = report.findIndex((l) => l.startsWith("bewilligungen.csv, Zeile 2, Spalte bescheid_datum: Fehler:"));
    const follow = report.findIndex((l) => l.startsWith("auszahlungen.csv, 2 Zeilen (Zeilen 2, 3): Fehler: Folgefehler"));
    expect(grant).toBeGreaterThanOrEqual(0);
    expect(own).toBeGreaterThan(grant);
    expect(follow).toBeGreaterThan(own);
  });
});

describe("a refused foerderbereiche table", () => {
  it("grants in an area only that table names are follow-ons of it, and so are their payments", async () => {
    const dir = folder((t, files) => {
      // No integrationsmanagement: the table is refused, the default list stays.
      files["foerderbereiche.csv"] = csv([["foerderbereich", "name"], ["wohnraum", "Wohnraum"]]);
      t.bewilligungen[3] = ["AZ-3", "08115003", "Gemeinde X", "wohnraum", "bewilligt", "2019-05-01", "2019-06-01", "2019-07-01", "2019-12-31", "1000,00", ""];
      t.auszahlungen.push(["Z-5", "AZ-3", "01.08.2019", "500,00", "abschlag"]); // line 6
    });
    const r = await validateFolder(dir);
    expect(byRule(r, "foerderbereiche_ohne_im")).toEqual(["foerderbereiche.csv:null"]);
    expect(byRule(r, "folge_foerderbereich")).toEqual(["bewilligungen.csv:4"]);
    expect(byRule(r, "foerderbereich_unbekannt")).toEqual([]);
    expect(byRule(r, "folge_zuwendung_abgelehnt")).toEqual(["auszahlungen.csv:6"]);
  });
});
