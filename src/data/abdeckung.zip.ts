// Page /integrationsmanagement, one loader for its three artifacts (each loader
// process costs about a second of build time: tsx start and opening the warehouse):
//   kreise.json every Kreis at every stichtag (abdeckung_kreis + names, share filled)
//   land.json   the Land per stichtag (sums and ratios of abdeckung_kreis)
//   mix.json    filled positions by employer and qualification, Land and Kreise, per stichtag;
//               groups of fewer than 3 persons and their complements suppressed (loaders/queries/suppression.ts)
import JSZip from "jszip";
import { abdeckungKreise, abdeckungLand, packMix, stellenMixVeroeffentlicht } from "../../loaders/pages/abdeckung.ts";
import { withWarehouse } from "../../loaders/queries/site.ts";
import { MIN_PERSONEN } from "../../loaders/queries/suppression.ts";

const { kreise, land, mix } = await withWarehouse(async (conn) => ({
  kreise: await abdeckungKreise(conn),
  land: await abdeckungLand(conn),
  mix: await stellenMixVeroeffentlicht(conn),
}));
const zip = new JSZip();
const date = new Date(Date.UTC(2000, 0, 1));
zip.file("kreise.json", JSON.stringify(kreise), { date });
zip.file("land.json", JSON.stringify(land), { date });
// The threshold travels with the cells, so the page's footnote states the rule that was applied.
zip.file("mix.json", JSON.stringify({ min_personen: MIN_PERSONEN, tabellen: packMix(mix) }), { date });
process.stderr.write(`abdeckung.zip: ${kreise.length} Kreiszeilen, ${land.length} Landeszeilen, ${mix.length} Mix-Zellen\n`);
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
