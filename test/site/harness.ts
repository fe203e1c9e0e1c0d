/**
 * Browser test harness: serves a built site on 127.0.0.1 and drives Chromium
 * (from @sparticuz/chromium, or CHROME_PATH) with playwright-core. Chromium
 * itself resolves no host but 127.0.0.1; every request elsewhere is recorded as
 * a failure, as is every console error.
 */
import chromium from "@sparticuz/chromium";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium as playwright, type Browser, type Page } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv",
  ".arrow": "application/vnd.apache.arrow.file",
  ".zip": "application/zip",
};

/** Static server for a Framework build: `/mittel` → mittel.html, like a real web server. */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? (await chromium.executablePath());
  return playwright.launch({
    executablePath,
    headless: true,
    // Lambda-oriented flags of @sparticuz/chromium that would end the browser with its first context.
    args: [...chromium.args.filter((a) => !["--single-process", "--no-zygote"].includes(a)), "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--lang=de-DE"],
  });
}

export interface Watched {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests to any host but 127.0.0.1. */
  external: string[];
}

/** A new page (1280×900, German locale) that records errors and outside requests. */
export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", ""].includes(u.hostname) && !u.protocol.startsWith("data")) external.push(r.url());
  });
  return { page, errors, external };
}

/** Waits until Framework has rendered the page (no pending cells). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".observablehq--running, .observablehq--pending"), null, { timeout: 20_000 });
}

export const SCREENSHOTS = "test/screenshots";
