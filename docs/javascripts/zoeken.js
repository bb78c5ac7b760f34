// The search page: a small interface on Pagefind's JavaScript API (https://pagefind.app/docs/api/).
// Contributor text is untrusted: every value from the index is inserted as text. Only Pagefind's excerpt
// keeps markup, and of that only the <mark> elements that highlight the search words.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 150;
const OTHER_PAGES = 5;
const SORTS = { titel: { title: "asc" }, nieuwste: { added: "desc" } };
const PRACTICE = "praktijk";
const OTHER_PAGE = "pagina";

const root = document.querySelector(".pb-search");
const form = root.querySelector(".pb-search__form");
const queryInput = form.elements.q;
const sortChoice = form.elements.sort; // the radio buttons; RadioNodeList reads and sets the checked one
const status = root.querySelector(".pb-search__status");
const output = root.querySelector(".pb-search__output");
const practices = root.querySelector(".pb-search__practices");
const practiceList = practices.querySelector(".pb-results");
const moreButton = practices.querySelector(".pb-search__more");
const otherPages = root.querySelector(".pb-search__pages");
const otherPageList = otherPages.querySelector(".pb-results");
const facets = [...form.querySelectorAll("fieldset[data-filter]")].map((fieldset) => fieldset.dataset.filter);

let pagefind = null;
let generation = 0; // every new search outdates the ones still running
let remaining = []; // practices found but not shown yet
let typing = false; // the first keystroke adds a history entry, the next ones update it
let typingTimer = 0;

function checkboxes(facet) {
  return [...form.querySelectorAll(`input[type="checkbox"][name="${facet}"]`)];
}

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const sort = params.get("sort") || "";
  return {
    q: (params.get("q") || "").trim(),
    sort: sort in SORTS ? sort : "",
    filters: Object.fromEntries(facets.map((facet) => [facet, params.getAll(facet)])),
  };
}

function stateFromForm() {
  return {
    q: queryInput.value.trim(),
    sort: sortChoice.value,
    filters: Object.fromEntries(facets.map((facet) =>
      [facet, checkboxes(facet).filter((box) => box.checked).map((box) => box.value)])),
  };
}

function showState(state) {
  queryInput.value = state.q;
  sortChoice.value = state.sort;
  for (const facet of facets) {
    for (const box of checkboxes(facet)) box.checked = state.filters[facet].includes(box.value);
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

// AND across facets, OR within one; `except` leaves one facet out, to count what choosing in it would give.
function pagefindFilters(state, except) {
  const filters = { soort: PRACTICE };
  for (const facet of facets) {
    if (facet !== except && state.filters[facet].length) filters[facet] = { any: state.filters[facet] };
  }
  return filters;
}

function hasFilters(state) {
  return facets.some((facet) => state.filters[facet].length > 0);
}

function showCounts(countsPerFacet) {
  for (const facet of facets) {
    const counts = countsPerFacet[facet] || {};
    for (const box of checkboxes(facet)) {
      const count = counts[box.value] || 0;
      box.labels[0].querySelector(".pb-search__count").textContent = `(${count})`;
      box.closest(".pb-search__option").classList.toggle("pb-search__option--empty", count === 0 && !box.checked);
    }
  }
}

// The excerpt is parsed in an inert document (no scripts run, nothing loads) and rebuilt from its text and
// its <mark> elements only.
function highlighted(excerpt) {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html").body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent);
    }
  }
  return fragment;
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
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.place) item.append(paragraph("pb-result__place", data.meta.place));
  if (data.meta.summary) item.append(paragraph("pb-result__summary", data.meta.summary));
  const excerpt = paragraph("pb-result__excerpt", "");
  excerpt.append(highlighted(data.excerpt || ""));
  if (excerpt.textContent.trim()) item.append(excerpt);
  return item;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function statusText(state, found, pagesFound) {
  const words = state.q ? ` voor ‘${state.q}’` : "";
  if (!found && !pagesFound) {
    return `Geen praktijken gevonden${words}. Probeer een ander woord of zet filters uit.`;
  }
  const pages = plural(pagesFound, "andere pagina", "andere pagina's");
  if (!found) return `Geen praktijken, wel ${pages} gevonden${words}.`;
  return `${plural(found, "praktijk", "praktijken")}${pagesFound ? ` en ${pages}` : ""} gevonden${words}.`;
}

