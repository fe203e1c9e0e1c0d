// Types of tabular.js for the TypeScript side (loaders, tests).
export const FORMULA_TRIGGERS: readonly string[];
export function needsNeutralizing(text: string): boolean;
export function neutralize(text: string): string;
export const CSV_DELIMITER: ";";
export const CSV_EOL: "\r\n";
export const CSV_BOM: "\uFEFF";
export function quoteCsv(field: string): string;
export function csvText(text: string): string;
export function csvNumber(x: number, scale?: number): string;
export function scaleOf(values: readonly unknown[]): number;
export function csvValue(value: unknown, scale?: number): string;
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
