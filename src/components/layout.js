// Page furniture shared by all pages: the synthetic-data notice, the
// "Stand · Quelle" line under every chart and the table one click away.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {downloadBar} from "./chart-export.js";
import {formatDate} from "./format.js";
import {QUELLEN, SITE} from "./strings.js";

/** The notice every page shows while the sample data is in use (meta.synthetisch). */
export function syntheticNotice(meta) {
  if (!meta.synthetisch) return html``;
  return html`<div class="pik-synthetic" role="note"><strong>${SITE.synthetischTitel}.</strong> ${SITE.synthetischText}</div>`;
}

/** "Stand: 30.11.2025 · Quelle: … · Release …" from the build metadata. */
export function sourceLine(meta, quellen) {
  const q = quellen.map((k) => QUELLEN[k] ?? k).join("; ");
  return `${SITE.stand}: ${formatDate(meta.stand)} · ${SITE.quelle}: ${q}${meta.synthetisch ? " (synthetisch)" : ""} · ${SITE.release} ${meta.release}`;
}

/**
 * A chart with its numbers one click away: the table lives in a <details>
 * below the chart, with the same rows and German formats; above it the chart's
 * downloads (its rows as CSV/XLSX with the raw values, the chart as SVG/PNG).
 */
export function withTable(chart, rows, {columns, header, format, sort, reverse} = {}) {
  const table = Inputs.table(rows, {columns, header, format, sort, reverse, rows: 12, layout: "auto", select: false});
  const figure = html`<figure class="pik-figure">${chart}</figure>`;
  figure.append(downloadBar(() => figure, rows, {columns, header}), html`<details class="pik-table"><summary>${SITE.tabelleAnzeigen}</summary>${table}</details>`);
  return figure;
}
