/**
 * Lighthouse 12 (desktop preset, performance and accessibility) for each main
 * page, run with the same Chromium as the browser tests; that Chromium resolves
 * no host but 127.0.0.1, so Lighthouse fetches nothing from outside.
 */
import chromium from "@sparticuz/chromium";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { serve } from "../test/site/serve.ts";

export interface LighthouseScore {
  a11yFailed: string[];
  path: string;
  performance: number;
  accessibility: number;
  /** Largest Contentful Paint and Total Blocking Time as Lighthouse simulated them. */
  lcpMs: number;
  tbtMs: number;
}

export async function measureLighthouse(siteDir: string, paths: readonly string[]): Promise<LighthouseScore[]> {
  const site = await serve(siteDir, { gzip: true });
  const chromePath = process.env.CHROME_PATH ?? (await chromium.executablePath());
  const flags = [
    ...chromium.args.filter((a) => !["--single-process", "--no-zygote"].includes(a) && !a.startsWith("--headless")),
    "--headless=new",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--lang=de-DE",
  ];
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags, logLevel: "silent" });
  try {
    const out: LighthouseScore[] = [];
    for (const path of paths) {
      const result = await lighthouse(
        site.url + path,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
        desktopConfig,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse: kein Ergebnis für ${path}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse ${path}: ${lhr.runtimeError.message}`);
      if (process.env.PIK_LH_DEBUG)
        console.error(path, JSON.stringify((lhr.audits["target-size"]?.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items?.slice(0, 5).map((i) => i.node?.snippet)));
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
      out.push({
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        // Accessibility audits that did not pass: what the score below 100 consists of.
        a11yFailed: (lhr.categories["accessibility"]?.auditRefs ?? [])
          .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && (lhr.audits[r.id]?.score ?? 1) < 1)
          .map((r) => r.id),
      });
    }
    return out;
  } finally {
    chrome.kill();
    await site.close();
  }
}
