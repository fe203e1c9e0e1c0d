/**
 * The bytes that structure a CSV file. All of them are ASCII, so the scanners
 * can work on raw bytes whether the file is UTF-8 or Windows-1252.
 */
export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
export const SPACE = 0x20;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** DuckDB skips a leading UTF-8 BOM, so every byte offset and "empty file" test must too. */
export const hasUtf8Bom = (buf: Uint8Array): boolean =>
  buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
