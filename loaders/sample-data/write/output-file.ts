/**
 * A written table file with what the manifest says about it. The checksum is
 * taken from the bytes before they are written, so the manifest describes
 * exactly what lands on disk.
 */
import { createHash } from "node:crypto";

export interface DateiInfo {
  datei: string;
  tabelle: string;
  format: "csv" | "xlsx";
  zeilen: number;
  bytes: number;
  sha256: string;
  /** The file's quirks in words (encoding, delimiter, number and date forms). */
  form: string;
}

export type OutputFile = [DateiInfo, Uint8Array];

export function outputFile(datei: string, tabelle: string, zeilen: number, bytes: Uint8Array, form: string): OutputFile {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const format = datei.endsWith(".xlsx") ? "xlsx" : "csv";
  return [{ datei, tabelle, format, zeilen, bytes: bytes.byteLength, sha256, form }, bytes];
}
