/**
 * One figure, one value: every page that shows a metric shows the same Kreis
 * and Land value, computed through the code each page really runs (its loader
 * query, and for /mittel and /anfrage the browser modules), for a fixture made
 * to break pages that each had their own rule:
 *
 * - Esslingen (08116) has a running integration-management grant of 1 VZÄ and
 *   no staffing report: its granted VZÄ must not enter the Land's filled share.
 * - Stuttgart (08111) and Böblingen (08115) tie on € per 1.000 inhabitants in
 *   2018 (75.342,47 € / 100.000 and 37.671,23 € / 50.000 = 753,42 each): they
 *   share rank 1 everywhere.
 *
 * Hand-worked values (validFolder plus AZ-4 and an input table kreise):
 * - 2018 granted pro rata: AZ-1 100.000 × 275/365 = 75.342,47; AZ-2 50.000 × 275/365
 *   = 37.671,23; AZ-4 (Esslingen, 01.04.2018–31.03.2019, 36.500 €) 36.500 × 275/365 = 27.500,00.
 * - Stichtag 30.06.2018: Stuttgart granted 2, filled 1 (S1 1,0 filled, S2 0,5 vacant); Böblingen
 *   granted 1, filled 1; Esslingen granted 1, no report. Besetzungsquote Land = (1 + 1) / (2 + 1)
 *   = 0,6667 (not 2 / 4 = 0,5). Refugees (15.09.2017) 5.000 and 3.000, Esslingen none:
 *   per filled VZÄ Land = 8.000 / 2 = 4.000.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anfrageTabelle } from "../../loaders/anfrage/index.ts";
import { anfrageDaten } from "../../loaders/pages/anfrage.ts";
import { metricTexts } from "../../loaders/queries/metrics.ts";
import { abdeckungLand } from "../../loaders/pages/abdeckung.ts";
import { kreisprofile } from "../../loaders/pages/kreisprofil.ts";
import { mittel } from "../../loaders/pages/mittel.ts";
import { uebersicht } from "../../loaders/pages/uebersicht.ts";
import { ingest } from "../../loaders/warehouse/build.ts";
// @ts-expect-error plain browser modules without types
import { auswahl } from "../../src/components/mittel-auswahl.js";
// @ts-expect-error plain browser modules without types
import { wert } from "../../src/components/anfrage-werte.js";
import { csv, removeFolder, validFolder } from "../helpers/folder.ts";

const STAND = "2019-01-31";
const META = { synthetisch: true, stand: STAND, release: "test" };
const KENNZAHLEN = Object.fromEntries(metricTexts().map((t) => [t.key, t]));

const dirs: string[] = [];
let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  const dir = validFolder((t) => {
    t.bewilligungen.push(["AZ-4", "08116", "Landkreis Esslingen", "integrationsmanagement", "bewilligt", "01.02.2018", "01.03.2018", "01.04.2018", "31.03.2019", "36500,00", "1"]);
  });
  dirs.push(dir);
  writeFileSync(join(dir, "kreise.csv"), csv([["kreis_ags", "einwohner", "stand"], ["08111", 100000, "31.12.2018"], ["08115", 50000, "31.12.2018"]]));
  const work = mkdtempSync(join(tmpdir(), "pik-consistency-"));
  dirs.push(work);
  const warehouse = join(work, "wh.duckdb");
  const outcome = await ingest({ dataDir: dir, warehouse, force: true });
  if (outcome.status !== "built") throw new Error(`ingest: ${outcome.status}`);
  db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  conn = await db.connect();
}, 120_000);
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
  dirs.forEach(removeFolder);
});

describe("the Land's Besetzungsquote and refugees per filled VZÄ", () => {
  it("are the same on the Kreis profile, /integrationsmanagement, the Übersicht and the Anfrage-Assistent", async () => {
    const profile = (await kreisprofile(conn, { stand: STAND })).get("08111")!;
    const kz = Object.fromEntries(profile.kennzahlen.map((k) => [k.kennzahl, k]));
    expect(profile.bezug.stichtag).toBe("2018-06-30");
    expect(kz["anteil_besetzt"]!.land).toBe(0.6667);
    expect(kz["gefluechtete_je_vzae"]!.land).toBe(4000);
    expect(profile.abdeckung.find((a) => a.stichtag === "2018-06-30")).toMatchObject({ land_anteil_besetzt: 0.6667, land_gefluechtete_je_vzae: 4000 });

    const land = (await abdeckungLand(conn)).find((l) => l.stichtag === "2018-06-30")!;
    expect(land.besetzungsquote).toBe(0.6667);
    expect(land.gefluechtete_je_vzae).toBe(4000);
    expect(land.vzae_bewilligt).toBe(4);

    const ue = await uebersicht(conn, { stand: STAND });
    expect(ue.abdeckung!.stichtag).toBe("2018-06-30");
    expect(ue.abdeckung!.gefluechtete_je_vzae).toBe("4000.0000");

    // /anfrage (CLI and web) shows 2 places; the year 2018's last Stichtag is 30.06.2018.
    const cli = await anfrageTabelle(conn, { kreise: [], von: 2018, bis: 2018, kennzahlen: ["gefluechtete_je_vzae", "vzae_bewilligt"] }, META);
    const cliLand = cli.zeilen.find((z) => z.art === "land")!.werte;
    expect(cliLand).toEqual({ gefluechtete_je_vzae_2018: "4000.00", vzae_bewilligt_2018: "4.00" });
    const daten = await anfrageDaten(conn, META);
    const basis2018 = daten.basis.filter((b) => b.jahr === 2018);
    const k = (name: string) => daten.kennzahlen.find((x) => x.name === name)!;
    expect(wert(k("gefluechtete_je_vzae"), basis2018, "alle")).toBe(4000);
    expect(wert(k("vzae_bewilligt"), basis2018, "alle")).toBe(4);
  });
});

describe("€ per 1.000 inhabitants and its ranks", () => {
  it("Kreis and Land values agree on the Kreis profile, /mittel and the Anfrage-Assistent; ties share rank 1", async () => {
    const profile = await kreisprofile(conn, { stand: STAND });
    const je = (ags: string) => profile.get(ags)!.kennzahlen.find((k) => k.kennzahl === "bewilligt_je_1000_ew")!;
    expect(profile.get("08111")!.bezug.stichjahr).toBe(2018);
    expect([je("08111").wert, je("08115").wert]).toEqual([753.42, 753.42]);
    expect([je("08111").rang_land, je("08115").rang_land]).toEqual([1, 1]);
    const landProfil = je("08111").land;

    const m = auswahl(await mittel(conn, { stand: STAND }), { mass: "bewilligt", bezug: "einwohner", von: 2018, bis: 2018, fb: "alle" }, KENNZAHLEN);
    const row = (ags: string) => m.rows.find((r: { kreis_ags: string }) => r.kreis_ags === ags);
    expect([row("08111").wert, row("08115").wert]).toEqual([753.42, 753.42]);
    expect([row("08111").rang, row("08115").rang, row("08116").rang]).toEqual([1, 1, 3]);
    expect(m.land.wert).toBe(landProfil);

    const cli = await anfrageTabelle(conn, { kreise: ["08111", "08115"], von: 2018, bis: 2018, kennzahlen: ["bewilligt_je_1000_ew"] }, META);
    const byArt = (art: string, ags: string | null = null) => cli.zeilen.find((z) => z.art === art && z.kreis_ags === ags)!.werte["bewilligt_je_1000_ew_2018"];
    expect([byArt("kreis", "08111"), byArt("kreis", "08115")]).toEqual(["753.42", "753.42"]);
    expect(Number(byArt("land"))).toBe(landProfil);
    // The selection of the two: (75.342,47 + 37.671,23) × 1.000 / 150.000 = 753,4247 → 753,42.
    expect(byArt("auswahl")).toBe("753.42");

    const daten = await anfrageDaten(conn, META);
    const k = daten.kennzahlen.find((x) => x.name === "bewilligt_je_1000_ew")!;
    const basis2018 = daten.basis.filter((b) => b.jahr === 2018);
    expect(wert(k, basis2018.filter((b) => b.kreis_ags === "08111"), "alle")).toBe(753.42);
    expect(wert(k, basis2018, "alle")).toBe(landProfil);
  });
});
