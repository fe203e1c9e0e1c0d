/**
 * Page /anfrage (Anfrage-Assistent) in the browser: loads cleanly, the table's
 * numbers equal what this test queries itself from the warehouse (read-only,
 * independent SQL over the published tables), controls change the table and the
 * URL, and the CSV and XLSX downloads hold the same numbers.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readBuildInfo, warehouseFromEnv } from "../../loaders/warehouse/build.ts";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const ROUTE = "/anfrage";
// ausgezahlt_eur_je_1000_ew: the measure's name in earlier releases, so old permalinks keep working.
const SEARCH = "?umfang=auswahl&kreise=08111,08436&von=2019&bis=2020&k=bewilligt_eur,ausgezahlt_eur_je_1000_ew,gefluechtete_je_vzae";

const site = useSite({ warehouse: true });
const { query } = site;

const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const de2 = (x: unknown) =>
  x == null ? "–" : new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(x));
const csv2 = (x: unknown) => (x == null ? "" : Number(x).toFixed(2).replace(".", ","));

/**
 * Expected values per row (AGS or "land") and column key, from the published
 * tables: amounts summed over Förderbereiche, per 1.000 inhabitants from
 * kreise.einwohner, refugees per occupied VZÄ at the year's last Stichtag.
 */
async function expected(kreise: string[], jahre: number[]): Promise<Map<string, Record<string, string | null>>> {
  const out = new Map<string, Record<string, string | null>>();
  const groups: [string, string][] = [...kreise.map((a): [string, string] => [a, `k.kreis_ags = '${a}'`]), ["land", "true"]];
  for (const [name, where] of groups) {
    const werte: Record<string, string | null> = {};
    for (const j of jahre) {
      const [r] = await query(`
        WITH kr AS (SELECT * FROM main.kreise AS k WHERE ${where}),
        last AS (SELECT max(stichtag) AS s FROM main.abdeckung_kreis WHERE year(stichtag) = ${j}),
        ab AS (SELECT a.* FROM main.abdeckung_kreis AS a, last WHERE a.stichtag = last.s AND a.kreis_ags IN (SELECT kreis_ags FROM kr)
               AND a.vzae_besetzt > 0 AND a.gefluechtete_au IS NOT NULL)
        SELECT
          (SELECT coalesce(sum(bewilligt_eur), 0) FROM main.mittel_kreis_jahr WHERE jahr = ${j} AND kreis_ags IN (SELECT kreis_ags FROM kr)) AS bew,
          (SELECT coalesce(sum(ausgezahlt_eur), 0) FROM main.mittel_kreis_jahr WHERE jahr = ${j} AND kreis_ags IN (SELECT kreis_ags FROM kr)) AS aus,
          (SELECT sum(einwohner) FROM kr) AS ew,
          (SELECT sum(gefluechtete_au) FROM ab) AS gef,
          (SELECT sum(vzae_besetzt) FROM ab) AS vzae`);
      werte[`bewilligt_eur_${j}`] = Number(r!["bew"]).toFixed(2);
      werte[`ausgezahlt_je_1000_ew_${j}`] = ((Number(r!["aus"]) * 1000) / Number(r!["ew"])).toFixed(2);
      werte[`gefluechtete_je_vzae_${j}`] = r!["vzae"] == null ? null : (Number(r!["gef"]) / Number(r!["vzae"])).toFixed(2);
    }
    out.set(name, werte);
  }
  return out;
}

const open = (search = SEARCH): Promise<Watched> => site.open(ROUTE + search);

/** The rendered table: row key (AGS, "auswahl", "land") → column key → cell text. */
async function tableCells(page: Page): Promise<Map<string, Record<string, string>>> {
  const rows = await page.locator("#anfrage-tabelle tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      key: (tr as HTMLElement).dataset["ags"] || (tr as HTMLElement).dataset["art"] || "",
      cells: Object.fromEntries([...tr.querySelectorAll("td[data-key]")].map((td) => [(td as HTMLElement).dataset["key"]!, td.textContent ?? ""])),
    })),
  );
  return new Map(rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, ws(v)]))]));
}

