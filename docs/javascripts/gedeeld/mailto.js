// An e-mail to the editors as a mailto: link, prefilled: the browser's half of src/praktijkbank/common/ways_in.py,
// with the same limit and the same encoding. The page hands over the address, subject and question
// (data-contact, data-subject, data-ask), written by the build from that table.
// What does not fit in a link still reaches the editors whole, without a file to attach (the GOV.UK advice on
// mailto:): following the link puts the text on the clipboard, the page says so, and the mail asks to paste it
// (TOO_LONG, the same words as in ways_in.py).

import { copyText } from "./kopieer.js";

// Mail programs and browsers cut or refuse longer mailto: addresses.
export const MAX_MAILTO_LENGTH = 2000;
/** The last lines of a mail whose answers are on the clipboard: where they go, and how to paste them. */
export const TOO_LONG = "Mijn antwoorden waren te lang voor deze link. De website heeft ze op het klembord gezet. " +
  "Plak ze hieronder (Ctrl+V, Cmd+V, of op een telefoon: lang drukken en dan Plakken):";
export const COPIED = "Je antwoorden staan op het klembord. Plak ze in de e-mail, onder de zin die erom vraagt.";
export const NOT_COPIED = "Kopiëren naar het klembord lukte niet. Klik op Kopieer de tekst en plak de tekst daarna in de e-mail.";

function field(text) {
  return encodeURIComponent(text.replace(/\n/g, "\r\n"));
}

function address(contact, subject, body) {
  return `mailto:${encodeURIComponent(contact).replace(/%40/g, "@")}?subject=${field(subject)}&body=${field(body)}`;
}

/** The parts that are not empty, a blank line between them: how a mail's body is put together. */
export function joined(...parts) {
  return parts.filter(Boolean).join("\n\n");
}

/** The answers as text, each under its question as GitHub writes an issue: the body of a mail to the editors,
 *  and what "Kopieer de tekst" copies to paste into a form. `questions` are `{ key, label }`, `answers` key → text;
 *  empty answers are left out. */
export function answersText(questions, answers) {
  return questions.filter(({ key }) => answers[key])
    .map(({ label, key }) => `### ${label}\n\n${answers[key]}`).join("\n\n") + "\n";
}

/** `{ url, complete }`: the mail with `body`, or, when that is too long for a link, with `shortBody` and the
 *  request to paste the rest from the clipboard (`complete` false). */
export function mailto(contact, subject, body, shortBody = "") {
  const full = address(contact, subject, body);
  if (full.length <= MAX_MAILTO_LENGTH) return { url: full, complete: true };
  return { url: address(contact, subject, joined(shortBody, TOO_LONG)), complete: false };
}

/** The route of an element with data-contact, data-subject and data-ask: `context` (what it is about) always
 *  fits, `filledIn` (what the person wrote) when there is room; `subject` replaces the route's subject.
 *  Null when the site has no contact address. */
export function routeMail(element, context, filledIn, subject = element.dataset.subject) {
  const { contact, ask } = element.dataset;
  if (!contact) return null;
  const short = joined(context, ask);
  return mailto(contact, subject, joined(short, filledIn), short);
}

/**
 * Make `link` open `mail`. When `mail` is not complete, following the link first puts `text` (what did not fit)
 * on the clipboard and `say` gets COPIED or NOT_COPIED, for a status line; the mail itself asks to paste it.
 */
export function offerMail(link, mail, text, say) {
  link.href = mail.url;
  link.onclick = mail.complete ? null : () => {
    copyText(text).then((copied) => say(copied ? COPIED : NOT_COPIED));
  };
}

/** The lines that tell the editors which practice a mail is about, as practice_context in common/ways_in.py. */
export function practiceContext(id, address) {
  return `Praktijk: ${id}\nAdres: ${address}`;
}
