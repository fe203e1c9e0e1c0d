/**
 * Zip-bomb check for XLSX files, made before exceljs inflates anything: a
 * 27 MB workbook that expanded to 420 MB ran for 500 s and took 5.2 GB
 * (issue 12). The ZIP central directory declares every member's uncompressed
 * size, and the first worksheet usually declares its range (`<dimension>`),
 * so both limits can be checked from a few kilobytes of the file.
 */
import { open } from "node:fs/promises";
import { inflateRawSync, constants as zlibConstants } from "node:zlib";
import { formatBytes, MAX_XLSX_ENTRY_BYTES, MAX_XLSX_ROWS, MAX_XLSX_TOTAL_BYTES } from "./limits.ts";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

/** The members of a ZIP archive as its central directory lists them, or null if there is none. */
export async function zipEntries(path: string): Promise<Entry[] | null> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1) return null;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 archives (over 4 GiB or 65,535 members) are far beyond the limits anyway.
    if (cdSize === U32_MAX || cdOffset === U32_MAX || cdOffset + cdSize > size) return null;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: Entry[] = [];
    for (let p = 0; p + 46 <= cdSize && cd.readUInt32LE(p) === CENTRAL; ) {
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let entrySize = cd.readUInt32LE(p + 24);
      let compressedSize = cd.readUInt32LE(p + 20);
      let localOffset = cd.readUInt32LE(p + 42);
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      if (entrySize === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
        // The ZIP64 extra field (id 1) holds the real values, in this order, only for the fields set to 0xFFFFFFFF.
        for (let q = 0; q + 4 <= extra.length; ) {
          const id = extra.readUInt16LE(q);
          const len = extra.readUInt16LE(q + 2);
          if (id === 1) {
            let r = q + 4;
            const next = () => {
              const v = Number(extra.readBigUInt64LE(r));
              r += 8;
              return v;
            };
            if (entrySize === U32_MAX && r + 8 <= q + 4 + len) entrySize = next();
            if (compressedSize === U32_MAX && r + 8 <= q + 4 + len) compressedSize = next();
            if (localOffset === U32_MAX && r + 8 <= q + 4 + len) localOffset = next();
          }
          q += 4 + len;
        }
      }
      entries.push({
        name: cd.toString("utf8", p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        compressedSize,
        size: entrySize,
        localOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** The rows a worksheet declares (`<dimension ref="A1:K500">` → 500), from its first kilobytes; null if not declared. */
async function declaredRows(path: string, entry: Entry): Promise<number | null> {
  const fh = await open(path, "r");
  try {
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, entry.localOffset);
    if (local.readUInt32LE(0) !== LOCAL) return null;
    const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const want = Math.min(entry.compressedSize, 64 * 1024);
    const compressed = Buffer.alloc(want);
    const { bytesRead } = await fh.read(compressed, 0, want, dataStart);
    let head: Buffer;
    if (entry.method === 0) head = compressed.subarray(0, bytesRead);
    else if (entry.method === 8) {
      try {
        head = inflateRawSync(compressed.subarray(0, bytesRead), {
          finishFlush: zlibConstants.Z_SYNC_FLUSH,
          maxOutputLength: 1024 * 1024,
        });
      } catch {
        return null;
      }
    } else return null;
    const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head.toString("utf8"));
    return m ? Number(m[1] ?? 1) : null;
  } finally {
    await fh.close();
  }
}

/** Why an XLSX file is refused before reading (a German message naming the limit), or null. */
export async function xlsxTooLarge(path: string): Promise<string | null> {
  const entries = await zipEntries(path);
  if (!entries) return null; // not a ZIP: exceljs fails and the reader says what the file is
  let total = 0;
  for (const e of entries) {
    if (e.size > MAX_XLSX_ENTRY_BYTES) {
      return `Der Bestandteil „${e.name}“ der Arbeitsmappe ist entpackt ${formatBytes(e.size)} groß; erlaubt sind höchstens ${formatBytes(MAX_XLSX_ENTRY_BYTES)} je Bestandteil. Die Datei wird nicht gelesen.`;
    }
    total += e.size;
  }
  if (total > MAX_XLSX_TOTAL_BYTES) {
    return `Die Arbeitsmappe ist entpackt ${formatBytes(total)} groß; erlaubt sind höchstens ${formatBytes(MAX_XLSX_TOTAL_BYTES)}. Die Datei wird nicht gelesen.`;
  }
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name)![0]) - Number(/\d+/.exec(b.name)![0]));
  for (const sheet of sheets) {
    const rows = await declaredRows(path, sheet);
    if (rows !== null && rows > MAX_XLSX_ROWS) {
      return `Das Tabellenblatt „${sheet.name}“ hat laut Arbeitsmappe ${rows} Zeilen; erlaubt sind höchstens ${MAX_XLSX_ROWS} (Grenze von Excel). Die Datei wird nicht gelesen.`;
    }
  }
  return null;
}
