/**
 * `manifest.json`: marks the folder as synthetic (so the data is never taken
 * for official figures), lists every calibration figure with its source, the
 * files with their checksums, and control totals. It holds no timestamp, so the
 * same seed and scale give the same bytes.
 */
import { alleKennwerte, STAND, type Kennwert } from "../calibration.ts";
import type { Auffaelligkeit, Dataset } from "../dataset.ts";
import { controlTotals, type Kontrollsummen } from "./control-totals.ts";
import type { DateiInfo } from "./output-file.ts";

export interface Manifest {
  synthetisch: true;
  beschreibung: string;
  seed: number | string;
  scale: number;
  stand: string;
  erzeugt_mit: string;
  annahmen: Kennwert[];
  bewusste_auffaelligkeiten: Auffaelligkeit[];
  dateien: DateiInfo[];
  kontrollsummen: Kontrollsummen;
}

const BESCHREIBUNG =
  "Synthetische Beispieldaten für den PIK-Monitor (Pakt für Integration Baden-Württemberg), erzeugt mit einem festen Zufalls-Startwert. " +
  "Landesweite Summen sind auf veröffentlichte Programmzahlen kalibriert (Liste „annahmen“, jeweils mit Quelle oder als Annahme gekennzeichnet). " +
  "Alle Zahlen je Kreis, Gemeinde, Zuwendung und Stelle sind erfunden; Personennamen sind Platzhalter. " +
  "Die geförderten Gemeinden sind echte Gemeinden (amtlicher Schlüssel und Name aus BKG VG5000, Stand 01.01.2021, dl-de/by-2-0), zufällig ausgewählt: " +
  "Dass eine Gemeinde hier eine Zuwendung erhält, und jeder Betrag sind erfunden. " +
  "Kreisnamen und Einwohnerzahlen stammen aus dem amtlichen Gemeindeverzeichnis (Destatis GV-ISys, 31.12.2018, CC BY 4.0). " +
  "Diese Daten dürfen nicht als amtliche Angaben dargestellt werden.";

export function buildManifest(data: Dataset, dateien: DateiInfo[]): Manifest {
  return {
    synthetisch: true,
    beschreibung: BESCHREIBUNG,
    seed: data.seed,
    scale: data.scale,
    stand: STAND.wert,
    erzeugt_mit: "npm run sample-data",
    annahmen: alleKennwerte().map((k) =>
      data.scale === 1 || typeof k.wert !== "number" || !/€/.test(k.beschreibung)
        ? k
        : { ...k, beschreibung: `${k.beschreibung} – in diesen Daten ×${data.scale} skaliert` },
    ),
    bewusste_auffaelligkeiten: data.auffaelligkeiten,
    dateien,
    kontrollsummen: controlTotals(data),
  };
}
