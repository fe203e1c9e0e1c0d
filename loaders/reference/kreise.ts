/**
 * Reference data of the 44 Stadt- und Landkreise of Baden-Württemberg, from the
 * npm package `landkreise-deutschland` (Destatis GV-ISys, population 31.12.2018,
 * CC BY 4.0). An optional input table `kreise` replaces the population figures.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface District {
  AGS: string;
  type: string;
  name: string;
  area_km2: number;
  population: number;
}

export type KreisTyp = "Stadtkreis" | "Landkreis";

export interface Kreis {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: KreisTyp;
  regierungsbezirk: string;
  einwohner: number;
  flaeche_km2: number;
}

export const EINWOHNER_STAND = "2018-12-31";
export const EINWOHNER_QUELLE =
  "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2018, Lizenz CC BY 4.0 (über npm-Paket landkreise-deutschland)";

/** Regierungsbezirk from the third digit of the AGS (081 … 084). */
export const REGIERUNGSBEZIRKE: Record<string, string> = {
  "081": "Stuttgart",
  "082": "Karlsruhe",
  "083": "Freiburg",
  "084": "Tübingen",
};

export function loadKreise(): Kreis[] {
  const districts = require("landkreise-deutschland/data/districts.json") as District[];
  const kreise = districts
    .filter((d) => String(d.AGS).startsWith("08"))
    .map((d): Kreis => {
      const ags = String(d.AGS);
      const regierungsbezirk = REGIERUNGSBEZIRKE[ags.slice(0, 3)];
      if (!regierungsbezirk) throw new Error(`Unbekannter Regierungsbezirk für AGS ${ags}`);
      if (d.type !== "Stadtkreis" && d.type !== "Landkreis") throw new Error(`Unbekannter Kreistyp ${d.type} für AGS ${ags}`);
      return {
        kreis_ags: ags,
        kreis_name: d.name,
        kreis_typ: d.type,
        regierungsbezirk,
        einwohner: d.population,
        flaeche_km2: d.area_km2,
      };
    })
    .sort((a, b) => a.kreis_ags.localeCompare(b.kreis_ags));
  if (kreise.length !== 44) throw new Error(`Erwartet 44 Kreise in Baden-Württemberg, gefunden ${kreise.length}`);
  return kreise;
}

/** DDL of the reference table in the warehouse. */
export const REF_KREISE_DDL = `CREATE TABLE ref.kreise (
  kreis_ags VARCHAR PRIMARY KEY,
  kreis_name VARCHAR NOT NULL,
  kreis_typ VARCHAR NOT NULL,
  regierungsbezirk VARCHAR NOT NULL,
  einwohner INTEGER NOT NULL,
  einwohner_stand DATE NOT NULL,
  einwohner_quelle VARCHAR NOT NULL,
  flaeche_km2 DOUBLE NOT NULL
)`;
