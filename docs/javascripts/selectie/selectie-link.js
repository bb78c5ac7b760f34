// A selection as one link: `selectie/?t=<title>&p=<id>.<id>…&i=<introduction>&n=<note>&n=<note>…&c=<collection>`,
// `c` only when it adapts a collection. The collection pages write the same links (common/urls.py, selection_url).
//
// Plain URL parameters rather than base64 of JSON: Dutch text is mostly letters and spaces, which a URL keeps
// as they are (a space becomes "+"), while base64 makes every three bytes four characters and JSON adds its
// own quotes and keys (tests/test_selection_link.py measures both). Ids are slugs joined by ".", a character
// a URL never escapes. One `n` per practice, in the order of `p`; empty notes at the end are left out.
// Every value read from a link is untrusted and goes through cleanSelection (ids checked, texts cut).

import { cleanSelection } from "./selectie-opslag.js";

/** Longer links break in some mail programs, chat apps and QR readers. */
export const MAX_LINK_LENGTH = 2000;
const ID_SEPARATOR = ".";

/** The query string of a selection; `withTexts: false` leaves out the introduction and the notes. */
export function encodeSelection(selection, { withTexts = true } = {}) {
  const clean = cleanSelection(selection);
  const params = new URLSearchParams();
  if (clean.title) params.set("t", clean.title);
  params.set("p", clean.items.map((item) => item.id).join(ID_SEPARATOR));
  if (withTexts) {
    if (clean.intro) params.set("i", clean.intro);
    const notes = clean.items.map((item) => item.note);
    while (notes.length && !notes.at(-1)) notes.pop();
    for (const note of notes) params.append("n", note);
  }
  if (clean.collection) params.set("c", clean.collection);
  return params.toString();
}

/** Whether a query string carries a shared selection (the page shows it read-only). */
export function isSharedLink(query) {
  return new URLSearchParams(query).has("p");
}

/**
 * The selection a link carries: `{ selection, ignored }`, where `ignored` counts the ids that were dropped
 * because they are no practice id at all (tampered or cut-off links) or repeat one.
 */
export function decodeSelection(query) {
  const params = new URLSearchParams(query);
  const ids = (params.get("p") ?? "").split(ID_SEPARATOR).filter(Boolean);
  const notes = params.getAll("n");
  const selection = cleanSelection({
    title: params.get("t") ?? "",
    intro: params.get("i") ?? "",
    items: ids.map((id, position) => ({ id, note: notes[position] ?? "" })),
    collection: params.get("c") ?? "",
  });
  return { selection, ignored: ids.length - selection.items.length };
}

function linkTo(pageUrl, query) {
  const url = new URL(pageUrl);
  url.search = query;
  url.hash = "";
  return url.href;
}

/**
 * The link to share: `{ url, status }`. `status` is "complete" when everything fits in MAX_LINK_LENGTH,
 * "without-texts" when the introduction and notes had to be left out to fit, and "too-long" when even the
 * title and the practices do not fit (then `url` is empty: a collection is the way to share that many).
 */
export function shareLink(selection, pageUrl) {
  const complete = linkTo(pageUrl, encodeSelection(selection));
  if (complete.length <= MAX_LINK_LENGTH) return { url: complete, status: "complete" };
  const short = qrLink(selection, pageUrl);
  if (short.length <= MAX_LINK_LENGTH) return { url: short, status: "without-texts" };
  return { url: "", status: "too-long" };
}

/** The link a QR code carries: title and practices only, so the code stays coarse enough to scan from afar. */
export function qrLink(selection, pageUrl) {
  return linkTo(pageUrl, encodeSelection(selection, { withTexts: false }));
}
