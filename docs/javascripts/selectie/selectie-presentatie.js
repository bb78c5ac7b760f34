// The presentation view of a selection (`selectie/presentatie/?t=…&p=…`): the slides a collection's presentation
// has, made here from the link, after which the collections' presentatie.js shows one per screen.
// Texts from the link and from the practices are inserted with textContent only.

import { loadCards, practicePageUrl, resolveIn, siteRoot } from "../gedeeld/praktijken.js";
import { element, labelled, paragraphs } from "../gedeeld/dom.js";
import { printQr, qrSvgElement } from "../gedeeld/qr.js";
import { decodeSelection, encodeSelection, qrLink } from "./selectie-link.js";
import { withdrawnNote } from "../gedeeld/teruggetrokken.js";

const slides = document.querySelector(".pb-show__slides");
const first = slides.querySelector(".pb-slide--title");
const pageUrl = new URL("selectie/", siteRoot);

function slide(number, level, title) {
  const section = element("section", "pb-slide");
  section.id = `dia-${number}`;
  section.setAttribute("aria-labelledby", `dia-${number}-titel`);
  const heading = element(level, "", title);
  heading.id = `dia-${number}-titel`;
  return [section, heading];
}

function titleSlide(selection, count) {
  const [section, heading] = slide(1, "h1", selection.title || "Selectie uit de praktijkbank");
  section.classList.add("pb-slide--title");
  const address = qrLink(selection, pageUrl);
  const share = element("div", "pb-slide__share");
  // The link holds the whole selection: far too long to read from a screen, so the slide shows the QR code and
  // a short link text instead of the address.
  const text = element("p", "", "Scan de QR-code voor alle praktijken, of ");
  const link = element("a", "", "open de selectie");
  link.href = address;
  text.append(link, ".");
  share.append(qrSvgElement(address, "QR-code naar deze selectie", "pb-slide__qr"), text);
  section.append(element("p", "pb-slide__kicker", "Selectie uit de Praktijkbank Sociaal Domein"), heading,
    element("p", "pb-slide__meta", `${count} ${count === 1 ? "praktijk" : "praktijken"}`), share);
  section.append(...paragraphs(selection.intro, "pb-slide__summary"));
  return section;
}

function practiceSlide(item, found, position, count) {
  const kicker = `Praktijk ${position} van ${count}`;
  if (found.status === "unknown") {
    const [section, heading] = slide(position + 1, "h2", "Onbekende praktijk");
    section.append(element("p", "pb-slide__kicker", kicker), heading,
      element("p", "pb-slide__summary", `Er is geen praktijk met het id ‘${item.id}’ (meer) in de praktijkbank.`));
    return section;
  }
  const practice = found.practice;
  const [section, heading] = slide(position + 1, "h2", practice.title);
  section.append(element("p", "pb-slide__kicker", `${kicker} · ${practice.place}`), heading,
    element("p", "pb-slide__summary", practice.summary));
  const note = withdrawnNote(practice);
  if (note) heading.after(note);
  if (item.note) section.append(labelled("p", "pb-slide__note", "Waarom deze praktijk?", item.note));
  section.append(labelled("p", "pb-slide__meta", "Partners:", practice.partners.join(", ")));
  const box = element("div", "pb-slide__link");
  box.append(printQr(practicePageUrl(practice.id).href));
  section.append(box);
  return section;
}

async function start() {
  const { selection } = decodeSelection(location.search);
  let cards;
  try {
    cards = await loadCards();
  } catch {
    first.querySelector(".pb-selection-show__message").textContent = "De praktijken konden niet worden geladen. Probeer het later opnieuw.";
    return;
  }
  const count = selection.items.length;
  slides.replaceChildren(titleSlide(selection, count), ...selection.items.map((item, index) =>
    practiceSlide(item, resolveIn(cards, item.id), index + 1, count)));
  document.title = `Presentatie: ${selection.title || "selectie"}`;
  const exit = document.querySelector(".pb-show__exit");
  const back = new URL(pageUrl);
  back.search = encodeSelection(selection);
  exit.href = back.href;
  const show = document.createElement("script");
  show.src = first.dataset.showScript;
  document.body.append(show);
}

start();
