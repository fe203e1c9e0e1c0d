/**
 * Kreis boundaries for the maps (/mittel, /integrationsmanagement, Kreis profiles).
 *
 * The project ships the official boundaries (BKG VG5000, 01.01.2021, in
 * reference/geo/ with their licence), so a fresh clone draws the real
 * Baden-Württemberg. A GeoJSON that a user puts into `<dataDir>/geo/` replaces
 * them (e.g. a newer or finer edition). Baden-Württemberg's Kreise have not
 * changed since 1973, so one set of boundaries holds for every programme year.
 *
 * Coordinates are rounded to 3 decimals (about 100 m; a Kreis on a 560 px map
 * spans tens of pixels, a pixel about 500 m): 25 KB → 18 KB gzip for the browser.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
  properties: { kreis_ags: string; name: string | null; kreis_typ: "Stadtkreis" | "Landkreis" | null };
  geometry: Geometry;
}
export interface KreisGeo {
  type: "FeatureCollection";
  /** Where the boundaries come from: `data/geo/NAME` for a user's file, else the shipped product. */
  quelle: string;
  /** True for the shipped BKG boundaries: the page then shows the licence's attribution. */
  amtlich: boolean;
  features: KreisFeature[];
}

/** The shipped boundaries (BKG VG5000, layer VG5000_KRS, cut to Baden-Württemberg). */
export const SHIPPED_KREIS_GEO = resolve(dirname(fileURLToPath(import.meta.url)), "../../reference/geo/bw-kreise.geojson");
export const SHIPPED_QUELLE = "BKG VG5000, Stand 01.01.2021";

/** Decimals kept of longitude/latitude for the browser. */
export const COORDINATE_DECIMALS = 3;

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
 * Rounds a ring's positions and drops the repeats the rounding makes. A ring
 * that falls below 4 positions (a sliver smaller than the rounding) is dropped:
 * null. Projected files (metres, not degrees) are left as they are.
 */
function roundRing(ring: Ring, decimals: number): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const x = Number((p[0] ?? 0).toFixed(decimals));
    const y = Number((p[1] ?? 0).toFixed(decimals));
    const last = out.at(-1);
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out.length >= 4 ? out : null;
}

function isDegrees(geometry: Geometry): boolean {
  let degrees = true;
  const visit = (c: unknown): void => {
    if (!degrees || !Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      if (Math.abs(c[0]) > 180 || Math.abs(Number(c[1])) > 90) degrees = false;
      return;
    }
    for (const x of c) visit(x);
  };
  visit(geometry.coordinates);
  return degrees;
}

/** The geometry with rounded coordinates (longitude/latitude only). */
export function roundGeometry(geometry: Geometry, decimals = COORDINATE_DECIMALS): Geometry {
  if (!isDegrees(geometry)) return geometry;
  const polygon = (rings: Ring[]) => {
    const kept: Ring[] = [];
    for (const [i, r] of rings.entries()) {
      const rounded = roundRing(r, decimals);
      if (rounded) kept.push(rounded);
      else if (i === 0) return null; // exterior gone: so is the polygon
    }
    return kept;
  };
  if (geometry.type === "Polygon") return { ...geometry, coordinates: polygon(geometry.coordinates as Ring[]) ?? geometry.coordinates };
  if (geometry.type === "MultiPolygon") {
    const parts = (geometry.coordinates as Ring[][]).map(polygon).filter((p): p is Ring[] => p !== null);
    return parts.length ? { ...geometry, coordinates: parts } : geometry;
  }
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: (geometry.geometries ?? []).map((g) => roundGeometry(g, decimals)) };
  return geometry;
}

/** Kreis features of one parsed GeoJSON, or null when it is no FeatureCollection with at least one Kreis AGS. */
function kreisFeatures(parsed: unknown): { features: KreisFeature[]; skipped: number } | null {
  const fc = parsed as { type?: string; features?: Feature[] };
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) return null;
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
    const bez = typeof props["BEZ"] === "string" ? props["BEZ"] : null;
    const typ = bez === "Stadtkreis" || bez === "Kreisfreie Stadt" ? "Stadtkreis" : bez === "Landkreis" || bez === "Kreis" ? "Landkreis" : null;
    features.push({ type: "Feature", properties: { kreis_ags: ags, name: name ?? null, kreis_typ: typ }, geometry: roundGeometry(rewind(f.geometry)) });
  }
  return features.length ? { features, skipped } : null;
}

/**
 * Kreis boundaries: the first file in `<dataDir>/geo/` (by name) ending in
 * .geojson or .json that is a FeatureCollection with at least one feature with
 * a Kreis AGS (see `featureAgs`), else the shipped BKG boundaries. Features
 * without an AGS are left out and reported in `skipped`; `files` lists the
 * user's files that were looked at.
 */
export function kreisGeo(dataDir: string, shipped: string | null = SHIPPED_KREIS_GEO): { geo: KreisGeo | null; skipped: number; files: string[] } {
  const dir = join(dataDir, "geo");
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(geo)?json$/i.test(f))
        .sort()
    : [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch {
      continue;
    }
    const found = kreisFeatures(parsed);
    if (found) return { geo: { type: "FeatureCollection", quelle: `data/geo/${file}`, amtlich: false, features: found.features }, skipped: found.skipped, files };
  }
  if (shipped && existsSync(shipped)) {
    const found = kreisFeatures(JSON.parse(readFileSync(shipped, "utf8")));
    if (found) return { geo: { type: "FeatureCollection", quelle: SHIPPED_QUELLE, amtlich: true, features: found.features }, skipped: found.skipped, files };
  }
  return { geo: null, skipped: 0, files };
}