describe("/anfrage", () => {
  it("loads cleanly, says the data are synthetic, and its numbers equal the warehouse", async () => {
    const { page, errors, external } = await open();
    expect(await page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    const cells = await tableCells(page);
    expect([...cells.keys()]).toEqual(["08111", "08436", "auswahl", "land"]);
    const want = await expected(["08111", "08436"], [2019, 2020]);
    for (const [row, werte] of want) {
      for (const [key, v] of Object.entries(werte)) expect(`${row} ${key} ${cells.get(row)?.[key]}`).toBe(`${row} ${key} ${de2(v)}`);
    }
    // The selection's sum equals the two Kreise added up (amounts).
    const sel = (await query(`SELECT sum(bewilligt_eur) AS s FROM main.mittel_kreis_jahr WHERE jahr = 2019 AND kreis_ags IN ('08111', '08436')`))[0]!;
    expect(cells.get("auswahl")?.["bewilligt_eur_2019"]).toBe(de2(sel["s"]));
    const info = readBuildInfo(warehouseFromEnv())!;
    const fussnoten = (await page.locator("#anfrage-fussnoten").textContent()) ?? "";
    expect(fussnoten).toContain(`Stand: ${info.stand!.split("-").reverse().join(".")}`);
    expect(fussnoten).toContain(`Release: ${info.releaseId}`);
    await page.screenshot({ path: `${SCREENSHOTS}/anfrage.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("controls change the table and the URL; the permalink reopens the view", async () => {
    const { page, errors } = await open();
    await page.getByLabel("Zurückgefordert (EUR)", { exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("k")).toContain("rueckforderung_eur");
    await expect.poll(async () => (await tableCells(page)).get("land")?.["rueckforderung_eur_2020"]).toBe(
      de2((await query("SELECT sum(rueckforderung_eur) AS s FROM main.mittel_kreis_jahr WHERE jahr = 2020"))[0]!["s"]),
    );
    await page.getByLabel("Kreise", { exact: true }).selectOption({ label: "Regierungsbezirk Freiburg" });
    await expect.poll(() => new URL(page.url()).searchParams.get("umfang")).toBe("rb:Freiburg");
    const freiburg = (await query("SELECT kreis_ags FROM main.kreise WHERE regierungsbezirk = 'Freiburg' ORDER BY kreis_ags")).map((r) => String(r["kreis_ags"]));
    await expect.poll(async () => [...(await tableCells(page)).keys()]).toEqual([...freiburg, "auswahl", "land"]);
    const href = await page.locator("#anfrage-permalink").getAttribute("href");
    const reopened = await open(new URL(href!, site.url).search);
    expect([...(await tableCells(reopened.page)).keys()]).toEqual([...freiburg, "auswahl", "land"]);
    expect(await reopened.page.getByLabel("Zurückgefordert (EUR)", { exact: true }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await page.context().close();
    await reopened.page.context().close();
  });

  it("the CSV download holds the table with German headers, decimal comma and footnotes", async () => {
    const { page, errors } = await open();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#anfrage-csv")]);
    expect(download.suggestedFilename()).toBe("anfrage_pik_2019-2020.csv");
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Kreis;AGS;Bewilligt (anteilig) 2019 (EUR);Bewilligt (anteilig) 2020 (EUR);" +
        "Ausgezahlt (netto) je 1.000 Einwohner 2019 (EUR je 1.000 Einwohner);Ausgezahlt (netto) je 1.000 Einwohner 2020 (EUR je 1.000 Einwohner);" +
        "Geflüchtete je besetzter VZÄ 2019 (Personen je VZÄ);Geflüchtete je besetzter VZÄ 2020 (Personen je VZÄ)",
    );
    const want = await expected(["08111", "08436"], [2019, 2020]);
    const keys = ["bewilligt_eur", "ausgezahlt_je_1000_ew", "gefluechtete_je_vzae"].flatMap((k) => [2019, 2020].map((j) => `${k}_${j}`));
    const name = async (a: string) => String((await query(`SELECT kreis_name FROM main.kreise WHERE kreis_ags = '${a}'`))[0]!["kreis_name"]);
    expect(lines[1]).toBe([await name("08111"), "08111", ...keys.map((k) => csv2(want.get("08111")![k]))].join(";"));
    expect(lines[2]).toBe([await name("08436"), "08436", ...keys.map((k) => csv2(want.get("08436")![k]))].join(";"));
    expect(lines[3]!.startsWith("Summe der ausgewählten Kreise;;")).toBe(true);
    expect(lines[4]).toBe(["Baden-Württemberg insgesamt", "", ...keys.map((k) => csv2(want.get("land")![k]))].join(";"));
    expect(lines[5]).toBe("");
    expect(lines[6]).toMatch(/^"?1\) Bewilligt \(anteilig\) \(EUR\): Auf das Kalenderjahr/);
    expect(text).toContain("Synthetische Beispieldaten");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("one Förderbereich: the amounts of that area, named in the control, headers, footnotes, URL and file name", async () => {
    const { page, errors } = await open("?umfang=auswahl&kreise=08111,08436&von=2025&bis=2026&k=bewilligt_eur,ausgezahlt_eur");
    const fb = (await query("SELECT foerderbereich, name, kurzname FROM ref.foerderbereiche WHERE foerderbereich = 'traumarehabilitation'"))[0]!;
    await page.getByLabel("Förderbereich (Beträge)", { exact: true }).selectOption({ label: String(fb["name"]) });
    await expect.poll(() => new URL(page.url()).searchParams.get("bereich")).toBe("traumarehabilitation");
    const sql = (col: string, jahr: number, where: string) =>
      `SELECT coalesce(sum(${col}), 0) AS s FROM main.mittel_kreis_jahr WHERE foerderbereich = 'traumarehabilitation' AND jahr = ${jahr} AND ${where}`;
    const land2025 = (await query(sql("bewilligt_eur", 2025, "true")))[0]!["s"];
    expect(Number(land2025)).toBeGreaterThan(0);
    await expect.poll(async () => (await tableCells(page)).get("land")?.["bewilligt_eur_2025"]).toBe(de2(land2025));
    const cells = await tableCells(page);
    for (const ags of ["08111", "08436"])
      for (const jahr of [2025, 2026])
        for (const col of ["bewilligt_eur", "ausgezahlt_eur"])
          expect(`${ags} ${col} ${jahr} ${cells.get(ags)?.[`${col}_${jahr}`]}`).toBe(
            `${ags} ${col} ${jahr} ${de2((await query(sql(col, jahr, `kreis_ags = '${ags}'`)))[0]!["s"])}`,
          );
    const kopf = ws((await page.locator("#anfrage-tabelle thead th.pik-af-gruppe").first().textContent()) ?? "");
    expect(kopf).toBe(`Bewilligt (anteilig), ${fb["kurzname"]} (EUR)1)`);
    expect((await page.locator("#anfrage-fussnoten").textContent()) ?? "").toContain(`Nur Förderbereich „${fb["name"]}“.`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#anfrage-csv")]);
    expect(download.suggestedFilename()).toBe("anfrage_pik_traumarehabilitation_2025-2026.csv");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("„Tabelle kopieren“ puts an HTML table and TSV with the same numbers on the clipboard", async () => {
    const { page, errors } = await open();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    await page.click("#anfrage-kopieren");
    await expect.poll(() => page.locator("#anfrage-karte [role=status]").textContent()).toContain("Tabelle kopiert");
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType("text/html")).text(),
        text: await (await item!.getType("text/plain")).text(),
      };
    });
    const want = await expected(["08111"], [2019]);
    const v = de2(want.get("08111")!["bewilligt_eur_2019"]);
    expect(clip.html).toContain("<table");
    expect(clip.html).toContain(`>${v}</td>`);
    expect(clip.html).not.toContain("data-key");
    const rows = clip.text.split("\r\n").map((l) => l.split("\t"));
    expect(rows[0]!.slice(0, 3)).toEqual(["Kreis", "AGS", "Bewilligt (anteilig) 2019 (EUR)"]);
    expect(rows[1]!.slice(1, 3)).toEqual(["08111", v]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the XLSX download has numeric cells equal to the table", async () => {
    const { page, errors } = await open();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#anfrage-xlsx")]);
    expect(download.suggestedFilename()).toBe("anfrage_pik_2019-2020.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const want = await expected(["08111"], [2019]);
    expect(sheet.getCell("B2").value).toBe("08111");
    expect(sheet.getCell("C2").value).toBe(Number(want.get("08111")!["bewilligt_eur_2019"]));
    expect(sheet.getCell("A5").value).toBe("Baden-Württemberg insgesamt");
    expect(sheet.getCell("C5").value).toBe(Number(want.get("land")!["bewilligt_eur_2019"]));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * Level „Gemeinden“: the Gemeinden of one Kreis (all, or a chosen few), the sum
 * of the selection, the Kreis and the Land. Expected numbers come from SQL run
 * here against the published tables: mittel_gemeinde_jahr for the Gemeinden
 * (0 without a row), mittel_kreis_jahr for the Kreis and the Land.
 */
describe("/anfrage, Gemeinden", () => {
  const JAHRE = [2019, 2020];
  const gemeindenVon = async (kreis: string) =>
    (await query(`SELECT gemeinde_ags AS a FROM ref.gemeinden WHERE kreis_ags = '${kreis}' ORDER BY 1`)).map((r) => String(r["a"]));
  async function expectedG(gemeinden: string[], kreis: string): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    const list = gemeinden.map((a) => `'${a}'`).join(", ");
    const groups: [string, string][] = [
      ...gemeinden.map((a): [string, string] => [a, `SELECT coalesce(sum(COL), 0) AS s FROM main.mittel_gemeinde_jahr WHERE jahr = J AND gemeinde_ags = '${a}'`]),
      ["auswahl", `SELECT coalesce(sum(COL), 0) AS s FROM main.mittel_gemeinde_jahr WHERE jahr = J AND gemeinde_ags IN (${list})`],
      [kreis, `SELECT coalesce(sum(COL), 0) AS s FROM main.mittel_kreis_jahr WHERE jahr = J AND kreis_ags = '${kreis}'`],
      ["land", `SELECT coalesce(sum(COL), 0) AS s FROM main.mittel_kreis_jahr WHERE jahr = J`],
    ];
    for (const [name, sql] of groups) {
      const werte: Record<string, string> = {};
      for (const j of JAHRE)
        for (const col of ["bewilligt_eur", "ausgezahlt_eur"])
          werte[`${col}_${j}`] = de2((await query(sql.replace("COL", col).replace("J", String(j))))[0]!["s"]);
      out.set(name, werte);
    }
    return out;
  }
  const compare = (cells: Map<string, Record<string, string>>, want: Map<string, Record<string, string>>) => {
    for (const [row, werte] of want)
      for (const [key, v] of Object.entries(werte)) expect(`${row} ${key} ${cells.get(row)?.[key]}`).toBe(`${row} ${key} ${v}`);
  };

  it("all Gemeinden of a Kreis from the URL: one row each, 0,00 without money, the sum, the Kreis and the Land equal the warehouse", async () => {
    const { page, errors, external } = await open("?ebene=gemeinden&kreis=08115&von=2019&bis=2020&k=bewilligt_eur,ausgezahlt_eur");
    const alle = await gemeindenVon("08115");
    expect(alle.length).toBeGreaterThan(20);
    await expect.poll(async () => [...(await tableCells(page)).keys()]).toEqual([...alle, "auswahl", "08115", "land"]);
    const cells = await tableCells(page);
    const want = await expectedG(alle, "08115");
    compare(cells, want);
    // The sample data have Gemeinden of the Kreis with and without money, and grants to the Kreis itself.
    expect([...alle].some((a) => cells.get(a)?.["bewilligt_eur_2020"] === "0,00")).toBe(true);
    expect(cells.get("auswahl")?.["bewilligt_eur_2020"]).not.toBe(cells.get("08115")?.["bewilligt_eur_2020"]);
    const namen = await page.locator("#anfrage-tabelle tbody tr td:first-child").allTextContents();
    expect(namen.slice(-3)).toEqual(["Summe der ausgewählten Gemeinden", "Landkreis Böblingen insgesamt", "Baden-Württemberg insgesamt"]);
    const fussnoten = (await page.locator("#anfrage-fussnoten").textContent()) ?? "";
    expect(fussnoten).toContain("mittel_gemeinde_jahr");
    expect(fussnoten).toContain("Synthetische Beispieldaten: Alle Zahlen je Gemeinde und Kreis sind erfunden");
    await page.screenshot({ path: `${SCREENSHOTS}/anfrage-gemeinden.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("choosing the level, a Kreis and Gemeinden changes table and URL; CSV and XLSX hold the same numbers", async () => {
    const name = async (a: string) => String((await query(`SELECT gemeinde_name FROM ref.gemeinden WHERE gemeinde_ags = '${a}'`))[0]!["gemeinde_name"]);
    const { page, errors } = await open("?von=2019&bis=2020&k=bewilligt_eur,ausgezahlt_eur");
    await page.getByLabel("nach Gemeinden", { exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("ebene")).toBe("gemeinden");
    await page.getByLabel("Kreis der Gemeinden", { exact: true }).selectOption({ label: "Böblingen (08115)" });
    await expect.poll(() => new URL(page.url()).searchParams.get("kreis")).toBe("08115");
    const wahl = ["08115001", "08115021"];
    // Observable's select has option values by index: choose by label „Name (AGS)“.
    const labels = await Promise.all(wahl.map(async (a) => ({ label: `${await name(a)} (${a})` })));
    await page.getByLabel(/^Gemeinden \(keine Auswahl/).selectOption(labels);
    await expect.poll(() => new URL(page.url()).searchParams.get("gemeinden")).toBe(wahl.join(","));
    await expect.poll(async () => [...(await tableCells(page)).keys()]).toEqual([...wahl, "auswahl", "08115", "land"]);
    const want = await expectedG(wahl, "08115");
    compare(await tableCells(page), want);

    const [csvDl] = await Promise.all([page.waitForEvent("download"), page.click("#anfrage-csv")]);
    expect(csvDl.suggestedFilename()).toBe("anfrage_pik_gemeinden_08115_2019-2020.csv");
    const lines = readFileSync(await csvDl.path(), "utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Gemeinde;AGS;Bewilligt (anteilig) 2019 (EUR);Bewilligt (anteilig) 2020 (EUR);Ausgezahlt (netto) 2019 (EUR);Ausgezahlt (netto) 2020 (EUR)",
    );
    const keys = ["bewilligt_eur", "ausgezahlt_eur"].flatMap((k) => JAHRE.map((j) => `${k}_${j}`));
    const csvOf = (w: Record<string, string>) => keys.map((k) => w[k]!.replaceAll(".", ""));
    expect(lines[1]).toBe([await name("08115001"), "08115001", ...csvOf(want.get("08115001")!)].join(";"));
    expect(lines[3]).toBe(["Summe der ausgewählten Gemeinden", "", ...csvOf(want.get("auswahl")!)].join(";"));
    expect(lines[4]).toBe(["Landkreis Böblingen insgesamt", "08115", ...csvOf(want.get("08115")!)].join(";"));
    expect(lines[5]).toBe(["Baden-Württemberg insgesamt", "", ...csvOf(want.get("land")!)].join(";"));

    const [xlsxDl] = await Promise.all([page.waitForEvent("download"), page.click("#anfrage-xlsx")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await xlsxDl.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("Gemeinde");
    expect(sheet.getCell("B3").value).toBe("08115021");
    const sql = (await query("SELECT coalesce(sum(bewilligt_eur), 0) AS s FROM main.mittel_gemeinde_jahr WHERE jahr = 2019 AND gemeinde_ags = '08115021'"))[0]!;
    expect(sheet.getCell("C3").value).toBe(Number(sql["s"]));

    // The permalink reopens the same selection.
    const href = await page.locator("#anfrage-permalink").getAttribute("href");
    const reopened = await open(new URL(href!, site.url).search);
    await expect.poll(async () => [...(await tableCells(reopened.page)).keys()]).toEqual([...wahl, "auswahl", "08115", "land"]);
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await page.context().close();
    await reopened.page.context().close();
  });

  it("staffing measures and (without Gemeinde populations) per-inhabitant measures are left out with the reason", async () => {
    const { page, errors } = await open("?ebene=gemeinden&kreis=08115&von=2020&bis=2020&k=bewilligt_eur,vzae_besetzt,ausgezahlt_je_1000_ew");
    const hinweise = ws((await page.locator("#anfrage-karte .pik-af-hinweis").allTextContents()).join(" "));
    expect(hinweise).toContain("Für Gemeinden nicht verfügbar: VZÄ besetzt. Stellen (VZÄ) und Geflüchtete in der Anschlussunterbringung veröffentlicht der PIK-Monitor nur je Kreis");
    const einwohner = Number((await query("SELECT count(*) AS n FROM eingang.gemeinden"))[0]!["n"]);
    if (einwohner === 0) expect(hinweise).toContain("Kennzahlen je 1.000 Einwohner gibt es für Gemeinden nur mit Einwohnerzahlen der Gemeinden");
    const kopf = await page.locator("#anfrage-tabelle thead th.pik-af-gruppe").allTextContents();
    expect(kopf.map(ws)).toEqual(einwohner === 0 ? ["Bewilligt (anteilig) (EUR)1)"] : expect.any(Array));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
