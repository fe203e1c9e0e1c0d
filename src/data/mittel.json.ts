// Money per Kreis, year and Förderbereich (mittel_kreis_jahr joined to the
// Kreise, amounts in cents) plus the refugee counts per Kreis and stichtag.
import { mittel } from "../../loaders/pages/mittel.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const out = await withWarehouse((conn) => mittel(conn, { stand: siteMeta().stand }));
process.stderr.write(`mittel: ${out.mittel.length} Zeilen, ${out.kreise.length} Kreise, Jahre ${out.jahre.join(", ")}\n`);
process.stdout.write(JSON.stringify(out));
