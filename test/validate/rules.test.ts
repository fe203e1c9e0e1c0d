/**
 * Every validation rule with a failing row, against a valid baseline that passes.
 * Lines are counted by hand: the header is line 1, the n-th data row line n + 1.
 */
import { afterAll, describe, expect, it } from "vitest";
import { validateFolder } from "../../loaders/cli/main.ts";
import type { Finding } from "../../loaders/base/finding.ts";
import type { ValidationResult } from "../../loaders/validate/index.ts";
import { csv, removeFolder, validFolder, validTables, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function run(change?: Parameters<typeof validFolder>[0]): Promise<ValidationResult> {
  const dir = validFolder(change);
  dirs.push(dir);
  return validateFolder(dir);
}

const summary = (r: ValidationResult, datei: string) => r.files.find((f) => f.datei === datei);
const pick = (f: Finding) => ({ datei: f.datei, zeile: f.zeile, spalte: f.spalte, regel: f.regel, schwere: f.schwere });

/** Sets a cell of the n-th data row (1-based) of a table. */
const set = (t: ReturnType<typeof validTables>, table: keyof ReturnType<typeof validTables>, row: number, column: string, value: string) => {
  const rows = t[table];
  const i = rows[0]!.indexOf(column);
  if (i < 0) throw new Error(`no column ${column}`);
  rows[row]![i] = value;
};

describe("baseline", () => {
  it("accepts the valid folder completely, with no finding", async () => {
    const r = await run();
    expect(r.findings).toEqual([]);
    expect(r.files.map((f) => [f.datei, f.gelesen, f.akzeptiert, f.abgelehnt])).toEqual([
      ["haushalt.csv", 2, 2, 0],
      ["bewilligungen.csv", 3, 3, 0],
      ["auszahlungen.csv", 4, 4, 0],
      ["stellen.csv", 3, 3, 0],
      ["gefluechtete_au.csv", 2, 2, 0],
    ]);
  });
});

type Case = [name: string, change: Parameters<typeof validFolder>[0], expected: Partial<Finding>];

const rowErrors: Case[] = [
  ["pflicht", (t) => set(t, "bewilligungen", 1, "empfaenger_name", ""), { datei: "bewilligungen.csv", zeile: 2, spalte: "empfaenger_name", regel: "pflicht" }],
  ["typ int", (t) => set(t, "haushalt", 1, "haushaltsjahr", "20x8"), { datei: "haushalt.csv", zeile: 2, spalte: "haushaltsjahr", regel: "typ" }],
  ["typ dec", (t) => set(t, "auszahlungen", 1, "betrag_eur", "12a"), { datei: "auszahlungen.csv", zeile: 2, spalte: "betrag_eur", regel: "typ" }],
  ["typ dec: two commas", (t) => set(t, "auszahlungen", 1, "betrag_eur", "1,234,56"), { zeile: 2, spalte: "betrag_eur", regel: "typ" }],
  ["nachkommastellen", (t) => set(t, "auszahlungen", 1, "betrag_eur", "50000,001"), { zeile: 2, spalte: "betrag_eur", regel: "nachkommastellen" }],
  ["typ date: 31 February", (t) => set(t, "auszahlungen", 1, "buchungsdatum", "31.02.2018"), { zeile: 2, spalte: "buchungsdatum", regel: "typ" }],
  ["typ date: slashes", (t) => set(t, "auszahlungen", 2, "buchungsdatum", "2019/04/15"), { zeile: 3, spalte: "buchungsdatum", regel: "typ" }],
  ["typ bool", (t) => set(t, "stellen", 1, "besetzt", "vielleicht"), { datei: "stellen.csv", zeile: 2, spalte: "besetzt", regel: "typ" }],
  ["typ enum", (t) => set(t, "auszahlungen", 1, "art", "vorschuss"), { zeile: 2, spalte: "art", regel: "typ" }],
  ["typ ags: other Land", (t) => set(t, "bewilligungen", 3, "empfaenger_ags", "09162"), { datei: "bewilligungen.csv", zeile: 4, spalte: "empfaenger_ags", regel: "typ" }],
  ["typ ags: 4 digits", (t) => set(t, "bewilligungen", 3, "empfaenger_ags", "0811"), { zeile: 4, spalte: "empfaenger_ags", regel: "typ" }],
  ["bereich_min amount", (t) => set(t, "haushalt", 1, "ansatz_eur", "-1,00"), { datei: "haushalt.csv", zeile: 2, spalte: "ansatz_eur", regel: "bereich_min" }],
  ["bereich_max year", (t) => set(t, "haushalt", 2, "haushaltsjahr", "2101"), { datei: "haushalt.csv", zeile: 3, spalte: "haushaltsjahr", regel: "bereich_max" }],
  ["bereich_max vzae", (t) => set(t, "stellen", 1, "vzae", "1,5"), { datei: "stellen.csv", zeile: 2, spalte: "vzae", regel: "bereich_max" }],
  ["bereich_min vzae", (t) => set(t, "stellen", 1, "vzae", "0,2"), { datei: "stellen.csv", zeile: 2, spalte: "vzae", regel: "bereich_min" }],
  ["bereich_min persons", (t) => set(t, "gefluechtete_au", 2, "personen", "-3"), { datei: "gefluechtete_au.csv", zeile: 3, spalte: "personen", regel: "bereich_min" }],
  ["datum_bereich", (t) => set(t, "bewilligungen", 3, "beginn", "01.07.1919"), { datei: "bewilligungen.csv", zeile: 4, spalte: "beginn", regel: "datum_bereich" }],
  ["bescheid_datum_pflicht", (t) => set(t, "bewilligungen", 2, "bescheid_datum", ""), { datei: "bewilligungen.csv", zeile: 3, spalte: "bescheid_datum", regel: "bescheid_datum_pflicht" }],
  ["bescheid_nach_antrag", (t) => set(t, "bewilligungen", 2, "bescheid_datum", "2018-01-15"), { zeile: 3, spalte: "bescheid_datum", regel: "bescheid_nach_antrag" }],
  ["ende_nach_beginn", (t) => set(t, "bewilligungen", 2, "ende", "2018-03-31"), { zeile: 3, spalte: "ende", regel: "ende_nach_beginn" }],
  ["betrag_nur_wenn_bewilligt", (t) => set(t, "bewilligungen", 3, "bewilligt_eur", "100,00"), { zeile: 4, spalte: "bewilligt_eur", regel: "betrag_nur_wenn_bewilligt" }],
  ["vzae_pflicht_im", (t) => set(t, "bewilligungen", 2, "vzae_bewilligt", ""), { zeile: 3, spalte: "vzae_bewilligt", regel: "vzae_pflicht_im" }],
  ["betrag_positiv", (t) => set(t, "auszahlungen", 1, "betrag_eur", "-5,00"), { datei: "auszahlungen.csv", zeile: 2, spalte: "betrag_eur", regel: "betrag_positiv" }],
  ["rueckforderung_nicht_null", (t) => set(t, "auszahlungen", 4, "betrag_eur", "0,00"), { zeile: 5, spalte: "betrag_eur", regel: "rueckforderung_nicht_null" }],
  ["qualifikation_pflicht", (t) => set(t, "stellen", 1, "qualifikation", ""), { datei: "stellen.csv", zeile: 2, spalte: "qualifikation", regel: "qualifikation_pflicht" }],
  ["kreis_unbekannt", (t) => set(t, "bewilligungen", 3, "empfaenger_ags", "08999003"), { datei: "bewilligungen.csv", zeile: 4, spalte: "empfaenger_ags", regel: "kreis_unbekannt" }],
  ["kreis_unbekannt refugees", (t) => set(t, "gefluechtete_au", 1, "kreis_ags", "08110"), { datei: "gefluechtete_au.csv", zeile: 2, spalte: "kreis_ags", regel: "kreis_unbekannt" }],
  ["zahlung_ohne_bewilligung (pending grant)", (t) => set(t, "auszahlungen", 1, "aktenzeichen", "AZ-3"), { datei: "auszahlungen.csv", zeile: 2, spalte: "aktenzeichen", regel: "zahlung_ohne_bewilligung" }],
  ["stelle_ohne_bewilligung", (t) => set(t, "stellen", 3, "aktenzeichen", "AZ-9"), { datei: "stellen.csv", zeile: 4, spalte: "aktenzeichen", regel: "stelle_ohne_bewilligung" }],
];

describe("a row breaking one rule is rejected with file, line, column and rule", () => {
  it.each(rowErrors)("%s", async (_name, change, expected) => {
    const r = await run(change);
    const errors = r.findings.filter((f) => f.schwere === "fehler");
    expect(errors.map(pick)).toContainEqual(expect.objectContaining({ ...expected, schwere: "fehler" }));
    const f = errors.find((e) => e.regel === expected.regel)!;
    expect(f.meldung).toMatch(/\S/);
    const file = summary(r, f.datei)!;
    expect(file.gelesen).toBe(file.akzeptiert + file.abgelehnt);
    expect(file.abgelehnt).toBeGreaterThanOrEqual(1);
  });
});

describe("messages are German and name the raw value", () => {
  it("typ dec", async () => {
    const r = await run((t) => set(t, "auszahlungen", 1, "betrag_eur", "12a"));
    expect(r.findings[0]!.meldung).toBe(
      "„12a“ ist keine Zahl (erlaubt z. B. 1234,56 · 1.234,56 · 1234.56, optional mit € oder EUR).",
    );
    expect(r.findings[0]!.wert).toBe("12a");
  });
  it("enum lists the allowed values", async () => {
    const r = await run((t) => set(t, "auszahlungen", 1, "art", "vorschuss"));
    expect(r.findings[0]!.meldung).toBe("„vorschuss“ ist kein zulässiger Wert; erlaubt: abschlag, schlusszahlung, rueckforderung.");
  });
});

describe("cascades stay visible", () => {
  it("a rejected grant rejects its payments and staffing reports, each with its line, as follow-ons", async () => {
    const r = await run((t) => set(t, "bewilligungen", 1, "empfaenger_name", ""));
    const errors = r.findings.filter((f) => f.schwere === "fehler").map((f) => `${f.datei}:${f.zeile}:${f.regel}`);
    expect(errors.sort()).toEqual(
      [
        "bewilligungen.csv:2:pflicht",
        "auszahlungen.csv:2:folge_zuwendung_abgelehnt",
        "auszahlungen.csv:3:folge_zuwendung_abgelehnt",
        "stellen.csv:2:folge_zuwendung_abgelehnt",
        "stellen.csv:3:folge_zuwendung_abgelehnt",
      ].sort(),
    );
    expect([summary(r, "auszahlungen.csv")!.akzeptiert, summary(r, "auszahlungen.csv")!.abgelehnt]).toEqual([2, 2]);
  });
});

describe("keys", () => {
  it("rejects every row of a duplicated key: the key once with its count and lines, the other row as its follow-on", async () => {
    const r = await run((t) => set(t, "auszahlungen", 2, "zahlung_id", "Z-1"));
    const dup = r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt"));
    expect(dup.map((f) => [f.zeile, f.regel])).toEqual([
      [2, "schluessel_doppelt"],
      [3, "folge_schluessel_doppelt"],
    ]);
    expect(dup[0]!.meldung).toBe("Schlüssel (zahlung_id) kommt 2-mal vor (Zeilen 2, 3); keine der Zeilen wird übernommen.");
    expect(summary(r, "auszahlungen.csv")).toMatchObject({ gelesen: 4, akzeptiert: 2, abgelehnt: 2 });
  });
  it("composite key of staffing reports", async () => {
    const r = await run((t) => set(t, "stellen", 2, "stelle_nr", "1"));
    expect(r.findings.filter((f) => f.regel.endsWith("schluessel_doppelt")).map((f) => [f.datei, f.zeile, f.regel])).toEqual([
      ["stellen.csv", 2, "schluessel_doppelt"],
      ["stellen.csv", 3, "folge_schluessel_doppelt"],
    ]);
  });
});

describe("warnings do not reject", () => {
  const warnings: Case[] = [
    ["ags_fuehrende_null", (t) => set(t, "gefluechtete_au", 1, "kreis_ags", "8111"), { datei: "gefluechtete_au.csv", zeile: 2, spalte: "kreis_ags", regel: "ags_fuehrende_null" }],
    ["rueckforderung_ohne_vorzeichen", (t) => set(t, "auszahlungen", 4, "betrag_eur", "2500,00"), { datei: "auszahlungen.csv", zeile: 5, spalte: "betrag_eur", regel: "rueckforderung_ohne_vorzeichen" }],
    ["auszahlung_ueber_bewilligung", (t) => set(t, "auszahlungen", 2, "betrag_eur", "60000,00"), { datei: "bewilligungen.csv", zeile: 2, spalte: "bewilligt_eur", regel: "auszahlung_ueber_bewilligung" }],
    ["vzae_ueber_bewilligung", (t) => set(t, "bewilligungen", 2, "vzae_bewilligt", "0,5"), { datei: "bewilligungen.csv", zeile: 3, spalte: "vzae_bewilligt", regel: "vzae_ueber_bewilligung" }],
    ["bindung_ueber_ansatz", (t) => set(t, "haushalt", 1, "ansatz_eur", "1000,00"), { datei: "haushalt.csv", zeile: 2, spalte: "ansatz_eur", regel: "bindung_ueber_ansatz" }],
  ];
  it.each(warnings)("%s", async (_name, change, expected) => {
    const r = await run(change);
    expect(r.errors).toBe(0);
    expect(r.findings.map(pick)).toEqual([{ datei: null, zeile: null, spalte: null, regel: null, ...expected, schwere: "warnung" }]);
    for (const f of r.files) expect(f.abgelehnt).toBe(0);
  });
  it("payments above the grant: the message gives both amounts", async () => {
    const r = await run((t) => set(t, "auszahlungen", 2, "betrag_eur", "60000,00"));
    expect(r.findings[0]!.meldung).toBe(
      "Auszahlungen netto 110.000,00 € übersteigen den bewilligten Betrag 100.000,00 € (Aktenzeichen AZ-1).",
    );
  });
});

describe("file-level findings", () => {
  it("a missing required column rejects the whole file", async () => {
    const r = await run((t) => {
      t.auszahlungen = t.auszahlungen.map((row) => row.slice(0, 4));
    });
    expect(r.findings.filter((f) => f.datei === "auszahlungen.csv").map(pick)).toEqual([
      { datei: "auszahlungen.csv", zeile: null, spalte: "art", regel: "spalte_fehlt", schwere: "fehler" },
    ]);
    expect(summary(r, "auszahlungen.csv")).toMatchObject({ gelesen: 4, akzeptiert: 0, abgelehnt: 4 });
  });
  it("an unknown extra column is ignored with one warning", async () => {
    const r = await run((t) => {
      t.haushalt = t.haushalt.map((row, i) => [...row, i === 0 ? "Bemerkung" : "x"]);
    });
    expect(r.findings.map(pick)).toEqual([{ datei: "haushalt.csv", zeile: null, spalte: null, regel: "spalte_unbekannt", schwere: "warnung" }]);
    expect(r.findings[0]!.meldung).toBe("Unbekannte Spalte „Bemerkung“ wird ignoriert.");
  });
  it("a missing table is an error", async () => {
    const t = validTables();
    const dir = writeFolder(
      Object.fromEntries(Object.entries(t).filter(([n]) => n !== "gefluechtete_au").map(([n, rows]) => [`${n}.csv`, csv(rows)])),
    );
    dirs.push(dir);
    const r = await validateFolder(dir);
    expect(r.findings.map((f) => f.regel)).toEqual(["tabelle_fehlt"]);
  });
  it("a row with a missing cell is rejected with its line", async () => {
    const t = validTables();
    const files = Object.fromEntries(Object.entries(t).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
    files["auszahlungen.csv"] = files["auszahlungen.csv"]!.replace("Z-3;AZ-2;15.04.2018;50000,00;abschlag", "Z-3;AZ-2;15.04.2018;50000,00");
    const dir = writeFolder(files);
    dirs.push(dir);
    const r = await validateFolder(dir);
    expect(r.findings.map((f) => ({ ...pick(f), spalte: undefined }))).toEqual([
      { datei: "auszahlungen.csv", zeile: 4, spalte: undefined, regel: "zeile_spaltenzahl", schwere: "fehler" },
    ]);
    expect(summary(r, "auszahlungen.csv")).toMatchObject({ gelesen: 4, akzeptiert: 3, abgelehnt: 1 });
  });
  it("binary junk is a finding, not a crash", async () => {
    const t = validTables();
    const files: Record<string, string | Buffer> = Object.fromEntries(Object.entries(t).map(([n, rows]) => [`${n}.csv`, csv(rows)]));
    files["stellen.csv"] = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const dir = writeFolder(files);
    dirs.push(dir);
    const r = await validateFolder(dir);
    const f = r.findings.filter((x) => x.datei === "stellen.csv");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ zeile: null, schwere: "fehler" });
  });
});
