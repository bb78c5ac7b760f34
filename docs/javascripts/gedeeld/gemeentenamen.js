// Municipalities by the names people use: 'Den Haag' for 's-Gravenhage, 'bergen' for both Bergens, a curly
// apostrophe, "gemeente" before the name. The table comes from the build (api/gemeenten.json); nameKey folds
// what was typed exactly as name_key in src/praktijkbank/common/municipalities.py (a browser test compares them).

import { readJson } from "./praktijken.js";

const APOSTROPHES = /['’‘`´]/g;
const SEPARATORS = /[\s_]+/g;
const COMBINING = /\p{Mn}/gu;
const MUNICIPALITY_WORD = /^gemeente-+/;

let table = null;

/** A name as it is compared: case, accents, apostrophes, spacing and a leading "gemeente" do not count. */
export function nameKey(text) {
  const folded = String(text).replace(APOSTROPHES, "").trim().toLowerCase().normalize("NFKD").replace(COMBINING, "");
  return folded.replace(SEPARATORS, "-").replace(MUNICIPALITY_WORD, "");
}

/**
 * The municipalities and their names, read once per page: `municipalities` (code, CBS name, province id, in
 * alphabetical order) and `candidates(text)`, the CBS names a typed name may mean (none, one or several).
 */
export function loadMunicipalityNames() {
  table ??= readJson("api/gemeenten.json").then((data) => ({
    municipalities: data.municipalities,
    candidates: (text) => (Object.hasOwn(data.names, nameKey(text)) ? data.names[nameKey(text)] : []),
  }));
  return table;
}
