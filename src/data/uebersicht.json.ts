// Key figures of the page „Übersicht“: latest complete year and the year before,
// coverage at the latest stichtag, uptake, the Kreise that stand out; in the
// intern edition (PIK_EDITION) also the Antragslage.
import { editionFromEnv } from "../../loaders/queries/edition.ts";
import { uebersicht } from "../../loaders/pages/uebersicht.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const out = await withWarehouse((conn) => uebersicht(conn, { stand: siteMeta().stand, edition: editionFromEnv() }));
process.stderr.write(`uebersicht: Jahr ${out.jahr}, Stichtag ${out.abdeckung?.stichtag ?? "–"}\n`);
process.stdout.write(JSON.stringify(out));
