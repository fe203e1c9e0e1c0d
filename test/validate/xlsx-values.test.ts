/**
 * Numbers and dates typed into Excel reach the warehouse unchanged: a numeric
 * cell 2.125 is 2,125 VZÄ (not the German thousands notation 2.125 = 2125), a
 * date cell is that calendar day, a title row above the header is skipped.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../loaders/warehouse/build.ts";
import { csv, removeFolder, validTables, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

describe("XLSX input", () => {
  it("keeps numeric and date cells exact", async () => {
    const t = validTables();
    const files = Object.fromEntries(
      Object.entries(t).filter(([n]) => n !== "bewilligungen").map(([n, rows]) => [`${n}.csv`, csv(rows)]),
    );
    const dir = writeFolder(files);
    dirs.push(dir);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bewilligungen");
    ws.addRow(["Bewilligungen Pakt für Integration – Export vom 30.11.2025"]);
    ws.addRow([]);
    ws.addRow(t.bewilligungen[0]!);
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    ws.addRow(["AZ-1", "08111000", "Stadt Stuttgart", "integrationsmanagement", "bewilligt", d("2018-02-01"), d("2018-03-01"), d("2018-04-01"), d("2019-03-31"), 100000.5, 2.125]);
    ws.addRow(["AZ-2", "08115", "Landkreis Böblingen", "integrationsmanagement", "bewilligt", d("2018-02-01"), d("2018-03-15"), d("2018-04-01"), d("2019-03-31"), 50000, 1]);
    ws.addRow(["AZ-3", "08115003", "Gemeinde X", "spracherwerb", "beantragt", d("2019-05-01"), null, d("2019-07-01"), d("2019-12-31"), 0, null]);
    ws.addRow([]);
    await wb.xlsx.writeFile(join(dir, "bewilligungen.xlsx"));

    const warehouse = join(dir, "w.duckdb");
    const outcome = await ingest({ dataDir: dir, warehouse });
    expect(outcome.status).toBe("built");
    const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll(
      "SELECT aktenzeichen, CAST(beginn AS VARCHAR) b, CAST(ende AS VARCHAR) e, CAST(bewilligt_eur AS VARCHAR) eur, CAST(vzae_bewilligt AS VARCHAR) v FROM eingang.bewilligungen ORDER BY 1",
    )).getRows();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([
      ["AZ-1", "2018-04-01", "2019-03-31", "100000.50", "2.1250"],
      ["AZ-2", "2018-04-01", "2019-03-31", "50000.00", "1.0000"],
      ["AZ-3", "2019-07-01", "2019-12-31", "0.00", null],
    ]);
  });
});
