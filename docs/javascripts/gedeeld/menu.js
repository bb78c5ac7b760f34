// The menu on a small screen, for the keyboard. Material's drawer is a hidden checkbox (#__drawer) with a label
// as its button: the label cannot take focus, and the closed drawer's links, pushed off screen, still can.
// This makes the label a named button that Tab reaches and Enter or Space works, moves focus into the drawer
// when it opens, and closes it again with Esc, focus back on the button. The class on <html> lets
// stylesheets/menu.css take the closed drawer's links out of the tab order (and, a moment later, animate its
// closing); without JavaScript nothing changes.
//
// Inside the drawer a section ("Praktijken", "Over") is a checkbox too, its sub-menu a panel that slides over
// the list: closed, the panel is transparent but its links still took focus; open, it covers the list whose
// links still took focus. While the navigation is a drawer, the section labels become buttons (Enter or Space
// opens the section, its title goes back) and whatever cannot be seen is `inert`: closed panels, and the list
// under an open one. Focus that leaves the drawer closes it, so the next stop is never under it.

const toggle = document.getElementById("__drawer");
const button = document.querySelector('.md-header label[for="__drawer"]');
const drawer = document.querySelector(".md-sidebar--primary");
const drawerMode = matchMedia("(max-width: 76.234375em)"); // where Material's stylesheet makes the drawer

function focusables() {
  return [...drawer.querySelectorAll("a[href], button, input, label[tabindex]")]
    .filter((item) => item.offsetParent !== null && !item.closest("[inert]") && item.tabIndex >= 0);
}

function show(open) {
  button.setAttribute("aria-expanded", String(open));
}

function pressable(element, action) {
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation(); // the theme clicks a focused label on Enter too: once is enough
    action();
  });
}

// The sections of the drawer: the checkbox, the label that opens its panel, the panel and its title (the way
// back). A section whose label holds only the arrow (its name is the link beside it) gets a name.
function drawerSections() {
  return [...drawer.querySelectorAll("input.md-nav__toggle")].map((section) => {
    const opener = drawer.querySelector(`label.md-nav__link[for="${CSS.escape(section.id)}"]`);
    const back = drawer.querySelector(`label.md-nav__title[for="${CSS.escape(section.id)}"]`);
    const panel = section.parentElement.querySelector(":scope > nav.md-nav");
    const own = opener?.textContent.trim() ?? "";
    const name = own || opener?.previousElementSibling?.textContent.trim() || "";
    return { section, opener, back, panel, name, named: Boolean(own) };
  }).filter(({ opener, back, panel }) => opener && back && panel);
}

const SECTION_ATTRIBUTES = ["tabindex", "role", "aria-label", "aria-expanded"];
const original = new Map(); // element → its attributes as the theme wrote them, for a wide screen again

function setAttributes(element, attributes) {
  if (!original.has(element)) {
    original.set(element, Object.fromEntries(SECTION_ATTRIBUTES.map((name) => [name, element.getAttribute(name)])));
  }
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
}

function restoreAttributes() {
  for (const [element, attributes] of original) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }
  original.clear();
}

// Only what can be seen takes focus: closed panels are inert, and so is everything beside an open panel.
function arrange(sections) {
  for (const element of drawer.querySelectorAll("[inert]")) element.inert = false;
  if (!drawerMode.matches) {
    restoreAttributes();
    return;
  }
  for (const { section, opener, back, panel, name, named } of sections) {
    setAttributes(opener, { tabindex: "0", role: "button", "aria-expanded": String(section.checked),
                            ...(named ? {} : { "aria-label": `Onderdelen van ${name}` }) });
    setAttributes(back, { tabindex: "0", role: "button", "aria-label": `${name}: terug naar het menu` });
    if (!section.checked) {
      panel.inert = true;
      continue;
    }
    const item = section.parentElement;
    for (const other of item.parentElement.children) other.inert = other !== item;
    for (const part of item.children) part.inert = part !== section && part !== panel;
    const title = item.closest("nav")?.querySelector(":scope > .md-nav__title");
    if (title) title.inert = true;
  }
}

if (toggle && button && drawer) {
  document.documentElement.classList.add("pb-menu");
  requestAnimationFrame(() => requestAnimationFrame(() => document.documentElement.classList.add("pb-menu--animated")));
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  show(toggle.checked);
  pressable(button, () => button.click()); // the label toggles the checkbox, and Material hears it as a tap

  const sections = drawerSections();
  for (const { opener, back } of sections) {
    pressable(opener, () => opener.click());
    pressable(back, () => back.click());
  }
  arrange(sections);
  drawerMode.addEventListener("change", () => arrange(sections));

  toggle.addEventListener("change", () => {
    show(toggle.checked);
    if (toggle.checked && getComputedStyle(drawer).position === "fixed") focusables()[0]?.focus();
  });
  // A section opened or closed from inside the drawer takes the focus along: to the way back in the panel that
  // slid in, or to the section it came from.
  drawer.addEventListener("change", (event) => {
    const opened = sections.find(({ section }) => section === event.target);
    if (!opened) return;
    const wasInside = drawer.contains(document.activeElement);
    arrange(sections);
    // Without scrolling: the panel is still sliding in, and the drawer would scroll sideways to show it.
    if (!wasInside || !drawerMode.matches) return;
    (opened.section.checked ? opened.back : opened.opener).focus({ preventScroll: true });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !toggle.checked) return;
    button.click();
    button.focus();
  });
  document.addEventListener("focusin", (event) => {
    if (toggle.checked && drawerMode.matches && !drawer.contains(event.target)) button.click();
  });
}
