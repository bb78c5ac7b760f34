// The checks of the editor: a practice (as plain data, the shape of its YAML file) against the JSON Schema with
// Ajv, plus the rules a browser can know and the schema cannot say: a known municipality (with a suggestion), the
// provinces that go with it, hidden characters (named as the validator names them), web addresses as `from-issue`
// takes them, a start year that has come, and a free id.
// Every message is the project's own Dutch text for the rule (velden.json, from contribute/questions.py and the
// validator), never Ajv's English. The Python validator stays the authority: a test runs the bad fixtures
// through both and compares the fields they flag.

import { slugify } from "../selectie/selectie-collectie.js";
import { editDistance } from "../zoeken/tikfouten.js";

/** A message template from velden.json filled in: "dit is te lang: gebruik hoogstens {limit} tekens." */
export function say(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Case, accents and spacing folded, as common/suggest.py folds them. */
export function fold(text) {
  return text.trim().toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\s_]+/g, "-");
}

/** The id slugify in validate/rules.py gives a text without letters or digits. */
export const PRACTICE_FALLBACK_ID = "naam-van-de-praktijk";

/** `U+202E (tekstrichting omkeren)`: the code to search for and the Dutch name, as the validator says it. */
export function describeCharacter(character, names) {
  const code = character.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  return `U+${code} (${names.names[code] ?? names.other})`;
}

/** The hidden characters in a text (format characters, and those the validator names), each once, in the
 *  order they first appear: the validator names every one, so the editor does too. The text is scanned by one
 *  pattern: the checks run at every keystroke, and a description may be 20,000 characters long. */
export function hiddenCharacters(text, names) {
  return [...new Set(text.match(hiddenPattern(names)) ?? [])];
}

const hiddenPatterns = new WeakMap();

/** One pattern for format characters and the named ones, made once per set of names. */
function hiddenPattern(names) {
  if (!hiddenPatterns.has(names)) {
    const named = Object.keys(names.names).map((code) => `\\u{${code}}`).join("");
    hiddenPatterns.set(names, new RegExp(`[\\p{Cf}${named}]`, "gu"));
  }
  return hiddenPatterns.get(names);
}

/** "U+200B (…) en U+202E (…)": the names of several characters as one Dutch list. */
function listed(names) {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} en ${names.at(-1)}` : names[0];
}

/** A web address as `from-issue` takes it (questions.py, _url): no spaces, and a host with a dot in it. */
function isWebAddress(url) {
  if (/\s/.test(url)) return false;
  try {
    return new URL(url).hostname.includes(".");
  } catch {
    return false;
  }
}

/** Where the schema puts web addresses (`$ref: #/$defs/url`), as paths with "*" for list items (rules.url_paths). */
function urlPaths(schema) {
  const found = [];
  const visit = (node, path) => {
    if (node.$ref === "#/$defs/url") {
      found.push(path);
      return;
    }
    if (node.$ref?.startsWith("#/$defs/")) visit(schema.$defs[node.$ref.slice(8)], path);
    for (const [name, sub] of Object.entries(node.properties ?? {})) visit(sub, [...path, name]);
    if (node.items && typeof node.items === "object") visit(node.items, [...path, "*"]);
  };
  visit(schema, []);
  return found;
}

function valuesAt(value, pattern, path = []) {
  if (!pattern.length) return [[path, value]];
  const [head, ...rest] = pattern;
  if (head === "*") return Array.isArray(value) ? value.flatMap((item, index) => valuesAt(item, rest, [...path, index])) : [];
  return value && typeof value === "object" && !Array.isArray(value) && head in value
    ? valuesAt(value[head], rest, [...path, head]) : [];
}

