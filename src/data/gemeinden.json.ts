// Money and integration managers per recipient Gemeinde (mittel_gemeinde_jahr,
// amounts in cents), the grants to the Kreise themselves beside them, the grants
// to Gemeinden and their staffing per Stichtag, populations if the input has them.
import { gemeindenSeite } from "../../loaders/pages/gemeinden.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const out = await withWarehouse((conn) => gemeindenSeite(conn, { stand: siteMeta().stand }));
process.stderr.write(
  `gemeinden: ${out.gemeinden.length} Gemeinden mit Einwohnerzahl oder ohne Verzeichniseintrag, ${out.mittel.length} Zeilen, ${out.kreis_selbst.length} Zeilen der Kreise selbst, ${out.stichtage.length} Stichtage\n`,
);
process.stdout.write(JSON.stringify(out));
