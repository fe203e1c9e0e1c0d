/**
 * A changed input file always reaches the pages: build from a copy of the
 * sample data, change one refugee count, build again, and the Kreis profile
 * shows the new figure (Framework's loader cache must not serve the old one).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPage, serve, settled, useBrowser } from "./harness.ts";
import { buildSite } from "../helpers/site-build.ts";

const work = mkdtempSync(join(tmpdir(), "pik-rebuild-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
// Each build is served on its own; only the browser is shared.
const chrome = useBrowser();

function build(env: Record<string, string>): void {
  rmSync(env.PIK_SITE_OUT!, { recursive: true, force: true });
  buildSite(env);
}

async function refugeesOnProfile(siteDir: string): Promise<string> {
  const site = await serve(siteDir);
  try {
    const { page, errors } = await openPage(chrome.browser);
    await page.goto(`${site.url}/kreise/08111`);
    await settled(page);
    const text = (await page.locator('tr[data-kennzahl="gefluechtete_au"] .pik-kz-wert').first().textContent()) ?? "";
    expect(errors).toEqual([]);
    await page.context().close();
    return text.trim();
  } finally {
    await site.close();
  }
}

describe("rebuild after a changed input file", () => {
  it("shows the new figure", async () => {
    const data = join(work, "data");
    cpSync("data", data, { recursive: true });
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: join(work, "pik.duckdb"), PIK_SITE_OUT: join(work, "site") };
    build(env);
    // Stuttgart, count of 15.09.2025 (the latest on or before the last staffing Stichtag) in the sample data (data/gefluechtete_au.csv).
    expect(await refugeesOnProfile(env.PIK_SITE_OUT)).toBe("10.626");

    const file = join(data, "gefluechtete_au.csv");
    const before = readFileSync(file, "utf8");
    const after = before.replace("08111,2025-09-15,10626", "08111,2025-09-15,12345");
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    build(env);
    expect(await refugeesOnProfile(env.PIK_SITE_OUT)).toBe("12.345");
  }, 600_000); // two full builds
});
