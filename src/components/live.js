// A chart that lasts across control changes: drawn when its width is known
// (again when the width changes), and given each new selection with
// `update(...args)`. A chart whose drawing has an `update` method (e.g. the
// map, geomap.js) changes in place; any other is drawn anew at the current
// width. Framework's resize() would draw the chart anew on every change of the
// selection, because the cell holding it depends on the selection.
//
// After each drawing or update the element's `data-gezeichnet` counter goes
// up: the interaction benchmark (bench/browser.ts) waits for it, then for the
// next painted frame.

/**
 * @param draw (width, ...args) → element, the chart of one selection at that width
 * @param invalidation Framework's invalidation promise of the cell (stops watching the width)
 */
export function liveChart(draw, invalidation) {
  const div = document.createElement("div");
  div.style.position = "relative";
  let width;
  let args;
  let chart;
  let count = 0;
  const done = () => div.setAttribute("data-gezeichnet", String(++count));
  const redraw = () => {
    chart = draw(width, ...args);
    div.replaceChildren(chart);
    done();
  };
  const observer = new ResizeObserver(([entry]) => {
    const w = entry.contentRect.width;
    if (w === width) return;
    width = w;
    if (args && width > 0) redraw();
  });
  observer.observe(div);
  invalidation?.then(() => observer.disconnect());
  div.update = (...a) => {
    args = a;
    if (!(width > 0)) return; // drawn when the width is known
    if (typeof chart?.update === "function") {
      chart.update(...a);
      done();
    } else redraw();
  };
  return div;
}
