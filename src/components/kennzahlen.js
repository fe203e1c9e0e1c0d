// Building blocks of the page „Übersicht“: big-number cards, the funnel
// Ansatz → bewilligt → ausgezahlt, and the short ranked lists of Kreise.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {formatEuro} from "./format.js";

const kompakt = new Intl.NumberFormat("de-DE", {notation: "compact", maximumFractionDigits: 1, minimumFractionDigits: 1});
const signedEuro = new Intl.NumberFormat("de-DE", {style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero"});
const signedPercent = new Intl.NumberFormat("de-DE", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero"});

/** 67.320.110,42 → „67,3 Mio. €“; below a million the full amount („14.708 €“). */
export function formatEuroKurz(x) {
  if (x == null) return "–";
  const v = Number(x);
  return Math.abs(v) >= 1e6 ? `${kompakt.format(v)} €` : formatEuro(v);
}

/** A number with a fixed count of decimals: formatDezimal(598.25, 2) → „598,25“. */
export function formatDezimal(x, digits = 1) {
  if (x == null) return "–";
  return new Intl.NumberFormat("de-DE", {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(Number(x));
}

/** Change as „+518.524 € (+0,8 %)“; the relative part only when known. */
export function formatVeraenderung(diff, quote) {
  if (diff == null) return "–";
  const abs = signedEuro.format(Number(diff));
  return quote == null ? abs : `${abs} (${signedPercent.format(Number(quote))})`;
}

/**
 * A big-number card: title (h2), subtitle (h3), the number, lines below it, an
 * optional definition behind a „Definition“ toggle, and the Stand/Quelle line.
 */
export function bigNumberCard({titel, untertitel, wert, exakt, zeilen = [], definition, quelle, testId}) {
  return html`<div class="card pik-kennzahl" data-kennzahl=${testId ?? ""}>
    <h2>${titel}</h2>
    <h3>${untertitel}</h3>
    <div class="big pik-big" data-wert>${wert}</div>
    ${exakt ? html`<div class="pik-exakt" data-exakt>${exakt}</div>` : ""}
    ${zeilen.filter(Boolean).map((z) => html`<div class="pik-zeile">${z}</div>`)}
    ${definition ? html`<details class="pik-definition"><summary>Definition</summary><p>${definition}</p></details>` : ""}
    <p class="pik-source">${quelle}</p>
  </div>`;
}

/**
 * Funnel Ansatz → bewilligt → ausgezahlt as horizontal bars for one year, the
 * year before as a black tick on each bar, and the share of the appropriation
 * as a label.
 *
 * @param stufen [{stufe, wert, vorjahr, anteil}] in order (wert, vorjahr in €, anteil 0–1 or null)
 */
export function funnelChart(stufen, {width = 480, jahr, vorjahr, ariaLabel, anteilLabel = (a) => a} = {}) {
  const data = stufen.filter((d) => d.wert != null);
  const max = Math.max(1, ...data.map((d) => Math.max(Number(d.wert), Number(d.vorjahr ?? 0))));
  const marginLeft = Math.min(170, 12 + Math.max(...data.map((d) => d.stufe.length)) * 7);
  return Plot.plot({
    width,
    height: data.length * 52 + 64,
    marginBottom: 46,
    marginLeft,
    marginRight: 16,
    ariaLabel,
    style: {fontSize: "12px"},
    x: {label: `Euro (${jahr})`, labelOffset: 40, labelAnchor: "center", labelArrow: "none", domain: [0, max * 1.02], tickFormat: formatEuroKurz, grid: true, ticks: Math.max(2, Math.floor((width - marginLeft) / 110))},
    y: {label: null, domain: data.map((d) => d.stufe), tickSize: 0, padding: 0.25},
    marks: [
      Plot.barX(data, {
        x: (d) => Number(d.wert),
        y: "stufe",
        fill: "#006ba4",
        title: (d) => `${d.stufe} ${jahr}: ${formatEuro(d.wert)}${d.anteil != null ? ` (${anteilLabel(d.anteil)})` : ""}\n${vorjahr}: ${formatEuro(d.vorjahr)}`,
        tip: {format: {x: false, y: false}},
      }),
      Plot.tickX(data.filter((d) => d.vorjahr != null), {x: (d) => Number(d.vorjahr), y: "stufe", stroke: "#1c1917", strokeWidth: 2.5, ariaLabel: (d) => `${d.stufe} ${vorjahr}: ${formatEuro(d.vorjahr)}`}),
      // Label inside long bars (white), after short ones (dark).
      ...[true, false].map((innen) =>
        Plot.text(data.filter((d) => (Number(d.wert) / max >= 0.45) === innen), {
          x: (d) => Number(d.wert),
          y: "stufe",
          text: (d) => `${formatEuroKurz(d.wert)}${d.anteil != null && d.stufe !== data[0].stufe ? ` · ${anteilLabel(d.anteil)}` : ""}`,
          textAnchor: innen ? "end" : "start",
          dx: innen ? -6 : 6,
          fill: innen ? "white" : "#1c1917",
          fontWeight: "bold",
          ariaHidden: true,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * A short ranked list of Kreise as a table: rank (from the loader: equal values
 * share a rank), name with Kreistyp linked to
 * the profile (/kreise/AGS) and, below it, how the value is made up; the value.
 */
export function kreisListe(rows, {wert, berechnung, header, leer}) {
  if (!rows.length) return html`<p>${leer}</p>`;
  return html`<table class="pik-kreisliste">
    <thead><tr><th scope="col" class="num">${header.rang}</th><th scope="col">${header.kreis}</th><th scope="col" class="num">${header.wert}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr data-ags=${r.kreis_ags}>
        <td class="num">${r.rang}</td>
        <td><a href=${`./kreise/${r.kreis_ags}`}>${r.kreis_name}</a> <span class="pik-typ">(${r.kreis_typ})</span><div class="pik-berechnung">${berechnung(r)}</div></td>
        <td class="num pik-listenwert" data-wert>${wert(r)}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}
