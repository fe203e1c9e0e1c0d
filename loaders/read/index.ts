/**
 * Entry point of the readers: one input file → its raw text rows (or why it
 * cannot be read). Never throws for bad input: whatever is wrong with a file
 * becomes a German finding naming it, so one broken export cannot hide the
 * findings of the others.
 */
import { extname } from "node:path";
import { fileFinding } from "../base/finding.ts";
import { readCsv } from "./csv.ts";
import { notRegularFile } from "./guards.ts";
import type { ReadRequest, ReadResult } from "./types.ts";
import { readXlsx } from "./xlsx.ts";

export { listInputFiles, type InputFile, type InputListing } from "./input-folder.ts";
export { isUnreadable, type RawRows, type ReadRequest, type ReadResult, type Unreadable } from "./types.ts";

export async function readRaw(req: ReadRequest): Promise<ReadResult> {
  const ext = extname(req.path).toLowerCase();
  try {
    // Before any open(): a FIFO would block forever, a symlink would be followed.
    const irregular = await notRegularFile(req.path);
    if (irregular) return { datei: req.datei, finding: fileFinding(req.datei, "datei_unlesbar", `${req.datei}: ${irregular}`) };
    if (ext === ".csv") return await readCsv(req);
    if (ext === ".xlsx") return await readXlsx(req);
    return {
      datei: req.datei,
      finding: fileFinding(req.datei, "datei_unlesbar", `${req.datei}: Unbekanntes Dateiformat (erwartet .csv oder .xlsx).`),
    };
  } catch (err) {
    return { datei: req.datei, finding: fileFinding(req.datei, "datei_unlesbar", `${req.datei}: ${describe(err)}`) };
  }
}

/** A one-line German reason for an I/O failure (no stack traces for users). */
function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "Die Datei wurde nicht gefunden.";
    case "EACCES":
    case "EPERM":
      return "Keine Berechtigung, die Datei zu lesen.";
    case "EISDIR":
      return "Ist ein Ordner, keine Datei.";
    case "EBUSY":
      return "Die Datei ist gesperrt (in Excel geöffnet?).";
    default: {
      const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
      return `Die Datei konnte nicht gelesen werden (${message}).`;
    }
  }
}
