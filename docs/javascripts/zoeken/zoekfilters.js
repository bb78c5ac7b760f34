// The chosen filters of the search page, where the reader looks: beside the result count, each removable
// ("Noord-Holland ×"), and named in the status text ("3 praktijken in Noord-Holland"). The names come from the
// filters' own labels on the page (written by the build from the vocabularies), not from a list of our own.

// Filters on a place read "in …"; the others "met …".
const PLACES = ["provincie", "gemeente"];

/** The chosen filters as `{ facet, value, name }`, in the order of the filter panel; `chosen` maps a facet to
 *  its chosen values. */
export function chosenFilters(panel, facets, chosen) {
  return facets.flatMap((facet) => chosen[facet].map((value) => {
    const box = panel.querySelector(`input[type="checkbox"][name="${facet}"][value="${CSS.escape(value)}"]`);
    const label = box?.labels[0]?.firstChild?.textContent.trim();
    return { facet, value, name: label || value };
  }));
}

function joined(names, word) {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} ${word} ${names.at(-1)}` : names[0];
}

/** " in Noord-Holland met Laaggeletterdheid": values of one filter joined with "of", filters with "en". */
export function filterPhrase(filters) {
  const byFacet = new Map();
  for (const { facet, name } of filters) byFacet.set(facet, [...(byFacet.get(facet) || []), name]);
  const places = [...byFacet].filter(([facet]) => PLACES.includes(facet)).map(([, names]) => joined(names, "of"));
  const others = [...byFacet].filter(([facet]) => !PLACES.includes(facet)).map(([, names]) => joined(names, "of"));
  return (places.length ? ` in ${joined(places, "en")}` : "") + (others.length ? ` met ${joined(others, "en")}` : "");
}

/** The list of removable filters; `remove(filter)` is called when one is taken away. */
export function showChips(list, filters, remove) {
  list.replaceChildren(...filters.map((filter) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pb-search__chip";
    button.append(`${filter.name} `);
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    button.append(cross);
    button.setAttribute("aria-label", `Filter ${filter.name} weghalen`);
    button.addEventListener("click", () => remove(filter));
    item.append(button);
    return item;
  }));
  list.closest(".pb-search__active").hidden = filters.length === 0;
}
