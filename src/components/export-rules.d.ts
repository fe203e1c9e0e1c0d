// Types of export-rules.js for the TypeScript side (loaders, tests).
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
export const XLSX_MAX_ROWS: number;
export const XLSX_MAX_CELL_CHARS: number;
export function sheetName(name: string, position?: number): string;
export function sheetNames(names: readonly string[]): string[];
export function cellString(text: string): string;
export function cellText(text: string): string;
export function columnLetter(column: number): string;
