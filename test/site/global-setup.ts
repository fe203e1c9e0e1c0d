/**
 * Builds the site once for the browser tests: sample data → warehouse → static
 * build in a test folder. The tests then serve that folder on 127.0.0.1.
 *
 * Where it can (root with util-linux `unshare`, as on CI), the build runs in a
 * network namespace with no network at all, so every test run proves the site
 * builds without a CDN or registry, as it must in a closed ministry network.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const SITE_OUT = resolve(process.env.PIK_SITE_OUT ?? ".cache/site");

function canIsolateNetwork(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("unshare", ["-n", "true"]).status === 0;
}

export default function setup(): void {
  if (process.env.PIK_SKIP_SITE_BUILD) return;
  // Framework refuses to overwrite an output folder outside the project: start empty.
  rmSync(SITE_OUT, { recursive: true, force: true });
  mkdirSync(SITE_OUT, { recursive: true });
  const isolated = canIsolateNetwork();
  if (!isolated) console.warn("Hinweis: Site-Build ohne Netzwerk-Isolation (kein root/unshare).");
  const [command, args] = isolated ? ["unshare", ["-n", "npm", "run", "--silent", "build"]] : ["npm", ["run", "--silent", "build"]];
  execFileSync(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PIK_SITE_OUT: SITE_OUT, OBSERVABLE_TELEMETRY_DISABLE: "1" },
    timeout: 600_000,
  });
}
