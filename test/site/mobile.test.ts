/**
 * Phones (issue 15, item 4): no page of the build is wider than the screen at
 * 360 and 390 px (touch, 844 px high). Wide tables scroll inside their card; a
 * page that pushes the layout wider shows a zoomed-out page on a phone. Every
 * page of the build is checked, the 44 Kreis profiles included; the main pages
 * are screenshotted at 390 px for a human look.
 */
import { describe, expect, it } from "vitest";
import { SITE_OUT } from "./global-setup.ts";
import { htmlPages, SCREENSHOTS, settled, useSite } from "./harness.ts";

const site = useSite();
const PAGES = htmlPages(SITE_OUT).filter((p) => !p.startsWith("/_"));
/** Screenshotted for a look: the main pages and two profiles. */
const SHOTS = PAGES.filter((p) => !p.startsWith("/kreise/") || p === "/kreise/08111" || p === "/kreise/08436");

describe("phones", () => {
  for (const width of [390, 360]) {
    it(`no page is wider than ${width} px`, async () => {
      expect(PAGES.length).toBeGreaterThan(50);
      const context = await site.browser.newContext({ viewport: { width, height: 844 }, locale: "de-DE", hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const wide: string[] = [];
      for (const path of PAGES) {
        await page.goto(site.url + path);
        await settled(page);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) wide.push(`${path}: ${scrollWidth} px`);
        if (width === 390 && SHOTS.includes(path))
          await page.screenshot({ path: `${SCREENSHOTS}/phone${path === "/" ? "_index" : path.replaceAll("/", "_")}.png`, fullPage: true });
      }
      await context.close();
      expect(wide).toEqual([]);
    }, 600_000);
  }
});
