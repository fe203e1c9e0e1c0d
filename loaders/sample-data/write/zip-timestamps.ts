/**
 * JSZip stamps every ZIP entry with the current time. The time fields are not
 * covered by the CRC, so they are overwritten in place (central directory and
 * local headers) to make the file byte-stable.
 */
export function fixZipTimestamps(buf: Buffer, date: Date): Buffer {
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = 0;
  const eocd = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(off) !== 0x02014b50) throw new Error("XLSX: unerwarteter ZIP-Verzeichniseintrag");
    buf.writeUInt16LE(dosTime, off + 12);
    buf.writeUInt16LE(dosDate, off + 14);
    const local = buf.readUInt32LE(off + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("XLSX: unerwarteter lokaler ZIP-Kopf");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    off += 46 + buf.readUInt16LE(off + 28) + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  }
  return buf;
}

/** Searched from the end: the record sits after the central directory. */
function endOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new Error("XLSX: Ende des ZIP-Verzeichnisses nicht gefunden");
}
