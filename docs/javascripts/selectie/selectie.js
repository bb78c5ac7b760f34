// The page `selectie/`: the visitor's own selection to edit (from localStorage), or, when the address carries
// one (`selectie/?t=…&p=…`), a shared selection to read, print, present or take over. Both show the practices
// with the collection page's markup and styles, so the print stylesheet makes the same A4 handout.
// Everything shown comes from the URL, from storage or from contributor text: it goes in with textContent only.

import { loadCards, practicePageUrl, resolveIn, siteRoot } from "../gedeeld/praktijken.js";
import { element, labelled, paragraphs } from "../gedeeld/dom.js";
import { printQr, qrPngBlob, qrSvgBlob, qrSvgElement } from "../gedeeld/qr.js";
import { collectionId, collectionProblems, collectionText, collectionYaml, issueFormUrl } from "./selectie-collectie.js";
import { decodeSelection, encodeSelection, isSharedLink, MAX_LINK_LENGTH, qrLink, shareLink } from "./selectie-link.js";
import { emptySelection, LIMITS, readSelection, writeSelection } from "./selectie-opslag.js";
import { compareUrl, MOST as COMPARE_MOST } from "../vergelijk/vergelijkkeuze.js";
import { withdrawnNote } from "../gedeeld/teruggetrokken.js";
import { offerMail, routeMail } from "../gedeeld/mailto.js";
import { copyButton, copyText } from "../gedeeld/kopieer.js";

const root = document.querySelector(".pb-selection");
const app = root.querySelector(".pb-selection__app");
const status = root.querySelector(".pb-selection__status");
const list = root.querySelector(".pb-selection__list");
const titleInput = root.querySelector("#pb-selection-title");
const shareBox = root.querySelector(".pb-selection__share");
const collectionBox = root.querySelector(".pb-selection__collection");
const pageUrl = new URL("selectie/", siteRoot);
const shared = isSharedLink(location.search);
const repository = document.querySelector('meta[name="praktijkbank:repository"]')?.content ?? "";

let selection = emptySelection();
let cards = null;
let downloads = []; // object URLs of the files offered for download, released when replaced
let qrFor = null; // the link the QR code shows now

function hiddenText(text) {
  return element("span", "pb-visually-hidden", text);
}

