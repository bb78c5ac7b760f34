// The glossary on pages the browser fills itself (the comparison): the first use of each term explained with
// <abbr title tabindex="0">, and the list "Begrippen op deze pagina" after the content, as the build does on the
// other pages (src/praktijkbank/render/glossary_marks.py), never in links, headings, buttons, code, what is hidden
// from screen readers or an element marked data-geen-begrippen. A term is found as src/praktijkbank/common/glossary.py
// finds it: any of its forms as a whole word; a form in capitals only in capitals. Texts are inserted with
// textContent; the glossary comes from api/begrippen.json.

import { element } from "./dom.js";
import { readJson, siteRoot } from "./praktijken.js";

const SKIPPED = new Set(["A", "ABBR", "BUTTON", "CODE", "PRE", "SCRIPT", "STYLE", "H1", "H2", "H3", "H4", "H5", "H6"]);
const WORD = "[\\p{L}\\p{N}_]";
const NO_TERMS = "data-geen-begrippen"; // as in glossary_marks.py: no explanations in this element

let glossary = null;

function isCapitals(form) {
  return form === form.toUpperCase() && form !== form.toLowerCase();
}

function key(form) {
  return isCapitals(form) ? form : form.toLowerCase();
}

function pattern(forms, flags) {
  if (!forms.length) return null;
  const sorted = [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = sorted.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<!${WORD})(?:${escaped.join("|")})(?!${WORD})`, flags);
}

function prepare(data) {
  const byForm = new Map();
  const capitals = [];
  const others = [];
  for (const entry of data.terms) {
    for (const form of [entry.term, ...entry.variants]) {
      byForm.set(key(form), entry);
      (isCapitals(form) ? capitals : others).push(form);
    }
  }
  return { byForm, patterns: [pattern(capitals, "gu"), pattern(others, "giu")].filter(Boolean) };
}

/** The glossary, read once per page. */
export function loadGlossary() {
  glossary ??= readJson("api/begrippen.json").then(prepare);
  return glossary;
}

// Every use of a term in `text` as {start, end, entry}, in order, none overlapping.
function uses(text, { byForm, patterns }) {
  const found = patterns.flatMap((each) => [...text.matchAll(each)])
    .map((match) => ({ start: match.index, end: match.index + match[0].length, entry: byForm.get(key(match[0])) }))
    .filter((use) => use.entry)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((use, index) => !found.slice(0, index).some((other) => other.end > use.start));
}

function textNodes(container) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let parent = node.parentElement; parent && parent !== container.parentElement; parent = parent.parentElement) {
        if (SKIPPED.has(parent.tagName) || parent.hasAttribute(NO_TERMS) || parent.getAttribute("aria-hidden") === "true") {
          return NodeFilter.FILTER_REJECT;
        }
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

function explain(node, found) {
  const pieces = [];
  let position = 0;
  for (const { start, end, entry } of found) {
    pieces.push(document.createTextNode(node.data.slice(position, start)));
    const abbr = document.createElement("abbr");
    abbr.title = entry.explanation;
    abbr.tabIndex = 0;
    abbr.textContent = node.data.slice(start, end);
    pieces.push(abbr);
    position = end;
  }
  pieces.push(document.createTextNode(node.data.slice(position)));
  node.replaceWith(...pieces);
}

function termList(entries) {
  const list = element("dl", "pb-terms");
  for (const entry of entries) {
    const link = element("a", "", entry.term);
    link.href = new URL(`begrippen/#${encodeURIComponent(entry.anchor)}`, siteRoot).href;
    const term = element("dt");
    term.append(link);
    const row = element("div", "pb-terms__row");
    row.append(term, element("dd", "", entry.explanation));
    list.append(row);
  }
  const section = element("section", "pb-terms-section");
  section.append(element("h2", "", "Begrippen op deze pagina"), list);
  return section;
}

/** Explain the first use of each term in `container` and end it with the list of those terms. */
export async function explainTerms(container) {
  const prepared = await loadGlossary();
  const explained = new Map();
  for (const node of textNodes(container)) {
    const first = [];
    for (const use of uses(node.data, prepared)) {
      if (!explained.has(use.entry.term)) {
        explained.set(use.entry.term, use.entry);
        first.push(use);
      }
    }
    if (first.length) explain(node, first);
  }
  if (explained.size) {
    const entries = [...explained.values()].sort((a, b) => a.term.toLowerCase().localeCompare(b.term.toLowerCase()));
    container.append(termList(entries));
  }
}
