// Single-key shortcuts (WCAG 2.1.4). The theme's bundle listens for keys on `window` and acts on a bare "n" or
// "." (next page), "p" or "," (previous page) and "s", "f" or "/" (its search): a visitor whose typing lands
// outside a text field, or on a radio button, left the page halfway through a word. Its keyboard handling
// cannot be switched off by a setting, so this module stops those keys on `document`, after every handler of
// the page itself has seen them and before they reach the theme: the keys still type, the theme never hears
// them. Only "/" keeps a meaning, and only where it cannot steal typing (focus not in a field that takes text):
// it puts the cursor in the search field.

const THEME_KEYS = new Set(["n", ".", "p", ",", "s", "f", "/"]);
const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "month",
  "week", "time", "datetime-local"]);

/** Whether a key pressed on this element types or chooses something there (where no shortcut may act). */
function takesTyping(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUTS.has(element.type);
}

// The search field of the page itself (/zoeken/), else the header's, if either is on screen.
function searchField() {
  return [document.getElementById("pb-search-q"), document.getElementById("pb-header-search")]
    .find((field) => field && field.offsetParent !== null);
}

document.addEventListener("keydown", (event) => {
  if (!THEME_KEYS.has(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  event.stopPropagation();
  if (event.key !== "/" || event.defaultPrevented || takesTyping(event.target)) return;
  const field = searchField();
  event.preventDefault();
  if (field) field.focus();
  else document.querySelector(".pb-header-search")?.requestSubmit();
});
