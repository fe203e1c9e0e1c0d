/**
 * /daten compares the release with a previous one (PIK_PREVIOUS_EXPORT): the
 * test build's previous release is the sample data with one appropriation
 * 1,000,000 € lower (global-setup.ts). The page must list exactly the published
 * values that this changes – Ansatz, Bindungs- and Abflussquote of that row of
 * haushalt_jahr – with old values this test computes itself from the warehouse.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PREVIOUS_CHANGE, PREVIOUS_EXPORT } from "./global-setup.ts";
import { useSite } from "./harness.ts";

const site = useSite({ warehouse: true });

describe("/daten: changes since the previous release", () => {
  it("lists exactly the three values the changed appropriation affects, old and new", async () => {
    const { jahr, foerderbereich, ansatzDelta } = PREVIOUS_CHANGE;
    const [row] = (await site.conn.runAndReadAll(`SELECT CAST(ansatz_eur AS DOUBLE) AS ansatz, CAST(bewilligt_eur AS DOUBLE) AS bewilligt,
        CAST(ausgezahlt_eur AS DOUBLE) AS ausgezahlt, CAST(bindungsquote AS DOUBLE) AS bq, CAST(abflussquote AS DOUBLE) AS aq
      FROM main.haushalt_jahr WHERE jahr = ${jahr} AND foerderbereich = '${foerderbereich}'`)).getRowObjectsJS() as Record<string, number>[];
    const now = row as Record<"ansatz" | "bewilligt" | "ausgezahlt" | "bq" | "aq", number>;
    const alt = now.ansatz + ansatzDelta;
    const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
    const expected = [
      ["ansatz_eur", alt, now.ansatz],
      ["bindungsquote", round4(now.bewilligt / alt), now.bq],
      ["abflussquote", round4(now.ausgezahlt / alt), now.aq],
    ];

    const w = await site.open("/daten");
    const card = w.page.locator("#aenderungen");
    const previous = JSON.parse(readFileSync(join(PREVIOUS_EXPORT, "export-manifest.json"), "utf8")) as { release: string };
    const current = (await w.page.locator("[data-release]").first().textContent())!.trim();
    expect(previous.release).not.toBe(current);
    expect(await card.locator("h3").textContent()).toContain(`Release ${previous.release} (Datenstand`);
    expect(await card.locator("h3").textContent()).toContain(`→ Release ${current}`);
    expect(await card.locator("#aenderungen-summary").textContent()).toBe("3 Werte in 1 Tabelle geändert; 0 Zeilen hinzugekommen, 0 entfallen.");

    const rows = await card.locator("#aenderungen-liste tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-tabelle"), tr.children[1]!.textContent, tr.getAttribute("data-spalte"), tr.querySelector("[data-alt]")!.getAttribute("data-alt"), tr.querySelector("[data-neu]")!.getAttribute("data-neu")]),
    );
    expect(rows.map((r) => [r[0], r[1]])).toEqual(expected.map(() => ["haushalt_jahr", `jahr=${jahr}, foerderbereich=${foerderbereich}`]));
    expect(rows.map((r) => [r[2], Number(r[3]), Number(r[4])])).toEqual(expected);
    // Shown in German notation with the exact digits.
    expect(await card.locator("#aenderungen-liste tbody tr").first().locator("td").nth(3).textContent()).toBe(
      new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2 }).format(alt),
    );

    // The CSV behind the link holds the same three changes.
    const href = await card.locator("#aenderungen-csv").getAttribute("href");
    const csv = await (await fetch(new URL(href!, site.url + "/daten"))).text();
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Tabelle;Schlüssel;Spalte;Alt;Neu;Art");
    expect(lines.slice(1).map((l) => l.split(";")[2])).toEqual(["ansatz_eur", "bindungsquote", "abflussquote"]);
    expect(lines[1]).toContain(`;${String(alt)},00;`);
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });
});
