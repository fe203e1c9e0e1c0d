// German number and date formats for every chart, table and text of the site.
const euro = new Intl.NumberFormat("de-DE", {style: "currency", currency: "EUR", maximumFractionDigits: 0});
const euroCent = new Intl.NumberFormat("de-DE", {style: "currency", currency: "EUR", minimumFractionDigits: 2});
const percent = new Intl.NumberFormat("de-DE", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1});
const number = new Intl.NumberFormat("de-DE");

export const formatEuro = (x) => (x == null ? "–" : euro.format(Number(x)));
export const formatEuroCent = (x) => (x == null ? "–" : euroCent.format(Number(x)));
export const formatPercent = (x) => (x == null ? "–" : percent.format(Number(x)));
export const formatNumber = (x) => (x == null ? "–" : number.format(Number(x)));
/** ISO date (2018-12-31) → 31.12.2018 */
export const formatDate = (iso) => (iso ? String(iso).slice(0, 10).split("-").reverse().join(".") : "–");

/**
 * A year on a chart axis: „2025“, or „’25“ where `count` four-digit years would
 * not fit side by side in `width` px (a phone), so the labels never overlap.
 */
export const yearTickFormat = (width, count) => (width < 44 * count + 100 ? (y) => `’${String(y).slice(2)}` : (y) => String(y));
