/**
 * A new measure through the input table `foerderbereiche` (issue 11): build the
 * whole site from a copy of the sample data with the default list plus a new
 * area `wohnraum`, one appropriation (2024: 600.000 €), one grant (Stuttgart,
 * 2024: 500.000 €) and one payment (2024: 300.000 €) under it. The figures are
 * set here, so the expected values are known without asking the code. The new
 * area must appear in the published tables (with its German name), the /haushalt
 * filter and chart table, the /mittel filter and the profile of Stuttgart.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultFoerderbereiche } from "../../loaders/reference/foerderbereiche.ts";
import { SCREENSHOTS, useSite } from "./harness.ts";
import { buildSite } from "../helpers/site-build.ts";

const work = mkdtempSync(join(tmpdir(), "pik-fb-"));
const env = { PIK_DATA_DIR: join(work, "data"), PIK_WAREHOUSE: join(work, "pik.duckdb"), PIK_SITE_OUT: join(work, "site") };
const NAME = "Wohnraum für Geflüchtete";
const KURZ = "Wohnraum";
const AZ = "TEST-WR-2024-0001";

/** Appends a row to the first sheet, cells by header name (header found by `key`). */
async function appendXlsx(file: string, key: string, values: Record<string, string | number>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let header: string[] = [];
  ws.eachRow((row) => {
    const v = (row.values as unknown[]).map((c) => String(c ?? "").toLowerCase());
    if (!header.length && v.includes(key)) header = v;
  });
  expect(header.length, `Kopfzeile in ${file}`).toBeGreaterThan(0);
  const row = ws.getRow(ws.rowCount + 1);
  for (const [name, value] of Object.entries(values)) {
    const col = header.indexOf(name);
    expect(col, `${name} in ${file}`).toBeGreaterThan(0);
    row.getCell(col).value = value;
  }
  row.commit();
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  cpSync("data", env.PIK_DATA_DIR, { recursive: true });
  const d = env.PIK_DATA_DIR;
  const liste = [
    "foerderbereich;name;kurzname;ab_jahr;bis_jahr",
    ...loadDefaultFoerderbereiche().map((f) => `${f.foerderbereich};${f.name};${f.kurzname};${f.ab_jahr ?? ""};${f.bis_jahr ?? ""}`),
    `wohnraum;${NAME};${KURZ};2024;`,
  ];
  writeFileSync(join(d, "foerderbereiche.csv"), liste.join("\n") + "\n");
  await appendXlsx(join(d, "haushalt.xlsx"), "ansatz_eur", { haushaltsjahr: 2024, "förderbereich": "wohnraum", ansatz_eur: 600000 });
  await appendXlsx(join(d, "bewilligungen.xlsx"), "aktenzeichen", {
    aktenzeichen: AZ, empfaenger_ags: "08111000", "empfänger_name": "Landeshauptstadt Stuttgart", foerderbereich: "wohnraum",
    status: "bewilligt", antrag_datum: "15.01.2024", bescheid_datum: "15.02.2024", beginn: "01.01.2024", ende: "31.12.2024", bewilligt_eur: 500000,
  });
  // auszahlungen.csv is Windows-1252 with CRLF; this row is plain ASCII.
  appendFileSync(join(d, "auszahlungen.csv"), `TEST-WR-Z1;${AZ};15.06.2024;300000,00;abschlag\r\n`);
  buildSite(env);
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = useSite({ root: env.PIK_SITE_OUT });

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(env.PIK_WAREHOUSE, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  conn.closeSync();
  db.closeSync();
  return rows;
}

describe("a new measure in foerderbereiche", () => {
  it("is in the published tables with its German name and the figures set above", async () => {
    expect(await query(`SELECT foerderbereich_name, bewilligt_eur, ausgezahlt_eur FROM zuwendungen WHERE aktenzeichen = '${AZ}'`)).toEqual([
      { foerderbereich_name: NAME, bewilligt_eur: "500000.00", ausgezahlt_eur: "300000.00" },
    ]);
    expect(await query(`SELECT jahr, foerderbereich_name, ansatz_eur, bewilligt_eur, ausgezahlt_eur FROM haushalt_jahr WHERE foerderbereich = 'wohnraum'`)).toEqual([
      { jahr: 2024, foerderbereich_name: NAME, ansatz_eur: "600000.00", bewilligt_eur: "500000.00", ausgezahlt_eur: "300000.00" },
    ]);
    expect(await query(`SELECT kreis_ags, jahr, foerderbereich_name FROM mittel_kreis_jahr WHERE foerderbereich = 'wohnraum'`)).toEqual([
      { kreis_ags: "08111", jahr: 2024, foerderbereich_name: NAME },
    ]);
  });

  it("/haushalt: the filter offers it and, chosen, the table shows 2024 with 600.000 € Ansatz", async () => {
    const { page, errors } = await site.open("/haushalt");
    const select = page.getByLabel("Förderbereich", { exact: true });
    const options = await select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent));
    expect(options).toContain(NAME);
    await select.selectOption({ label: NAME });
    await page.waitForFunction(() => new URL(location.href).searchParams.get("bereich") === "wohnraum");
    await page.waitForTimeout(500);
    // The table sits in a closed disclosure: its text, not its rendering.
    const text = (await page.locator("#haushalt-tabelle table tbody").textContent() ?? "").replace(/[\s\u00a0\u202f]+/g, " ");
    expect(text).toContain("2024");
    expect(text).toContain("600.000 €");
    expect(text).toContain("500.000 €");
    await page.screenshot({ path: `${SCREENSHOTS}/foerderbereich-neu-haushalt.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("/mittel: the filter offers it", async () => {
    const { page, errors } = await site.open("/mittel");
    const options = await page.getByLabel("Förderbereich", { exact: true }).evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent));
    expect(options).toContain(NAME);
    expect(errors).toEqual([]);
  });

  it("Kreisprofil Stuttgart: the chart legend shows the short name and the grants table the name", async () => {
    const { page, errors } = await site.open("/kreise/08111");
    const legends = (await page.locator("#observablehq-main div[class*='swatches']").allInnerTexts()).join(" | ");
    expect(legends).toContain(KURZ);
    expect(await page.locator("#observablehq-main").innerText()).toContain(NAME);
    await page.screenshot({ path: `${SCREENSHOTS}/foerderbereich-neu-kreis-08111.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
