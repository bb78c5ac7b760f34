// The search page: the form, the URL and the results, on the engine in zoekindex.js.
// Contributor text is untrusted: every value from the index is inserted as text, and the search words are
// highlighted by <mark> elements made here, never by markup from the index.

import { SearchIndex, excerpt } from "./zoekindex.js";
import { compareButton } from "../vergelijk/vergelijkkeuze.js";
import { nameKey } from "../gedeeld/gemeentenamen.js";
import { chosenFilters, filterPhrase, showChips } from "./zoekfilters.js";

const PAGE_SIZE = 10;
const OTHER_PAGES = 5;
const SORTS = ["titel", "nieuwste"];

const root = document.querySelector(".pb-search");
const form = root.querySelector(".pb-search__form");
const queryInput = form.elements.q;
const sortChoice = form.elements.sort; // the radio buttons; RadioNodeList reads and sets the checked one
const status = root.querySelector(".pb-search__status");
const suggestion = root.querySelector(".pb-search__suggestion");
const output = root.querySelector(".pb-search__output");
const practices = root.querySelector(".pb-search__practices");
const practiceList = practices.querySelector(".pb-results");
const moreButton = practices.querySelector(".pb-search__more");
const otherPages = root.querySelector(".pb-search__pages");
const otherPageList = otherPages.querySelector(".pb-results");
const filterPanel = root.querySelector(".pb-search__filters");
const showButton = filterPanel.querySelector(".pb-search__show");
const chipList = root.querySelector(".pb-search__chips");
const overviews = root.querySelector(".pb-search__overviews");
const facets = [...filterPanel.querySelectorAll("fieldset[data-filter]")].map((fieldset) => fieldset.dataset.filter);
const unfolded = new Set(); // the facets whose values without results the reader asked to see
let shownCounts = {}; // per facet and value, the count on screen
// Below this width (zoeken.css) the filters stand above the results, closed: open, they would push the results
// a few screens down on a phone. Opened, they end with a button that closes them and shows the results.
const narrow = matchMedia("(max-width: 59.99em)");

const siteRoot = new URL(root.dataset.siteRoot, document.baseURI);

let index = null;
let generation = 0; // every new search outdates the ones still running
let remaining = []; // practices found but not shown yet
let highlight = new Set(); // the stems the current search matched
let typing = false; // the first keystroke adds a history entry, the next ones update it

function checkboxes(facet) {
  return [...filterPanel.querySelectorAll(`input[type="checkbox"][name="${facet}"]`)];
}

// A filter with too many values for checkboxes (the municipality) is a text field with a list to choose from.
function textField(facet) {
  return filterPanel.querySelector(`input[type="text"][name="${facet}"]`);
}

// The value as the list writes it, whatever the case, accents or everyday name typed ('dalfsen' finds 'Dalfsen',
// 'Den Haag' finds 's-Gravenhage): each option lists the folded names that mean it (data-namen, from the build).
function listed(field, text) {
  const typed = text.trim();
  const key = nameKey(typed);
  const option = [...field.list.options].find((item) => item.dataset.namen.split(" ").includes(key));
  return option ? option.value : typed;
}

function fromUrl(params, facet) {
  const field = textField(facet);
  const values = params.getAll(facet);
  return field ? values.filter((value) => value.trim()).slice(0, 1).map((value) => listed(field, value)) : values;
}

function chosen(facet) {
  const field = textField(facet);
  if (field) return field.value.trim() ? [listed(field, field.value)] : [];
  return checkboxes(facet).filter((box) => box.checked).map((box) => box.value);
}

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const sort = params.get("sort") || "";
  return {
    q: (params.get("q") || "").trim(),
    sort: SORTS.includes(sort) ? sort : "",
    filters: Object.fromEntries(facets.map((facet) => [facet, fromUrl(params, facet)])),
  };
}

function stateFromForm() {
  return {
    q: queryInput.value.trim(),
    sort: sortChoice.value,
    filters: Object.fromEntries(facets.map((facet) => [facet, chosen(facet)])),
  };
}

function showState(state) {
  queryInput.value = state.q;
  sortChoice.value = state.sort;
  for (const facet of facets) {
    for (const box of checkboxes(facet)) box.checked = state.filters[facet].includes(box.value);
    const field = textField(facet);
    if (field) field.value = state.filters[facet][0] || "";
  }
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of facets) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