function announce(message) {
  status.textContent = message;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Each item with what its id stands for now: found, renamed (an alias) or unknown. */
function entries() {
  return selection.items.map((item) => ({ item, found: resolveIn(cards, item.id) }));
}

/** The practices a collection can hold: current ids, in order, each once. */
function collectionPractices() {
  const seen = new Set();
  return entries().filter(({ found }) => found.status !== "unknown" && !seen.has(found.practice.id)
    && seen.add(found.practice.id)).map(({ item, found }) => ({ id: found.practice.id, note: item.note }));
}

function save() {
  if (!writeSelection(selection)) announce("Deze browser bewaart niets: je wijzigingen blijven niet bewaard.");
}

function titleOf({ item, found }) {
  return found.status === "unknown" ? `onbekende praktijk ${item.id}` : found.practice.title;
}

function practiceItem(entry, position, count) {
  const { item, found } = entry;
  const li = element("li", "pb-collection__item");
  const heading = element("h3", "pb-collection__title");
  li.append(heading);
  if (found.status === "unknown") {
    heading.textContent = "Onbekende praktijk";
    li.append(element("p", "pb-selection__problem",
      `Er is geen praktijk met het id ‘${item.id}’ (meer) in de praktijkbank. Misschien is hij weggehaald.`));
  } else {
    const practice = found.practice;
    const link = element("a", "", practice.title);
    link.href = practicePageUrl(practice.id).href;
    heading.append(link);
    if (found.status === "renamed") {
      li.append(element("p", "pb-selection__renamed",
        `Deze praktijk heeft een nieuw adres; hij heette eerder ‘${found.from}’. De link hierboven gaat naar de nieuwe pagina.`));
    }
    li.append(element("p", "pb-card__place", practice.place));
    const note = withdrawnNote(practice);
    if (note) li.append(note);
  }
  if (item.note && (shared || found.status === "unknown")) {
    li.append(labelled("p", "pb-collection__note", "Waarom deze praktijk?", item.note));
  } else if (!shared) {
    entry.printNote = labelled("p", "pb-collection__note pb-selection__print-only", "Waarom deze praktijk?", "");
    showPrintNote(entry);
    li.append(entry.printNote);
  }
  if (found.status !== "unknown") {
    const practice = found.practice;
    li.append(element("p", "pb-card__summary", practice.summary));
    li.append(labelled("p", "pb-collection__partners", "Partners:", practice.partners.join(", ")),
      printQr(practicePageUrl(practice.id).href));
  }
  if (!shared) li.append(controls(entry, position, count));
  return li;
}

/** A labelled text box (made here: the page the build writes has no form fields for free text) whose
 *  changes are stored at once. */
function textBox(id, label, value, limit, rows, store) {
  const text = element("label", "", label);
  text.htmlFor = id;
  const box = element("textarea");
  box.id = id;
  box.rows = rows;
  box.maxLength = limit;
  box.value = value;
  storeOnInput(box, store);
  return [text, box];
}

function storeOnInput(control, store) {
  control.addEventListener("input", () => {
    store(control.value);
    save();
    updateShare();
  });
}

function controls(entry, position, count) {
  const box = element("div", "pb-selection__controls");
  const note = textBox(`pb-selection-note-${position}`, "Waarom deze praktijk? (mag leeg blijven)", entry.item.note,
    LIMITS.note, 2, (value) => {
      entry.item.note = value;
      showPrintNote(entry);
    });
  const buttons = element("p", "pb-selection__buttons");
  const name = titleOf(entry);
  buttons.append(
    button("Omhoog", `: ${name}`, "up", position === 0, () => move(position, -1)),
    button("Omlaag", `: ${name}`, "down", position === count - 1, () => move(position, 1)),
    button("Uit mijn selectie", `: ${name}`, "remove", false, () => remove(position)),
  );
  box.append(...note, buttons);
  return box;
}

function button(text, hidden, action, disabled, onClick) {
  const node = element("button", `md-button pb-selection__${action}`, text);
  node.type = "button";
  node.dataset.action = action;
  node.disabled = disabled;
  node.append(hiddenText(hidden));
  node.addEventListener("click", onClick);
  return node;
}

function move(position, step) {
  const target = position + step;
  const [item] = selection.items.splice(position, 1);
  selection.items.splice(target, 0, item);
  save();
  renderList();
  const moved = list.children[target];
  const again = moved.querySelector(`[data-action="${step < 0 ? "up" : "down"}"]`);
  (again.disabled ? moved.querySelector(`[data-action="${step < 0 ? "down" : "up"}"]`) : again).focus();
  announce(`${titleOf(entries()[target])} staat nu op plaats ${target + 1} van ${selection.items.length}.`);
  updateShare();
}

// After a removal the focus goes to a note above the list that says what was removed, with "Zet terug", not
// to the next practice's button: a second Enter must not remove another practice.
function remove(position) {
  const name = titleOf(entries()[position]);
  const [item] = selection.items.splice(position, 1);
  save();
  renderList();
  const note = removedNote();
  const undo = button("Zet terug", `: ${name}`, "undo", false, () => putBack(item, position));
  note.replaceChildren(`${name} is uit je selectie gehaald. Er ${selection.items.length === 1 ? "staat" : "staan"} `
    + `nog ${plural(selection.items.length, "praktijk", "praktijken")} in. `, undo);
  note.hidden = false;
  note.focus();
  announce("");
  updateShare();
}

function removedNote() {
  let note = root.querySelector(".pb-selection__removed");
  if (!note) {
    note = element("p", "pb-selection__removed");
    note.tabIndex = -1;
    root.querySelector("#praktijken").after(note);
  }
  return note;
}

function putBack(item, position) {
  selection.items.splice(Math.min(position, selection.items.length), 0, item);
  save();
  renderList();
  const back = list.children[Math.min(position, selection.items.length - 1)];
  back.querySelector('[data-action="remove"]').focus();
  announce(`${titleOf(entries()[Math.min(position, selection.items.length - 1)])} staat weer in je selectie.`);
  updateShare();
}

function renderList() {
  const all = entries();
  const note = root.querySelector(".pb-selection__removed");
  if (note) note.hidden = true;
  list.replaceChildren(...all.map((entry, position) => practiceItem(entry, position, all.length)));
  const empty = all.length === 0;
  root.querySelector(".pb-selection__empty").hidden = !empty || shared;
  root.querySelector(".pb-selection__clear-row").hidden = empty || shared;
  shareBox.hidden = empty;
  collectionBox.hidden = empty;
  updateCompare();
}

/** "Vergelijk deze praktijken": the comparison takes two to four; a longer selection compares its first four. */
function updateCompare() {
  const ids = collectionPractices().map(({ id }) => id);
  const box = root.querySelector(".pb-selection__compare");
  box.hidden = ids.length < 2;
  root.querySelector(".pb-selection__compare-link").href = compareUrl(ids.slice(0, COMPARE_MOST)).href;
  root.querySelector(".pb-selection__compare-note").textContent = ids.length > COMPARE_MOST
    ? `Vergelijken kan met twee tot ${COMPARE_MOST} praktijken: de link vergelijkt de eerste ${COMPARE_MOST}.` : "";
}

function offer(link, blob, name) {
  const url = URL.createObjectURL(blob);
  downloads.push(url);
  link.href = url;
  link.download = name;
}

function linkNote(state) {
  if (state === "without-texts") {
    return `De inleiding en de toelichtingen passen niet in één link (meer dan ${MAX_LINK_LENGTH.toLocaleString("nl-NL")} tekens). `
      + "Deze link bevat alleen de titel en de praktijken. Wil je ook de toelichtingen delen? Maak er een collectie van.";
  }
  if (state === "too-long") {
    return "Deze selectie is te groot voor één link. Haal praktijken weg, of maak er een collectie van.";
  }
  return "Wie de link opent, ziet dezelfde titel, volgorde en toelichtingen.";
}

/** The own selection prints as the shared handout does: the note as text, not in its form field. */
function showPrintNote({ item, printNote }) {
  if (!printNote) return;
  printNote.lastChild.textContent = ` ${item.note}`;
  printNote.hidden = !item.note;
}

/** The title and introduction as the printed handout shows them above the practices (selectie.css). */
function showPrintHead() {
  const head = root.querySelector(".pb-selection__print-head");
  head.querySelector(".pb-selection__print-title").textContent = selection.title || "Mijn selectie";
  const intro = head.querySelector(".pb-selection__print-intro");
  intro.replaceChildren(...paragraphs(selection.intro));
  intro.hidden = !selection.intro;
}

function updateShare() {
  if (!shared) showPrintHead();
  if (!selection.items.length) return;
  const link = shareLink(selection, pageUrl);
  root.querySelector(".pb-selection__link").value = link.url;
  root.querySelector(".pb-selection__link-note").textContent = linkNote(link.status);
  root.querySelector(".pb-selection__copy").disabled = !link.url;
  const open = root.querySelector(".pb-selection__open");
  open.parentElement.hidden = shared || !link.url;
  if (link.url) open.href = link.url;
  const present = new URL("selectie/presentatie/", siteRoot);
  present.search = encodeSelection(selection);
  root.querySelector(".pb-selection__present").href = present.href;
  updateQr(qrLink(selection, pageUrl));
  updateCollection();
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve));
}

