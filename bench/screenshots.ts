/**
 * Screenshots of the main pages and one Kreis profile, on a desktop (1280 px)
 * and a phone (390 px), for a human look before a release:
 *
 *   npx tsx bench/screenshots.ts [SITE_DIR] [OUT_DIR]
 *
 * SITE_DIR defaults to the test build (.cache/site), OUT_DIR to
 * test/screenshots/review (ignored by git). Cards that are out of view skip
 * rendering (`content-visibility: auto`), so each page is scrolled through
 * before the full-page shot; otherwise a shot shows empty cards that a reader
 * never sees. Prints, per page and width, the page's scrollWidth, which must
 * not exceed the viewport.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launch, settled } from "../test/site/harness.ts";
import { serve } from "../test/site/serve.ts";

const PAGES = ["/", "/mittel", "/gemeinden", "/integrationsmanagement", "/haushalt", "/anfrage", "/daten", "/methodik", "/pruefbericht", "/barrierefreiheit", "/kreise/08111"];
const WIDTHS = [1280, 390];

const siteDir = resolve(process.argv[2] ?? ".cache/site");
const outDir = resolve(process.argv[3] ?? "test/screenshots/review");
mkdirSync(outDir, { recursive: true });

const site = await serve(siteDir);
const browser = await launch();
try {
  for (const width of WIDTHS) {
    for (const path of PAGES) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: "de-DE", hasTouch: width < 600 });
      const page = await context.newPage();
      await page.goto(site.url + path);
      await settled(page);
      // Bring every card into view once, so that content-visibility renders it.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(30);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const name = `${path === "/" ? "index" : path.slice(1).replaceAll("/", "_")}-${width}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      console.log(`${name}: scrollWidth ${scrollWidth}${scrollWidth > width ? " (breiter als der Bildschirm)" : ""}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