function remember(state, replace) {
  const url = urlFor(state);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

function hasFilters(state) {
  return facets.some((facet) => state.filters[facet].length > 0);
}

// Each value's count; values that would give nothing are folded away behind "Toon alle" unless chosen.
function showCounts(countsPerFacet) {
  shownCounts = countsPerFacet;
  for (const facet of facets.filter((name) => !textField(name))) {
    const counts = countsPerFacet[facet] || {};
    let folded = 0;
    for (const box of checkboxes(facet)) {
      const count = counts[box.value] || 0;
      const empty = count === 0 && !box.checked;
      box.labels[0].querySelector(".pb-search__count").textContent = `(${count})`;
      const option = box.closest(".pb-search__option");
      option.classList.toggle("pb-search__option--empty", empty);
      option.hidden = empty && !unfolded.has(facet);
      folded += Number(empty);
    }
    showUnfold(facet, folded);
  }
}

function showUnfold(facet, folded) {
  const button = filterPanel.querySelector(`fieldset[data-filter="${facet}"] .pb-search__unfold`);
  const open = unfolded.has(facet);
  button.hidden = folded === 0;
  button.setAttribute("aria-expanded", String(open));
  button.textContent = open ? "Toon alleen met resultaten" : `Toon alle (nog ${folded} zonder resultaten)`;
}

function unfold(button) {
  const facet = button.closest("fieldset").dataset.filter;
  if (unfolded.has(facet)) unfolded.delete(facet);
  else unfolded.add(facet);
  showCounts(shownCounts);
}

function highlighted(pieces) {
  const fragment = document.createDocumentFragment();
  for (const [text, isMatch] of pieces) {
    if (isMatch) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      fragment.append(mark);
    } else {
      fragment.append(text);
    }
  }
  return fragment;
}

function hiddenText(text) {
  const span = document.createElement("span");
  span.className = "pb-visually-hidden";
  span.textContent = text;
  return span;
}

function paragraph(className, text) {
  const element = document.createElement("p");
  element.className = className;
  element.textContent = text;
  return element;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "pb-result";
  const heading = document.createElement("h3");
  heading.className = "pb-result__title";
  const link = document.createElement("a");
  link.href = new URL(data.url, siteRoot).href;
  link.textContent = data.title || data.url;
  heading.append(link);
  item.append(heading);
  if (data.place) item.append(paragraph("pb-result__place", data.place));
  if (data.summary) item.append(paragraph("pb-result__summary", data.summary));
  const pieces = excerpt(data.text, highlight);
  if (pieces.some(([, isMatch]) => isMatch)) {
    const quote = paragraph("pb-result__excerpt", "");
    quote.append(highlighted(pieces));
    item.append(quote);
  }
  const practiceId = /^praktijken\/([^/]+)\/$/.exec(data.url)?.[1];
  if (practiceId) item.append(actions(practiceId, data.title));
  return item;
}

/** The per-practice buttons, as on the site's own cards: "Vergelijk" from here, "Bewaar in mijn selectie"
 *  from selectie-knoppen.js, which fills every container added to the page. */
