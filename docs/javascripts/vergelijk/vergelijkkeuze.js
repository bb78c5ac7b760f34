// The compare choice: a "Vergelijk" button on every card, practice page and search result puts a practice
// in (or takes it out of) the two to four the reader wants to lay side by side; a bar at the bottom of the
// screen counts them and links to vergelijk/?p=a,b,c. The choice lives in the browser's localStorage, which
// is untrusted: only ids of the right form are kept, and they only go into a URL, never into the page as
// markup. Without JavaScript the buttons and the bar are simply not there.

import { ACTION_CONTAINERS, practiceTitle } from "../gedeeld/dom.js";
import { isPracticeId, siteRoot } from "../gedeeld/praktijken.js";

const STORAGE_KEY = "praktijkbank-vergelijken";
export const MOST = 4;
export const FEWEST = 2;

let bar = null;
let announcer = null;

/** The ids chosen to compare, oldest first: at most MOST, each once, each of the form of an id. */
export function chosenIds() {
  let stored = [];
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || "[]");
  } catch {
    stored = [];
  }
  return Array.isArray(stored) ? [...new Set(stored.filter(isPracticeId))].slice(0, MOST) : [];
}

/** Remember `ids` as the choice, and show it on every button and in the bar. */
export function choose(ids) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids.slice(0, MOST)));
  } catch {
    // Storage can be switched off or full; the buttons then still work until the page is left.
  }
  showChoice(ids);
}

/** The address of the comparison of `ids`. */
export function compareUrl(ids) {
  return new URL(`vergelijk/?p=${ids.filter(isPracticeId).join(",")}`, siteRoot);
}

/** A toggle button that adds the practice `id` (called `title`) to the comparison or takes it out. */
export function compareButton(id, title) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button pb-compare-toggle";
  button.dataset.practice = id;
  button.append("Vergelijk");
  const name = document.createElement("span");
  name.className = "pb-visually-hidden";
  name.textContent = ` ${title || id}`;
  button.append(name);
  button.setAttribute("aria-pressed", String(chosenIds().includes(id)));
  button.addEventListener("click", () => toggle(id, title || id));
  return button;
}

function toggle(id, title) {
  const ids = chosenIds();
  if (ids.includes(id)) {
    choose(ids.filter((each) => each !== id));
    announce(`‘${title}’ is uit de vergelijking gehaald. ${countText(ids.length - 1)}`);
  } else if (ids.length >= MOST) {
    const full = `Je kunt tot ${MOST} praktijken vergelijken. Haal er eerst een uit de vergelijking.`;
    announce(full);
    bar.querySelector(".pb-compare-bar__hint").hidden = false;
    bar.querySelector(".pb-compare-bar__hint").textContent = full; // visible too: the button itself did nothing
  } else {
    choose([...ids, id]);
    announce(`‘${title}’ staat in de vergelijking. ${countText(ids.length + 1)}`);
  }
}

function countText(count) {
  if (count >= FEWEST) return `${count} van de ${MOST} praktijken gekozen.`;
  return `Kies ${FEWEST - count === 1 ? "nog één praktijk" : "twee praktijken"} om te vergelijken.`;
}

function announce(text) {
  announcer.textContent = text;
}

function showChoice(ids) {
  for (const button of document.querySelectorAll(".pb-compare-toggle")) {
    button.setAttribute("aria-pressed", String(ids.includes(button.dataset.practice)));
  }
  const link = bar.querySelector("a");
  link.textContent = `Vergelijk (${ids.length})`;
  link.href = compareUrl(ids).href;
  link.hidden = ids.length < FEWEST;
  const hint = bar.querySelector(".pb-compare-bar__hint");
  hint.textContent = "Kies nog een praktijk om te vergelijken.";
  hint.hidden = ids.length >= FEWEST;
  // The comparison page shows the comparison itself: a bar over it would cover it, or name another choice.
  bar.hidden = ids.length === 0 || Boolean(document.querySelector(".pb-compare"));
  keepClear();
}

// Nothing the bar covers may have the focus (WCAG 2.4.11): the page keeps the bar's height free at its bottom
// (vergelijken.css: scroll-padding-bottom, so the browser scrolls a focused element above the bar, and as much
// room below the footer, so the last card can scroll above it too).
function keepClear() {
  const space = bar.hidden ? 0 : Math.ceil(innerHeight - bar.getBoundingClientRect().top);
  document.documentElement.style.setProperty("--pb-compare-bar-space", `${Math.max(space, 0)}px`);
}

function makeBar() {
  const region = document.createElement("div");
  region.className = "pb-compare-bar";
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", "Vergelijken");
  const link = document.createElement("a");
  link.className = "md-button md-button--primary";
  const hint = document.createElement("span");
  hint.className = "pb-compare-bar__hint";
  hint.textContent = `Kies nog een praktijk om te vergelijken.`;
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "md-button";
  clear.textContent = "Wissen";
  clear.addEventListener("click", () => {
    choose([]);
    announce("De vergelijking is leeg.");
  });
  region.append(link, hint, clear);
  return region;
}

function start() {
  announcer = document.createElement("p");
  announcer.className = "pb-visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  bar = makeBar();
  document.body.append(announcer, bar);
  for (const container of document.querySelectorAll(ACTION_CONTAINERS)) {
    const id = container.dataset.practice;
    if (isPracticeId(id)) container.append(compareButton(id, practiceTitle(container)));
  }
  showChoice(chosenIds());
  new ResizeObserver(keepClear).observe(bar); // the bar wraps on a narrow screen, and grows with its hint
  window.addEventListener("resize", keepClear);
  window.addEventListener("storage", (event) => event.key === STORAGE_KEY && showChoice(chosenIds()));
}

start();
