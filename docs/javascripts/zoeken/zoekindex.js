// The search engine of the search page: it reads the index that src/praktijkbank/search_index.py writes
// (its docstring describes the files) and answers a search in a few milliseconds once the files it needs
// are here. It fetches only what a search needs: the shard of each word, the filter lists, and the texts
// of the results on screen. Words become stems exactly as in search_text.py, with the same Snowball
// algorithm (snowball/dutch_porter-stemmer.js, loaded before this module). A word no stem matches is
// matched to the closest words of the index (tikfouten.js), which fetches the word lists of nearby lengths.
// A word inside a compound, and a compound typed as two words, are found too (samenstellingen.js).

import { allowedDistance, closestWords, suggestionDistance } from "./tikfouten.js";
import { compoundQueries, isCompoundKey } from "./samenstellingen.js";

const GZIP = [0x1f, 0x8b];
const PREFIX_FROM = 3; // a word of three letters or more also finds longer words that start with it
const PREFIX_SHARDS = 4; // a prefix that spans more shards than this is too short to be worth the bytes
const PREFIX_SHARE = 0.5; // a word found only as the start of a longer one counts half
const TYPO_SHARE = 0.25; // a word found only by forgiving a typing error counts a quarter
const CONTEXT_BEFORE = 5; // words an excerpt shows before its first match

const stemmer = new globalThis.DutchPorterStemmer();
const stemCache = new Map();

export function words(text) {
  const normal = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  return (normal.match(/[\p{L}\p{N}]+/gu) || []).filter((word) => word.length >= 2);
}

export function stem(word) {
  if (!stemCache.has(word)) stemCache.set(word, stemmer.stemWord(word));
  return stemCache.get(word);
}

// What longer stems a word also finds: those that start with the word as typed (voorlees… finds
// voorleestent), and, for a stem ending in z or v, those that start with its other Dutch spelling:
// lezen and leest share the stem in speech but not in writing (lez → lees, gev → geef, verhuiz → verhuis:
// s and f at the end of a syllable, whose single vowel is then written double).
export function prefixes(word, base) {
  const found = word.length >= PREFIX_FROM ? [word] : [];
  const ending = { z: "s", v: "f" }[base.at(-1)];
  if (ending && base.length >= PREFIX_FROM) {
    const vowel = base.at(-2);
    const single = "aeou".includes(vowel) && !"aeiouy".includes(base.at(-3) || "a");
    found.push(base.slice(0, -1) + (single ? vowel : "") + ending);
  }
  return found;
}

async function unpack(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends the file with Content-Encoding: gzip has unpacked it already.
  const stream = bytes[0] === GZIP[0] && bytes[1] === GZIP[1]
    ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))
    : new Blob([bytes]).stream();
  return JSON.parse(await new Response(stream).text());
}

// [gap, score, gap, score, …] → numbers and scores; [gap, gap, …] → numbers.
function postings(flat) {
  const numbers = new Int32Array(flat.length / 2);
  const scores = new Uint8Array(flat.length / 2);
  for (let i = 0, number = 0; i < flat.length; i += 2) {
    number += flat[i];
    numbers[i / 2] = number;
    scores[i / 2] = flat[i + 1];
  }
  return { numbers, scores };
}

function numbersFromGaps(gaps) {
  const numbers = new Int32Array(gaps.length);
  for (let i = 0, number = 0; i < gaps.length; i++) numbers[i] = number += gaps[i];
  return numbers;
}

export class SearchIndex {
  static async open(address) {
    const url = new URL(address, document.baseURI);
    const manifest = await unpack(await fetch(url));
    return new SearchIndex(manifest, new URL(manifest.folder, url));
  }

  constructor(manifest, folder) {
    this.manifest = manifest;
    this.folder = folder;
    this.stopWords = new Set(manifest.stopWords);
    this.files = new Map();
    this.stems = new Map(); // stem → postings, for every shard loaded so far
    this.loadedShards = new Set();
  }

