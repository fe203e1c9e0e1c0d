/**
 * Text forms of numbers and CSV fields as German exports write them.
 */

/** `1234567` → `1.234.567` */
export function germanInt(n: number): string {
  const neg = n < 0;
  const s = String(Math.abs(Math.trunc(n)));
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ".";
    out += s[i];
  }
  return neg ? `-${out}` : out;
}

/** Cents as German amount: `123456` → `1.234,56`, `-5` → `-0,05`. */
export function germanCents(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const c = abs % 100;
  return `${neg ? "-" : ""}${germanInt(euros)},${c < 10 ? "0" : ""}${c}`;
}

/** Cents as plain decimal: `123456` → `1234.56`. */
export function plainCents(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const c = abs % 100;
  return `${neg ? "-" : ""}${Math.floor(abs / 100)}.${c < 10 ? "0" : ""}${c}`;
}

/** Quarters of a VZÄ as German decimal: `3` → `0,75`, `4` → `1`, `2` → `0,5`. */
export function germanQuarters(q: number): string {
  const whole = Math.floor(q / 4);
  const frac = ["", ",25", ",5", ",75"][q % 4] ?? "";
  return `${whole}${frac}`;
}

/** A CSV field, quoted only when it has to be (delimiter, quote, line break). */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export function csvLine(values: readonly string[], delimiter: string): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