/** The QR code of the share link, drawn in a task of its own: encoding a long link is the slowest step of the
 *  page, and a phone shows the practices, or the letter just typed in a note, without waiting for it. */
function updateQr(address) {
  if (address === qrFor) return;
  qrFor = address;
  nextTask().then(() => {
    if (address === qrFor) drawQr(address);
  });
}

function drawQr(address) {
  downloads.forEach((url) => URL.revokeObjectURL(url));
  downloads = [];
  const label = `QR-code naar deze selectie: ${address}`;
  root.querySelector(".pb-selection__qr").replaceChildren(qrSvgElement(address, label, "pb-selection__qr-code"));
  offer(root.querySelector(".pb-selection__qr-svg"), qrSvgBlob(address, label), "qr-selectie.svg");
  qrPngBlob(address).then((blob) => {
    if (address === qrFor) offer(root.querySelector(".pb-selection__qr-png"), blob, "qr-selectie.png");
  });
}

function updateCollection() {
  const practices = collectionPractices();
  const problems = collectionProblems(selection, practices);
  if (shared && problems.length) problems.unshift("Neem deze selectie eerst over in je eigen selectie: daar kun je hem aanvullen.");
  const routes = collectionBox.querySelector(".pb-selection__routes");
  showUpdating();
  let advice = collectionBox.querySelector(".pb-selection__advice");
  if (!advice) {
    advice = element("ul", "pb-selection__advice");
    routes.before(advice);
  }
  advice.replaceChildren(...problems.map((problem) => element("li", "", problem)));
  advice.hidden = !problems.length;
  routes.hidden = problems.length > 0;
  if (problems.length) return;
  const id = selection.collection || collectionId(selection.title);
  const yaml = collectionYaml(selection, practices, new Date().toISOString().slice(0, 10));
  const file = collectionBox.querySelector(".pb-selection__yaml");
  if (file.href.startsWith("blob:")) URL.revokeObjectURL(file.href);
  file.href = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
  file.download = `${id}.yml`;
  file.textContent = `download het collectiebestand ${id}.yml`;
  const form = collectionBox.querySelector(".pb-selection__form"); // only when the site has a repository
  if (form && repository.startsWith("https://")) {
    const address = issueFormUrl(repository, selection, practices, Number(root.dataset.formUrlLimit));
    const link = element("a", "pb-selection__issue", "Meld de collectie aan met het formulier op GitHub.");
    link.href = address.url;
    form.replaceChildren(link);
    if (!address.complete) {
      form.append(" De toelichtingen passen niet in het formulier: het bestand hieronder heeft ze wel.");
    }
  }
  mailCollection(collectionBox.querySelector(".pb-selection__mail"), practices);
}

