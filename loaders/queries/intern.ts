/**
 * The tables only the intern edition publishes (loaders/queries/edition.ts):
 * `antraege` – every application, whatever its status – and `buchungen` – every
 * single booking (the helper view `main.buchungen` of published.ts, defined
 * there once). They are not part of the data contract's published tables and are
 * never built into the warehouse's `main` schema: a loader of the intern edition
 * creates them as TEMP views on its read-only connection, so the public edition
 * has nothing of them to leak.
 *
 * Columns reuse the definitions of the input table `bewilligungen` (one source
 * per fact); no staff data exists here (`stellen.name` is never stored).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { z } from "zod";
import { bewilligungen } from "../schema/input-tables.ts";
import { ags, columnMeta, int } from "../schema/columns.ts";
import { buchungen, publishedColumns, type PublishedTable } from "../tables/index.ts";
import { kreisOf } from "../tables/sql.ts";
import { includes, INTERNAL_DOWNLOADS, type Edition, type InternalItem } from "./edition.ts";
import { rows } from "./site.ts";

const b = bewilligungen.schema.shape;

/** An input column that may be empty: nullable in the output, same label and definition. */
const orNull = <T extends z.ZodType>(s: T) => s.nullable().meta({ ...columnMeta(s), nullable: true });

const DEF_BEARBEITUNGSTAGE =
  "Kalendertage vom Antragseingang (antrag_datum) bis zum Bescheid (bescheid_datum); leer, solange kein Bescheid " +
  "vorliegt oder ein Datum fehlt.";

export const antraege = {
  name: "antraege",
  title: "Anträge (interne Ausgabe)",
  rowsAre: "eine Zeile je Antrag, gleich mit welchem Status (beantragt, bewilligt, abgelehnt, zurückgezogen)",
  notes:
    "Nur in der internen Ausgabe. Alle übernommenen Zeilen der Eingabetabelle bewilligungen; bewilligte Anträge " +
    "sind zugleich die Zuwendungen der Tabelle zuwendungen.",
  columns: {
    shape: {
      aktenzeichen: b.aktenzeichen,
      kreis_ags: ags({
        digits: "kreis",
        label: "AGS Kreis",
        definition: "Kreis des Antrags: die ersten fünf Stellen des AGS des Empfängers.",
      }),
      empfaenger_ags: b.empfaenger_ags,
      empfaenger_name: b.empfaenger_name,
      foerderbereich: b.foerderbereich,
      status: b.status,
      antrag_datum: orNull(b.antrag_datum),
      bescheid_datum: orNull(b.bescheid_datum),
      bearbeitungstage: orNull(int({ label: "Bearbeitungstage", definition: DEF_BEARBEITUNGSTAGE, unit: "Tage" })),
      beginn: b.beginn,
      ende: b.ende,
      bewilligt_eur: b.bewilligt_eur,
      vzae_bewilligt: orNull(b.vzae_bewilligt),
    },
  },
  key: ["aktenzeichen"],
  sql: `SELECT aktenzeichen, ${kreisOf("empfaenger_ags")} AS kreis_ags, empfaenger_ags, empfaenger_name, foerderbereich,
  status, antrag_datum, bescheid_datum, bescheid_datum - antrag_datum AS bearbeitungstage,
  beginn, ende, bewilligt_eur, vzae_bewilligt
FROM eingang.bewilligungen`,
} satisfies PublishedTable;

/** The intern downloads, in the order /daten lists them after the published tables. */
export const INTERNAL_TABLES: readonly PublishedTable[] = [antraege, buchungen];

/** The intern tables the edition contains: none in the public edition. */
export function internalTables(edition: Edition): PublishedTable[] {
  return INTERNAL_TABLES.filter((t) => (INTERNAL_DOWNLOADS as readonly string[]).includes(t.name) && includes(edition, t.name as InternalItem));
}

/** Name of the view an intern table is read from (TEMP views live outside the read-only warehouse). */
export const internalView = (t: PublishedTable): string => `temp.intern_${t.name}`;

/** Creates the TEMP views of the intern tables, cast to their declared types and sorted by key. */
export async function createInternalViews(conn: DuckDBConnection): Promise<void> {
  for (const t of INTERNAL_TABLES) {
    const cols = publishedColumns(t).map((c) => `CAST(q.${c.name} AS ${c.sqlType}) AS ${c.name}`);
    await conn.run(
      `CREATE OR REPLACE TEMP VIEW intern_${t.name} AS SELECT ${cols.join(", ")} FROM (${t.sql}) AS q ORDER BY ${t.key.join(", ")}`,
    );
  }
}

/** An application of a Kreis that did not (yet) lead to a grant (Kreis profile, intern edition). */
export interface OffenerAntrag {
  aktenzeichen: string;
  empfaenger_name: string;
  empfaenger_ags: string;
  foerderbereich: string;
  status: "beantragt" | "abgelehnt" | "zurueckgezogen";
  antrag_datum: string | null;
  bescheid_datum: string | null;
}

/** The non-granted applications of every Kreis: pending first, then rejected, withdrawn; newest first. */
export async function nichtBewilligteAntraege(conn: DuckDBConnection): Promise<Map<string, OffenerAntrag[]>> {
  const list = await rows(
    conn,
    `SELECT ${kreisOf("empfaenger_ags")} AS kreis_ags, aktenzeichen, empfaenger_name, empfaenger_ags, foerderbereich, status,
  strftime(antrag_datum, '%Y-%m-%d') AS antrag_datum, strftime(bescheid_datum, '%Y-%m-%d') AS bescheid_datum
FROM eingang.bewilligungen
WHERE status <> 'bewilligt'
ORDER BY kreis_ags, CASE status WHEN 'beantragt' THEN 0 WHEN 'abgelehnt' THEN 1 ELSE 2 END,
  antrag_datum DESC NULLS LAST, aktenzeichen`,
  );
  const out = new Map<string, OffenerAntrag[]>();
  for (const { kreis_ags, ...rest } of list) {
    const key = String(kreis_ags);
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(rest as unknown as OffenerAntrag);
  }
  return out;
}
