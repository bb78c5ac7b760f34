// Sending what the editor holds: the address of the GitHub issue form filled in (within the length GitHub
// accepts, the limit "Mijn selectie" uses too), the answers as text to paste, and the practice as a YAML file.
// The form's field ids and labels come from velden.json, so the answers land where `from-issue` reads them.

import { joined, mailto } from "../gedeeld/mailto.js";
import { INITIATOR, ORGANISATIONS, organisations } from "./gegevens.js";

function labelOf(field, id) {
  return field.options?.find((option) => option.id === id)?.label ?? id;
}

/** The organisation rows as the form asks them (its field ids in `field.formKeys`): the initiator (the first
 *  row with that role, else the first row) and its kind, and the other rows as partners, one a line: "naam, soort". */
function organisationAnswers(field, rows) {
  const filled = organisations(rows);
  const first = Math.max(0, filled.findIndex((row) => row.role === INITIATOR));
  const typeField = { options: field.parts.type.options };
  const initiator = filled[first];
  const keys = field.formKeys;
  return {
    [keys.initiator]: initiator?.name ?? "",
    [keys.initiatorType]: initiator?.type ? labelOf(typeField, initiator.type) : "",
    [keys.partners]: filled.filter((_, index) => index !== first)
      .map((row) => `${row.name}, ${labelOf(typeField, row.type)}`).join("\n"),
  };
}

/** Each question of the form (by its field id) with the answer as it would be typed into the form. */
export function formAnswers(definitions, answers) {
  const result = {};
  for (const field of definitions.fields) {
    const answer = answers[field.key];
    if (field.kind === ORGANISATIONS) Object.assign(result, organisationAnswers(field, answer));
    else if (field.kind === "choices") result[field.key] = answer.map((id) => labelOf(field, id)).join(", ");
    else if (field.kind === "choice") result[field.key] = answer ? labelOf(field, answer) : "";
    else if (field.kind === "municipalities") result[field.key] = answer.join(", ");
    else result[field.key] = answer.trim();
  }
  return result;
}

/**
 * The address of the issue form `file` on `repository` (https://github.com/<owner>/<name>) filled in with
 * `answers` (field id → text, empty ones left out), as form_url in common/form_links.py fills it: in the form's
 * `order`, each answer that still fits within `maxLength`; a field whose id GitHub reads itself (`reserved`:
 * `title`) cannot be filled in. `{ url, leftOut }`: `leftOut` names the answered fields that are not in it.
 */
export function issueAddress(repository, { file, title }, answers, order, { maxLength, reserved }) {
  const base = `${repository.replace(/\/+$/, "")}/issues/new?`;
  const chosen = [["template", file], ["title", title]];
  const leftOut = [];
  for (const key of order.filter((name) => answers[name])) {
    const tried = [...chosen, [key, answers[key]]];
    if (!reserved.includes(key) && (base + new URLSearchParams(tried)).length <= maxLength) chosen.push([key, answers[key]]);
    else leftOut.push(key);
  }
  return { url: base + new URLSearchParams(chosen), leftOut };
}

/**
 * The e-mail to the editors, for those without a GitHub account: to the address and with the subject of `route`
 * (an element with data-contact and data-subject, written by the build from common/ways_in.py), about `context`
 * (which practice), with the answers `text` when the link has room for them. `{ url, complete }`: when
 * `complete` is false the mail asks to paste the answers, which the page puts on the clipboard.
 */
export function answersMail(route, context, text) {
  const { contact, subject } = route.dataset;
  return mailto(contact, subject, joined(context, text), context);
}

// ---- YAML ----

function resolve(schema, node) {
  return node?.$ref?.startsWith("#/$defs/") ? resolve(schema, schema.$defs[node.$ref.slice(8)]) : node ?? {};
}

/** Keys in the order the schema lists them (the template's order), unknown ones after them. */
function ordered(schema, node, value) {
  const known = Object.keys(resolve(schema, node).properties ?? {});
  return [...known.filter((key) => key in value), ...Object.keys(value).filter((key) => !known.includes(key))];
}

/** A text as YAML: a literal block for Markdown with line breaks, else a double-quoted scalar (JSON's
 *  escaping is valid YAML), so no value ever changes meaning (no `no` → false, no dates). */
function scalar(text, indent) {
  const lines = text.split("\n");
  const plainBlock = lines.length > 1 && !/^\s/.test(text) && !/[\t\r\u0085\u2028\u2029]/.test(text)
    && !/[^\S\n]$/m.test(text) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text);
  if (plainBlock) return "|-\n" + lines.map((line) => (line ? indent + line : "")).join("\n");
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029]/g, (character) =>
    `\\u${character.codePointAt(0).toString(16).padStart(4, "0")}`);
}

function yamlLines(schema, node, value, indent) {
  if (Array.isArray(value)) {
    const item = resolve(schema, node).items;
    return value.map((entry) => {
      if (entry && typeof entry === "object") {
        const [first, ...rest] = yamlLines(schema, item, entry, indent + "  ");
        return `${indent}- ${first.trimStart()}${rest.length ? "\n" + rest.join("\n") : ""}`;
      }
      return `${indent}- ${typeof entry === "string" ? scalar(entry, indent + "  ") : entry}`;
    });
  }
  return ordered(schema, node, value).map((key) => {
    const entry = value[key];
    const sub = resolve(schema, node).properties?.[key];
    if (entry && typeof entry === "object") return `${indent}${key}:\n${yamlLines(schema, sub, entry, indent + "  ").join("\n")}`;
    return `${indent}${key}: ${typeof entry === "string" ? scalar(entry, indent + "  ") : entry}`;
  });
}

/** The practice file: a short header, then every field in the schema's order. */
export function practiceYaml(schema, practice, header) {
  return [...header.map((line) => `# ${line}`), ...yamlLines(schema, schema, practice, "")].join("\n") + "\n";
}
