/**
 * Safety check of the export's target folder (`--out`) before anything is written.
 *
 * Why: the optional input table `kreise.csv` and the published table share a name, so
 * `--data X --out X` overwrote the user's input (and the next ingest of X failed); a file
 * the user kept in `--out` under a published name was overwritten silently. A command must
 * never overwrite what a user owns: the target must be absent, empty, or an earlier export
 * (it has `export-manifest.json`, or the mark of an interrupted export), and it must not be,
 * hold or lie inside the input folder.
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

export const EXPORT_MANIFEST = "export-manifest.json";

/** Present while an export writes into the folder (and after one was killed): see published.ts. */
export const EXPORT_INCOMPLETE = "EXPORT-UNVOLLSTAENDIG.txt";

/** A refused target folder: the message is German and says what to do. */
export class ExportTargetError extends Error {}

const within = (inner: string, outer: string) => {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};
const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));

/** Throws ExportTargetError when exporting into `outDir` could overwrite an input or a user's file. */
export function checkExportTarget(outDir: string, dataDir: string): void {
  const out = real(outDir);
  const data = real(dataDir);
  const refuse = (why: string) => {
    throw new ExportTargetError(`Zielverzeichnis (--out) ${JSON.stringify(outDir)} abgelehnt: ${why} Einen neuen oder leeren Ordner angeben.`);
  };
  // A subfolder of the input folder is harmless: the ingest reads only the files at its top level.
  if (within(data, out)) refuse("es ist das Eingabeverzeichnis oder enthält es; Eingabedateien würden überschrieben.");
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) refuse("es ist kein Verzeichnis.");
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(EXPORT_MANIFEST) && !entries.includes(EXPORT_INCOMPLETE))
    refuse("es ist nicht leer und enthält keinen früheren Export (keine export-manifest.json); vorhandene Dateien würden überschrieben.");
}