/** "Per e-mail": the mail to the editors with the collection in it, each answer under the form's question. For
 *  a collection that is adapted, a change of it: its id, its address, and its title in the subject. When it is
 *  too long for a link, following the link puts it on the clipboard and the mail asks to paste it. */
function mailCollection(box, practices) {
  if (!box) return;
  const changing = Boolean(selection.collection);
  const route = collectionBox.querySelector(`.pb-selection__mail-routes [data-mode="${changing ? "change" : "new"}"]`);
  const context = changing
    ? `Collectie: ${selection.collection}\nAdres: ${new URL(`collecties/${selection.collection}/`, siteRoot).href}`
    : `Collectie: ${selection.title}`;
  const text = collectionText(selection, practices);
  const mail = routeMail(route, context, text, changing ? `${route.dataset.subject} ${selection.title}` : undefined);
  const link = element("a", "pb-selection__mail-link",
    changing ? "Mail de wijziging van de collectie naar de redactie" : "Mail de collectie naar de redactie");
  offerMail(link, mail, text, announce);
  box.replaceChildren(link, ".");
  const copyRow = collectionBox.querySelector(".pb-selection__mail-copy");
  copyRow.replaceChildren();
  if (mail.complete) return;
  const copy = element("button", "md-button", "Kopieer de tekst");
  copy.type = "button";
  copy.addEventListener("click", () => copyText(text).then((copied) => announce(copied
    ? "De tekst van je collectie staat op het klembord. Plak hem in de e-mail."
    : "Kopiëren lukte niet. Probeer het opnieuw, of gebruik het collectiebestand hieronder.")));
  copyRow.append("Je collectie is nu te lang voor één link. Lukt plakken niet? ", copy);
}

/** Whether the selection adapts an existing collection ("Pas deze collectie aan"): say which, at its address. */
function showUpdating() {
  const updating = collectionBox.querySelector(".pb-selection__updating");
  updating.hidden = !selection.collection || shared;
  const heading = collectionBox.querySelector("#collectie");
  heading.dataset.new ??= heading.textContent;
  heading.textContent = updating.hidden ? heading.dataset.new : `Wijziging van collectie ${selection.title}`;
  if (updating.hidden) return;
  const link = updating.querySelector(".pb-selection__updating-link");
  link.href = new URL(`collecties/${selection.collection}/`, siteRoot).href;
  link.textContent = `collecties/${selection.collection}/`;
}

