/**
 * Header names as the contract matches them: trimmed, case-insensitive, and
 * `ä ö ü ß` equal to `ae oe ue ss` (German exports spell both ways).
 */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss");
}
