/**
 * Shared set-up for the reader tests: a DuckDB connection, a temp folder for
 * fixture files written by the tests themselves, and a way to materialize a
 * relation the way the validator does (in file order).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, expect } from "vitest";
import { normalizeHeader } from "../../loaders/read/header.ts";
import { readRaw } from "../../loaders/read/index.ts";
import { FIELD_COLUMNS, isUnreadable, type RawRows, type ReadResult, type Unreadable } from "../../loaders/read/types.ts";

export interface Ctx {
  dir: string;
  con: DuckDBConnection;
}

/** Registers beforeAll/afterAll hooks and returns the (filled-in) context. */
export function useReaderContext(): Ctx {
  const ctx = {} as Ctx;
  let instance: DuckDBInstance;
  beforeAll(async () => {
    ctx.dir = mkdtempSync(join(tmpdir(), "pik-read-test-"));
    instance = await DuckDBInstance.create(":memory:");
    ctx.con = await instance.connect();
  });
  afterAll(() => {
    ctx.con?.closeSync();
    instance?.closeSync();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}

/** A header predicate like the validator's: the required names, matched as the contract says. */
export const requires =
  (...names: string[]) =>
  (cells: readonly string[]): boolean => {
    const have = new Set(cells.map(normalizeHeader));
    return names.every((n) => have.has(normalizeHeader(n)));
  };

let counter = 0;

export function writeFixture(ctx: Ctx, name: string, content: string | Uint8Array): string {
  const path = join(ctx.dir, name);
  writeFileSync(path, content);
  return path;
}

export async function read(
  ctx: Ctx,
  name: string,
  content: string | Uint8Array,
  isHeader = requires("a", "b", "c"),
): Promise<ReadResult> {
  const path = writeFixture(ctx, name, content);
  return readRaw({ path, datei: name, isHeader, connection: ctx.con, stageName: `t${++counter}` });
}

export function expectRows(r: ReadResult): RawRows {
  if (isUnreadable(r)) throw new Error(`unexpectedly unreadable: ${r.finding.meldung}`);
  return r;
}

export function expectUnreadable(r: ReadResult): Unreadable {
  if (!isUnreadable(r)) throw new Error(`unexpectedly readable: ${r.datei}`);
  return r;
}

/**
 * Materializes the relation (as the validator does) and returns its rows in file
 * order: the cells only; `misshapen` has the field-count columns.
 */
export async function materialize(ctx: Ctx, rows: RawRows): Promise<(string | null)[][]> {
  return (await materializeAll(ctx, rows)).map((r) => r.slice(0, -FIELD_COLUMNS.length));
}

/** Rows whose number of fields differs from the header's: [0-based ordinal, message, record text]. */
export async function misshapen(ctx: Ctx, rows: RawRows): Promise<[number, string, string | null][]> {
  return (await materializeAll(ctx, rows))
    .map((r, i) => [i, r.at(-2), r.at(-1)] as [number, string | null, string | null])
    .filter((r): r is [number, string, string | null] => r[1] !== null);
}

async function materializeAll(ctx: Ctx, rows: RawRows): Promise<(string | null)[][]> {
  const table = `m${++counter}`;
  await ctx.con.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${rows.relation}`);
  const reader = await ctx.con.runAndReadAll(`SELECT * FROM ${table} ORDER BY rowid`);
  await ctx.con.run(`DROP TABLE ${table}`);
  const out = reader.getRowsJS() as (string | null)[][];
  expect(reader.columnNames().slice(-FIELD_COLUMNS.length)).toEqual([...FIELD_COLUMNS]);
  return out;
}
