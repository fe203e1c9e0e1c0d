/**
 * `manifest.json` of an input folder: optional, but when present it must be valid.
 *
 * Why strict: the manifest sets the "synthetisch" label and the Datenstand shown on every
 * page. Ignoring invalid JSON silently dropped the label (synthetic data shown as real), and
 * an object as `stand` reached the footer as "[object Object]" and broke the build inside
 * Framework. So the ingest refuses, in German, before anything is written.
 * Other keys (the sample generator's calibration figures, checksums) are kept as they are.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The keys the product reads; everything else in the manifest is documentation. */
export const ManifestSchema = z.looseObject({
  synthetisch: z.boolean().optional(),
  stand: z.string().trim().min(1).max(100).optional(),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** An unusable `manifest.json`: the message is German and names the file. */
export class ManifestError extends Error {}

/** Reads and checks `DIR/manifest.json`; `{}` when there is none. Throws ManifestError when it is unusable. */
export function readManifest(dataDir: string): Manifest {
  const path = join(dataDir, "manifest.json");
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ManifestError(
      `${JSON.stringify(path)} ist kein gültiges JSON (${(e as Error).message.split("\n")[0]}). ` +
        "Datei korrigieren oder entfernen; sie wird nicht stillschweigend übergangen, weil sie die Kennzeichnung „synthetisch“ trägt.",
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `Feld „${issue.path.join(".")}“` : "Inhalt";
    const expected =
      issue.path[0] === "synthetisch"
        ? "erwartet true oder false"
        : issue.path[0] === "stand"
          ? "erwartet einen Text mit 1 bis 100 Zeichen, z. B. \"2025-06-30\""
          : "erwartet ein JSON-Objekt";
    throw new ManifestError(`${JSON.stringify(path)}: ${where} ungültig, ${expected}. Datei korrigieren und erneut einlesen.`);
  }
  return parsed.data;
}
