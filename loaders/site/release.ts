/**
 * The release manifest published with the site (/daten, `data/release.json`), and
 * the footer line „Datenstand … · Release …“ of every page.
 *
 * This module reads only the warehouse's sidecar JSON (no database engine), so the
 * Framework config can import it: the footer is generated at each build from the
 * warehouse that build uses (`npm run build` ingests first).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readBuildInfo, type BuildInfo } from "../warehouse/build-info.ts";
import type { InputFileCounts } from "../pages/daten.ts";
import { EDITION_NAMES, editionFromEnv, type Edition } from "../queries/edition.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The sidecar of the warehouse (`PIK_WAREHOUSE`, default warehouse/pik.duckdb), or null
 * when it is missing, damaged or belongs to another warehouse file (build-info.ts):
 * the footer never names a release the warehouse does not hold.
 */
export function readSidecar(warehouse = resolve(process.env.PIK_WAREHOUSE ?? join(ROOT, "warehouse/pik.duckdb"))): BuildInfo | null {
  return readBuildInfo(warehouse);
}

/** ISO date → 31.12.2018 */
export const germanDate = (iso: string | null | undefined): string =>
  iso ? iso.slice(0, 10).split("-").reverse().join(".") : "unbekannt";

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The footer of every page: „PIK-Monitor · … · Datenstand 30.11.2025 · Release 5f5f59f4cf74 · Öffentliche Ausgabe“. */
export function footerHtml(info: BuildInfo | null = readSidecar(), edition: Edition = editionFromEnv()): string {
  const parts = ["PIK-Monitor · Pakt für Integration Baden-Württemberg"];
  if (info) {
    parts.push(`Datenstand ${germanDate(info.stand)}`, `Release ${info.releaseId}`);
    if (info.synthetic) parts.push("synthetische Beispieldaten");
  } else parts.push("Datenstand unbekannt");
  parts.push(EDITION_NAMES[edition]);
  return `<span class="pik-footer">${escapeHtml(parts.join(" · "))}</span>`;
}

export interface SoftwareVersion {
  /** `version` of package.json. */
  version: string;
  /** Git commit of the working copy, or „unbekannt“ (e.g. built from a source archive). */
  commit: string;
}

export function softwareVersion(root = ROOT): SoftwareVersion {
  let version = "unbekannt";
  try {
    version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string }).version ?? version;
  } catch {
    /* no package.json: stays unbekannt */
  }
  let commit = "unbekannt";
  try {
    const out = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (/^[0-9a-f]{40}$/.test(out)) commit = out;
  } catch {
    /* no git: stays unbekannt */
  }
  return { version, commit };
}

export interface ReleaseInputFile {
  datei: string;
  sha256: string;
  /** From meta.dateien; null for files that are not tables (manifest.json, geo/…). */
  tabelle: string | null;
  gelesen: number | null;
  akzeptiert: number | null;
  abgelehnt: number | null;
  warnungen: number | null;
}

export interface ReleaseManifest {
  release: string;
  datenstand: string | null;
  gebaut: string;
  synthetisch: boolean;
  /** PIK_EDITION of the build: „oeffentlich“ or „intern“ (loaders/queries/edition.ts). */
  ausgabe: Edition;
  software: SoftwareVersion;
  /** SHA-256 over the input files (names and contents) and of the warehouse code. */
  eingabeHash: string;
  codeHash: string;
  befunde: { fehler: number; warnungen: number };
  eingabedateien: ReleaseInputFile[];
}

/**
 * The manifest of a release: every input file with its SHA-256 (from the build's
 * fingerprint) and what was read, accepted and rejected of it (meta.dateien).
 */
export function buildReleaseManifest(
  info: BuildInfo,
  counts: readonly InputFileCounts[],
  software: SoftwareVersion,
  edition: Edition = editionFromEnv(),
): ReleaseManifest {
  const byFile = new Map(counts.map((c) => [c.datei, c]));
  const eingabedateien = Object.entries(info.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([datei, sha256]): ReleaseInputFile => {
      const c = byFile.get(datei) ?? byFile.get(basename(datei));
      return {
        datei,
        sha256,
        tabelle: c?.tabelle ?? null,
        gelesen: c?.gelesen ?? null,
        akzeptiert: c?.akzeptiert ?? null,
        abgelehnt: c?.abgelehnt ?? null,
        warnungen: c?.warnungen ?? null,
      };
    });
  for (const c of counts)
    if (!(c.datei in info.files)) throw new Error(`meta.dateien nennt ${c.datei}, der Fingerabdruck des Builds nicht`);
  return {
    release: info.releaseId,
    datenstand: info.stand,
    gebaut: info.builtAt,
    synthetisch: info.synthetic,
    ausgabe: edition,
    software,
    eingabeHash: info.inputHash,
    codeHash: info.codeHash,
    befunde: { fehler: info.errors, warnungen: info.warnings },
    eingabedateien,
  };
}
