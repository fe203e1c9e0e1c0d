// Types of tabular.js for the TypeScript side (loaders, tests).
export {
  CSV_BOM,
  CSV_DELIMITER,
  CSV_EOL,
  FORMULA_TRIGGERS,
  csvNumber,
  csvText,
  csvValue,
  needsNeutralizing,
  neutralize,
  quoteCsv,
  scaleOf,
} from "./export-rules.js";
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string;
export type XlsxCell = number | string | null | { v: number | string | null; bold?: boolean; scale?: number };
export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  widths?: number[];
  freeze?: { rows?: number; cols?: number };
}
export function columnName(index: number): string;
export function toXlsx(sheets: XlsxSheet[]): Uint8Array;
export function crc32(bytes: Uint8Array): number;
export const XLSX_TYPE: string;
