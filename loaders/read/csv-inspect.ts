/**
 * What the head of a CSV file says before DuckDB reads it: whether it is text
 * at all, its encoding, its header and delimiter – or the finding that says why
 * the file cannot be read. Cheap: the header region, plus one streaming pass
 * over the file for its encoding and its longest line.
 */
import { open, stat } from "node:fs/promises";
import { fileFinding } from "../base/finding.ts";
import { hasUtf8Bom } from "./bytes.ts";
import {
  HEAD_BYTES,
  ByteFacts,
  decoderFor,
  findHeader,
  headEncoding,
  scanUtf8,
  sniffNotText,
  splitRecordText,
  utf16Bom,
  type Delimiter,
  type HeaderFound,
  type HeaderSearch,
} from "./detect.ts";
import { truncate } from "./finding-text.ts";
import { firstOverlongLine, overlongLineMessage, tooManyColumnsMessage } from "./guards.ts";
import { MAX_COLUMNS } from "./limits.ts";
import type { ReadRequest, TextEncoding, Unreadable } from "./types.ts";

/** How a message names a delimiter and an encoding (German, for users). */
const DELIMITER_NAMES: Record<Delimiter, string> = { ";": "„;“ (Semikolon)", ",": "„,“ (Komma)", "\t": "Tabulator (⇥)" };
const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "windows-1252": "Windows-1252",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
};

/** The delimiter that splits the first line of a file without a header into the most cells. */
function likelyDelimiter(preview: readonly string[]): Delimiter {
  const first = preview[0] ?? "";
  const count = (d: Delimiter) => splitRecordText(first, d).length;
  return ([";", ",", "\t"] as const).reduce((best, d) => (count(d) > count(best) ? d : best), ";" as Delimiter);
}

/** A CSV file DuckDB can be given: its head, encoding, header and the facts gathered on the way. */
export interface InspectedCsv {
  head: Buffer;
  encoding: TextEncoding;
  header: HeaderFound;
  facts: ByteFacts;
}

/**
 * @param encodingOverride the file's real encoding when `req.path` is a UTF-8 copy of it (UTF-16)
 * @returns the file's facts; a finding if it cannot be read; or `utf16` for Excel's
 *   "Unicode-Text", which must be transcoded first
 */
export async function inspectCsv(
  req: ReadRequest,
  encodingOverride?: TextEncoding,
): Promise<InspectedCsv | Unreadable | { utf16: "utf-16le" | "utf-16be" }> {
  const { datei } = req;
  const unreadable = (regel: string, meldung: string): Unreadable => ({
    datei,
    finding: fileFinding(datei, regel, meldung),
  });

  const size = (await stat(req.path)).size;
  const head = await readHead(req.path);
  if (size <= HEAD_BYTES && isEmptyText(head)) {
    return unreadable("datei_unlesbar", `${datei}: Die Datei ist leer (keine Werte).`);
  }
  const utf16 = utf16Bom(head);
  if (utf16) return { utf16 };
  const notText = sniffNotText(head);
  if (notText) return unreadable(notText.regel, `${datei}: Die Datei ${notText.grund}.`);
  // DuckDB silently drops records past ~31 MB (issue 12): refuse the file, naming the line.
  const overlong = await firstOverlongLine(req.path);
  if (overlong !== null) return { datei, finding: { ...fileFinding(datei, "zeile_zu_lang", overlongLineMessage(datei, overlong)), zeile: overlong } };

  const whole = size <= HEAD_BYTES;
  let encoding: TextEncoding = headEncoding(head);
  let search = findHeader(head, whole, decoderFor(encoding), req.isHeader);

  // The header region decides nothing about bytes further down: check the whole file.
  let facts = search.header ? new ByteFacts(search.header.end) : undefined;
  if (encoding === "utf-8" && !(await scanUtf8(req.path, facts))) {
    encoding = "windows-1252";
    search = findHeader(head, whole, decoderFor(encoding), req.isHeader);
    facts = search.header ? new ByteFacts(search.header.end) : undefined;
  }
  const header = search.header;
  if (!header || !facts) return missingHeader(req, head, search, encodingOverride ?? encoding);

  if (header.cells.length > MAX_COLUMNS) {
    return {
      datei,
      finding: {
        ...fileFinding(datei, "spalten_zu_viele", tooManyColumnsMessage(datei, header.cells.length, `Zeile ${header.line}`)),
        zeile: header.line,
      },
    };
  }

  return { head, encoding, header, facts };
}

/**
 * No header in the header region: a header too wide for it (e.g. 9,000 columns) is
 * still a column-limit case; else say what was assumed and show the first lines,
 * so the user can see the mix-up.
 */
function missingHeader(req: ReadRequest, head: Buffer, search: HeaderSearch, encoding: TextEncoding): Unreadable {
  const { datei } = req;
  const wide = firstLineFields(head);
  if (wide > MAX_COLUMNS) {
    return { datei, finding: { ...fileFinding(datei, "spalten_zu_viele", tooManyColumnsMessage(datei, wide, "Zeile 1", true)), zeile: 1 } };
  }
  const assumed = likelyDelimiter(search.preview);
  // The delimiter made visible: a tab is invisible in a message, and `;` vs `,` is the usual mix-up.
  const visible = (t: string) => t.replaceAll("\t", " ⇥ ").replace(/[\r\n ]+/g, " ").trim();
  // A file with personal data (stellen) never has its lines quoted.
  const preview = (req.personalData ? [] : search.preview).map((t) => `„${truncate(visible(t), 80)}“`).join(", ");
  return {
    datei,
    finding: fileFinding(
      datei,
      "kopfzeile_fehlt",
      `${datei}: Keine Kopfzeile mit den erforderlichen Spalten gefunden (angenommen: Trennzeichen ${DELIMITER_NAMES[assumed]}, ` +
        `Kodierung ${ENCODING_NAMES[encoding]}; erste Zeilen: ${preview || (req.personalData ? "nicht angezeigt, personenbezogen" : "keine")}).`,
    ),
  };
}

/** Fields of the first line of the head (at least; by its more frequent delimiter, quotes ignored). */
function firstLineFields(head: Uint8Array): number {
  let semi = 0;
  let comma = 0;
  for (const b of head) {
    if (b === 0x0a || b === 0x0d) break;
    if (b === 0x3b) semi++;
    else if (b === 0x2c) comma++;
  }
  return Math.max(semi, comma) + 1;
}

/** Nothing but a BOM, white space, line breaks and delimiters. */
function isEmptyText(head: Uint8Array): boolean {
  const body = hasUtf8Bom(head) ? head.subarray(3) : head;
  return body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3b || b === 0x2c);
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    let filled = 0;
    while (filled < HEAD_BYTES) {
      const { bytesRead } = await fh.read(buf, filled, HEAD_BYTES - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await fh.close();
  }
}
