// The comparison page, vergelijk/?p=a,b,c: two to four practices side by side, one column per practice and
// one row per fact, built from the open data the site publishes (api/praktijken/<id>.json) through
// praktijken.js. Ids come from the URL and are untrusted: they are resolved in the card list with the old ids
// (`aliases`), never inserted as markup; every value from the data goes into the page with textContent.
// Glossary terms are explained at their first use, with the list of them at the end (begrippen.js).

import { fetchPractice, loadCards, loadVocabularies, practicePageUrl, resolveIn } from "../gedeeld/praktijken.js";
import { FEWEST, MOST, chosenIds, compareUrl } from "./vergelijkkeuze.js";
import { offerShare } from "./vergelijk-delen.js";
import { explainTerms } from "../gedeeld/begrippen.js";
import { dateText, withdrawnNote } from "../gedeeld/teruggetrokken.js";

const UNKNOWN = "niet bekend";
const LINK_SCHEMES = ["https:", "http:"];

const root = document.querySelector(".pb-compare");
const status = root.querySelector(".pb-compare__status");
const problems = root.querySelector(".pb-compare__problems");
const output = root.querySelector(".pb-compare__output");

// The facts, in the order of a practice page: a row name and what a cell shows, as text or a list.
const FACTS = [
  ["Plaats", (practice) => practice.place_text],
  ["Organisaties", (practice, label) => (practice.organisations || []).map(({ name, role }) =>
    (role ? `${name} (${label("organisation_roles", role).toLowerCase()})` : name))],
  ["Thema's", (practice, label) => (practice.themes || []).map((id) => label("themes", id))],
  ["Doelgroepen", (practice, label) => (practice.target_groups || []).map((id) => label("target_groups", id))],
  ["Status", (practice, label) => practice.status && label("statuses", practice.status)],
  ["Periode", (practice) => practice.period && periodText(practice.period)],
  ["Activiteiten", (practice) => practice.activities || []],
  ["Resultaten", (practice) => (practice.results || []).map((result) =>
    result.evidence ? `${result.text} (onderbouwing: ${result.evidence})` : result.text)],
  ["Lessen en tips", (practice) => practice.lessons || []],
  ["Kosten", (practice) => practice.costs],
  ["Financiering", (practice) => practice.funding],
  ["Bronnen", (practice) => (practice.sources || []).map(sourceItem)],
  ["Laatst nagekeken", (practice) => dateText(practice.last_reviewed || practice.added)],
];

// The rows with the practices' own words: only there are glossary terms explained (not in labels or dates).
const PROSE = new Set(["Organisaties", "Activiteiten", "Resultaten", "Lessen en tips", "Kosten", "Financiering"]);

function periodText({ start, end }) {
  if (end === undefined || end === null) return `Sinds ${start}`;
  return end === start ? String(start) : `${start} tot en met ${end}`;
}

// A source as text, with a link when its address is a web address.
function sourceItem(source) {
  const text = [source.title, source.publisher, source.date ? dateText(source.date) : source.date_note]
    .filter(Boolean).join(", ");
  let url = null;
  try {
    url = source.url && LINK_SCHEMES.includes(new URL(source.url).protocol) ? source.url : null;
  } catch {
    url = null;
  }
  return { text, url };
}

