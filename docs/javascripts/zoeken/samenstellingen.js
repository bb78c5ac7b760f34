// Dutch compounds on the query side, the same as src/praktijkbank/publish/search_compounds.py (its docstring
// says why): a query word also finds the compounds it is a part of (their parts have postings under
// COMPOUND_MARK + stem), counted at COMPOUND_SHARE and never as a whole-word match; two neighbouring query words
// also find their joined word, with and without a linking s. A browser test holds the two to the same answers.

export const COMPOUND_MARK = "~";
export const COMPOUND_SHARE = 0.25;

/** The key of a stem's postings as a part of compounds. */
export function compoundKey(base) {
  return COMPOUND_MARK + base;
}

/** Whether a key of the index is a compound part's, not a word's own stem. */
export function isCompoundKey(key) {
  return key.startsWith(COMPOUND_MARK);
}

/** For each pair of neighbouring query words, the single words they may be typed apart from. */
export function joinedWords(words) {
  return words.slice(1).map((second, index) => ["", "s"].map((link) => words[index] + link + second));
}

/**
 * For each query word (normalised, stop words left out), the keys it also looks up as [key, share]: its
 * postings as a compound part at COMPOUND_SHARE, and in full the stems of the joined words it makes with the
 * word before or after it. `stem` is the search's stemmer; compound_queries in Python answers the same.
 */
export function compoundQueries(words, stem) {
  const queries = words.map((word) => [[compoundKey(stem(word)), COMPOUND_SHARE]]);
  joinedWords(words).forEach((joined, pair) => {
    for (const base of new Set(joined.map(stem))) {
      queries[pair].push([base, 1]);
      queries[pair + 1].push([base, 1]);
    }
  });
  return queries;
}
