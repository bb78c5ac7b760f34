// The preview: the practice drawn as its page will show it (the sections and classes of practice.md.j2), following
// the typing. The description's Markdown goes through markdown-it with the build's subset (velden.json: preset,
// disabled rules, heading offset) and then DOMPurify with the build's allowed tags, attributes and link schemes;
// every other text goes in with textContent. The two libraries load only once there is Markdown to show, so
// an empty form opens without them; until then the text shows as plain paragraphs.

import { element } from "../gedeeld/dom.js";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
  "november", "december"];
// The preview sits under its own heading ("Voorbeeld", h2): its page title is an h3, the page's sections h4.
const LEVELS_BELOW_PAGE = 2;

/** '2026-11-23' → '23 november 2026', '2014-05' → 'mei 2014' (render/text.py dutch_date). */
export function dutchDate(value) {
  const [year, month, day] = String(value).split("-");
  if (day) return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  return month ? `${MONTHS[Number(month) - 1]} ${year}` : String(value);
}

function periodText({ start, end }) {
  if (end === undefined) return `Sinds ${start}`;
  return end === start ? String(start) : `${start} tot en met ${end}`;
}

/** Markdown to a sanitised fragment, as render/markup.py does it for the page; `schemes` are the link schemes
 *  allowed (others lose their link), `extraLevels` moves headings further down. */
