// One error message at its control: the text (after "Fout:", for screen readers that read it with the field)
// and aria-invalid="true" on the controls it is about (an empty attribute would mean false).

export function showError(errorElement, controls, message) {
  errorElement.textContent = message ? `Fout: ${message}` : "";
  errorElement.hidden = !message;
  for (const control of controls) {
    if (message) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
}
