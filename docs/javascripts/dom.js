// Building page content from untrusted text: every text goes in with textContent, never as markup.

/** A new element with a class and, when given, a text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "<strong>label</strong> text", as the collection pages write a labelled line. */
export function labelled(tag, className, label, text) {
  const node = element(tag, className);
  node.append(element("strong", "", label), ` ${text}`);
  return node;
}
