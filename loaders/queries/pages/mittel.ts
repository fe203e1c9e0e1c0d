/**
 * Queries of the page „Mittel je Kreis“ (src/mittel.md).
 *
 * `mittel` is the page's one data artifact: the published table
 * mittel_kreis_jahr (Kreis × year × Förderbereich, pre-aggregated, at most
 * 44 × years × 5 rows) joined to the 44 Kreise, plus the refugee counts per
 * Kreis and stichtag. Amounts are exact integer cents, so that the page can add
 * the selected years and Förderbereiche without rounding error.
 *
 * `kreisGeo` reads optional Kreis boundaries (data/geo/*.geojson or *.json) for
 * a real map instead of the tile map.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

async function query(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Row[];
}

/** The artifact `mittel.json`. `stand` is the Stand of meta (ISO date) or null. */
export async function mittel(conn: DuckDBConnection, { stand }: { stand: string | null }): Promise<MittelDaten> {
  const y = await latestCompleteYear(conn, stand);
  const kreise = await query(
    conn,
    `SELECT kreis_ags, kreis_name, kreis_typ, einwohner, strftime(einwohner_stand, '%Y-%m-%d') AS einwohner_stand, einwohner_quelle
FROM main.kreise ORDER BY kreis_ags`,
  );
  const mittelRows = await query(
    conn,
    `SELECT m.kreis_ags, m.jahr, m.foerderbereich,
  CAST(CAST(m.bewilligt_eur * 100 AS BIGINT) AS DOUBLE) AS bewilligt_ct,
  CAST(CAST(m.ausgezahlt_eur * 100 AS BIGINT) AS DOUBLE) AS ausgezahlt_ct
FROM main.mittel_kreis_jahr AS m
JOIN main.kreise AS k ON k.kreis_ags = m.kreis_ags
ORDER BY m.kreis_ags, m.jahr, m.foerderbereich`,
  );
  const zaehlungen = await query(
    conn,
    `SELECT g.kreis_ags, strftime(g.stichtag, '%Y-%m-%d') AS stichtag, g.personen
FROM eingang.gefluechtete_au AS g
JOIN main.kreise AS k ON k.kreis_ags = g.kreis_ags
ORDER BY g.kreis_ags, g.stichtag`,
  );
  const jahre = await query(conn, "SELECT DISTINCT jahr FROM main.mittel_kreis_jahr ORDER BY jahr");
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

/* ------------------------------------------------------------------ */
/* Optional Kreis boundaries                                           */
/* ------------------------------------------------------------------ */

type Position = number[];
type Ring = Position[];
interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}
interface Feature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
}
export interface KreisFeature {
  type: "Feature";
  properties: { kreis_ags: string; name: string | null };
  geometry: Geometry;
}
export interface KreisGeo {
  type: "FeatureCollection";
  /** File the boundaries come from (name only). */
  quelle: string;
  features: KreisFeature[];
}

/** Property names that may hold a Kreis's AGS, in the order they are tried. */
export const AGS_PROPERTIES = ["AGS", "ags", "kreis_ags", "RS"] as const;
const NAME_PROPERTIES = ["GEN", "name", "NAME", "kreis_name"] as const;

/**
 * A feature's 5-digit Kreis AGS in Baden-Württemberg (08…), or null: the first
 * of AGS, ags, kreis_ags, RS that is one (a number loses the leading zero:
 * 8111 → 08111). A longer key padded with zeros (RS 081110000000) names the
 * Kreis in its first five digits. Features of other Länder (a Germany-wide
 * file) give null and are left out.
 */
export function featureAgs(properties: Record<string, unknown> | null): string | null {
  if (!properties) return null;
  for (const key of AGS_PROPERTIES) {
    const raw = properties[key];
    if (raw === undefined || raw === null) continue;
    let s = String(raw).trim();
    if (typeof raw === "number" && /^\d{4}$/.test(s)) s = `0${s}`;
    if (/^\d{5}0+$/.test(s)) s = s.slice(0, 5);
    if (/^08\d{3}$/.test(s)) return s;
  }
  return null;
}

/** Twice the signed planar area of a ring (x right, y up): > 0 counter-clockwise. */
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i];
    const q = ring[j];
    if (!p || !q) continue;
    a += ((q[0] ?? 0) - (p[0] ?? 0)) * ((q[1] ?? 0) + (p[1] ?? 0));
  }
  return a;
}

const orient = (ring: Ring, clockwise: boolean): Ring => ((signedArea(ring) < 0) === clockwise ? ring : [...ring].reverse());

/**
 * Rewinds polygons the way d3-geo (and so Plot.geo) expects for spherical
 * coordinates: exterior rings clockwise, holes counter-clockwise. GeoJSON files
 * following RFC 7946 wind the other way, which d3 would draw as "the whole
 * world except the Kreis".
 */
export function rewind(geometry: Geometry): Geometry {
  const polygon = (rings: Ring[]) => rings.map((r, i) => orient(r, i === 0));
  if (geometry.type === "Polygon") return { ...geometry, coordinates: polygon(geometry.coordinates as Ring[]) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: (geometry.coordinates as Ring[][]).map(polygon) };
  }
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: (geometry.geometries ?? []).map(rewind) };
  return geometry;
}

/**
 * Kreis boundaries from `<dataDir>/geo/`: the first file (by name) ending in
 * .geojson or .json that is a FeatureCollection with at least one feature with a
 * Kreis AGS (see `featureAgs`). Features without an AGS are left out and
 * reported in `skipped`. Returns null when there is no such file.
 */
export function kreisGeo(dataDir: string): { geo: KreisGeo | null; skipped: number; files: string[] } {
  const dir = join(dataDir, "geo");
  if (!existsSync(dir)) return { geo: null, skipped: 0, files: [] };
  const files = readdirSync(dir)
    .filter((f) => /\.(geo)?json$/i.test(f))
    .sort();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch {
      continue;
    }
    const fc = parsed as { type?: string; features?: Feature[] };
    if (fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) continue;
    const features: KreisFeature[] = [];
    let skipped = 0;
    for (const f of fc.features) {
      const ags = featureAgs(f?.properties ?? null);
      if (!ags || !f.geometry) {
        skipped++;
        continue;
      }
      const props = f.properties ?? {};
      const name = NAME_PROPERTIES.map((k) => props[k]).find((v) => typeof v === "string") as string | undefined;
      features.push({ type: "Feature", properties: { kreis_ags: ags, name: name ?? null }, geometry: rewind(f.geometry) });
    }
    if (features.length > 0) return { geo: { type: "FeatureCollection", quelle: file, features }, skipped, files };
  }
  return { geo: null, skipped: 0, files };
}
