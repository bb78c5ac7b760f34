// Esc closes the explanation of a term (Material's tooltip on an <abbr title>) and leaves the focus and the
// pointer where they are, as WCAG 1.4.13 asks of what appears on hover or focus: a reader can hide it to see
// what it covers. It shows again when a term gets the focus or the pointer anew.

const ACTIVE = ".md-tooltip2--active";
const CLOSED = "pb-tooltip--gesloten";

function reopen(event) {
  if (event.type === "mouseover" && !event.target.closest?.("abbr")) return;
  for (const tooltip of document.querySelectorAll(`.${CLOSED}`)) tooltip.classList.remove(CLOSED);
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const tooltip of document.querySelectorAll(ACTIVE)) tooltip.classList.add(CLOSED);
});
document.addEventListener("focusin", reopen);
document.addEventListener("mouseover", reopen);
