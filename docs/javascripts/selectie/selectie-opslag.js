// "Mijn selectie": the practices a visitor keeps, with a title, an introduction and a note per practice, and
// `collection`: the id of the collection it adapts, only when it came from "Pas deze collectie aan".
// It lives in this browser only (localStorage); nothing is sent anywhere. What is stored may have been
// changed by hand or by an older version of the site, so it is read as untrusted input: what does not parse is
// ignored (and reported through `problem`), what is too long is cut, and nothing here ever throws.

import { readStored, writeStored } from "../gedeeld/opslag.js";
import { isPracticeId } from "../gedeeld/praktijken.js";

const KEY = "praktijkbank-selectie";
const CHANGED = "praktijkbank:selectie";

/** How long each text may be (the collection schema's limits: a selection becomes a collection, and a
 *  collection must fit in a selection whole), and how many practices fit in one selection. */
export const LIMITS = Object.freeze({ title: 120, intro: 5000, note: 1000, practices: 50 });

/** An empty selection. */
export function emptySelection() {
  return { title: "", intro: "", items: [] };
}

/** Text as the selection keeps it: a string, without control characters, at most `limit` characters. */
function cleanText(value, limit) {
  if (typeof value !== "string") return "";
  // Control characters and the invisible, direction-changing ones the validator refuses in practices.
  const text = value.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
  return [...text].slice(0, limit).join("").trim();
}

/** A selection made safe: the known fields only, texts cleaned, ids checked, duplicates and extras dropped. */
export function cleanSelection(value) {
  const source = value && typeof value === "object" ? value : {};
  const seen = new Set();
  const items = [];
  for (const item of Array.isArray(source.items) ? source.items : []) {
    const id = item && typeof item === "object" ? item.id : undefined;
    if (!isPracticeId(id) || seen.has(id) || items.length >= LIMITS.practices) continue;
    seen.add(id);
    items.push({ id, note: cleanText(item.note, LIMITS.note) });
  }
  const clean = { title: cleanText(source.title, LIMITS.title), intro: cleanText(source.intro, LIMITS.intro), items };
  // Only a selection that adapts a collection has its id, which has the form of a practice id: a slug.
  if (isPracticeId(source.collection)) clean.collection = source.collection;
  return clean;
}

const NOTHING_KEPT = "Deze browser bewaart niets: je selectie blijft niet bewaard.";

/**
 * The stored selection: `{ selection, problem }`. `problem` is a Dutch sentence when the stored value could
 * not be read (it is then ignored) or storage is not available; otherwise it is empty.
 */
export function readSelection() {
  const { text, available } = readStored(KEY);
  if (!available) return { selection: emptySelection(), problem: NOTHING_KEPT };
  if (text === null) return { selection: emptySelection(), problem: "" };
  try {
    return { selection: cleanSelection(JSON.parse(text)), problem: "" };
  } catch {
    return { selection: emptySelection(), problem: "Je bewaarde selectie kon niet worden gelezen. Je begint met een lege selectie." };
  }
}

/** Store the selection and tell the other parts of this page; false when the browser refused to store it. */
export function writeSelection(selection) {
  const clean = cleanSelection(selection);
  const stored = writeStored(KEY, JSON.stringify(clean));
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: clean }));
  return stored;
}

/** Whether the practice is in the stored selection. */
export function isSelected(id) {
  return readSelection().selection.items.some((item) => item.id === id);
}

/** Add the practice at the end, or take it out; returns whether it is in the selection afterwards. */
export function toggleSelected(id) {
  const { selection } = readSelection();
  const present = selection.items.some((item) => item.id === id);
  if (present) {
    selection.items = selection.items.filter((item) => item.id !== id);
  } else if (selection.items.length < LIMITS.practices) {
    selection.items.push({ id, note: "" });
  }
  writeSelection(selection);
  return !present && selection.items.some((item) => item.id === id);
}

/** Call `listener(selection)` whenever the selection changes, on this page or in another tab. */
export function onSelectionChange(listener) {
  window.addEventListener(CHANGED, () => listener(readSelection().selection));
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) listener(readSelection().selection);
  });
}
