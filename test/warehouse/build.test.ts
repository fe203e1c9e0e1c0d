/**
 * The warehouse is rebuilt when, and only when, an input file changed (content,
 * not time), and a failed ingest leaves the previous warehouse as it was.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../loaders/warehouse/build.ts";
import { removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

async function sumPaid(warehouse: string): Promise<string> {
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const v = (await conn.runAndReadAll("SELECT CAST(sum(betrag_eur) AS VARCHAR) FROM eingang.auszahlungen")).getRows()[0]![0];
  conn.closeSync();
  db.closeSync();
  return String(v);
}

describe("warehouse build", () => {
  it("builds, skips when unchanged, rebuilds on changed content, keeps the old one on failure", async () => {
    const dir = validFolder();
    dirs.push(dir);
    const warehouse = join(dir, "wh", "pik.duckdb");

    const first = await ingest({ dataDir: dir, warehouse });
    expect(first.status).toBe("built");
    // 50,000 + 40,000 + 50,000 − 2,500 (the valid folder's payments, by hand)
    expect(await sumPaid(warehouse)).toBe("137500.00");

    // A touched but unchanged file is no reason to rebuild.
    utimesSync(join(dir, "haushalt.csv"), new Date(), new Date(Date.now() + 60_000));
    const second = await ingest({ dataDir: dir, warehouse });
    expect(second.status).toBe("unchanged");

    // Changed content is.
    const payments = join(dir, "auszahlungen.csv");
    writeFileSync(payments, readFileSync(payments, "utf8").replace("Z-2;AZ-1;15.04.2019;40000,00", "Z-2;AZ-1;15.04.2019;45000,00"));
    const third = await ingest({ dataDir: dir, warehouse });
    expect(third.status).toBe("built");
    expect(await sumPaid(warehouse)).toBe("142500.00");
    const release = third.status === "built" ? third.info.releaseId : "";
    expect(release).not.toBe(first.status === "built" ? first.info.releaseId : "");

    // A broken row: refused, nothing published, the previous warehouse still answers.
    const before = readFileSync(warehouse);
    writeFileSync(payments, readFileSync(payments, "utf8").replace("45000,00", "45000,001"));
    const fourth = await ingest({ dataDir: dir, warehouse });
    expect(fourth.status).toBe("refused");
    expect(readFileSync(warehouse).equals(before)).toBe(true);
    expect(await sumPaid(warehouse)).toBe("142500.00");

    // With --allow-rejects the accepted rows are published: the broken payment is missing.
    const fifth = await ingest({ dataDir: dir, warehouse, allowRejects: true });
    expect(fifth.status).toBe("built");
    expect(await sumPaid(warehouse)).toBe("97500.00");
  });
});
