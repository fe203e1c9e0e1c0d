// A continuous colour legend drawn as an SVG gradient.
//
// Plot draws its own continuous legend into a canvas and embeds it with
// canvas.toDataURL(), which on every redraw cost about half of the time from a
// control change to the repainted map (measured with `npm run bench`,
// interaction, CPU 4× slower). The same ramp as an SVG <linearGradient> costs
// next to nothing, stays sharp in print and is carried into the SVG/PNG
// download as it is.
import * as Plot from "@observablehq/plot";
import {SITE} from "./strings.js";

const SVG_NS = "http://www.w3.org/2000/svg";
let gradients = 0;

/** About `count` round tick values (1, 2, 5 × 10^k steps) within [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * @param color  Plot colour scale options, e.g. {type: "linear", scheme, domain}
 * @param label  legend title (with unit)
 * @param tickFormat number → text
 */
export function rampLegend(color, {label, tickFormat = String, width = 240} = {}) {
  const scale = Plot.scale({color});
  const [lo, hi] = scale.domain;
  const id = `pik-ramp-${++gradients}`;
  const [left, right, barY, barH] = [8, 16, 18, 10];
  const svg = el("svg", {class: "pik-ramp", width, height: 48, viewBox: `0 0 ${width} 48`, role: "img", "aria-label": SITE.farbskala(label, tickFormat(lo), tickFormat(hi)), "font-family": "system-ui, sans-serif", "font-size": 10});
  const gradient = el("linearGradient", {id, x1: 0, x2: 1, y1: 0, y2: 0});
  for (let i = 0; i <= 10; i++) gradient.append(el("stop", {offset: `${i * 10}%`, "stop-color": scale.apply(lo + ((hi - lo) * i) / 10)}));
  svg.append(el("defs"), el("text", {x: 0, y: 11, "font-weight": "bold", fill: "currentColor"}, label));
  svg.firstChild.append(gradient);
  svg.append(el("rect", {x: left, y: barY, width: width - left - right, height: barH, fill: `url(#${id})`}));
  const x = (v) => left + ((v - lo) / (hi - lo || 1)) * (width - left - right);
  for (const t of niceTicks(lo, hi, 4)) {
    svg.append(el("line", {x1: x(t), x2: x(t), y1: barY, y2: barY + barH + 4, stroke: "currentColor"}));
    svg.append(el("text", {x: x(t), y: barY + barH + 15, "text-anchor": "middle", fill: "currentColor"}, tickFormat(t)));
  }
  return svg;
}

/** A Plot chart with its colour legend above it, as Plot itself lays them out (a figure). */
export function withRamp(chart, color, options) {
  const figure = document.createElement("figure");
  figure.style.margin = "0";
  figure.style.maxWidth = "none";
  figure.append(rampLegend(color, options), chart);
  return figure;
}
