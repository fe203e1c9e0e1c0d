/**
 * Input folder for the ingest benchmark: `auszahlungen.csv` with exactly `rows`
 * valid payment rows (UTF-8, `;`, German numbers and dates, LF), the granted
 * grants they point at (`bewilligungen.csv`, one per 100 payments) and minimal
 * valid `haushalt.csv`, `stellen.csv` and `gefluechtete_au.csv`, so that a full
 * ingest runs without a single finding.
 *
 * Validity by construction: each grant is 100.000,00 €; it gets at most 100
 * bookings of at most 999,99 € each (recoveries negative), so net payments stay
 * below the grant; appropriations equal the sum of the grants per Förderbereich,
 * so no year is over-committed. Written in 8 MB chunks: 10 M rows (≈ 520 MB)
 * take seconds, not minutes. Deterministic for a given `rows` and `seed`.
 */
import { open, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { loadKreise, type Kreis } from "../reference/kreise.ts";
import { DEFAULT_SEED } from "./calibration.ts";
import { day, german, halfYearEnds, iso } from "./dates.ts";
import { germanCents } from "./format.ts";
import { Rng } from "./random.ts";
import { removeTableFiles } from "./write.ts";

export interface BenchmarkFiles {
  dir: string;
  rows: number;
  grants: number;
  /** Size of auszahlungen.csv in bytes. */
  bytes: number;
}

const PAYMENTS_PER_GRANT = 100;
const GRANT_CENTS = 10_000_000;
const PERIOD_DAYS = 730;
const FIRST_BEGINN = day(2017, 1, 1);
const LAST_BEGINN = day(2023, 12, 31);
const CHUNK = 8 << 20;

/** The benchmark's synthetic grants use the five areas of 2017–2024 (all in the default list). */
const FOERDERBEREICHE = ["integrationsmanagement", "digitalisierung", "schule_beruf", "spracherwerb", "ehrenamt"] as const;

const CODES: Record<(typeof FOERDERBEREICHE)[number], string> = {
  integrationsmanagement: "IM",
  digitalisierung: "DIG",
  schule_beruf: "SB",
  spracherwerb: "SE",
  ehrenamt: "EA",
};

export async function writeBenchmarkPayments(
  dir: string,
  rows: number,
  seed: number | string = DEFAULT_SEED,
): Promise<BenchmarkFiles> {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows muss eine positive ganze Zahl sein (erhalten: ${rows})`);
  await mkdir(dir, { recursive: true });
  await removeTableFiles(dir);
  const rng = new Rng(String(seed), `benchmark-${rows}`);
  const kreise = loadKreise();
  const grants = await writeGrants(dir, rng, kreise, Math.ceil(rows / PAYMENTS_PER_GRANT));
  const bytes = await writePayments(dir, rng, grants, rows);
  await writeHaushalt(dir, grants);
  await writeStellen(dir, grants);
  await writeGefluechteteAu(dir, kreise);
  return { dir, rows, grants: grants.aktenzeichen.length, bytes };
}

/** What the other files need to know about the grants. */
interface BenchmarkGrants {
  aktenzeichen: string[];
  beginnOf: Int32Array;
  /** Number of grants per Förderbereich (sizes the appropriations). */
  perFb: Map<string, number>;
  /** Index of the first IM grant (the one with staffing reports), -1 if none. */
  firstIm: number;
}

const LAST_DAY = LAST_BEGINN + PERIOD_DAYS;

async function writeGrants(dir: string, rng: Rng, kreise: readonly Kreis[], nGrants: number): Promise<BenchmarkGrants> {
  const grants: BenchmarkGrants = { aktenzeichen: new Array(nGrants), beginnOf: new Int32Array(nGrants), perFb: new Map(), firstIm: -1 };
  await writeChunks(join(dir, "bewilligungen.csv"), function* () {
    yield "aktenzeichen;empfaenger_ags;empfaenger_name;foerderbereich;status;antrag_datum;bescheid_datum;beginn;ende;bewilligt_eur;vzae_bewilligt\n";
    for (let i = 0; i < nGrants; i++) {
      const fb = FOERDERBEREICHE[i % FOERDERBEREICHE.length] as (typeof FOERDERBEREICHE)[number];
      const kreis = kreise[i % kreise.length] as Kreis;
      const az = `BENCH-${CODES[fb]}-${String(i + 1).padStart(7, "0")}`;
      const beginn = rng.int(FIRST_BEGINN, LAST_BEGINN);
      grants.aktenzeichen[i] = az;
      grants.beginnOf[i] = beginn;
      grants.perFb.set(fb, (grants.perFb.get(fb) ?? 0) + 1);
      if (fb === "integrationsmanagement" && grants.firstIm < 0) grants.firstIm = i;
      const im = fb === "integrationsmanagement";
      yield `${az};${kreis.kreis_ags};${kreis.kreis_name};${fb};bewilligt;${german(beginn - 60)};${german(beginn - 20)};${german(beginn)};${german(beginn + PERIOD_DAYS - 1)};${germanCents(GRANT_CENTS)};${im ? "2,5" : ""}\n`;
    }
  });
  return grants;
}

/** The hot loop: no generator per row, dates precomputed, amounts formatted inline. */
async function writePayments(dir: string, rng: Rng, grants: BenchmarkGrants, rows: number): Promise<number> {
  const { aktenzeichen, beginnOf } = grants;
  // Date texts for every day a booking can fall on (formatting is the hot path).
  const dayText: string[] = [];
  for (let d = FIRST_BEGINN; d <= LAST_DAY; d++) dayText.push(german(d));
  return writeChunks(join(dir, "auszahlungen.csv"), function* () {
    yield "zahlung_id;aktenzeichen;buchungsdatum;betrag_eur;art\n";
    let part = "";
    for (let j = 0; j < rows; j++) {
      const g = (j / PAYMENTS_PER_GRANT) | 0;
      const booking = (beginnOf[g] as number) - FIRST_BEGINN + (rng.nextUint32() % PERIOD_DAYS);
      // 1,00 … 999,99 €: never a thousands separator.
      const cents = 100 + (rng.nextUint32() % 99_900);
      const c = cents % 100;
      const amount = `${(cents - c) / 100},${c < 10 ? "0" : ""}${c}`;
      const r = rng.nextUint32() % 100;
      const tail = r < 85 ? `${amount};abschlag\n` : r < 95 ? `${amount};schlusszahlung\n` : `-${amount};rueckforderung\n`;
      part += `Z${(10_000_000_000 + j + 1).toString().slice(1)};${aktenzeichen[g]};${dayText[booking]};${tail}`;
      if (part.length >= CHUNK) {
        yield part;
        part = "";
      }
    }
    yield part;
  });
}

/** Appropriation = all grants of the Förderbereich, every year: no year is over-committed. */
async function writeHaushalt(dir: string, grants: BenchmarkGrants): Promise<void> {
  const maxYear = new Date(LAST_DAY * 86_400_000).getUTCFullYear();
  await writeChunks(join(dir, "haushalt.csv"), function* () {
    yield "haushaltsjahr;foerderbereich;ansatz_eur\n";
    for (let y = 2017; y <= maxYear; y++) {
      for (const fb of FOERDERBEREICHE) yield `${y};${fb};${germanCents((grants.perFb.get(fb) ?? 0) * GRANT_CENTS)}\n`;
    }
  });
}

/** Two positions of the first IM grant at each reporting date: enough for the staffing checks to run. */
async function writeStellen(dir: string, { aktenzeichen, beginnOf, firstIm }: BenchmarkGrants): Promise<void> {
  await writeChunks(join(dir, "stellen.csv"), function* () {
    yield "aktenzeichen;stichtag;stelle_nr;vzae;besetzt;anstellungstraeger;qualifikation;name\n";
    if (firstIm < 0) return;
    const beginn = beginnOf[firstIm] as number;
    for (const s of halfYearEnds(beginn, beginn + PERIOD_DAYS - 1)) {
      yield `${aktenzeichen[firstIm]};${german(s)};001;1;ja;gemeinde;hochschulabschluss;Erika Mustermann\n`;
      yield `${aktenzeichen[firstIm]};${german(s)};002;0,5;nein;freier_traeger;;\n`;
    }
  });
}

async function writeGefluechteteAu(dir: string, kreise: readonly Kreis[]): Promise<void> {
  await writeChunks(join(dir, "gefluechtete_au.csv"), function* () {
    yield "kreis_ags;stichtag;personen\n";
    for (const k of kreise) yield `${k.kreis_ags};${iso(day(2017, 9, 15))};${Math.round(k.einwohner / 100)}\n`;
  });
}

/** Writes the generated strings in large UTF-8 chunks; returns the bytes written. */
async function writeChunks(path: string, lines: () => Generator<string>): Promise<number> {
  const handle = await open(path, "w");
  let total = 0;
  try {
    let buf = "";
    for (const line of lines()) {
      buf += line;
      if (buf.length >= CHUNK) {
        const b = Buffer.from(buf, "utf8");
        await handle.write(b);
        total += b.length;
        buf = "";
      }
    }
    if (buf.length > 0) {
      const b = Buffer.from(buf, "utf8");
      await handle.write(b);
      total += b.length;
    }
  } finally {
    await handle.close();
  }
  return total;
}
