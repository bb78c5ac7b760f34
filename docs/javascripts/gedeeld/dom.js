// Building page content from untrusted text: every text goes in with textContent, never as markup.

/** A new element with a class and, when given, a text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A text's paragraphs, parted by an empty line as in Markdown and the collection files, each a <p>. */
export function paragraphs(text, className = "") {
  return text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean).map((part) => element("p", className, part));
}

/** "<strong>label</strong> text", as the collection pages write a labelled line. */
export function labelled(tag, className, label, text) {
  const node = element(tag, className);
  node.append(element("strong", "", label), ` ${text}`);
  return node;
}

/** The per-practice button boxes the build writes into cards and practice pages (empty without JavaScript);
 *  the selection and the comparison each add their own button. */
export const ACTION_CONTAINERS = ".pb-card__actions[data-practice], .pb-practice__actions[data-practice]";

/** The title of the practice a button box belongs to: its card's heading (or its line in the A–Z list), or the
 *  practice page's. */
export function practiceTitle(container) {
  const heading = container.closest(".pb-card, .pb-result, .pb-collection__item, .pb-az__item")
    ?.querySelector("h2, h3, h4, .pb-az__title")
    ?? document.querySelector(".md-content h1");
  return heading ? heading.textContent.trim() : container.dataset.practice;
}
