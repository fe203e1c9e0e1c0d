// Tables of the Kreisprofil. Plain HTML tables where the page must print in
// full (Kennzahlen, recipients); the grant list is an Inputs.table on screen
// and a full plain table in print. All text from the data goes through htl
// interpolation (escaped), never innerHTML.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatDate, formatEuro, formatNumber, KENNZAHL_FORMAT, rankText} from "./profile-format.js";
import {PROFIL} from "./strings-kreisprofil.js";

/**
 * Kennzahlen of the Kreis beside the Land value and the ranks.
 * @param kennzahlen rows of profil.kennzahlen
 * @param texte      kennzahl → {label, einheit, definition}
 */
export function kennzahlenTable(kennzahlen, {kreis, bezug, texte}) {
  const group = (gruppe, title) => {
    const list = kennzahlen.filter((k) => k.gruppe === gruppe);
    if (!list.length) return null;
    return html`<tbody>
      <tr class="pik-kz-gruppe"><th colspan="5" scope="colgroup">${title}</th></tr>
      ${list.map((k) => {
        const f = KENNZAHL_FORMAT[k.kennzahl] ?? formatNumber;
        const t = texte[k.kennzahl];
        return html`<tr data-kennzahl=${k.kennzahl}>
          <th scope="row">${t.label}${k.zaehlung ? html`<span class="pik-kz-hinweis"> (${PROFIL.zaehlung(formatDate(k.zaehlung))})</span>` : null}</th>
          <td class="pik-num pik-kz-wert">${f(k.wert)}</td>
          <td class="pik-num pik-kz-land">${f(k.land)}<span class="pik-kz-hinweis"> ${k.land_art === "summe" ? PROFIL.landSumme : PROFIL.landQuote}</span></td>
          <td class="pik-kz-rang">${rankText(k.rang, k.von, kreis.kreis_typ)}</td>
          <td class="pik-kz-rang-land">${rankText(k.rang_land, k.von_land, null)}</td>
        </tr>`;
      })}
    </tbody>`;
  };
  return html`<table class="pik-kennzahlen">
    <thead><tr>
      <th scope="col">${PROFIL.kennzahl}</th>
      <th scope="col" class="pik-num">${kreis.kreis_name}</th>
      <th scope="col" class="pik-num">${PROFIL.land}</th>
      <th scope="col">${PROFIL.rangGleicherTyp(kreis.kreis_typ)}</th>
      <th scope="col">${PROFIL.rangLand}</th>
    </tr></thead>
    ${group("mittel", PROFIL.gruppeMittel(bezug.stichjahr))}
    ${group("abdeckung", PROFIL.gruppeAbdeckung(formatDate(bezug.stichtag)))}
  </table>`;
}

/** The definitions of the Kennzahlen, as a list (shown under the Kennzahlen table). */
export function definitionsList(kennzahlen, texte) {
  return html`<dl class="pik-definitionen-liste">${kennzahlen.map((k) => {
    const t = texte[k.kennzahl];
    return html`<div><dt>${t.label}${t.einheit ? ` (${t.einheit})` : ""}</dt><dd>${t.definition}</dd></div>`;
  })}</dl>`;
}

/** Recipients of the Kreis with their totals, and the Kreis total as footer. */
export function empfaengerTable(empfaenger, summe, {labels}) {
  return html`<table class="pik-empfaenger">
    <thead><tr>
      <th scope="col">${labels.empfaenger_name}</th>
      <th scope="col">${labels.empfaenger_ags}</th>
      <th scope="col" class="pik-num">${PROFIL.anzahlZuwendungen}</th>
      <th scope="col">${PROFIL.zeitraum}</th>
      <th scope="col" class="pik-num">${labels.bewilligt_eur}</th>
      <th scope="col" class="pik-num">${labels.ausgezahlt_eur}</th>
      <th scope="col" class="pik-num">${labels.rueckforderung_eur}</th>
    </tr></thead>
    <tbody>${empfaenger.map((e) => html`<tr>
      <th scope="row">${e.empfaenger_name}</th>
      <td>${e.empfaenger_ags}</td>
      <td class="pik-num">${formatNumber(e.zuwendungen)}</td>
      <td class="pik-zeitraum">${formatDate(e.beginn)} – ${formatDate(e.ende)}</td>
      <td class="pik-num">${formatEuro(e.bewilligt_eur)}</td>
      <td class="pik-num">${formatEuro(e.ausgezahlt_eur)}</td>
      <td class="pik-num">${formatEuro(e.rueckforderung_eur)}</td>
    </tr>`)}</tbody>
    <tfoot><tr>
      <th scope="row">${PROFIL.summe}</th>
      <td></td>
      <td class="pik-num">${formatNumber(summe.zuwendungen)}</td>
      <td></td>
      <td class="pik-num">${formatEuro(summe.bewilligt_eur)}</td>
      <td class="pik-num">${formatEuro(summe.ausgezahlt_eur)}</td>
      <td class="pik-num">${formatEuro(summe.rueckforderung_eur)}</td>
    </tr></tfoot>
  </table>`;
}