function element(name, className, text) {
  const made = document.createElement(name);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

// A cell's content: "niet bekend" for nothing, a list for several items, else the text.
function cellContent(value) {
  const items = Array.isArray(value) ? value.filter(Boolean) : [value].filter(Boolean);
  if (!items.length) return [element("span", "pb-compare__unknown", UNKNOWN)];
  const nodes = items.map((item) => {
    if (typeof item === "string") return item;
    if (!item.url) return item.text;
    const link = element("a", "", item.text);
    link.href = item.url;
    link.rel = "noopener noreferrer ugc";
    return link;
  });
  if (!Array.isArray(value) || nodes.length === 1) return nodes;
  const list = element("ul", "pb-compare__list");
  list.append(...nodes.map((node) => {
    const item = element("li");
    item.append(node);
    return item;
  }));
  return [list];
}

function headerCell(practice, ids) {
  const cell = element("th");
  cell.scope = "col";
  const link = element("a", "pb-compare__title", practice.title);
  link.href = practicePageUrl(practice.id).href;
  const remove = element("button", "md-button pb-compare__remove", "Haal weg");
  remove.type = "button";
  remove.append(element("span", "pb-visually-hidden", ` uit de vergelijking: ${practice.title}`));
  remove.addEventListener("click", () => {
    const left = ids.filter((id) => id !== practice.id);
    history.pushState(null, "", compareUrl(left).href);
    show().catch(failed);
  });
  cell.append(link);
  const note = withdrawnNote(practice);
  if (note) cell.append(note);
  cell.append(remove);
  return cell;
}

function factRow([name, valueOf], practices, label) {
  const row = element("tr");
  if (!PROSE.has(name)) row.setAttribute("data-geen-begrippen", "");
  const cells = practices.map((practice) => {
    const cell = element("td");
    // On a phone the columns stack; each cell then names its practice (screen readers have the header).
    const who = element("span", "pb-compare__who", practice.title);
    who.setAttribute("aria-hidden", "true");
    cell.append(who, ...cellContent(valueOf(practice, label)));
    return cell;
  });
  const heading = element("th", "", name);
  heading.scope = "row";
  const texts = cells.map((cell) => [...cell.childNodes].slice(1).map((node) => node.textContent).join(" "));
  if (practices.length > 1 && texts.every((text) => text === texts[0])) {
    row.classList.add("pb-compare__row--same");
    heading.append(" ", element("span", "pb-compare__same", "(bij alle gelijk)"));
  }
  row.append(heading, ...cells);
  return row;
}

function table(practices, label) {
  const ids = practices.map((practice) => practice.id);
  const made = element("table", "pb-compare__table");
  made.append(element("caption", "", `${practices.length} praktijken naast elkaar`));
  const head = element("thead");
  const top = element("tr");
  const corner = element("th", "", "Onderdeel");
  corner.scope = "col";
  top.append(corner, ...practices.map((practice) => headerCell(practice, ids)));
  head.append(top);
  const body = element("tbody");
  body.append(...FACTS.map((fact) => factRow(fact, practices, label)));
  made.append(head, body);
  return made;
}

// The ids in the URL (`p=a,b,c`), or else the reader's own choice; each once, in the order given.
function requestedIds() {
  const named = new URLSearchParams(location.search).get("p");
  const ids = named === null ? chosenIds() : named.split(",").map((id) => id.trim()).filter(Boolean);
  return [...new Set(ids)];
}

function problem(text) {
  problems.append(element("li", "", text));
}

// The ids looked up in the list of practices with their old ids first, so only current ids are fetched: an old
// or unknown id costs no failed request.
async function resolveAll(ids) {
  const found = [];
  const cards = await loadCards();
  for (const result of ids.slice(0, MOST).map((id) => resolveIn(cards, id))) {
    if (result.status === "unknown") {
      problem(`Er is geen praktijk met de code ‘${result.id}’. Misschien is het adres niet helemaal overgenomen.`);
    } else if (!found.includes(result.practice.id)) {
      if (result.status === "renamed") {
        problem(`De praktijk ‘${result.from}’ heet nu ‘${result.practice.id}’: die staat hieronder.`);
      }
      found.push(result.practice.id);
    }
  }
  if (ids.length > MOST) problem(`Je kunt tot ${MOST} praktijken vergelijken; de eerste ${MOST} staan hieronder.`);
  return found;
}

// aria-busy tells assistive technology (and the tests) that the comparison is being replaced.
async function show() {
  output.setAttribute("aria-busy", "true");
  problems.replaceChildren();
  output.replaceChildren();
  status.textContent = "De praktijken worden geladen…";
  const ids = await resolveAll(requestedIds());
  problems.hidden = !problems.children.length;
  offerShare(ids.length);
  if (ids.length && ids.some((id, position) => id !== requestedIds()[position])) {
    history.replaceState(null, "", compareUrl(ids).href);
  }
  if (ids.length < FEWEST) {
    status.textContent = `Kies minstens ${FEWEST} praktijken om te vergelijken, met de knop ‘Vergelijk’ bij een `
      + "praktijk, in de overzichten of bij de zoekresultaten.";
    root.querySelector(".pb-compare__fallback").hidden = false;
    output.setAttribute("aria-busy", "false");
    return;
  }
  const [label, records] = await Promise.all([loadVocabularies(), Promise.all(ids.map(fetchPractice))]);
  output.append(table(records.map((record) => record.practice), label));
  await explainTerms(output);
  output.setAttribute("aria-busy", "false");
  status.textContent = `${ids.length} praktijken naast elkaar. Bij een rij die voor alle praktijken gelijk is, staat ‘bij alle gelijk’.`;
}

function failed(error) {
  status.textContent = "De praktijken konden niet worden geladen. Probeer het later opnieuw.";
  output.setAttribute("aria-busy", "false");
  throw error;
}

function start() {
  const fallback = root.querySelector(".pb-compare__fallback");
  fallback.hidden = true;
  // The same links serve when too few practices are chosen; only the words before them change.
  fallback.firstChild.textContent = "Je kunt de praktijken ook vinden via de overzichten: ";
  window.addEventListener("popstate", () => show().catch(failed));
  return show();
}

start().catch(failed);
