// What several pages do with the open data (the selection, the comparison, search results): find the site's
// root, read the list of practices once, resolve an id that may be old (an alias) and fetch one practice.
// Ids come from URLs and the browser's storage, so they are untrusted: they are only looked up, never
// inserted into a page or a URL unchecked.

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 80; // the schemas' limit ($defs/id)

/** Whether `id` looks like a practice id (a short slug): the only ids this module looks up or puts in a URL. */
export function isPracticeId(id) {
  return typeof id === "string" && id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id);
}

/** The site's root URL: this module lives in `javascripts/gedeeld/`, two levels below it. */
export const siteRoot = new URL("../../", import.meta.url);

let catalog = null;
let cards = null;
let vocabularies = null;
const records = new Map(); // id → the promise of its file's data, or of null when it has no file

/** A JSON file of the site (`api/…`), by its path from the site's root. */
export async function readJson(path) {
  const response = await fetch(new URL(path, siteRoot));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function fetchLookup(path) {
  return readJson(path).then((data) => buildLookup(data.practices));
}

/** The practices as `/api/praktijken.json` publishes them, read once per page. */
export function loadCatalog() {
  catalog ??= fetchLookup("api/praktijken.json");
  return catalog;
}

/** What a card shows of every practice (`selectie/kaarten.json`: title, summary, place text, partner names and
 *  old ids), read once per page: a fraction of the full open data, for pages that list practices. */
export function loadCards() {
  cards ??= fetchLookup("selectie/kaarten.json");
  return cards;
}

function buildLookup(practices) {
  const byId = new Map();
  const renamed = new Map();
  for (const practice of practices) {
    byId.set(practice.id, practice);
    for (const alias of practice.aliases ?? []) renamed.set(alias, practice.id);
  }
  return { practices, byId, renamed };
}

/**
 * What an id from a link or from storage stands for: `{ status: "found", practice }`, `{ status: "renamed",
 * practice, from }` when it is an old id in a practice's `aliases`, or `{ status: "unknown", id }`.
 */
export async function resolvePractice(id) {
  return resolveIn(await loadCatalog(), id);
}

/** resolvePractice on a lookup already loaded (loadCatalog or loadCards). */
export function resolveIn({ byId, renamed }, id) {
  const text = String(id);
  if (!isPracticeId(text)) return { status: "unknown", id: text };
  if (byId.has(text)) return { status: "found", practice: byId.get(text) };
  if (renamed.has(text)) return { status: "renamed", practice: byId.get(renamed.get(text)), from: text };
  return { status: "unknown", id: text };
}

function practiceFile(id) {
  if (!records.has(id)) {
    const loading = fetch(new URL(`api/praktijken/${id}.json`, siteRoot)).then((response) => {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`api/praktijken/${id}.json: ${response.status}`);
      return response.json();
    });
    loading.catch(() => records.delete(id)); // a failed fetch is tried again next time
    records.set(id, loading);
  }
  return records.get(id);
}

/**
 * The controlled lists as `/api/vocabularies.json` publishes them, read once per page, as a function from
 * a list's name and a value's id to its Dutch label (the id itself when the list does not know it).
 */
export function loadVocabularies() {
  vocabularies ??= readJson("api/vocabularies.json").then((data) => {
    const lists = Object.entries(data).filter(([name]) => name !== "$schema"); // the file names its schema
    const labels = new Map(lists.map(([name, list]) =>
      [name, new Map(list.values.map((term) => [term.id, term.label]))]));
    return (name, id) => labels.get(name)?.get(id) ?? id;
  });
  return vocabularies;
}

/** One practice's full record from `/api/praktijken/<id>.json`; the id must be a current one. */
export async function fetchPractice(id) {
  if (!isPracticeId(id)) throw new Error(`geen geldig id: ${id}`);
  const data = await practiceFile(id);
  if (!data) throw new Error(`api/praktijken/${id}.json: 404`);
  return data;
}

/** The address of a practice's page. */
export function practicePageUrl(id) {
  return new URL(`praktijken/${id}/`, siteRoot);
}
