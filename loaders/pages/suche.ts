/**
 * The search index of the site (every page's search field): Kreise, Gemeinden,
 * recipients and Aktenzeichen, each with the page that shows it. Only what the
 * published tables already show (no staff name exists in the warehouse at all).
 *
 * Links are relative to the site root without a leading slash, so the browser
 * resolves them against the root wherever the site is deployed.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";

/** One entry: t type, n the name shown and searched, z what else is shown and searched, h the page. */
export interface SuchEintrag {
  t: "Kreis" | "Gemeinde" | "Empfänger" | "Aktenzeichen";
  n: string;
  z: string;
  h: string;
}

/** The page of a recipient AGS: a Gemeinde's view for 8 digits, the Kreis profile for a Kreis itself. */
const seite = (ags: string) => `CASE WHEN length(${ags}) = 8 THEN 'gemeinden?gemeinde=' || ${ags} ELSE 'kreise/' || substr(${ags}, 1, 5) END`;

export async function suchIndex(conn: DuckDBConnection): Promise<SuchEintrag[]> {
  return (await rows(
    conn,
    `WITH kreisname AS (
  SELECT kreis_ags, CASE WHEN count(*) OVER (PARTITION BY kreis_name) > 1 THEN kreis_name || ' (' || kreis_typ || ')' ELSE kreis_name END AS name
  FROM main.kreise
)
SELECT 'Kreis' AS t, k.name AS n, k2.kreis_typ || ', AGS ' || k.kreis_ags AS z, 'kreise/' || k.kreis_ags AS h, 1 AS o
FROM kreisname AS k JOIN main.kreise AS k2 USING (kreis_ags)
UNION ALL
SELECT 'Gemeinde', g.gemeinde_name, g.gemeinde_typ || ' im Kreis ' || k.name || ', AGS ' || g.gemeinde_ags, 'gemeinden?gemeinde=' || g.gemeinde_ags, 2
FROM ref.gemeinden AS g JOIN kreisname AS k ON k.kreis_ags = g.kreis_ags
UNION ALL
SELECT DISTINCT 'Empfänger', z.empfaenger_name, 'AGS ' || z.empfaenger_ags, ${seite("z.empfaenger_ags")}, 3
FROM main.zuwendungen AS z
UNION ALL
SELECT 'Aktenzeichen', z.aktenzeichen, z.empfaenger_name || ', ' || strftime(z.beginn, '%d.%m.%Y') || '–' || strftime(z.ende, '%d.%m.%Y'),
  ${seite("z.empfaenger_ags")}, 4
FROM main.zuwendungen AS z
ORDER BY o, n, z`,
  )).map(({ t, n, z, h }) => ({ t, n, z, h }) as SuchEintrag);
}