const ZUWENDUNG_COLUMNS = ["empfaenger_name", "empfaenger_ags", "foerderbereich", "zeitraum", "bewilligt_eur", "ausgezahlt_eur"];

/** Rows of the grant table with the display fields (Förderbereich label, Zeitraum). */
export function zuwendungRows(zuwendungen, fb) {
  return zuwendungen.map((z) => ({
    ...z,
    foerderbereich: fb.name(z.foerderbereich),
    zeitraum: `${formatDate(z.beginn)} – ${formatDate(z.ende)}`,
  }));
}

/** The grants: sortable Inputs.table on screen, the full list as plain table in print. */
export function zuwendungenTable(rows, {width, labels}) {
  const header = {...labels, zeitraum: PROFIL.zeitraum};
  const screen = Inputs.table(rows, {
    select: false,
    columns: ZUWENDUNG_COLUMNS,
    header,
    format: {bewilligt_eur: formatEuro, ausgezahlt_eur: formatEuro},
    align: {bewilligt_eur: "right", ausgezahlt_eur: "right"},
    width: {empfaenger_name: 200, empfaenger_ags: 90, foerderbereich: 170, zeitraum: 180, bewilligt_eur: 120, ausgezahlt_eur: 140},
    layout: "auto",
    rows: 16,
    select: false,
    maxWidth: width,
  });
  const print = html`<table class="pik-zuwendungen-druck">
    <thead><tr>${ZUWENDUNG_COLUMNS.map((c) => html`<th scope="col" class=${c.endsWith("_eur") ? "pik-num" : ""}>${header[c]}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>
      <td>${r.empfaenger_name}</td><td>${r.empfaenger_ags}</td><td>${r.foerderbereich}</td><td class="pik-zeitraum">${r.zeitraum}</td>
      <td class="pik-num">${formatEuro(r.bewilligt_eur)}</td><td class="pik-num">${formatEuro(r.ausgezahlt_eur)}</td>
    </tr>`)}</tbody>
  </table>`;
  return html`<div class="pik-zuwendungen"><div class="pik-screen-only">${screen}</div><div class="pik-print-only">${print}</div></div>`;
}

/** Non-granted applications of the Kreis (intern edition only): plain table, prints in full. */
export function antraegeTable(antraege, {labels, fb}) {
  return html`<table class="pik-antraege">
    <thead><tr>
      <th scope="col">${PROFIL.aktenzeichen}</th>
      <th scope="col">${labels.empfaenger_name}</th>
      <th scope="col">${labels.foerderbereich}</th>
      <th scope="col">${PROFIL.status}</th>
      <th scope="col">${PROFIL.antragDatum}</th>
      <th scope="col">${PROFIL.bescheidDatum}</th>
    </tr></thead>
    <tbody>${antraege.map((a) => html`<tr data-status=${a.status}>
      <td><code>${a.aktenzeichen}</code></td>
      <td>${a.empfaenger_name} <small>(${a.empfaenger_ags})</small></td>
      <td>${fb.name(a.foerderbereich)}</td>
      <td>${PROFIL.statusText[a.status] ?? a.status}</td>
      <td>${a.antrag_datum ? formatDate(a.antrag_datum) : "–"}</td>
      <td>${a.bescheid_datum ? formatDate(a.bescheid_datum) : "–"}</td>
    </tr>`)}</tbody>
  </table>`;
}
