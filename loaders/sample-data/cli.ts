/**
 * npm run sample-data [-- --out DIR] [--scale N] [--seed S]
 *
 * Writes deterministic synthetic input data (the five input tables plus
 * manifest.json) to DIR (default `data/`). Same seed and scale ⇒ identical bytes.
 *   --scale N  N times more recipients, grants, positions and payments, and N times
 *              the amounts (for benchmarks; default 1; fractions allowed, e.g. 0.2)
 *   --seed S   seed of the random numbers (default 20170404)
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "./calibration.ts";
import { germanInt } from "./format.ts";
import { writeSampleData } from "./write.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});

if (values.help) {
  console.log("npm run sample-data -- [--out DIR] [--scale N] [--seed S]");
  process.exit(0);
}

const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`--scale muss eine positive Zahl sein (erhalten: ${values.scale})`);
  process.exit(2);
}
const seed: number | string = /^\d{1,15}$/.test(values.seed) ? Number(values.seed) : values.seed;
const out = resolve(values.out);

const t0 = performance.now();
const manifest = await writeSampleData(out, { seed, scale });
const ms = Math.round(performance.now() - t0);

console.log(`Synthetische Beispieldaten (Seed ${seed}, Maßstab ${scale}, Stand ${manifest.stand}) → ${out}`);
for (const d of manifest.dateien) {
  console.log(`  ${d.datei.padEnd(22)} ${germanInt(d.zeilen).padStart(9)} Zeilen ${germanInt(d.bytes).padStart(13)} Bytes`);
}
console.log(`  manifest.json          (${manifest.annahmen.length} Kennwerte mit Quelle, ${manifest.bewusste_auffaelligkeiten.length} bewusste Auffälligkeit(en))`);
console.log(`fertig in ${germanInt(ms)} ms`);
