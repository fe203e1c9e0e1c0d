// The 44 Kreisprofile as one ZIP, one JSON per Kreis (kreisprofile/08111.json …):
// one loader run for all 44 pages; each page extracts only its own member. The
// intern edition (PIK_EDITION) adds each Kreis's non-granted applications.
import JSZip from "jszip";
import { editionFromEnv } from "../../loaders/queries/edition.ts";
import { kreisprofile } from "../../loaders/pages/kreisprofil.ts";
import { siteMeta, withWarehouse } from "../../loaders/queries/site.ts";

const { stand } = siteMeta();
const profile = await withWarehouse((conn) => kreisprofile(conn, { stand, edition: editionFromEnv() }));
const zip = new JSZip();
// A fixed file date keeps the archive byte-identical for identical data.
const date = new Date(Date.UTC(2000, 0, 1));
for (const [ags, profil] of profile) zip.file(`${ags}.json`, JSON.stringify(profil), { date });
const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
process.stdout.write(buffer);
process.stderr.write(`kreisprofile.zip: ${profile.size} Kreise, ${buffer.length} Bytes\n`);
