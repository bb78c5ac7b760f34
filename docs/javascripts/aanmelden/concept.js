// The draft: what the visitor typed, kept in this browser's localStorage while they type, one per start (a new
// practice, a change of practice X, an adoption of practice X), so closing the tab loses nothing. It never
// leaves the browser unless it is sent. What comes back from storage is untrusted: a value of the wrong shape
// is dropped, a draft that cannot be read at all is thrown away with a message. Storage may be full or switched
// off (opslag.js): the editor then works on without a draft and says so.

import { readStored, removeStored, writeStored } from "../gedeeld/opslag.js";

const PREFIX = "praktijkbank-aanmelden";
export const UNREADABLE = "Je concept kon niet worden gelezen en is weggegooid. Je begint opnieuw.";
export const NOT_KEPT = "Let op: deze browser bewaart je concept niet (de opslag is vol of uitgezet). Je kunt gewoon "
  + "verder, maar verstuur je praktijk of kopieer de tekst voordat je deze pagina sluit.";

/** The storage key of a start: `{ mode: "new" }`, `{ mode: "change", id }` or `{ mode: "adopt", id }`. */
export function draftKey(start) {
  return start.mode === "new" ? `${PREFIX}:nieuw` : `${PREFIX}:${start.mode === "change" ? "wijzig" : "neem-over"}:${start.id}`;
}

const isText = (value) => typeof value === "string";
const isTextList = (value) => Array.isArray(value) && value.every(isText);
const isRow = (row) => row && typeof row === "object" && ["name", "type", "role"].every((part) => isText(row[part] ?? ""))
  && (row.website === undefined || isText(row.website));

/** Whether a stored answer has the shape its field's kind needs. */
function fits(kind, value) {
  if (kind === "organisations") return Array.isArray(value) && value.every(isRow);
  return ["choices", "municipalities"].includes(kind) ? isTextList(value) : isText(value);
}

/**
 * A draft saved for the practice under one of its former ids (`formerIds`, its aliases) moves to `key`, the
 * practice's id now, so a rename loses no draft; a draft already under `key` wins.
 */
export function moveFormerDrafts(key, start, formerIds) {
  for (const id of formerIds) {
    const former = draftKey({ ...start, id });
    const { text } = readStored(former);
    if (text === null) continue;
    if (readStored(key).text === null) writeStored(key, text);
    removeStored(former);
  }
}

/**
 * The draft stored under `key`, as `{ answers, saved, problem, available }`: `answers` holds only the answers
 * that fit the fields (by key and kind), `saved` when it was stored (ISO text), `problem` a Dutch message when it
 * was unreadable, `available` false when this browser stores nothing (then there are no answers either).
 */
export function readDraft(key, fields) {
  const { text, available } = readStored(key);
  if (text === null) return { answers: null, saved: "", problem: available ? "" : NOT_KEPT, available };
  try {
    const draft = JSON.parse(text);
    if (!draft || typeof draft !== "object" || !draft.answers || typeof draft.answers !== "object") throw new Error("shape");
    const answers = {};
    for (const field of fields) {
      const value = draft.answers[field.key];
      if (value !== undefined && fits(field.kind, value)) answers[field.key] = value;
    }
    return { answers, saved: isText(draft.saved) ? draft.saved : "", problem: "", available };
  } catch {
    removeStored(key);
    return { answers: null, saved: "", problem: UNREADABLE, available };
  }
}

/** Keep the answers; false when the browser refused (storage full or switched off): the form works on. */
export function writeDraft(key, answers, saved) {
  return writeStored(key, JSON.stringify({ saved, answers }));
}

export function discardDraft(key) {
  removeStored(key);
}
