// The menu on a small screen, for the keyboard. Material's drawer is a hidden checkbox (#__drawer) with a label
// as its button: the label cannot take focus, and the closed drawer's links, pushed off screen, still can.
// This makes the label a named button that Tab reaches and Enter or Space works, moves focus into the drawer
// when it opens, and closes it again with Esc, focus back on the button. The class on <html> lets
// stylesheets/menu.css take the closed drawer's links out of the tab order (and, a moment later, animate its
// closing); without JavaScript nothing changes.

const toggle = document.getElementById("__drawer");
const button = document.querySelector('.md-header label[for="__drawer"]');
const drawer = document.querySelector(".md-sidebar--primary");

function focusables() {
  return [...drawer.querySelectorAll("a[href], button, input, label[tabindex]")].filter((item) => item.offsetParent !== null);
}

function show(open) {
  button.setAttribute("aria-expanded", String(open));
}

if (toggle && button && drawer) {
  document.documentElement.classList.add("pb-menu");
  requestAnimationFrame(() => requestAnimationFrame(() => document.documentElement.classList.add("pb-menu--animated")));
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  show(toggle.checked);
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    button.click(); // the label toggles the checkbox, and Material hears its change event as from a tap
  });
  toggle.addEventListener("change", () => {
    show(toggle.checked);
    if (toggle.checked && getComputedStyle(drawer).position === "fixed") focusables()[0]?.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !toggle.checked) return;
    button.click();
    button.focus();
  });
}
