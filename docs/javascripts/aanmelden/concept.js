// The draft: what the visitor typed, kept in this browser's localStorage while they type, one per start (a new
// practice, a change of practice X, an adoption of practice X), so closing the tab loses nothing. It never
// leaves the browser unless it is sent. What comes back from storage is untrusted: a value of the wrong shape
// is dropped, a draft that cannot be read at all is thrown away with a message.

const PREFIX = "praktijkbank-aanmelden";
export const UNREADABLE = "Je concept kon niet worden gelezen en is weggegooid. Je begint opnieuw.";

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
 * The draft stored under `key`, as `{ answers, saved, problem }`: `answers` holds only the answers that fit the
 * fields (by key and kind), `saved` when it was stored (ISO text), `problem` a Dutch message when it was unreadable.
 */
export function readDraft(key, fields) {
  const stored = localStorage.getItem(key);
  if (stored === null) return { answers: null, saved: "", problem: "" };
  try {
    const draft = JSON.parse(stored);
    if (!draft || typeof draft !== "object" || !draft.answers || typeof draft.answers !== "object") throw new Error("shape");
    const answers = {};
    for (const field of fields) {
      const value = draft.answers[field.key];
      if (value !== undefined && fits(field.kind, value)) answers[field.key] = value;
    }
    return { answers, saved: isText(draft.saved) ? draft.saved : "", problem: "" };
  } catch {
    localStorage.removeItem(key);
    return { answers: null, saved: "", problem: UNREADABLE };
  }
}

export function writeDraft(key, answers, saved) {
  try {
    localStorage.setItem(key, JSON.stringify({ saved, answers }));
    return true;
  } catch {
    return false; // storage full or switched off: the form works on, without a draft
  }
}

export function discardDraft(key) {
  localStorage.removeItem(key);
}
