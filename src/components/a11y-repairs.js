// Accessibility repairs for every page. Not imported by any page: observablehq.config.ts reads this
// file and inlines it as a classic <script> in the head of every page (see a11yHead there), so it runs
// offline, before the page's modules, and needs no request of its own. Plain ES5, no imports.
//
// 1. Skip link (WCAG 2.4.1): the first Tab stop on every page, visible when focused (.pik-skip in
//    style.css); it moves focus to the content, past the sidebar. Framework has no option for it.
//
// 2. Repairs of markup that Framework, Plot and Inputs generate and axe (WCAG 4.1.2, 1.3.1, 2.1.1)
//    rejects, applied to the live page as it renders:
//    - Plot puts aria-labels on <g> (its mark names, kept: tests select on them) and on shapes
//      without a role (→ role group / img);
//    - Framework puts a <label> directly into the sidebar's <ol> (→ moved before the list);
//    - a scrolling box without focusable content cannot be scrolled with the keyboard unless it
//      gets tabindex=0.
//    The repairs run when the page is idle: measuring scroll boxes forces a layout, which must not
//    hold back the repaint after a control change.
(function () {
  var FOCUSABLE = "a[href],button,input,select,textarea,summary,[tabindex]";
  var pending = 0;

  function addSkipLink() {
    var a = document.createElement("a");
    a.className = "pik-skip";
    a.href = "#observablehq-main";
    a.textContent = "Zum Inhalt springen";
    a.addEventListener("click", function (e) {
      var main = document.getElementById("observablehq-main");
      if (!main) return;
      e.preventDefault();
      main.setAttribute("tabindex", "-1");
      main.focus();
      main.scrollIntoView();
    });
    document.body.prepend(a);
  }

  // Plot's labelled <g> and shapes get a role, so their aria-label is allowed (WCAG 4.1.2).
  function roleForLabelledSvg() {
    document.querySelectorAll("svg [aria-label]:not([role])").forEach(function (e) {
      var tag = e.tagName.toLowerCase();
      if (tag === "svg" || tag === "a") return;
      e.setAttribute("role", tag === "g" ? "group" : "img");
    });
  }

  // The sidebar's close label may not be a child of the <ol> (WCAG 1.3.1): it goes before the list.
  function sidebarLabelOutOfList() {
    var label = document.getElementById("observablehq-sidebar-close");
    if (label && label.parentElement && label.parentElement.tagName === "OL") label.parentElement.before(label);
  }

  // A box that scrolls but holds nothing focusable becomes a Tab stop, so it can be scrolled with keys (WCAG 2.1.1).
  function focusableScrollBoxes() {
    document.querySelectorAll("#observablehq-main div:not([tabindex]),#observablehq-main form:not([tabindex])").forEach(function (e) {
      if (e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1) return;
      var s = getComputedStyle(e);
      if (!/auto|scroll/.test(s.overflowX + s.overflowY) || e.querySelector(FOCUSABLE)) return;
      e.setAttribute("tabindex", "0");
    });
  }

  function repair() {
    pending = 0;
    roleForLabelledSvg();
    sidebarLabelOutOfList();
    focusableScrollBoxes();
  }

  // At most one repair waiting at a time; it runs when the browser is idle (or after 40 ms without requestIdleCallback).
  function later() {
    if (!pending) pending = window.requestIdleCallback ? requestIdleCallback(repair, {timeout: 300}) : setTimeout(repair, 40);
  }

  document.addEventListener("DOMContentLoaded", function () {
    addSkipLink();
    repair();
    new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
    addEventListener("resize", later);
  });
})();
