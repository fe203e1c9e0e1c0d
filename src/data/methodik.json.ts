// Definitions, input rules, sources and the making of the sample data for /methodik.
import { inputRules, PROGRAMMZAHLEN, publishedDefinitions, QUELLEN, sampleData } from "../../loaders/pages/methodik.ts";
import { readSidecar } from "../../loaders/site/release.ts";
import { MIN_PERSONEN } from "../../loaders/queries/suppression.ts";

const info = readSidecar();
if (!info) throw new Error("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
const out = {
  tabellen: publishedDefinitions(),
  eingabe: inputRules(),
  programmzahlen: PROGRAMMZAHLEN,
  quellen: QUELLEN,
  beispieldaten: sampleData(info.dataDir),
  geheimhaltung: { min_personen: MIN_PERSONEN },
};
process.stdout.write(JSON.stringify(out));
process.stderr.write(`methodik.json: ${out.tabellen.length} Tabellen, ${out.eingabe.length} Eingabetabellen\n`);