  load(name) {
    if (!this.files.has(name)) {
      const loading = fetch(new URL(name, this.folder)).then(unpack);
      loading.catch(() => this.files.delete(name)); // a failed fetch is tried again on the next search
      this.files.set(name, loading);
    }
    return this.files.get(name);
  }

  // A file turned into what search uses, once; after a failed fetch, again on the next search.
  prepared(name, prepare) {
    const key = `${name} prepared`;
    if (!this.files.has(key)) {
      const preparing = this.load(name).then(prepare);
      preparing.catch(() => this.files.delete(key));
      this.files.set(key, preparing);
    }
    return this.files.get(key);
  }

  filters() {
    return this.prepared("filters.zk", (lists) => Object.fromEntries(
      Object.entries(lists).map(([parameter, values]) => [parameter, Object.fromEntries(
        Object.entries(values).map(([value, gaps]) => [value, numbersFromGaps(gaps)]))])));
  }

  newestRank() {
    return this.prepared("nieuwste.zk", (order) => {
      const rank = new Int32Array(this.manifest.documents);
      order.forEach((number, position) => { rank[number] = position; });
      return rank;
    });
  }

  document(number) {
    return this.load(`teksten/${number}.zk`);
  }

  // The shard that would hold `stem`: the last one whose first stem is not after it.
  shardOf(stem) {
    const starts = this.manifest.shards;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= stem) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  // The shard of the word's stem, and those holding the stems that start with one of its prefixes.
  shardsFor({ base, starts: wordPrefixes }) {
    const { shards: starts } = this.manifest;
    if (!starts.length) return new Set();
    const shards = new Set([this.shardOf(base)]);
    for (const prefix of wordPrefixes) {
      const first = this.shardOf(prefix);
      let last = first;
      while (last + 1 < starts.length && starts[last + 1].startsWith(prefix)) last++;
      if (last - first < PREFIX_SHARDS) for (let shard = first; shard <= last; shard++) shards.add(shard);
    }
    return shards;
  }

  async loadShards(shards) {
    await Promise.all([...shards].map(async (shard) => {
      if (this.loadedShards.has(shard)) return;
      const stems = await this.load(`woorden/${shard}.zk`);
      for (const [key, flat] of Object.entries(stems)) if (!this.stems.has(key)) this.stems.set(key, flat);
      this.loadedShards.add(shard);
    }));
  }

  postingsOf(stem) {
    const found = this.stems.get(stem);
    if (Array.isArray(found)) this.stems.set(stem, postings(found));
    return this.stems.get(stem);
  }

  // How rare a stem is (BM25's inverse document frequency).
  rarity(count) {
    const total = this.manifest.documents;
    return Math.log(1 + (total - count + 0.5) / (count + 0.5));
  }

  // The words of the index of the lengths a word `limit` typing errors away can have, as length → words.
  async wordListsAround(word, limit) {
    const { length } = [...word];
    const lengths = this.manifest.wordLengths.filter((each) => Math.abs(each - length) <= limit);
    const lists = await Promise.all(lengths.map((each) => this.load(`woordenlijst/${each}.zk`)));
    return new Map(lengths.map((each, position) => [each, lists[position]]));
  }

  async closest(word, limit) {
    return limit ? closestWords(word, await this.wordListsAround(word, limit), limit) : [];
  }

  // The query's words and the stems each matches: the word's own stem in full, longer stems that start
  // with the word at PREFIX_SHARE, compounds it is a part of at COMPOUND_SHARE, and with its neighbour the
  // word the two make together in full; a word that matches none of them, the stems of the closest words at
  // TYPO_SHARE, and `corrected` names the closest word.
  async terms(query) {
    const all = words(query);
    const kept = all.filter((word) => !this.stopWords.has(word));
    const typed = kept.length ? kept : all;
    const chosen = typed.map((word) => {
      const base = stem(word);
      return { word, base, starts: prefixes(word, base) };
    });
    const compounds = compoundQueries(typed, stem);
    await this.loadShards(new Set([...chosen.flatMap((term) => [...this.shardsFor(term)]),
      ...compounds.flat().map(([key]) => this.shardOf(key))]));
    const terms = chosen.map(({ word, base, starts }, position) => {
      const matches = new Map();
      if (this.stems.has(base)) matches.set(base, 1);
      for (const key of this.stems.keys()) {
        if (!matches.has(key) && !isCompoundKey(key) && starts.some((prefix) => key.startsWith(prefix))) {
          matches.set(key, PREFIX_SHARE);
        }
      }
      for (const [key, share] of compounds[position]) {
        if (this.stems.has(key) && (matches.get(key) || 0) < share) matches.set(key, share);
      }
      return { word, matches, corrected: null };
    });
    await Promise.all(terms.filter((term) => !term.matches.size).map((term) => this.forgive(term)));
    return terms;
  }

