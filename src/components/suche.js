// The search field of every page: type part of a Kreis, a Gemeinde, a recipient or an
// Aktenzeichen, get suggestions with their type, open the page that shows it. A
// combobox as WAI-ARIA describes it (input + listbox, arrow keys, Enter, Escape).
// The index (data/suche.json, ~4,400 entries) is fetched on first use only, from
// this site: no request leaves it, and pages that nobody searches stay light.
import {html} from "htl";
import {SUCHE as T} from "./strings-suche.js";

const TYPEN = ["Kreis", "Gemeinde", "Empfänger", "Aktenzeichen"];
const MAX = 12;

/** Lower case, umlauts and ß spelled out, other accents dropped: „Böblingen“, „boeblingen“ and „BOBLINGEN“ meet. */
export function normalize(s) {
  return String(s)
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Both spellings of umlauts: a query „bob“ (no umlaut typed) also finds „Böblingen“. */
const variants = (s) => [...new Set([normalize(s), normalize(String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, ""))])];

/** The index with its searchable text spelled out once (a keystroke then only compares strings). */
export function vorbereiten(index) {
  return index.map((e) => {
    const namen = variants(e.n);
    return {e, namen, texte: [...namen, ...variants(e.z)].join(" ")};
  });
}

/**
 * The entries (of `vorbereiten`) that contain every word of the query, in name
 * or addition, best first: names that start with the query, then by type
 * (Kreis, Gemeinde, Empfänger, Aktenzeichen), then shorter names.
 */
export function treffer(prepared, query, max = MAX) {
  const ganz = normalize(query).trim();
  const woerter = ganz.split(/\s+/).filter(Boolean);
  if (woerter.length === 0) return [];
  const out = [];
  for (const p of prepared) {
    if (!woerter.every((w) => p.texte.includes(w))) continue;
    const start = p.namen.some((v) => v.startsWith(ganz)) ? 0 : 1;
    out.push({e: p.e, rang: [start, TYPEN.indexOf(p.e.t), p.e.n.length]});
  }
  out.sort((a, b) => a.rang[0] - b.rang[0] || a.rang[1] - b.rang[1] || a.rang[2] - b.rang[2] || a.e.n.localeCompare(b.e.n, "de"));
  return out.slice(0, max).map((x) => x.e);
}

let naechsteId = 0;

/**
 * The search field. `indexUrl` is the URL of data/suche.json (FileAttachment(…).href);
 * links in the index are relative to the site root, which is derived from it.
 */
export function suchFeld(indexUrl) {
  const id = `pik-suche-${++naechsteId}`;
  const root = new URL(String(indexUrl).replace(/_file\/.*$/, ""), location.href);
  const input = html`<input type="search" id=${`${id}-feld`} role="combobox" autocomplete="off" spellcheck="false"
    aria-autocomplete="list" aria-expanded="false" aria-controls=${`${id}-liste`} placeholder=${T.platzhalter}>`;
  const liste = html`<ul class="pik-suche-liste" id=${`${id}-liste`} role="listbox" aria-label=${T.listeLabel} hidden></ul>`;
  const status = html`<span class="pik-sr-only" role="status" aria-live="polite"></span>`;
  const form = html`<form class="pik-suche" role="search" aria-label=${T.label} onsubmit=${(e) => e.preventDefault()}>
    <label for=${`${id}-feld`}>${T.label}</label>
    <div class="pik-suche-feld">${input}${liste}</div>${status}
  </form>`;

  let index = null;
  let laden = null;
  let aktuell = [];
  let aktiv = -1;
  const holen = () => (laden ??= fetch(String(indexUrl)).then((r) => r.json()).then((d) => (index = vorbereiten(d))));

  const oeffnen = (e) => {
    location.href = new URL(e.h, root).href;
  };
  const markieren = (i) => {
    aktiv = i;
    for (const [j, li] of [...liste.children].entries()) li.setAttribute("aria-selected", String(j === i));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", `${id}-opt-${i}`);
      liste.children[i]?.scrollIntoView({block: "nearest"});
    } else input.removeAttribute("aria-activedescendant");
  };
  const schliessen = () => {
    liste.hidden = true;
    input.setAttribute("aria-expanded", "false");
    markieren(-1);
  };
  const zeigen = async () => {
    const q = input.value;
    if (!normalize(q).trim()) {
      aktuell = [];
      liste.replaceChildren();
      status.textContent = "";
      return schliessen();
    }
    if (!index) await holen();
    if (input.value !== q) return; // typed on while the index loaded
    aktuell = treffer(index, q);
    liste.replaceChildren(
      ...(aktuell.length
        ? aktuell.map((e, i) => {
            const li = html`<li role="option" id=${`${id}-opt-${i}`} aria-selected="false">
              <span class="pik-suche-typ">${T.typ[e.t]}</span> <span class="pik-suche-name">${e.n}</span>
              <span class="pik-suche-zusatz">${e.z}</span></li>`;
            li.onmousedown = (ev) => ev.preventDefault(); // keep the focus in the field
            li.onclick = () => oeffnen(e);
            return li;
          })
        : [html`<li class="pik-suche-leer" aria-disabled="true">${T.keinTreffer}</li>`]),
    );
    liste.hidden = false;
    input.setAttribute("aria-expanded", "true");
    markieren(-1);
    status.textContent = T.anzahl(aktuell.length);
  };

  input.addEventListener("focus", () => holen());
  input.addEventListener("input", zeigen);
  input.addEventListener("blur", () => setTimeout(schliessen, 150));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (liste.hidden) return void zeigen();
      if (!aktuell.length) return;
      const n = aktuell.length;
      markieren(ev.key === "ArrowDown" ? (aktiv + 1) % n : (aktiv - 1 + n) % n);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      const e = aktuell[aktiv >= 0 ? aktiv : 0];
      if (e) oeffnen(e);
    } else if (ev.key === "Escape") {
      if (!liste.hidden) {
        ev.preventDefault();
        schliessen();
      } else input.value = "";
    }
  });
  return form;
}
