/**
 * Builds the site once for the browser tests: sample data → warehouse → static
 * build in a test folder. The tests then serve that folder on 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const SITE_OUT = resolve(process.env.PIK_SITE_OUT ?? ".cache/site");

export default function setup(): void {
  if (process.env.PIK_SKIP_SITE_BUILD) return;
  // Framework refuses to overwrite an output folder outside the project: start empty.
  rmSync(SITE_OUT, { recursive: true, force: true });
  mkdirSync(SITE_OUT, { recursive: true });
  execFileSync("npm", ["run", "--silent", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PIK_SITE_OUT: SITE_OUT, OBSERVABLE_TELEMETRY_DISABLE: "1" },
    timeout: 600_000,
  });
}
