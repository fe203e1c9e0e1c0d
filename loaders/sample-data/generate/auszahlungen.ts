/**
 * Table `auszahlungen`: for every granted grant its instalments and, after the
 * proof of use, a final payment or a recovery; plus one deliberate double
 * booking that the checks must report. Payment ids count per booking year.
 */
import type { Auffaelligkeit, Auszahlung, Zahlungsart } from "../dataset.ts";
import { addMonths, german, monthsInclusive, workday, yearOf, type Day } from "../dates.ts";
import { germanCents } from "../format.ts";
import type { Rng } from "../random.ts";
import { cmp, type Grant } from "./model.ts";

type Zahlung = Omit<Auszahlung, "zahlung_id">;

export interface Payments {
  auszahlungen: Auszahlung[];
  auffaelligkeiten: Auffaelligkeit[];
}

/** Needs the spent shares, so it runs after the staffing reports. */
export function auszahlungenRows(rng: Rng, grants: readonly Grant[], stand: Day): Payments {
  const bewilligt = grants.filter((g) => g.row.status === "bewilligt").sort((a, b) => cmp(a.row.aktenzeichen, b.row.aktenzeichen));
  const zahlungen: Zahlung[] = [];
  for (const g of bewilligt) zahlungen.push(...paymentsFor(rng, g, stand));
  const auffaelligkeiten = doubleBookFinalPayment(bewilligt, zahlungen, stand);
  return { auszahlungen: numberPayments(zahlungen), auffaelligkeiten };
}

/** Instalments (IM half-yearly, others once) and the settlement; nothing booked after the data date. */
function paymentsFor(rng: Rng, g: Grant, stand: Day): Zahlung[] {
  const { row } = g;
  const out: Zahlung[] = [];
  const book = (d: Day, cents: number, art: Zahlungsart) => {
    if (d <= stand && cents !== 0) out.push({ aktenzeichen: row.aktenzeichen, buchungsdatum: d, betragCents: cents, art });
  };
  const bescheid = row.bescheid_datum as Day;
  const im = row.foerderbereich === "integrationsmanagement";
  const months = monthsInclusive(row.beginn, row.ende);
  const n = im && months >= 12 ? Math.ceil(months / 6) : 1;
  const abschlagTotal = Math.round(row.bewilligtCents * (im ? 0.9 : 0.8));
  const base = Math.floor(abschlagTotal / n);
  for (let k = 0; k < n; k++) {
    const due = addMonths(row.beginn, 6 * k);
    const cents = k === n - 1 ? abschlagTotal - base * (n - 1) : base;
    book(workday(Math.max(due, bescheid + 7) + rng.int(2, 20)), cents, "abschlag");
  }
  const verwendet = Math.round(row.bewilligtCents * g.verwendet);
  const pruefung = workday(row.ende + rng.int(95, 280));
  const diff = verwendet - abschlagTotal;
  if (diff > 0) book(pruefung, diff, "schlusszahlung");
  else if (diff < 0) book(workday(pruefung + rng.int(14, 60)), diff, "rueckforderung");
  return out;
}

/**
 * One deliberate oddity: the final payment of the first R3 grant where booking
 * it twice takes the payments above the grant (the checks must warn).
 */
function doubleBookFinalPayment(bewilligt: readonly Grant[], zahlungen: Zahlung[], stand: Day): Auffaelligkeit[] {
  for (const g of bewilligt.filter((x) => x.runde === "R3")) {
    const eigene = zahlungen.filter((z) => z.aktenzeichen === g.row.aktenzeichen);
    const schluss = eigene.find((z) => z.art === "schlusszahlung");
    const netto = eigene.reduce((s, z) => s + z.betragCents, 0);
    if (!schluss || netto + schluss.betragCents <= g.row.bewilligtCents) continue;
    const doppelt = { ...schluss, buchungsdatum: workday(schluss.buchungsdatum + 3) };
    if (doppelt.buchungsdatum > stand) continue;
    zahlungen.push(doppelt);
    return [
      {
        tabelle: "auszahlungen",
        aktenzeichen: g.row.aktenzeichen,
        beschreibung: `Schlusszahlung über ${germanCents(schluss.betragCents)} € am ${german(schluss.buchungsdatum)} und am ${german(doppelt.buchungsdatum)} doppelt gebucht: die Auszahlungen übersteigen die Bewilligung um ${germanCents(netto + schluss.betragCents - g.row.bewilligtCents)} € (erwartete Warnung der Prüfung).`,
      },
    ];
  }
  return [];
}

const ART_ORDER: Record<Zahlungsart, number> = { abschlag: 0, schlusszahlung: 1, rueckforderung: 2 };

/** Booking order, then ids `YYYY-NNNNNN` counted per booking year. */
function numberPayments(zahlungen: Zahlung[]): Auszahlung[] {
  zahlungen.sort(
    (a, b) =>
      a.buchungsdatum - b.buchungsdatum ||
      cmp(a.aktenzeichen, b.aktenzeichen) ||
      ART_ORDER[a.art] - ART_ORDER[b.art] ||
      a.betragCents - b.betragCents,
  );
  const proJahr = new Map<number, number>();
  return zahlungen.map((z) => {
    const y = yearOf(z.buchungsdatum);
    const n = (proJahr.get(y) ?? 0) + 1;
    proJahr.set(y, n);
    return { zahlung_id: `${y}-${String(n).padStart(6, "0")}`, ...z };
  });
}