  async forgive(term) {
    const candidates = await this.closest(term.word, allowedDistance(term.word));
    const bases = candidates.map(stem);
    await this.loadShards(new Set(bases.map((base) => this.shardOf(base))));
    for (const base of bases) if (this.stems.has(base)) term.matches.set(base, TYPO_SHARE);
    if (term.matches.size) term.corrected = candidates[0];
  }

  // "Bedoelde je …?": the query with each word that found nothing replaced by the closest word a little
  // further away than search forgives, or null when there is none.
  async suggestion(terms) {
    const replaced = await Promise.all(terms.map(async ({ word, matches }) => {
      if (matches.size) return word;
      return (await this.closest(word, suggestionDistance(word)))[0] || word;
    }));
    return replaced.some((word, position) => word !== terms[position].word) ? replaced.join(" ") : null;
  }

  // Every document that has all the words, with its score and how many of its words matched without a
  // typing error; when none has all of them, those with the most, and `partial` says so. `searchedFor` is
  // the query with the words search corrected, when it corrected any.
  async match(query) {
    const total = this.manifest.documents;
    const terms = await this.terms(query);
    const scores = new Float64Array(total);
    const matched = new Uint8Array(total);
    const exact = new Uint8Array(total);
    const highlight = new Set();
    terms.forEach(({ matches, corrected }) => {
      const best = new Float64Array(total);
      const whole = new Uint8Array(total); // found by the word itself, not only inside a compound
      for (const [key, share] of matches) {
        highlight.add(key);
        const { numbers, scores: points } = this.postingsOf(key);
        const rarity = this.rarity(numbers.length) * share;
        const inCompound = isCompoundKey(key);
        for (let i = 0; i < numbers.length; i++) {
          best[numbers[i]] = Math.max(best[numbers[i]], rarity * points[i]);
          if (!inCompound) whole[numbers[i]] = 1;
        }
      }
      for (let number = 0; number < total; number++) {
        if (best[number] > 0) {
          matched[number]++;
          exact[number] += corrected || !whole[number] ? 0 : 1;
          scores[number] += best[number];
        }
      }
    });
    // Practices and other pages each by their own best: a help page that names practices in an example
    // (and so has more of the words) never pushes out the practices it names.
    const { practices } = this.manifest;
    const found = new Uint8Array(total);
    let most = 0;
    for (const [from, to] of [[0, practices], [practices, total]]) {
      let best = 0;
      for (let number = from; number < to; number++) best = Math.max(best, matched[number]);
      for (let number = from; number < to; number++) found[number] = best > 0 && matched[number] === best ? 1 : 0;
      most = most || best;
    }
    const searchedFor = terms.some((term) => term.corrected)
      ? terms.map((term) => term.corrected || term.word).join(" ") : null;
    return { found, scores, exact, highlight, terms, searchedFor, partial: most > 0 && most < terms.length };
  }