function actions(id, title) {
  const container = document.createElement("div");
  container.className = "pb-card__actions";
  container.dataset.practice = id;
  container.append(compareButton(id, title));
  return container;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// What was found, and with which filters. When search forgave a typing error, it says what it searched for
// instead. With nothing found, it suggests turning filters off only when some are on.
function statusText(state, { practices: { length: found }, pages: { length: pagesFound }, partial, searchedFor },
  filters) {
  const corrected = searchedFor && (found || pagesFound);
  const words = (state.q && !corrected ? ` voor ‘${state.q}’` : "") + filterPhrase(filters);
  const intro = corrected ? `Resultaten voor ‘${searchedFor}’ (je typte ‘${state.q}’): ` : "";
  if (!found && !pagesFound) {
    const advice = !filters.length ? "Probeer een ander woord." : state.q ? "Probeer een ander woord of zet filters uit."
      : "Zet een filter uit.";
    return `Geen praktijken gevonden${words}. ${advice}`;
  }
  const pages = plural(pagesFound, "andere pagina", "andere pagina's");
  const some = partial ? " Geen enkele heeft al je zoekwoorden; dit zijn de beste, met de meeste." : "";
  if (!found) return `${intro}Geen praktijken, wel ${pages} gevonden${words}.${some}`;
  return `${intro}${plural(found, "praktijk", "praktijken")}${pagesFound ? ` en ${pages}` : ""} gevonden${words}.${some}`;
}

// aria-busy tells assistive technology (and the tests) that results are being replaced.
async function runSearch(state) {
  const mine = ++generation;
  output.setAttribute("aria-busy", "true");
  const found = await index.search({ query: state.q, filters: state.filters, sort: state.sort || "" });
  if (mine !== generation) return;
  showCounts(found.counts);
  showButton.textContent = found.practices.length ? `Toon ${plural(found.practices.length, "praktijk", "praktijken")}`
    : "Toon de resultaten";
  showSuggestion(state, found.suggestion);
  const filters = chosenFilters(filterPanel, facets, state.filters);
  showChips(chipList, filters, removeFilter);
  overviews.hidden = true;
  if (!state.q && !hasFilters(state)) {
    practices.hidden = otherPages.hidden = true;
    status.textContent = "Typ een zoekwoord of kies een filter.";
    output.setAttribute("aria-busy", "false");
    return;
  }
  const firstPractices = await Promise.all(found.practices.slice(0, PAGE_SIZE).map((n) => index.document(n)));
  const firstPages = await Promise.all(found.pages.slice(0, OTHER_PAGES).map((n) => index.document(n)));
  if (mine !== generation) return;

  highlight = found.highlight;
  practiceList.replaceChildren(...firstPractices.map(resultItem));
  remaining = found.practices.slice(PAGE_SIZE);
  moreButton.hidden = remaining.length === 0;
  practices.hidden = found.practices.length === 0;
  otherPageList.replaceChildren(...firstPages.map(resultItem));
  otherPages.hidden = firstPages.length === 0;
  status.textContent = statusText(state, found, filters);
  overviews.hidden = Boolean(found.practices.length || found.pages.length || filters.length);
  // The suggestion's link stands below; the status says it too, for who hears the status only.
  if (found.suggestion) status.append(hiddenText(` Bedoelde je ‘${found.suggestion}’?`));
  output.setAttribute("aria-busy", "false");
}

function removeFilter({ facet, value }) {
  for (const box of checkboxes(facet)) if (box.value === value) box.checked = false;
  const field = textField(facet);
  if (field) field.value = "";
  typing = false;
  update().catch(searchFailed);
  queryInput.focus(); // the chip is gone; focus stays near it, on the search field above
}

function showSuggestion(state, words) {
  suggestion.hidden = !words;
  if (!words) return;
  const link = suggestion.querySelector("a");
  link.textContent = words;
  link.href = urlFor({ ...state, q: words });
}

function update({ replace = false } = {}) {
  const state = stateFromForm();
  remember(state, replace);
  return runSearch(state);
}

function fail(error) {
  status.textContent = "Zoeken werkt op dit moment niet. Gebruik de overzichten hieronder.";
  root.querySelector(".pb-search__fallback").hidden = false;
  form.hidden = filterPanel.hidden = true;
  output.setAttribute("aria-busy", "false");
  throw error;
}

// Once the index is open, a search whose files do not arrive (a dropped connection on a phone) says so and
// keeps the form: the next search asks for the files again.
function searchFailed() {
  status.textContent = "Zoeken lukte niet, want de verbinding viel weg. Probeer het opnieuw.";
  output.setAttribute("aria-busy", "false");
}

// Every way into search (the header's box, its magnifier on a phone, a link) ends with the cursor in the
// search field, after any words already there, so typing goes on where it started; unless the visitor has
// already moved the focus elsewhere while the page loaded.
function focusQuery() {
  if (document.activeElement !== document.body && document.activeElement !== null) return;
  queryInput.focus();
  queryInput.setSelectionRange(queryInput.value.length, queryInput.value.length);
}

async function start() {
  root.querySelector(".pb-search__fallback").hidden = true;
  form.hidden = filterPanel.hidden = false;
  showState(stateFromUrl());
  focusQuery();
  filterPanel.open = !narrow.matches;
  index = await SearchIndex.open(root.dataset.index);
  await runSearch(stateFromUrl());
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  typing = false;
  update().catch(searchFailed);
});
// Every keystroke searches: a search takes milliseconds, and a newer one outdates an older one still waiting
// for its files.
queryInput.addEventListener("input", () => {
  update({ replace: typing }).catch(searchFailed);
  typing = true;
});
// The filters stand outside the form's element (after the results) but belong to it: listen on the page.
root.addEventListener("change", (event) => {
  if (event.target === queryInput || event.target.form !== form) return;
  typing = false;
  update().catch(searchFailed);
});
// Choosing from a text field's list, or typing a name that means one of its values ('Den Haag'), searches at
// once; other typing waits for Enter or leaving the field (change).
root.addEventListener("input", (event) => {
  const field = event.target;
  if (field === queryInput || field.form !== form || !field.list) return;
  const value = listed(field, field.value);
  if ([...field.list.options].some((item) => item.value === value)) {
    typing = false;
    update().catch(searchFailed);
  }
});
narrow.addEventListener("change", () => {
  filterPanel.open = !narrow.matches;
});
// On a phone: close the filters and go to what they found, the status line that counts it first.
showButton.addEventListener("click", () => {
  filterPanel.open = false;
  status.tabIndex = -1;
  status.focus();
  status.scrollIntoView({ block: "start" });
});
filterPanel.addEventListener("click", (event) => {
  const button = event.target.closest(".pb-search__unfold");
  if (button) unfold(button);
});
filterPanel.querySelector(".pb-search__clear").addEventListener("click", () => {
  for (const facet of facets) {
    for (const box of checkboxes(facet)) box.checked = false;
    const field = textField(facet);
    if (field) field.value = "";
  }
  typing = false;
  update().catch(searchFailed);
});
async function showMore() {
  const next = remaining.slice(0, PAGE_SIZE);
  const items = (await Promise.all(next.map((number) => index.document(number)))).map(resultItem);
  remaining = remaining.slice(PAGE_SIZE);
  practiceList.append(...items);
  moreButton.hidden = remaining.length === 0;
  if (items.length) items[0].querySelector("a").focus();
}

moreButton.addEventListener("click", () => showMore().catch(searchFailed));
window.addEventListener("popstate", () => {
  typing = false;
  const state = stateFromUrl();
  showState(state);
  runSearch(state).catch(searchFailed);
});

start().catch(fail);
