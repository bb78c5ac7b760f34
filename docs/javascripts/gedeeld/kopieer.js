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
    if (!navigator.clipboard) return refused();
    say("");
    navigator.clipboard.writeText(text()).then(() => say("De link is gekopieerd."), refused);
  });
  return note;
}