// aria-busy tells assistive technology (and the tests) that results are being replaced.
async function runSearch(state) {
  const mine = ++generation;
  output.setAttribute("aria-busy", "true");
  if (!state.q && !hasFilters(state)) {
    const totals = await pagefind.filters();
    if (mine !== generation) return;
    showCounts(totals);
    practices.hidden = otherPages.hidden = true;
    status.textContent = "Typ een zoekwoord of kies een filter.";
    output.setAttribute("aria-busy", "false");
    return;
  }
  const term = state.q || null;
  const sort = SORTS[state.sort] || (state.q ? undefined : SORTS.titel);
  const found = await pagefind.search(term, { filters: pagefindFilters(state), sort });
  const perFacet = [];
  for (const facet of facets) {
    perFacet.push(state.filters[facet].length
      ? await pagefind.search(term, { filters: pagefindFilters(state, facet) }) : found);
  }
  const pages = state.q && !hasFilters(state)
    ? await pagefind.search(term, { filters: { soort: OTHER_PAGE } }) : null;
  if (mine !== generation) return;
  const firstPractices = await Promise.all(found.results.slice(0, PAGE_SIZE).map((result) => result.data()));
  const firstPages = pages ? await Promise.all(pages.results.slice(0, OTHER_PAGES).map((r) => r.data())) : [];
  if (mine !== generation) return;

  showCounts(Object.fromEntries(facets.map((facet, index) => [facet, perFacet[index].filters[facet]])));
  practiceList.replaceChildren(...firstPractices.map(resultItem));
  remaining = found.results.slice(PAGE_SIZE);
  moreButton.hidden = remaining.length === 0;
  practices.hidden = found.results.length === 0;
  otherPageList.replaceChildren(...firstPages.map(resultItem));
  otherPages.hidden = firstPages.length === 0;
  status.textContent = statusText(state, found.results.length, pages ? pages.results.length : 0);
  output.setAttribute("aria-busy", "false");
}

function update({ replace = false } = {}) {
  const state = stateFromForm();
  remember(state, replace);
  return runSearch(state);
}

function fail(error) {
  status.textContent = "Zoeken werkt op dit moment niet. Gebruik de overzichten hieronder.";
  root.querySelector(".pb-search__fallback").hidden = false;
  form.hidden = true;
  output.setAttribute("aria-busy", "false");
  throw error;
}

async function start() {
  root.querySelector(".pb-search__fallback").hidden = true;
  form.hidden = false;
  showState(stateFromUrl());
  const bundle = new URL(root.dataset.bundle, document.baseURI).href;
  const siteRoot = new URL(root.dataset.siteRoot, document.baseURI).pathname;
  pagefind = await import(bundle);
  await pagefind.options({ baseUrl: siteRoot });
  await pagefind.init();
  await pagefind.filters(); // loads every filter, so each search counts all of them, not only those in use
  await runSearch(stateFromUrl());
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  typing = false;
  update().catch(fail);
});
// Typing searches once the keys rest for a moment: at 10,000 practices a search for every keystroke queues
// up seconds of work for words nobody wants.
queryInput.addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    update({ replace: typing }).catch(fail);
    typing = true;
  }, TYPING_PAUSE_MS);
});
form.addEventListener("change", (event) => {
  if (event.target === queryInput) return;
  typing = false;
  update().catch(fail);
});
form.querySelector(".pb-search__clear").addEventListener("click", () => {
  for (const facet of facets) for (const box of checkboxes(facet)) box.checked = false;
  typing = false;
  update().catch(fail);
});
moreButton.addEventListener("click", async () => {
  const next = remaining.slice(0, PAGE_SIZE);
  remaining = remaining.slice(PAGE_SIZE);
  const items = (await Promise.all(next.map((result) => result.data()))).map(resultItem);
  practiceList.append(...items);
  moreButton.hidden = remaining.length === 0;
  if (items.length) items[0].querySelector("a").focus();
});
window.addEventListener("popstate", () => {
  typing = false;
  const state = stateFromUrl();
  showState(state);
  runSearch(state).catch(fail);
});

start().catch(fail);
