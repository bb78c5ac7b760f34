// On every page: the button "Bewaar in mijn selectie" / "Uit mijn selectie" in each practice card and on each
// practice page, and the number of saved practices in the header. The build writes empty containers
// (`.pb-card__actions`, `.pb-practice__actions`, with the practice id in `data-practice`) and a hidden header
// link; without JavaScript they stay empty and hidden. Containers added later (search results) get their
// button too. Other buttons (comparing) may share the containers: this module only adds and updates its own.

import { ACTION_CONTAINERS, element, practiceTitle } from "../gedeeld/dom.js";
import { isPracticeId } from "../gedeeld/praktijken.js";
import { isSelected, onSelectionChange, readSelection, toggleSelected } from "./selectie-opslag.js";

const KEEP = "Bewaar in mijn selectie";
const DROP = "Uit mijn selectie";

// A polite live region without the status role: pages keep their own status message as the one "status".
const announcer = element("div", "pb-visually-hidden pb-keep__announcer");
announcer.setAttribute("aria-live", "polite");
document.body.append(announcer);

function showState(button, kept) {
  button.firstChild.textContent = kept ? DROP : KEEP;
  button.classList.toggle("pb-keep--kept", kept);
}

function addButton(container, kept) {
  const id = container.dataset.practice;
  if (!isPracticeId(id) || container.querySelector(".pb-keep")) return;
  const button = element("button", "md-button pb-keep");
  button.type = "button";
  button.dataset.practice = id;
  const title = practiceTitle(container);
  button.append(document.createTextNode(KEEP), element("span", "pb-visually-hidden", `: ${title}`));
  showState(button, kept.has(id));
  button.addEventListener("click", () => {
    const before = isSelected(id);
    const now = toggleSelected(id);
    const count = readSelection().selection.items.length;
    const total = `${count} ${count === 1 ? "praktijk" : "praktijken"}`;
    if (!before && !now) announcer.textContent = "Je selectie is vol: haal eerst een praktijk weg.";
    else announcer.textContent = now ? `${title} staat in je selectie (${total}).` : `${title} is uit je selectie gehaald (${total}).`;
  });
  container.prepend(button); // first, whichever script ran first: "Bewaar | Vergelijk" everywhere
}

function keptIds() {
  return new Set(readSelection().selection.items.map((item) => item.id));
}

function fill(root) {
  const containers = [...(root.matches?.(ACTION_CONTAINERS) ? [root] : []), ...(root.querySelectorAll?.(ACTION_CONTAINERS) ?? [])];
  if (!containers.length) return;
  const kept = keptIds();
  containers.forEach((container) => addButton(container, kept));
}

function updateAll(selection) {
  const ids = new Set(selection.items.map((item) => item.id));
  document.querySelectorAll(".pb-keep").forEach((button) => showState(button, ids.has(button.dataset.practice)));
  const link = document.querySelector(".pb-header-selection");
  if (!link) return;
  link.hidden = false;
  link.querySelector(".pb-header-selection__count").textContent = String(ids.size);
  link.querySelector(".pb-header-selection__label").textContent =
    `Mijn selectie: ${ids.size} ${ids.size === 1 ? "praktijk" : "praktijken"}`;
}

fill(document);
new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(fill)))
  .observe(document.body, { childList: true, subtree: true });
onSelectionChange(updateAll);
updateAll(readSelection().selection);
