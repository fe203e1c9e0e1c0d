/**
 * The programme's measures (Förderbereiche) as reference data, not as code: the
 * pact is renegotiated every two years and the authority books the first grant of
 * a new measure before any release of this tool could know it. The default list
 * (`foerderbereiche.json`, beside this file) ships with the project; an optional
 * input table `foerderbereiche` replaces it (contract §1). Validation, the
 * warehouse (`ref.foerderbereiche`), the published tables and the pages all read
 * this one list.
 */
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";

export interface FoerderbereichRef {
  foerderbereich: string;
  name: string;
  kurzname: string;
  ab_jahr: number | null;
  bis_jahr: number | null;
  reihenfolge: number;
  /** Chart colour (hex). */
  farbe: string;
}

/** The area the staffing rules refer to: every list must hold it. */
export const INTEGRATIONSMANAGEMENT = "integrationsmanagement";

export const DEFAULT_FOERDERBEREICHE_PATH = new URL("./foerderbereiche.json", import.meta.url);

/**
 * Colours for areas the default list does not know, in this order after the
 * default ones: each has at least 4.5:1 contrast on white (WCAG AA for text,
 * so legends and lines stay readable) and they differ in hue.
 */
export const EXTRA_COLOURS = ["#3d5a00", "#a33b00", "#4b3fa0", "#006b3f", "#8f2d8f", "#7a4b00"] as const;

export function loadDefaultFoerderbereiche(): FoerderbereichRef[] {
  const file = JSON.parse(readFileSync(DEFAULT_FOERDERBEREICHE_PATH, "utf8")) as { foerderbereiche: FoerderbereichRef[] };
  return [...file.foerderbereiche].sort((a, b) => a.reihenfolge - b.reihenfolge);
}

export const REF_FOERDERBEREICHE_DDL = `CREATE TABLE ref.foerderbereiche (
  foerderbereich VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kurzname VARCHAR NOT NULL,
  ab_jahr INTEGER, bis_jahr INTEGER, reihenfolge INTEGER NOT NULL, farbe VARCHAR NOT NULL, quelle VARCHAR NOT NULL)`;

export const QUELLE_STANDARD = "Standardliste des PIK-Monitors";
export const QUELLE_TABELLE = "Eingabetabelle foerderbereiche";

/**
 * Areas of an input table, in its order, with colours: a known key keeps its
 * default colour (a chart does not change colours because a list was edited),
 * a new key takes the next unused extra colour.
 */
export function withColours(
  rows: readonly { foerderbereich: string; name: string; kurzname: string | null; ab_jahr: number | null; bis_jahr: number | null }[],
): FoerderbereichRef[] {
  const defaults = new Map(loadDefaultFoerderbereiche().map((d) => [d.foerderbereich, d]));
  const used = new Set(rows.map((r) => defaults.get(r.foerderbereich)?.farbe).filter(Boolean));
  const free = [...EXTRA_COLOURS, ...[...defaults.values()].map((d) => d.farbe)].filter((c) => !used.has(c));
  let next = 0;
  return rows.map((r, i) => ({
    foerderbereich: r.foerderbereich,
    name: r.name,
    kurzname: r.kurzname ?? r.name,
    ab_jahr: r.ab_jahr,
    bis_jahr: r.bis_jahr,
    reihenfolge: i + 1,
    farbe: defaults.get(r.foerderbereich)?.farbe ?? free[next++ % free.length]!,
  }));
}

const lit = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`);

/** Replaces the content of `ref.foerderbereiche`. */
export async function writeFoerderbereiche(conn: DuckDBConnection, list: readonly FoerderbereichRef[], quelle: string): Promise<void> {
  await conn.run("DELETE FROM ref.foerderbereiche");
  const values = list
    .map((f) => `(${[f.foerderbereich, f.name, f.kurzname, f.ab_jahr, f.bis_jahr, f.reihenfolge, f.farbe, quelle].map(lit).join(", ")})`)
    .join(",\n");
  await conn.run(`INSERT INTO ref.foerderbereiche VALUES ${values}`);
}
