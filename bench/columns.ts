/**
 * Many-column inputs (issue 12, item 10): before the column limit, a
 * haushalt.csv with 2,000 columns took 21 s to validate and one with 9,000
 * more than 300 s. Times `validate` on a folder holding only such a file
 * (1,000 data rows), which is now refused at the header (MAX_COLUMNS).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ColumnsResult {
  columns: number;
  ms: number;
  refused: boolean;
}

export function benchColumns(counts: readonly number[] = [2000, 9000], rows = 1000): ColumnsResult[] {
  const out: ColumnsResult[] = [];
  for (const columns of counts) {
    const dir = mkdtempSync(join(tmpdir(), "pik-bench-cols-"));
    try {
      const extra = Array.from({ length: columns - 3 }, (_, i) => `spalte_${i}`);
      const header = ["haushaltsjahr", "foerderbereich", "ansatz_eur", ...extra].join(";");
      const row = ["2024", "integrationsmanagement", "1000,00", ...extra.map(() => "1")].join(";");
      writeFileSync(join(dir, "haushalt.csv"), `${header}\n${`${row}\n`.repeat(rows)}`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "validate", dir], { encoding: "utf8" });
      const ms = performance.now() - t0;
      out.push({ columns, ms: Math.round(ms), refused: `${r.stdout}${r.stderr}`.includes("erlaubt sind höchstens 200") });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchColumns()) console.log(`${r.columns} Spalten: ${(r.ms / 1000).toFixed(1)} s${r.refused ? " (abgelehnt)" : ""}`);
}
