// An e-mail to the editors as a mailto: link, prefilled: the browser's half of src/praktijkbank/common/ways_in.py,
// with the same limit, the same encoding and the same advice when the text does not fit. The page hands over the
// address, subject and question (data-contact, data-subject, data-ask), written by the build from that table.

// Mail programs and browsers cut or refuse longer mailto: addresses.
export const MAX_MAILTO_LENGTH = 2000;
export const TOO_LONG = "Wat je hebt ingevuld is te lang voor een e-mail uit een link. Voeg het bestand dat je hebt " +
  "gedownload toe als bijlage.";

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

/** `{ url, complete }`: the mail with `body`, or, when that is too long for a link, with `shortBody` and the
 *  advice to attach the downloaded file (`complete` false). */
export function mailto(contact, subject, body, shortBody = "") {
  const full = address(contact, subject, body);
  if (full.length <= MAX_MAILTO_LENGTH) return { url: full, complete: true };
  return { url: address(contact, subject, joined(shortBody, TOO_LONG)), complete: false };
}

/** The route of an element with data-contact, data-subject and data-ask: `context` (what it is about) always
 *  fits, `filledIn` (what the person wrote) when there is room. Null when the site has no contact address. */
export function routeMail(element, context, filledIn) {
  const { contact, subject, ask } = element.dataset;
  if (!contact) return null;
  const short = joined(context, ask);
  return mailto(contact, subject, joined(short, filledIn), short);
}

/** The lines that tell the editors which practice a mail is about, as practice_context in common/ways_in.py. */
export function practiceContext(id, address) {
  return `Praktijk: ${id}\nAdres: ${address}`;
}