export async function loadMarkdown(subset, schemes, extraLevels = LEVELS_BELOW_PAGE) {
  const [{ default: markdownit }, { default: DOMPurify }] = await Promise.all([
    import("../vendor/markdown-it.js"), import("../vendor/dompurify.js")]);
  const parser = markdownit(subset.preset, { html: false });
  parser.disable(subset.disabled);
  const offset = subset.headingOffset + extraLevels;
  parser.core.ruler.push("demote_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + offset)}`;
      }
    }
  });
  const links = new RegExp(`^(?:(?:${schemes.join("|")}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, "i");
  const purifier = DOMPurify(window);
  purifier.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A") node.setAttribute("rel", subset.linkRel);
  });
  return (text) => purifier.sanitize(parser.render(text), {
    ALLOWED_TAGS: subset.tags, ALLOWED_ATTR: [...new Set(Object.values(subset.attributes).flat())],
    ALLOWED_URI_REGEXP: links, RETURN_DOM_FRAGMENT: true,
  });
}

function tags(labels) {
  const list = element("ul", "pb-tags");
  list.append(...labels.map((label) => element("li", "pb-tag", label)));
  return list;
}

function section(level, title, ...content) {
  return [element(`h${level}`, "", title), ...content];
}

function list(className, texts) {
  const node = element("ul", className);
  node.append(...texts.map((text) => (typeof text === "string" ? element("li", "", text) : text)));
  return node;
}

/** A source as practice_sources.md.j2 shows it: title, publisher, the date as given or as worked out, and plainly
 *  "geen webadres bekend" without an address the page may link to. */
function sourceItem(source, schemes) {
  const date = source.date ? dutchDate(source.date) : source.date_note;
  const item = element("li", "", [source.title, source.publisher ? `, ${source.publisher}` : "", date ? ` (${date})` : ""].join(""));
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(source.url ?? "")?.[1]?.toLowerCase();
  if (!schemes.includes(scheme)) item.append(" ", element("span", "pb-sources__no-url", "— geen webadres bekend"));
  return item;
}

/** Text without its Markdown rendered: one paragraph per block, for the moment before markdown-it is there. */
export function plainParagraphs(text) {
  const fragment = document.createDocumentFragment();
  fragment.append(...text.split(/\n\s*\n/).filter((block) => block.trim()).map((block) => element("p", "", block.trim())));
  return fragment;
}

/**
 * A function that draws `practice` into `target`. `markdown()` gives the function that renders Markdown (or
 * null while it loads), `label(vocabulary, id)` a term's Dutch label, `provinceOf(name)` a municipality's province,
 * `schemes` the link schemes a source's address may have.
 */
export function createPreview(target, { markdown: renderer, label, provinceOf, schemes }) {
  const top = 2 + LEVELS_BELOW_PAGE - 1;
  const level = top + 1;
  // The Markdown rendered in the previous drawing, by its text: the preview is drawn at every keystroke, and
  // rendering a long description again each time slowed the typing in every other field.
  let previous = new Map();
  return (practice) => {
    const render = renderer();
    const used = new Map();
    const markdown = (text) => {
      if (!render) return plainParagraphs(text);
      const fragment = previous.get(text) ?? render(text);
      used.set(text, fragment);
      return fragment.cloneNode(true);
    };
    const place = practice.place ?? {};
    const municipalities = place.municipalities ?? [];
    const provinces = municipalities.length
      ? [...new Set(municipalities.map(provinceOf).filter(Boolean))] : place.provinces ?? [];
    const where = municipalities.join(", ") || place.region || "";
    const locality = place.localities?.length ? (where ? `${where} (${place.localities.join(", ")})` : place.localities.join(", ")) : where;

    const facts = element("dl", "pb-facts");
    const fact = (term, content) => {
      const row = element("div", "pb-facts__row");
      const value = element("dd");
      value.append(content);
      row.append(element("dt", "", term), value);
      facts.append(row);
    };
    if (locality) fact("Plaats", locality);
    fact("Provincie", tags(provinces.map((id) => label("provinces", id))));
    fact("Status", tags(practice.status ? [label("statuses", practice.status)] : []));
    if (practice.period?.start !== undefined) fact("Periode", periodText(practice.period));
    const organisations = list("pb-organisations", (practice.organisations ?? []).map((organisation) => {
      const item = element("li", "", organisation.name);
      if (organisation.type) item.append(" ", element("span", "pb-tag", label("organisation_types", organisation.type)));
      if (organisation.role) item.append(" ", element("span", "pb-role", label("organisation_roles", organisation.role).toLowerCase()));
      return item;
    }));
    fact("Organisaties", organisations);
    fact("Thema's", tags((practice.themes ?? []).map((id) => label("themes", id))));
    fact("Doelgroepen", tags((practice.target_groups ?? []).map((id) => label("target_groups", id))));

    const description = element("div", "pb-markdown");
    description.append(markdown(practice.description ?? ""));
    const parts = [
      element(`h${top}`, "pb-editor__title", practice.title || "Titel van de praktijk"),
      element("p", "pb-summary", practice.summary ?? ""),
      facts,
      ...section(level, "Beschrijving", description),
    ];
    if (practice.activities?.length) parts.push(...section(level, "Activiteiten", list("pb-list", practice.activities)));
    if (practice.results?.length) {
      parts.push(...section(level, "Resultaten", list("pb-list", practice.results.map((result) => {
        const item = element("li", "", result.text);
        if (result.evidence) item.append(element("br"), element("span", "pb-evidence", `Onderbouwing: ${result.evidence}`));
        return item;
      }))));
    }
    if (practice.lessons?.length) parts.push(...section(level, "Lessen en tips", list("pb-list", practice.lessons)));
    if (practice.costs || practice.funding) {
      const money = element("div", "pb-markdown");
      for (const [key, title] of [["costs", "Kosten"], ["funding", "Financiering"]]) {
        if (practice[key]) money.append(element(`h${level + 1}`, "", title), markdown(practice[key]));
      }
      parts.push(...section(level, "Kosten en financiering", money));
    }
    if (practice.contact?.organisation) {
      const contact = element("p", "pb-contact", practice.contact.organisation);
      if (practice.contact.email) contact.append(element("br"), practice.contact.email);
      parts.push(...section(level, "Contact", contact));
    }
    parts.push(...section(level, "Bronnen", list("pb-sources", (practice.sources ?? []).map((source) =>
      sourceItem(source, schemes)))));
    target.replaceChildren(...parts);
    previous = used;
  };
}