function strings(value, path = []) {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, [...path, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

/** The closest current municipality to a near miss, as `closest` in common/suggest.py suggests one. */
export function closestName(text, names) {
  const target = [...fold(text)];
  const limit = Math.max(1, Math.floor(target.length / 4));
  let best = null;
  let distance = limit + 1;
  for (const name of names) {
    const found = editDistance(target, [...fold(name)], distance);
    if (found < distance) [best, distance] = [name, found];
  }
  return best;
}

/**
 * What the editor knows of municipality names without Ajv: the CBS name meant by what was typed, and the
 * message for a name that is no current municipality. `places` as in createChecker.
 */
export function municipalityRules(definitions, places) {
  const { messages } = definitions;
  const current = new Map(places.municipalities.map((municipality) => [municipality.name, municipality]));
  const former = new Map(definitions.formerMunicipalities.map((item) => [fold(item.name), item]));
  const provinces = new Map(definitions.fields.find((field) => field.vocabulary === "provinces").options
    .map((option) => [option.id, option.label]));

  /** What the validator and `from-issue` say of a name that is not a current municipality: where a former one
   *  went, the municipalities a name may mean (with their provinces), or the closest CBS name. */
  function municipalityMessage(text) {
    const old = former.get(fold(text));
    if (old) return say(messages.formerMunicipality, { text, year: old.year, merged_into: old.mergedInto });
    const candidates = places.candidates(text);
    if (candidates.length > 1) {
      const named = candidates.map((name) => `${name} (${provinces.get(current.get(name)?.province) ?? ""})`);
      return `'${text}' kan ${candidates.length} gemeenten zijn: ${named.join(", ")}. Kies er één.`;
    }
    const match = candidates[0] ?? closestName(text, current.keys());
    return say(messages.unknownMunicipality,
      { text, hint: match ? say(messages.suggestion, { match }) : messages.municipalityHint });
  }

  /** The CBS name meant by a name typed loosely or a name people use ('Den Haag'), or null (none, or several). */
  function municipalityName(text) {
    const candidates = places.candidates(text);
    return candidates.length === 1 ? candidates[0] : null;
  }

  return { current, municipalityName, municipalityMessage };
}

/**
 * A checker bound to the generated definitions (velden.json), the municipalities and their names
 * (loadMunicipalityNames in gemeentenamen.js: `municipalities` and `candidates(text)`) and the Ajv class. `check(practice, { takenIds, ownId })` gives every problem as `{ path, message }`, `path` an array of
 * keys and list positions into the practice, like the data paths of the Python validator.
 */
export function createChecker(definitions, places, Ajv2020) {
  const { messages, schema } = definitions;
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  ajv.addFormat("date", (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text));
  const validate = ajv.compile(schema);
  const { current, municipalityName, municipalityMessage } = municipalityRules(definitions, places);
  const addresses = urlPaths(schema);
  const idPattern = new RegExp(definitions.id.pattern);

  function schemaProblems(practice) {
    if (validate(practice)) return [];
    return validate.errors.map((error) => {
      const path = error.instancePath.split("/").slice(1)
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      if (error.keyword === "required") path.push(error.params.missingProperty);
      if (error.keyword === "additionalProperties") path.push(error.params.additionalProperty);
      return { path, message: schemaMessage(error, path) };
    });
  }

  function schemaMessage(error, path) {
    const limit = error.params.limit;
    switch (error.keyword) {
      case "required":
        return messages.required;
      case "minLength":
        return limit === 1 || !String(error.data ?? "").trim() ? messages.required : say(messages.minLength, { limit });
      case "maxLength": case "minimum": case "maximum": case "maxItems":
        return say(messages[error.keyword], { limit });
      case "minItems": case "uniqueItems":
        return messages[error.keyword];
      case "type":
        return error.params.type === "integer" ? say(messages.year, { text: error.data })
          : say(messages.format, { description: error.parentSchema?.description ?? "" }).trim();
      case "additionalProperties":
        return `onbekend veld '${path.at(-1)}'.`;
      default:
        return say(messages.format, { description: error.parentSchema?.description ?? "" }).trim();
    }
  }

  function placeProblems(practice) {
    const place = practice.place;
    if (!place || typeof place !== "object") return [];
    const problems = [];
    const known = [];
    (Array.isArray(place.municipalities) ? place.municipalities : []).forEach((name, index) => {
      if (typeof name !== "string") return;
      if (current.has(name)) {
        known.push(current.get(name));
        return;
      }
      problems.push({ path: ["place", "municipalities", index], message: municipalityMessage(name) });
    });
    if (!("municipalities" in place) && !("provinces" in place)) {
      problems.push({ path: ["place", "municipalities"], message: messages.required });
    }
    const given = Array.isArray(place.provinces) ? place.provinces : [];
    given.forEach((province, index) => {
      if (known.length && !known.some((municipality) => municipality.province === province)) {
        const names = known.map((municipality) => municipality.name).join(", ");
        problems.push({ path: ["place", "provinces", index],
          message: `${names} ligt niet in deze provincie. Laat de provincies leeg: de site leidt ze af uit de gemeenten.` });
      }
    });
    return problems;
  }

  function hiddenProblems(practice) {
    return strings(practice).flatMap(([path, text]) => {
      const found = hiddenCharacters(text, definitions.hiddenCharacters)
        .map((character) => describeCharacter(character, definitions.hiddenCharacters));
      if (!found.length) return [];
      return [{ path, message: found.length === 1 ? say(messages.hidden, { character: found[0] })
        : `hier staan ${found.length} verschillende onzichtbare tekens: ${listed(found)}.` }];
    });
  }

  function urlProblems(practice) {
    return addresses.flatMap((pattern) => valuesAt(practice, pattern)).flatMap(([path, url]) => {
      if (typeof url !== "string") return [];
      const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim())?.[1]?.toLowerCase();
      if (scheme && definitions.urlSchemes.includes(scheme)) {
        return scheme === "mailto" || isWebAddress(url.trim()) ? [] : [{ path, message: say(messages.url, { text: url.trim() }) }];
      }
      return [{ path, message: scheme ? say(messages.urlScheme, { url: url.slice(0, 80) }) : say(messages.url, { text: url }) }];
    });
  }

  /** The id's own rules: its form, and that no other practice has it (now or as an old id). */
  function idProblems(id, { takenIds, ownId }) {
    if (!idPattern.test(id) || id.length > definitions.id.maxLength) {
      return [{ path: ["$id"], message: say(messages.id, { text: id, suggestion: slugify(id, PRACTICE_FALLBACK_ID) }) }];
    }
    if (id !== ownId && takenIds?.has(id)) {
      return [{ path: ["$id"], message: `het id '${id}' is al in gebruik door een andere praktijk: kies een ander.` }];
    }
    return [];
  }

  /** A practice cannot have begun after this year (`thisYear`, the visitor's calendar). */
  function periodProblems(practice, thisYear) {
    const start = practice.period?.start;
    return Number.isInteger(start) && start > thisYear && start <= schema.properties.period.properties.start.maximum
      ? [{ path: ["period", "start"], message: `${start} is na dit jaar (${thisYear}): noem het jaar waarin de praktijk begon.` }]
      : [];
  }

  function check(practice, { id, takenIds, ownId, thisYear = new Date().getFullYear() } = {}) {
    const problems = [...schemaProblems(practice), ...placeProblems(practice), ...hiddenProblems(practice),
      ...urlProblems(practice), ...periodProblems(practice, thisYear),
      ...(id === undefined ? [] : idProblems(id, { takenIds, ownId }))];
    const seen = new Set();
    return problems.filter(({ path, message }) => {
      const key = JSON.stringify([path, message]);
      return !seen.has(key) && seen.add(key);
    });
  }

  return { check, municipalityName, municipalityMessage };
}
