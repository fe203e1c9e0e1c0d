/**
 * Every page of the built site: loads with no console error, asks no host but
 * 127.0.0.1, says that the sample figures are synthetic, and is screenshotted
 * (test/screenshots, ignored by git) for a human look.
 */
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, useSite } from "./harness.ts";

export const ROUTES = ["/", "/mittel", "/gemeinden", "/integrationsmanagement", "/haushalt", "/daten", "/methodik", "/pruefbericht", "/anfrage", "/barrierefreiheit", "/kreise/08111", "/kreise/08436"];

const site = useSite();

describe("every page", () => {
  it.each(ROUTES)("%s loads cleanly and says the data are synthetic", async (route) => {
    const { page, errors, external } = await site.open(route);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await expect.poll(() => page.locator(".pik-synthetic").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/${route === "/" ? "index" : route.slice(1).replaceAll("/", "_")}.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
