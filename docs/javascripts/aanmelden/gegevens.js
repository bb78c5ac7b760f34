// The editor's answers and the practice they describe. Answers are what the fields hold (texts, lists of ids,
// organisation rows); the practice is plain data in the shape of its YAML file. Both directions follow the
// rules of `from-issue` (contribute/questions.py), so the file made in the browser is the file the form makes:
// spaces folded in one-line texts, paragraphs kept in Markdown, one item a line in lists.

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;
const YEAR = /^\d{4}$/;
export const ORGANISATIONS = "organisations";
export const INITIATOR = "initiatiefnemer";
export const PARTNER = "partner";

/** One-line text as `_text` keeps it: runs of spaces and line breaks become one space. */
export function oneLine(text) {
  return text.split(/\s+/).filter(Boolean).join(" ");
}

/** Markdown as `_markdown` keeps it: no trailing spaces, at most one empty line between paragraphs. */
export function markdown(text) {
  const lines = text.replace(/\r\n/g, "\n").trim().split("\n").map((line) => line.trimEnd());
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** Items typed one a line, with or without bullets, as `_items` reads them. */
export function items(text) {
  return text.replace(/\r\n/g, "\n").split("\n").map((line) => oneLine(line.replace(BULLET, ""))).filter(Boolean);
}

/** An empty answer for each field. */
export function emptyAnswers(fields) {
  return Object.fromEntries(fields.map((field) => [field.key, emptyValue(field)]));
}

function emptyValue(field) {
  if (field.kind === ORGANISATIONS) return [{ name: "", type: "", role: INITIATOR }];
  return ["choices", "municipalities"].includes(field.kind) ? [] : "";
}

export function isEmpty(value) {
  return Array.isArray(value) ? value.length === 0 : value === "";
}

function parts(field) {
  return field.path.split(".");
}

/** The value a field gives the practice, or undefined when it is left empty. */
function fieldValue(field, answer) {
  switch (field.kind) {
    case "text": case "practice": return oneLine(answer) || undefined;
    case "markdown": return markdown(answer) || undefined;
    case "url": return answer.trim() || undefined;
    case "year": return YEAR.test(answer.trim()) ? Number(answer.trim()) : answer.trim() || undefined;
    case "lines": {
      const lines = items(answer);
      return lines.length ? lines : undefined;
    }
    case "choices": case "municipalities": return answer.length ? [...new Set(answer)] : undefined;
    case "choice": return answer || undefined;
    default: return undefined;
  }
}

/** The organisation rows as the practice lists them: empty rows left out, the initiator first (as the form). */
export function organisations(rows) {
  const filled = rows.filter((row) => row.name.trim() || row.type);
  return filled.map((row) => {
    const organisation = { name: oneLine(row.name) };
    if (row.type) organisation.type = row.type;
    if (row.role) organisation.role = row.role;
    if (row.website) organisation.website = row.website;
    return organisation;
  });
}

/**
 * The practice the answers describe. `base` is the practice being changed (or nothing): what the form does not
 * ask (localities, evidence, other sources, contact, …) stays as it was. `extra` adds fields the form does not
 * show (`added`, `based_on`).
 */
export function toPractice(fields, answers, base = {}, extra = {}) {
  const practice = structuredClone(base);
  for (const field of fields) {
    if (field.kind === "id") continue;
    if (field.kind === ORGANISATIONS) {
      practice.organisations = organisations(answers[field.key]);
      continue;
    }
    put(practice, field, fieldValue(field, answers[field.key]));
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) practice[key] = value;
  if (!practice.place) practice.place = {};
  return practice;
}

function put(practice, field, value) {
  const [head, tail] = parts(field);
  if (!tail) {
    setOrDelete(practice, head, value);
  } else if (field.kind === "lines") {
    // a list of objects from one text a line (results): an unchanged text keeps what else it had (evidence)
    const before = new Map((practice[head] ?? []).map((item) => [item[tail], item]));
    setOrDelete(practice, head, value?.map((text) => ({ ...(before.get(text) ?? {}), [tail]: text })));
  } else if (field.firstItem) {
    // a field of the first item of a list (the first source)
    const list = practice[head] ?? [];
    const first = { ...(list[0] ?? {}) };
    setOrDelete(first, tail, value);
    practice[head] = Object.keys(first).length ? [first, ...list.slice(1)] : list.slice(1);
    if (!practice[head].length) delete practice[head];
  } else {
    const group = { ...(practice[head] ?? {}) };
    setOrDelete(group, tail, value);
    if (Object.keys(group).length || head === "place") practice[head] = group;
    else delete practice[head];
  }
}

function setOrDelete(target, key, value) {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** A practice from the open data in the shape of its file: only the fields the schema knows, here and in
 *  its place. The open data adds its own (id, url, place_text, the CBS codes), which a file must not have. */
export function fileFields(schema, record) {
  const known = (properties, value) => Object.fromEntries(Object.entries(value ?? {})
    .filter(([key]) => Object.hasOwn(properties, key)));
  const practice = known(schema.properties, record);
  if (practice.place) practice.place = known(schema.properties.place.properties, practice.place);
  return practice;
}

/** The answers that show a practice (to change it): every field the form asks, from the practice's data. */
export function answersFrom(fields, practice) {
  const answers = emptyAnswers(fields);
  for (const field of fields) {
    if (field.kind === "id") continue;
    if (field.kind === ORGANISATIONS) {
      const rows = (practice.organisations ?? []).map(({ name = "", type = "", role = "", website }) =>
        ({ name, type, role, ...(website ? { website } : {}) }));
      answers[field.key] = rows.length ? rows : answers[field.key];
      continue;
    }
    const [head, tail] = parts(field);
    let value = practice[head];
    if (tail && field.kind === "lines") value = value?.map((item) => item[tail]);
    else if (tail) value = Array.isArray(value) ? value[0]?.[tail] : value?.[tail];
    if (value === undefined || value === null) continue;
    answers[field.key] = field.kind === "lines" ? value.join("\n") : Array.isArray(value) ? [...value]
      : typeof value === "number" ? String(value) : value;
  }
  return answers;
}

/** What "Wij doen dit ook" copies: the themes, target groups and activities, and the kinds of partner
 *  (rows without a name). What belongs to the new place (title, place, organisations' names, period,
 *  results, sources) starts empty. */
export const COPIED = ["themes", "target_groups", "activities"];

export function adoptedAnswers(fields, practice) {
  const all = answersFrom(fields, practice);
  const answers = emptyAnswers(fields);
  for (const field of fields) {
    if (COPIED.includes(field.key)) answers[field.key] = all[field.key];
    if (field.kind === ORGANISATIONS && practice.organisations?.length) {
      answers[field.key] = practice.organisations.map(({ type = "", role = "" }) => ({ name: "", type, role }));
    }
  }
  return answers;
}

/** Whether two answers are the same (lists in the same order, texts as the practice would hold them). */
export function sameAnswer(field, first, second) {
  if (field.kind === ORGANISATIONS) {
    return JSON.stringify(organisations(first)) === JSON.stringify(organisations(second));
  }
  return JSON.stringify(fieldValue(field, first) ?? null) === JSON.stringify(fieldValue(field, second) ?? null);
}
