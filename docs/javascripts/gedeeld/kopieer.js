// Copying to the clipboard, which a browser may refuse or not have: copyText for the mail routes, copyButton for
// the "Link kopiëren" buttons.

/** Put `text` on the clipboard; whether that worked (a browser may refuse, or have no clipboard at all). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// "Link kopiëren" on the pages that share an address (the selection, the comparison): the confirmation
// appears right beside the button, where the reader is looking, in a polite live region of its own.

/** Make `button` copy the text `text()` gives; `fallback` (an input holding it) is selected when the browser
 *  refuses, so Ctrl+C still works. */
export function copyButton(button, text, fallback = null) {
  const note = document.createElement("span");
  note.className = "pb-copy__note";
  note.setAttribute("role", "status");
  note.setAttribute("aria-live", "polite");
  button.after(note);
  button.addEventListener("click", () => {
    const say = (message) => { note.textContent = message; };
    const refused = () => {
      fallback?.select();
      say(fallback ? "Kopiëren lukte niet. De link is geselecteerd: kopieer hem met Ctrl+C of Cmd+C."
        : "Kopiëren lukte niet. Kopieer het adres uit de adresbalk.");
    };
    say("");
    copyText(text()).then((copied) => (copied ? say("De link is gekopieerd.") : refused()));
  });
  return note;
}
