/**
 * Browser test harness: serves a built site on 127.0.0.1 and drives Chromium
 * (from @sparticuz/chromium, or CHROME_PATH) with playwright-core. Chromium
 * itself resolves no host but 127.0.0.1; every request elsewhere is recorded as
 * a failure, as is every console error.
 *
 * A test file calls `useSite()` once at its top level: one fixture for the
 * server, the browser and the read-only warehouse, opened before and closed
 * after the file's tests, so no file repeats that setup.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import chromium from "@sparticuz/chromium";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { warehouseFromEnv } from "../../loaders/warehouse/build.ts";
import { SITE_OUT } from "./global-setup.ts";

import { serve } from "./serve.ts";

export { serve };

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
  /** Path of every request the page made, in order. */
  requests: string[];
}

/** A new page (1280×900, German locale) that records errors and outside requests. */
export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const u = new URL(r.url());
    requests.push(u.pathname);
    if (!["127.0.0.1", ""].includes(u.hostname) && !u.protocol.startsWith("data")) external.push(r.url());
  });
  return { page, errors, external, requests };
}

/** Waits until Framework has rendered the page (no pending cells). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".observablehq--running, .observablehq--pending"), null, { timeout: 20_000 });
}

export const SCREENSHOTS = "test/screenshots";

/** The routes of a build, one per HTML file: "/", "/mittel", "/kreise/08111", … */
export function htmlPages(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlPages(path, root));
    else if (name.endsWith(".html")) out.push("/" + relative(root, path).replace(/\.html$/, "").replace(/(^|\/)index$/, ""));
  }
  return out.sort();
}

/** A Chromium for the test file: launched before its tests, closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("useBrowser: the browser is launched in beforeAll");
      return browser;
    },
  };
}

export type Row = Record<string, unknown>;

export interface Site {
  /** Origin of the served build, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly browser: Browser;
  /** Read-only connection to the warehouse (only with `warehouse: true`). */
  readonly conn: DuckDBConnection;
  /** Rows as JSON-like objects (DECIMAL and BIGINT as strings). */
  query(sql: string): Promise<Row[]>;
  /** The single row of a query; any other row count is an error. */
  one(sql: string): Promise<Row>;
  /** A new watched page at `path` (with query string), answered 200 and rendered. */
  open(path: string): Promise<Watched>;
  /** Navigates an open page to `path`, expects 200 and waits until it is rendered. */
  visit(page: Page, path: string): Promise<void>;
}

/**
 * The fixture of a browser test file: serves `root` (the build of the global
 * setup unless given), launches Chromium, and with `warehouse` opens the
 * warehouse read-only so the test can compute its expectations itself.
 * Registered with beforeAll/afterAll of the calling file; after hooks run in
 * reverse order, so a file's own cleanup registered before runs after this one.
 */
export function useSite(options: { root?: string; warehouse?: boolean } = {}): Site {
  const chrome = useBrowser();
  let server: { url: string; close: () => Promise<void> } | undefined;
  let db: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serve(options.root ?? SITE_OUT);
    if (options.warehouse) {
      db = await DuckDBInstance.create(warehouseFromEnv(), { access_mode: "READ_ONLY" });
      connection = await db.connect();
    }
  });
  afterAll(async () => {
    connection?.closeSync();
    db?.closeSync();
    await server?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useSite: ${what} is not available (opened in beforeAll${what === "conn" ? ", with warehouse: true" : ""})`);
    return value;
  };
  const site: Site = {
    get url() {
      return ready(server, "url").url;
    },
    get browser() {
      return chrome.browser;
    },
    get conn() {
      return ready(connection, "conn");
    },
    query: async (sql) => (await site.conn.runAndReadAll(sql)).getRowObjectsJson() as Row[],
    one: async (sql) => {
      const rows = await site.query(sql);
      if (rows.length !== 1) throw new Error(`expected one row: ${sql}`);
      return rows[0]!;
    },
    visit: async (page, path) => {
      const response = await page.goto(site.url + path);
      expect(response?.status(), path).toBe(200);
      await settled(page);
    },
    open: async (path) => {
      const w = await openPage(site.browser);
      await site.visit(w.page, path);
      return w;
    },
  };
  return site;
}
