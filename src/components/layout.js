// Page furniture shared by all pages (the synthetic-data notice is static, in the
// header of observablehq.config.ts): the "Stand · Quelle" line under every chart and the table one click away.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {downloadBar} from "./chart-export.js";
import {formatDate} from "./format.js";
import {QUELLEN, SITE} from "./strings.js";

/** "Stand: 30.11.2025 · Quelle: … · Release …" from the build metadata. */
export function sourceLine(meta, quellen) {
  const q = quellen.map((k) => QUELLEN[k] ?? k).join("; ");
  return `${SITE.stand}: ${formatDate(meta.stand)} · ${SITE.quelle}: ${q}${meta.synthetisch ? " (synthetisch)" : ""} · ${SITE.release} ${meta.release}`;
}

/**
 * A chart with its numbers one click away: the table lives in a <details>
 * below the chart, with the same rows and German formats; above it the chart's
 * downloads (its rows as CSV/XLSX with the raw values, the chart as SVG/PNG).
 * The table is built when the disclosure first opens: every control change
 * redraws the charts, and building closed tables doubled the time to the
 * updated chart (measured with `npm run bench`, interaction).
 * `figure.setTable(rows, options)` gives the figure the rows of another
 * selection (for a chart that lasts across control changes, see live.js): the
 * downloads take them, an open table is rebuilt, a closed one when it opens.
 */
export function withTable(chart, rows, options = {}) {
  let current = {rows, options};
  const table = () => {
    const {columns, header, format, sort, reverse} = current.options;
    return Inputs.table(current.rows, {columns, header, format, sort, reverse, rows: 12, layout: "auto", select: false});
  };
  const figure = html`<figure class="pik-figure">${chart}</figure>`;
  const details = html`<details class="pik-table"><summary>${SITE.tabelleAnzeigen}</summary></details>`;
  details.addEventListener("toggle", () => {
    if (details.open && details.childElementCount === 1) details.append(table());
  });
  figure.append(downloadBar(() => figure, () => current.rows, () => ({columns: current.options.columns, header: current.options.header})), details);
  figure.setTable = (rows, options = {}) => {
    current = {rows, options};
    if (details.childElementCount > 1) {
      if (details.open) details.lastChild.replaceWith(table());
      else details.lastChild.remove();
    }
  };
  return figure;
}

/**
 * Resolves after the browser has painted the next frame. A cell that builds a
 * large table awaits it, so a control change repaints the charts first and the
 * table a frame later, instead of holding the charts back.
 */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
