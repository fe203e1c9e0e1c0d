/**
 * Page /pruefbericht in the browser: loads cleanly, the per-file counts equal
 * meta.dateien, the findings filters change the table and the URL (and a
 * permalink restores them), the cross-table counts and the per-Kreis scorecard
 * equal what this test queries itself from the warehouse (read-only).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, useSite, type Watched } from "./harness.ts";

const ROUTE = "/pruefbericht";
const site = useSite({ warehouse: true });
const { query } = site;

const count = async (sql: string) => Number((await query(sql))[0]!["n"]);
const ws = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const de = (x: unknown) => new Intl.NumberFormat("de-DE").format(Number(x));

const open = (search = ""): Promise<Watched> => site.open(ROUTE + search);
const rowsOf = (page: Page, selector: string) =>
  page.locator(`${selector} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe("/pruefbericht", () => {
  it("loads cleanly; per-file counts equal meta.dateien", async () => {
    const { page, errors, external } = await open();
    expect(await page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    const got = (await rowsOf(page, "#pb-dateien table")).map((r) => r.map(ws));
    const want = await query(`SELECT d.datei, d.gelesen, d.akzeptiert, d.abgelehnt, d.warnungen,
        (SELECT count(*) FROM meta.befunde AS b WHERE b.datei = d.datei AND b.schwere = 'fehler') AS fehler
      FROM meta.dateien AS d ORDER BY d.datei`);
    expect(got.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual(
      want.map((w) => [w["datei"], de(w["gelesen"]), de(w["akzeptiert"]), de(w["abgelehnt"]), de(w["fehler"]), de(w["warnungen"])]),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/pruefbericht.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the findings filters change the table and the URL; a permalink restores them", async () => {
    const { page, errors } = await open();
    const alle = await count("SELECT count(*) AS n FROM meta.befunde");
    const warnungen = await count("SELECT count(*) AS n FROM meta.befunde WHERE schwere = 'warnung'");
    const fehler = await count("SELECT count(*) AS n FROM meta.befunde WHERE schwere = 'fehler'");
    const shown = async () => (await rowsOf(page, "#pb-befunde-tabelle")).length;
    expect(await shown()).toBe(Math.min(alle, 500));
    await page.getByLabel("Schwere", { exact: true }).selectOption({ label: "Fehler" });
    await expect.poll(() => param(page, "schwere")).toBe("fehler");
    await expect.poll(shown).toBe(Math.min(fehler, 500));
    await page.getByLabel("Schwere", { exact: true }).selectOption({ label: "Warnung" });
    await expect.poll(() => param(page, "schwere")).toBe("warnung");
    await expect.poll(shown).toBe(Math.min(warnungen, 500));
    // Free text: an Aktenzeichen from a finding's message narrows the table to its findings.
    const [b] = await query("SELECT meldung FROM meta.befunde WHERE schwere = 'warnung' ORDER BY datei, zeile LIMIT 1");
    const term = /Aktenzeichen ([^)]+)\)/.exec(String(b?.["meldung"]))?.[1] ?? "xyz-kein-treffer";
    await page.locator("#pb-befunde input[type=search]").fill(term);
    await expect.poll(() => param(page, "q")).toBe(term);
    const mitTerm = await count(`SELECT count(*) AS n FROM meta.befunde WHERE schwere = 'warnung' AND (meldung ILIKE '%${term.replaceAll("'", "''")}%' OR wert ILIKE '%${term.replaceAll("'", "''")}%')`);
    await expect.poll(shown).toBe(mitTerm);
    const reopened = await open(new URL(page.url()).search);
    expect(await reopened.page.getByLabel("Schwere", { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe("Warnung");
    expect(await reopened.page.locator("#pb-befunde input[type=search]").inputValue()).toBe(term);
    expect((await rowsOf(reopened.page, "#pb-befunde-tabelle")).length).toBe(mitTerm);
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await page.context().close();
    await reopened.page.context().close();
  });

  it("cross-table warnings and the per-Kreis scorecard equal the warehouse", async () => {
    const { page, errors } = await open();
    const quer = (await rowsOf(page, "#pb-quer table")).map((r) => [ws(r[0]!), ws(r[2]!)]);
    const rules = ["ausserhalb_laufzeit", "auszahlung_ueber_bewilligung", "bindung_ueber_ansatz", "vzae_ueber_bewilligung"];
    const want = await Promise.all(rules.map(async (r) => [r, de(await count(`SELECT count(*) AS n FROM meta.befunde WHERE regel = '${r}'`))]));
    expect(quer).toEqual(want);
    // Kreise with grants whose net payments exceed the grant.
    const ueber = await query(`SELECT kreis_ags, count(*) AS n FROM main.zuwendungen WHERE ausgezahlt_eur > bewilligt_eur GROUP BY kreis_ags`);
    const rows = (await rowsOf(page, "#pb-kreise-tabelle")).map((r) => r.map(ws));
    expect(rows.length).toBe(44);
    for (const u of ueber) {
      const row = rows.find((r) => r[1] === u["kreis_ags"]);
      expect(row?.[4]).toMatch(new RegExp(`^${u["n"]} von `));
      expect(row?.[5]).toBe("prüfen");
    }
    // Toggle: only Kreise needing a look; URL remembers it.
    await page.getByLabel("Nur auffällige Kreise").check();
    await expect.poll(() => param(page, "auffaellig")).toBe("1");
    await expect.poll(async () => (await rowsOf(page, "#pb-kreise-tabelle")).length).toBe(rows.filter((r) => r[5] === "prüfen").length);
    expect(rows.filter((r) => r[5] === "prüfen").length).toBeGreaterThanOrEqual(ueber.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