function makeNewCollection() {
  delete selection.collection;
  save();
  updateCollection();
  root.querySelector("#collectie").focus();
  announce("Je maakt nu een nieuwe collectie. De collectie die je aanpaste, blijft zoals hij is.");
}

function showShared(ignored) {
  const heading = document.querySelector(".md-content h1");
  const title = selection.title || "Gedeelde selectie";
  if (heading) heading.textContent = title;
  document.title = `${title} - Praktijkbank Sociaal Domein`;
  root.querySelector(".pb-selection__about").hidden = true;
  root.querySelector(".pb-selection__details").hidden = true;
  root.querySelector(".pb-selection__print-head").hidden = true; // the page's own heading carries the title
  const sharedBox = root.querySelector(".pb-selection__shared");
  sharedBox.hidden = false;
  sharedBox.querySelector(".pb-selection__intro").replaceChildren(...paragraphs(selection.intro));
  if (selection.collection) {
    sharedBox.querySelector(".pb-selection__shared-about").textContent = "Dit is een collectie uit de praktijkbank. "
      + "Neem hem over in je eigen selectie om hem aan te passen: daarna stel je de wijziging voor met het formulier.";
  }
  sharedBox.querySelector(".pb-selection__adopt").addEventListener("click", adopt);
  const unknown = entries().filter(({ found }) => found.status === "unknown").length;
  const messages = [];
  if (ignored) messages.push(`${plural(ignored, "deel", "delen")} van de link kon niet worden gelezen en is weggelaten.`);
  if (unknown) messages.push(`${plural(unknown, "praktijk staat", "praktijken staan")} niet (meer) in de praktijkbank.`);
  announce(messages.join(" "));
}

function adopt() {
  const own = readSelection().selection;
  if (own.items.length && !confirm(`Je eigen selectie (${plural(own.items.length, "praktijk", "praktijken")}) wordt vervangen door deze. Doorgaan?`)) return;
  writeSelection(selection);
  location.assign(pageUrl.href);
}

function showOwn(problem) {
  root.classList.add("pb-selection--own"); // prints its own title and intro as text (selectie.css)
  titleInput.value = selection.title;
  titleInput.maxLength = LIMITS.title;
  storeOnInput(titleInput, (value) => { selection.title = value; });
  const intro = element("p", "pb-selection__field");
  intro.append(...textBox("pb-selection-intro", "Inleiding (mag leeg blijven)", selection.intro, LIMITS.intro, 3,
    (value) => { selection.intro = value; }));
  titleInput.parentElement.after(intro);
  root.querySelector(".pb-selection__new-collection").addEventListener("click", makeNewCollection);
  root.querySelector(".pb-selection__clear").addEventListener("click", () => {
    if (!confirm(`Alle ${plural(selection.items.length, "praktijk", "praktijken")} uit je selectie halen?`)) return;
    selection.items = [];
    delete selection.collection;
    save();
    renderList();
    root.querySelector("#praktijken").focus();
    announce("Je selectie is leeg.");
  });
  if (problem) announce(problem);
}

async function start() {
  root.querySelector(".pb-selection__fallback").hidden = true;
  root.querySelector("#praktijken").tabIndex = -1;
  root.querySelector("#collectie").tabIndex = -1;
  try {
    cards = await loadCards();
  } catch {
    announce("De praktijken konden niet worden geladen. Probeer het later opnieuw.");
    app.removeAttribute("aria-busy");
    return;
  }
  if (shared) {
    const decoded = decodeSelection(location.search);
    selection = decoded.selection;
    showShared(decoded.ignored);
  } else {
    const stored = readSelection();
    selection = stored.selection;
    showOwn(stored.problem);
  }
  const linkInput = root.querySelector(".pb-selection__link");
  copyButton(root.querySelector(".pb-selection__copy"), () => linkInput.value, linkInput);
  renderList();
  updateShare();
  app.hidden = false;
  await nextTask(); // the QR code is drawn first (updateQr)
  app.removeAttribute("aria-busy");
}

start();
