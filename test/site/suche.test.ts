/**
 * The search field on every page (issue 14, point 4): a Kreis, a Gemeinde, a
 * recipient and an Aktenzeichen are found by partial, case- and
 * umlaut-insensitive input and open the right page, by keyboard (combobox:
 * arrows, Enter) and by click; the index is fetched only on first use, from the
 * site itself. Expected pages come from the test's own SQL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, useSite } from "./harness.ts";

const site = useSite({ warehouse: true });

const feld = (page: Page) => page.getByRole("combobox", { name: "Suche" });
const optionen = (page: Page) => page.locator('[role="listbox"] [role="option"]');
const pfad = (page: Page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

describe("search", () => {
  it("a Kreis by part of its name with the umlaut left out; Enter opens its profile; no index before first use", async () => {
    const { page, errors, external, requests } = await site.open("/mittel");
    expect(requests.some((r) => r.includes("/_file/data/suche."))).toBe(false);
    await feld(page).fill("BOBLING");
    await expect.poll(() => optionen(page).count()).toBeGreaterThan(0);
    expect((await optionen(page).first().textContent())?.replace(/\s+/g, " ").trim()).toMatch(/^Kreis Böblingen /);
    expect(await feld(page).getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: `${SCREENSHOTS}/suche.png` });
    expect(requests.some((r) => r.includes("/_file/data/suche."))).toBe(true);
    await feld(page).press("Enter");
    await page.waitForURL(/\/kreise\/08115$/);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("a Gemeinde, a recipient and an Aktenzeichen: arrows choose, Enter or a click opens the page that shows it", async () => {
    // A Gemeinde with an umlaut in its name, a recipient that is a Gemeinde, and one Aktenzeichen, from the warehouse.
    const g = await site.one(`SELECT gemeinde_ags, gemeinde_name FROM ref.gemeinden WHERE gemeinde_name LIKE '%ü%' ORDER BY gemeinde_ags LIMIT 1`);
    const z = await site.one(`SELECT aktenzeichen, empfaenger_name, empfaenger_ags FROM main.zuwendungen
      WHERE length(empfaenger_ags) = 8 ORDER BY aktenzeichen LIMIT 1`);
    const { page, errors } = await site.open("/");

    // Gemeinde: its name with „ue“ for „ü“, in capitals; the option of that type is chosen with the arrow keys.
    await feld(page).fill(String(g["gemeinde_name"]).replaceAll("ü", "ue").toUpperCase());
    await expect.poll(() => optionen(page).count()).toBeGreaterThan(0);
    const texte = (await optionen(page).allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    const i = texte.findIndex((t) => t.startsWith(`Gemeinde ${g["gemeinde_name"]} `) && t.includes(String(g["gemeinde_ags"])));
    expect(i).toBeGreaterThanOrEqual(0);
    for (let k = 0; k <= i; k++) await feld(page).press("ArrowDown");
    expect(await feld(page).getAttribute("aria-activedescendant")).toBe(await optionen(page).nth(i).getAttribute("id"));
    await feld(page).press("Enter");
    await page.waitForURL((u) => u.searchParams.get("gemeinde") === g["gemeinde_ags"]);
    expect(pfad(page)).toBe(`/gemeinden?gemeinde=${g["gemeinde_ags"]}`);

    // Recipient: lower case, part of the name; a click opens its Gemeinde.
    await site.visit(page, "/");
    const teil = String(z["empfaenger_name"]).toLowerCase().split(" ").at(-1)!.slice(0, 6);
    await feld(page).fill(`${String(z["empfaenger_name"]).split(" ")[0]!.toLowerCase()} ${teil}`);
    await expect.poll(() => optionen(page).count()).toBeGreaterThan(0);
    await optionen(page).filter({ hasText: `Empfänger ${z["empfaenger_name"]}` }).first().click();
    await page.waitForURL((u) => u.searchParams.get("gemeinde") === z["empfaenger_ags"]);

    // Aktenzeichen: its last part in lower case.
    await site.visit(page, "/haushalt");
    await feld(page).fill(String(z["aktenzeichen"]).toLowerCase().slice(-12));
    await expect.poll(() => optionen(page).filter({ hasText: String(z["aktenzeichen"]) }).count()).toBe(1);
    await optionen(page).filter({ hasText: String(z["aktenzeichen"]) }).click();
    await page.waitForURL((u) => u.searchParams.get("gemeinde") === z["empfaenger_ags"]);
    // The opened Gemeinde lists that grant (its row carries the Aktenzeichen).
    await expect.poll(() => page.locator(`tr[data-aktenzeichen="${z["aktenzeichen"]}"]`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("Escape closes the list; nothing found says so", async () => {
    const { page, errors } = await site.open("/kreise/08111");
    await feld(page).fill("xyzzy");
    await expect.poll(() => page.locator('[role="listbox"]').textContent()).toContain("Kein Treffer.");
    await feld(page).press("Escape");
    expect(await feld(page).getAttribute("aria-expanded")).toBe("false");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
