/**
 * The published tables of the data contract (§3): one definition per table –
 * German title, what a row is, columns with label, definition, unit and SQL type,
 * key and the SELECT that computes it from the warehouse; one file per table.
 *
 * The column definitions are written once here: the SQL computes them, and the
 * data dictionary and the methodology page print the German `definition`s. The
 * metrics derived from them (ratios, Land values) live in `queries/metrics.ts`.
 *
 * Warehouse layout: `eingang.*` accepted input rows, `ref.kreise`, `ref.gemeinden`
 * and `ref.foerderbereiche` reference data,
 * `meta.befunde` findings, `main.*` the published tables (and two helper views).
 */
export { HELPER_VIEWS, PUBLISHED_TABLES, type PublishedTableName } from "./all.ts";
export { buildPublishedTables } from "./build.ts";
export { createStatement, publishedColumns, type PublishedColumn, type PublishedColumnMeta, type PublishedTable } from "./define.ts";
export { EINWOHNER_QUELLE_EINGABE } from "./shared-columns.ts";
export { abdeckungKreis } from "./abdeckung-kreis.ts";
export { bewilligtJahr } from "./bewilligt-jahr.ts";
export { buchungen } from "./buchungen.ts";
export { haushaltJahr } from "./haushalt-jahr.ts";
export { kreise } from "./kreise.ts";
export { mittelGemeindeJahr } from "./mittel-gemeinde-jahr.ts";
export { mittelKreisJahr } from "./mittel-kreis-jahr.ts";
export { pruefbericht } from "./pruefbericht.ts";
export { zahlungenMonat } from "./zahlungen-monat.ts";
export { zuwendungen } from "./zuwendungen.ts";
