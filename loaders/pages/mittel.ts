/**
 * Queries of the page „Mittel je Kreis“ (src/mittel.md).
 *
 * `mittel` is the page's one data artifact: the published table
 * mittel_kreis_jahr (Kreis × year × Förderbereich, pre-aggregated, at most
 * 44 × years × 5 rows) joined to the 44 Kreise, plus the refugee counts per
 * Kreis and stichtag. Amounts are exact integer cents, so that the page can add
 * the selected years and Förderbereiche without rounding error.

 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { latestCompleteYear } from "./uebersicht.ts";

export interface MittelKreis {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: "Stadtkreis" | "Landkreis";
  einwohner: number;
  einwohner_stand: string;
  einwohner_quelle: string;
}

export interface MittelZeile {
  kreis_ags: string;
  jahr: number;
  foerderbereich: string;
  /** bewilligt_eur of mittel_kreis_jahr in cents (integer). */
  bewilligt_ct: number;
  /** ausgezahlt_eur of mittel_kreis_jahr in cents (integer, net). */
  ausgezahlt_ct: number;
}

export interface Zaehlung {
  kreis_ags: string;
  stichtag: string;
  personen: number;
}

export interface MittelDaten {
  stand: string;
  /** Latest complete calendar year (see `latestCompleteYear`): the default selection. */
  jahr_voll: number;
  /** Years that have money in mittel_kreis_jahr, ascending. */
  jahre: number[];
  kreise: MittelKreis[];
  mittel: MittelZeile[];
  gefluechtete: Zaehlung[];
}

type Row = Record<string, unknown>;


/** The artifact `mittel.json`. `stand` is the Stand of meta (ISO date) or null. */
export async function mittel(conn: DuckDBConnection, { stand }: { stand: string | null }): Promise<MittelDaten> {
  const y = await latestCompleteYear(conn, stand);
  const kreise = await rows(conn,
    `SELECT kreis_ags, kreis_name, kreis_typ, einwohner, strftime(einwohner_stand, '%Y-%m-%d') AS einwohner_stand, einwohner_quelle
FROM main.kreise ORDER BY kreis_ags`,
  );
  const mittelRows = await rows(conn,
    `SELECT m.kreis_ags, m.jahr, m.foerderbereich,
  CAST(CAST(m.bewilligt_eur * 100 AS BIGINT) AS DOUBLE) AS bewilligt_ct,
  CAST(CAST(m.ausgezahlt_eur * 100 AS BIGINT) AS DOUBLE) AS ausgezahlt_ct
FROM main.mittel_kreis_jahr AS m
JOIN main.kreise AS k ON k.kreis_ags = m.kreis_ags
ORDER BY m.kreis_ags, m.jahr, m.foerderbereich`,
  );
  const zaehlungen = await rows(conn,
    `SELECT g.kreis_ags, strftime(g.stichtag, '%Y-%m-%d') AS stichtag, g.personen
FROM eingang.gefluechtete_au AS g
JOIN main.kreise AS k ON k.kreis_ags = g.kreis_ags
ORDER BY g.kreis_ags, g.stichtag`,
  );
  const jahre = await rows(conn, "SELECT DISTINCT jahr FROM main.mittel_kreis_jahr ORDER BY jahr");
  return {
    stand: y.stand,
    jahr_voll: y.jahr,
    jahre: jahre.map((r) => Number(r["jahr"])),
    kreise: kreise.map((r) => ({
      kreis_ags: String(r["kreis_ags"]),
      kreis_name: String(r["kreis_name"]),
      kreis_typ: String(r["kreis_typ"]) as MittelKreis["kreis_typ"],
      einwohner: Number(r["einwohner"]),
      einwohner_stand: String(r["einwohner_stand"]),
      einwohner_quelle: String(r["einwohner_quelle"]),
    })),
    mittel: mittelRows.map((r) => ({
      kreis_ags: String(r["kreis_ags"]),
      jahr: Number(r["jahr"]),
      foerderbereich: String(r["foerderbereich"]),
      bewilligt_ct: Number(r["bewilligt_ct"]),
      ausgezahlt_ct: Number(r["ausgezahlt_ct"]),
    })),
    gefluechtete: zaehlungen.map((r) => ({
      kreis_ags: String(r["kreis_ags"]),
      stichtag: String(r["stichtag"]),
      personen: Number(r["personen"]),
    })),
  };
}

export { featureAgs, kreisGeo, rewind, AGS_PROPERTIES, type KreisFeature, type KreisGeo } from "./geo.ts";
