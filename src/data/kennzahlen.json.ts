// The published Kennzahlen from the metric registry (loaders/queries/metrics.ts):
// label, unit, definition and how the value of several Kreise is formed.
import { metricTexts } from "../../loaders/queries/metrics.ts";

const out = Object.fromEntries(metricTexts().map((m) => [m.key, m]));
process.stderr.write(`kennzahlen.json: ${Object.keys(out).length} Kennzahlen\n`);
process.stdout.write(JSON.stringify(out));
