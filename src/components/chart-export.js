// Per-chart downloads: the chart's data (CSV, XLSX) and the chart itself (SVG, PNG).
//
// A chart that leaves the site must still say what it shows, as of when and from
// where: the image files carry the card's title and subtitle above the chart and
// its "Stand · Quelle · Release" line (and the synthetic-data notice) below it; the
// XLSX file carries them on a second sheet. The CSV file stays a plain table for
// analysts, named with the Stand date.
//
// Everything is read when the button is pressed, from the figure as it is then
// (after any control change), so the files always match what is on screen.
import {html} from "htl";
import {scaleOf, toCsv, toXlsx, XLSX_TYPE} from "./tabular.js";
import {SITE} from "./strings.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/** Hands a Blob to the browser as a file download. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `Mittel je Kreis: Förderbereich „Ehrenamt“` → `mittel-je-kreis-foerderbereich-ehrenamt` */
export function slug(text) {
  return String(text)
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** The texts around a figure: card title/subtitle, source line, synthetic notice. */
function context(figure) {
  const card = figure.closest(".card") ?? document.body;
  const clean = (el) => el.textContent.replace(/\s+/g, " ").trim();
  const text = (sel) => (card.querySelector(sel) ? clean(card.querySelector(sel)) : "");
  const title = text("h2") || document.title;
  // All source and method lines of the card; the "Stand: …" line among them dates the file.
  const sources = [...card.querySelectorAll(".pik-source")].map(clean).filter(Boolean);
  // The page's heading (e.g. the Kreis of a profile) leads the image: the card title alone may not name it.
  const h1 = document.querySelector("h1");
  return {
    page: `${SITE.titel} · ${h1 ? clean(h1) : document.title}`,
    title,
    subtitle: text("h3"),
    source: sources.join(" "),
    sources,
    synthetic: document.querySelector(".pik-synthetic") ? `${SITE.synthetischTitel}: ${SITE.synthetischKurz}` : "",
    // The Stand date of the source line (31.12.2025 → 2025-12-31) dates the file name.
    stand: (/Stand: (\d{2})\.(\d{2})\.(\d{4})/.exec(sources.join(" ")) ?? []).slice(1).reverse().join("-"),
    name: `pik-${slug(location.pathname.split("/").filter(Boolean).join("-") || "uebersicht")}-${slug(card.id || title)}`,
  };
}

/**
 * Table of the download: column keys, German titles, and the raw row values. A
 * Kreis's official key (AGS) is always included, so the file can be joined to others.
 */
function tableOf(rows, {columns, header = {}} = {}) {
  let keys = columns ?? Object.keys(rows[0] ?? {});
  if (rows.some((r) => r.kreis_ags != null) && !keys.includes("kreis_ags")) keys = ["kreis_ags", ...keys];
  header = {kreis_ags: SITE.ags, ...header};
  return {titles: keys.map((k) => header[k] ?? k), values: rows.map((r) => keys.map((k) => r[k] ?? null))};
}

export function csvBlob(rows, options) {
  const {titles, values} = tableOf(rows, options);
  return new Blob([toCsv(titles, values)], {type: "text/csv;charset=utf-8"});
}

export function xlsxBlob(rows, options, ctx) {
  const {titles, values} = tableOf(rows, options);
  const scales = titles.map((_, i) => scaleOf(values.map((r) => r[i])));
  const numeric = titles.map((_, i) => values.some((r) => typeof r[i] === "number"));
  const data = [
    titles.map((t) => ({v: t, bold: true})),
    ...values.map((r) => r.map((v, i) => (typeof v === "number" && numeric[i] ? {v, scale: scales[i]} : v instanceof Date ? v.toISOString().slice(0, 10) : v))),
  ];
  const widths = titles.map((t, i) => Math.min(50, Math.max(10, String(t).length + 2, ...values.slice(0, 200).map((r) => String(r[i] ?? "").length + 4))));
  const hinweise = [[ctx.page], [{v: ctx.title, bold: true}], [ctx.subtitle], ...ctx.sources.map((line) => [line]), ...(ctx.synthetic ? [[ctx.synthetic]] : []), [`${SITE.heruntergeladen}: ${location.href}`]];
  return new Blob([toXlsx([{name: SITE.blattDaten, rows: data, widths, freeze: {rows: 1}}, {name: SITE.blattHinweise, rows: hinweise, widths: [120]}])], {type: XLSX_TYPE});
}

/** Lines of text no wider than `width` px at `size` px (rough glyph width: good enough for captions). */
function wrap(text, width, size) {
  const max = Math.max(20, Math.floor(width / (size * 0.6)));
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textBlock(svg, lines, {x, y, size, weight = "normal", color = "#222"}) {
  for (const [i, line] of lines.entries()) {
    const t = document.createElementNS(SVG_NS, "text");
    t.setAttribute("x", x);
    t.setAttribute("y", y + (i + 1) * size * 1.3);
    t.setAttribute("font-size", size);
    t.setAttribute("font-family", FONT);
    t.setAttribute("font-weight", weight);
    t.setAttribute("fill", color);
    t.textContent = line;
    svg.append(t);
  }
  return y + lines.length * size * 1.3;
}

/**
 * A standalone SVG of the chart in `figure`: title, subtitle, legend swatches,
 * the chart's own SVG(s), then source and synthetic notice. Interactive parts
 * (tooltips, links) are left out.
 */
export function composeSvg(figure, ctx = context(figure)) {
  const chart = figure.firstElementChild;
  // Top-level SVGs of the chart (legend ramp and plot), not the tiny swatch icons.
  const svgs = [...chart.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg") && !s.closest("[class$='-swatch']"));
  const swatches = [...chart.querySelectorAll("[class$='-swatch']")];
  const pad = 16;
  const width = Math.max(480, ...svgs.map((s) => s.getBoundingClientRect().width)) + 2 * pad;
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("font-family", FONT);
  out.setAttribute("role", "img");
  out.setAttribute("aria-label", ctx.title);
  const bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "white");
  out.append(bg);
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = ctx.title;
  out.append(title);
  let y = pad - 4;
  y = textBlock(out, wrap(ctx.page, width - 2 * pad, 11), {x: pad, y, size: 11, color: "#555"});
  y = textBlock(out, wrap(ctx.title, width - 2 * pad, 16), {x: pad, y, size: 16, weight: "bold"});
  if (ctx.subtitle) y = textBlock(out, wrap(ctx.subtitle, width - 2 * pad, 12), {x: pad, y, size: 12, color: "#555"});
  y += 8;
  // Legend swatches are HTML in Plot: redrawn as SVG squares with their labels.
  let x = pad;
  if (swatches.length) {
    for (const s of swatches) {
      const label = s.textContent.trim();
      const shape = s.querySelector("rect, circle, path");
      const fill = shape ? getComputedStyle(shape).fill : "#999";
      // The swatch's width on the page (≈ 10 px text) scaled to the file's 12 px text.
      const w = 18 + Math.max(label.length * 6, s.getBoundingClientRect().width * 1.2) + 10;
      if (x + w > width && x > pad) {
        x = pad;
        y += 18;
      }
      const r = document.createElementNS(SVG_NS, "rect");
      Object.entries({x, y: y + 2, width: 12, height: 12, fill}).forEach(([k, v]) => r.setAttribute(k, v));
      out.append(r);
      textBlock(out, [label], {x: x + 16, y: y - 2, size: 12});
      x += w;
    }
    y += 24;
  }
  for (const s of svgs) {
    const box = s.getBoundingClientRect();
    const copy = s.cloneNode(true);
    copy.querySelectorAll("[aria-label='tip'], title").forEach((n) => n.remove());
    copy.querySelectorAll("a").forEach((a) => a.replaceWith(...a.childNodes));
    copy.setAttribute("x", pad);
    copy.setAttribute("y", y);
    copy.setAttribute("width", box.width);
    copy.setAttribute("height", box.height);
    // currentColor and inherited fonts come from the page's CSS; fixed here for the file.
    copy.setAttribute("color", "#222");
    copy.style.color = "#222";
    copy.style.background = "white";
    out.append(copy);
    y += box.height + 4;
  }
  y += 4;
  for (const line of ctx.sources) y = textBlock(out, wrap(line, width - 2 * pad, 10), {x: pad, y, size: 10, color: "#444"});
  if (ctx.synthetic) y = textBlock(out, wrap(ctx.synthetic, width - 2 * pad, 10), {x: pad, y, size: 10, color: "#8a1c1c", weight: "bold"});
  const height = Math.ceil(y + pad);
  out.setAttribute("width", width);
  out.setAttribute("height", height);
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return {svg: new XMLSerializer().serializeToString(out), width, height};
}

/** The composed SVG rasterised at 2× (sharp in documents and slides). */
export async function pngBlob({svg, width, height}, scale = 2) {
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext("2d");
    g.fillStyle = "white";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The download buttons under a chart. `getFigure` returns the figure element when
 * pressed; `rows` and `options` (columns, header) are the chart's table.
 */
/** XLSX first for Excel users; the CSV button says why (its tooltip). */
const withTitle = (element, title) => {
  element.title = title;
  return element;
};

export function downloadBar(getFigure, rows, options) {
  // Rows and options may be functions, read when a button is pressed (a chart updated in place, see live.js).
  const data = () => (typeof rows === "function" ? rows() : rows);
  const opts = () => (typeof options === "function" ? options() : options);
  const button = (label, aria, onclick) => {
    const b = html`<button type="button" class="pik-dl" aria-label=${aria}>${label}</button>`;
    b.onclick = async () => {
      const figure = getFigure();
      const ctx = context(figure);
      const file = `${ctx.name}${ctx.stand ? `_${ctx.stand}` : ""}`;
      await onclick(figure, ctx, file);
    };
    return b;
  };
  return html`<div class="pik-chart-dl pik-noprint" role="group" aria-label=${SITE.herunterladen}>
    <span>${SITE.daten}:</span>
    ${button("XLSX", `${SITE.datenAls} XLSX`, (f, ctx, file) => saveBlob(xlsxBlob(data(), opts(), ctx), `${file}.xlsx`))}
    ${withTitle(button("CSV", `${SITE.datenAls} CSV. ${SITE.csvAgsHinweis}`, (f, ctx, file) => saveBlob(csvBlob(data(), opts()), `${file}.csv`)), SITE.csvAgsHinweis)}
    <span>${SITE.grafik}:</span>
    ${button("SVG", `${SITE.grafikAls} SVG`, (f, ctx, file) => saveBlob(new Blob([composeSvg(f, ctx).svg], {type: "image/svg+xml"}), `${file}.svg`))}
    ${button("PNG", `${SITE.grafikAls} PNG`, async (f, ctx, file) => saveBlob(await pngBlob(composeSvg(f, ctx)), `${file}.png`))}
  </div>`;
}
