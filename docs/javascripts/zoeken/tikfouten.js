// Typing errors forgiven: the words of the index closest to a word that no stem matches. The same rules as
// src/praktijkbank/publish/search_typos.py (its docstring says why); a test holds the two to the same
// candidates for the same word lists. Words are compared letter by letter as Python counts letters (code
// points), not in UTF-16 units.

const SHORTEST_WORD = 3;
const EXACT_BELOW = 5;
const LONG_FROM = 8;

/** How many typing errors search forgives in `word`. */
export function allowedDistance(word) {
  const { length } = [...word];
  if (length < EXACT_BELOW) return 0;
  return length < LONG_FROM ? 1 : 2;
}

/** How far "Bedoelde je …?" looks: one step further than search itself. */
export function suggestionDistance(word) {
  return [...word].length >= SHORTEST_WORD ? allowedDistance(word) + 1 : 0;
}

/** Each word of one length's list (groups: the number of documents that use the words, then the words) with
 *  that number. */
function* entries(groups) {
  for (const [uses, ...group] of groups) for (const word of group) yield [uses, word];
}

/** Code point order, as Python compares strings. */
function byCodePoints(first, second) {
  const [a, b] = [[...first], [...second]];
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index].codePointAt(0) - b[index].codePointAt(0);
  }
  return a.length - b.length;
}

/**
 * The words at the smallest edit distance from `word`, at most `limit` away, the most used first and equally
 * used ones alphabetically; `lists` maps a length to its groups of words.
 */
export function closestWords(word, lists, limit) {
  const letters = [...word];
  let best = limit + 1;
  let found = [];
  for (let length = letters.length - limit; length <= letters.length + limit; length++) {
    for (const [uses, candidate] of entries(lists.get(length) || [])) {
      const distance = editDistance(letters, [...candidate], best + 1);
      if (distance < best) {
        best = distance;
        found = [[uses, candidate]];
      } else if (distance === best && distance <= limit) {
        found.push([uses, candidate]);
      }
    }
  }
  return found.sort(([a, first], [b, second]) => b - a || byCodePoints(first, second)).map(([, candidate]) => candidate);
}

/** The edit distance of two words given as arrays of letters, a swap of neighbouring letters counting one
 *  (optimal string alignment), or `ceiling` when it is that or more. */
export function editDistance(first, second, ceiling) {
  let before = [];
  let previous = Array.from({ length: second.length + 1 }, (_, column) => column);
  for (let row = 1; row <= first.length; row++) {
    const current = [row];
    for (let column = 1; column <= second.length; column++) {
      let cell = Math.min(previous[column] + 1, current[column - 1] + 1,
        previous[column - 1] + (first[row - 1] === second[column - 1] ? 0 : 1));
      if (row > 1 && column > 1 && first[row - 1] === second[column - 2] && first[row - 2] === second[column - 1]) {
        cell = Math.min(cell, before[column - 2] + 1);
      }
      current.push(cell);
    }
    if (Math.min(...current) >= ceiling) return ceiling;
    before = previous;
    previous = current;
  }
  return Math.min(previous[second.length], ceiling);
}