  // A search: `filters` maps each search parameter to the chosen values (OR within one, AND across).
  // Returns practices and other pages as document numbers in the order asked for, the count each filter
  // value would give, the stems to highlight, whether only some of the words were found, the query as
  // corrected (`searchedFor`) and, when nothing is found, a `suggestion`.
  async search({ query, filters, sort }) {
    const { practices, documents } = this.manifest;
    const lists = await this.filters();
    const words = query ? await this.match(query) : null;
    const base = words ? words.found : new Uint8Array(documents).fill(1, 0, practices);
    const chosen = Object.entries(filters).filter(([, values]) => values.length);
    // missing[n]: a bit for every chosen filter practice n does not meet.
    const missing = new Uint32Array(practices);
    chosen.forEach(([parameter, values], bit) => {
      const meets = new Uint8Array(practices);
      for (const value of values) for (const number of lists[parameter]?.[value] || []) meets[number] = 1;
      for (let number = 0; number < practices; number++) if (!meets[number]) missing[number] |= 1 << bit;
    });
    const counts = {};
    for (const [parameter, values] of Object.entries(lists)) {
      const bit = chosen.findIndex(([name]) => name === parameter);
      const others = bit < 0 ? ~0 : ~(1 << bit);
      counts[parameter] = {};
      for (const [value, numbers] of Object.entries(values)) {
        let count = 0;
        for (const number of numbers) if (base[number] && !(missing[number] & others)) count++;
        counts[parameter][value] = count;
      }
    }
    const found = [];
    for (let number = 0; number < practices; number++) if (base[number] && !missing[number]) found.push(number);
    const pages = [];
    if (words && !chosen.length) { // other pages have no filter values, so a filter leaves them out
      for (let number = practices; number < documents; number++) if (base[number]) pages.push(number);
    }
    await this.order(found, words, sort);
    await this.order(pages, words, "");
    const suggestion = words && !found.length && !pages.length ? await this.suggestion(words.terms) : null;
    return { practices: found, pages, counts, highlight: words ? words.highlight : new Set(),
             partial: words ? words.partial : false, searchedFor: words ? words.searchedFor : null, suggestion };
  }

  // Best result first (words matched as typed, in full or as the start of a word, before words matched
  // inside a compound or by forgiving a typing error, then by score, ties by title), by title (the
  // numbering), or newest first.
  async order(numbers, words, sort) {
    if (sort === "nieuwste") {
      const rank = await this.newestRank();
      numbers.sort((a, b) => rank[a] - rank[b]);
    } else if (sort !== "titel" && words) {
      numbers.sort((a, b) => words.exact[b] - words.exact[a] || words.scores[b] - words.scores[a] || a - b);
    }
  }
}

// The text between two words of an excerpt. A line break there ends a heading or a paragraph: without a
// punctuation mark of its own it becomes a dot in the middle, so "Zo werkt het · Elke week" reads as two parts.
function between(gap) {
  if (!gap.includes("\n")) return gap;
  return gap.replace(/\s*\n\s*/g, /[.!?:;]/.test(gap) ? " " : " · ");
}

// The part of `text` with the most matching words, as [text, isMatch] pieces: `length` words, starting a few
// words before the first match in it.
export function excerpt(text, highlight, length = 30) {
  const tokens = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((match) => {
    const [word] = words(match[0]);
    return { start: match.index, end: match.index + match[0].length, hit: !!word && highlight.has(stem(word)) };
  });
  if (!tokens.length) return [];
  let hits = 0;
  let bestHits = 0;
  let bestEnd = 0;
  tokens.forEach((token, index) => {
    hits += Number(token.hit) - Number(index >= length && tokens[index - length].hit);
    if (hits > bestHits) [bestHits, bestEnd] = [hits, index];
  });
  let first = 0;
  if (bestHits) {
    const firstHit = tokens.findIndex((token, index) => index > bestEnd - length && token.hit);
    first = Math.max(0, Math.min(firstHit - CONTEXT_BEFORE, tokens.length - length));
  }
  const shown = tokens.slice(first, first + length);
  const pieces = first > 0 ? [["… ", false]] : [];
  let position = shown[0].start;
  for (const token of shown) {
    if (token.start > position) pieces.push([between(text.slice(position, token.start)), false]);
    pieces.push([text.slice(token.start, token.end), token.hit]);
    position = token.end;
  }
  pieces.push([first + length < tokens.length ? " …" : text.slice(position), false]);
  return pieces.filter(([piece]) => piece);
}
