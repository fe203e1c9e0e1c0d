import { z } from "zod";
import { date, dec, int, oneOf, text } from "../schema/columns.ts";
import { defineTable } from "./define.ts";
import { kreisAgs, EINWOHNER_QUELLE_EINGABE } from "./shared-columns.ts";

export const kreise = defineTable({
  name: "kreise",
  title: "Kreise",
  rowsAre: "eine Zeile je Stadt- oder Landkreis",
  notes:
    "Referenzdaten der 44 Kreise aus dem Gemeindeverzeichnis (Destatis, GV-ISys, Lizenz CC BY 4.0). " +
    "Die Einwohnerzahl eines Kreises wird durch die Eingabetabelle kreise ersetzt, wenn diese eine Zahl für ihn enthält.",
  columns: z.object({
    kreis_ags: kreisAgs,
    kreis_name: text({ label: "Kreis", definition: "Name des Kreises." }),
    kreis_typ: oneOf(["Stadtkreis", "Landkreis"], {
      label: "Kreistyp",
      definition: "Stadtkreis (kreisfreie Stadt) oder Landkreis.",
    }),
    regierungsbezirk: text({
      label: "Regierungsbezirk",
      definition: "Regierungsbezirk, zu dem der Kreis gehört (Stuttgart, Karlsruhe, Freiburg oder Tübingen).",
    }),
    einwohner: int({
      label: "Einwohner",
      definition:
        "Einwohnerzahl des Kreises: aus der Eingabetabelle kreise, wenn diese eine Zahl für den Kreis enthält; " +
        "sonst aus den Referenzdaten (Destatis, Stand 31.12.2018).",
      min: 0,
    }),
    einwohner_stand: date({ label: "Stand Einwohner", definition: "Stichtag der Einwohnerzahl." }),
    einwohner_quelle: text({
      label: "Quelle Einwohner",
      definition: `Herkunft der Einwohnerzahl: „${EINWOHNER_QUELLE_EINGABE}“ oder die Referenzdaten mit Quelle und Lizenz.`,
    }),
    flaeche_km2: dec({
      label: "Fläche",
      definition: "Fläche des Kreises (Referenzdaten, Destatis).",
      unit: "km²",
      scale: 2,
      precision: 10,
    }),
  }),
  key: ["kreis_ags"],
  sql: `SELECT r.kreis_ags, r.kreis_name, r.kreis_typ, r.regierungsbezirk,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner ELSE o.einwohner END AS einwohner,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner_stand ELSE o.stand END AS einwohner_stand,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner_quelle ELSE '${EINWOHNER_QUELLE_EINGABE}' END AS einwohner_quelle,
  r.flaeche_km2
FROM ref.kreise AS r
LEFT JOIN eingang.kreise AS o ON o.kreis_ags = r.kreis_ags`,
});
