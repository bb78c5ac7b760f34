// The fields of the form, drawn from velden.json: a label, the help text and the error message of each field
// linked to it with aria-describedby (the GOV.UK and NL Design System pattern), and its value read back.
// Every text goes in with textContent.

import { element } from "../gedeeld/dom.js";
import { showError } from "./fout.js";
import { createMunicipalityBox } from "./gemeenten.js";
import { createOrganisationRows } from "./organisaties.js";

export const REQUIRED_MARK = "(verplicht)";

/** The id of a field's control, which the error summary links to. */
export function controlId(key) {
  return `veld-${key.replace(/[^a-z0-9]+/gi, "-")}`;
}

function labelText(field) {
  return field.required ? `${field.label} ${REQUIRED_MARK}` : field.label;
}

function limitsText(field) {
  const parts = [];
  if (field.minLength > 1) parts.push(`minstens ${field.minLength}`);
  if (field.maxLength) parts.push(`hoogstens ${field.maxLength}`);
  return parts.length && ["text", "markdown"].includes(field.kind) ? ` Gebruik ${parts.join(" en ")} tekens.` : "";
}

/** The help and error elements of a field, with the ids its control points at. */
function describedBy(field, wrapper) {
  const id = controlId(field.key);
  const help = element("p", "pb-field__help", field.help + limitsText(field));
  help.id = `${id}-hulp`;
  const error = element("p", "pb-field__error");
  error.id = `${id}-fout`;
  error.hidden = true;
  wrapper.append(help, error);
  return { ids: `${help.id} ${error.id}`, error };
}

function textControl(field, onChange) {
  const wrapper = element("div", "pb-field");
  const id = controlId(field.key);
  const label = element("label", "pb-field__label", labelText(field));
  label.htmlFor = id;
  wrapper.append(label);
  const { ids, error } = describedBy(field, wrapper);
  const multiline = field.long || ["markdown", "lines"].includes(field.kind);
  const control = element(multiline ? "textarea" : "input", "pb-field__control");
  if (!multiline) control.type = "text";
  if (multiline) control.rows = field.kind === "markdown" ? 10 : 4;
  if (field.kind === "year") control.inputMode = "numeric";
  if (field.kind === "url") control.inputMode = "url";
  control.id = id;
  control.name = field.key;
  control.autocomplete = "off";
  control.spellcheck = !["url", "id", "year"].includes(field.kind);
  control.setAttribute("aria-describedby", ids);
  if (field.required) control.setAttribute("aria-required", "true");
  if (field.example && !multiline) control.placeholder = field.example;
  control.addEventListener("input", () => onChange(field.key, control.value));
  control.addEventListener("blur", () => onChange(field.key, control.value, { touched: true }));
  wrapper.append(control);
  return {
    wrapper, error, controls: [control],
    set: (value) => { control.value = value; },
  };
}

function choiceControl(field, onChange) {
  const multiple = field.kind === "choices";
  const wrapper = element("fieldset", "pb-field pb-field--choices");
  const id = controlId(field.key);
  wrapper.id = `${id}-groep`;
  wrapper.append(element("legend", "pb-field__label", labelText(field)));
  const { ids, error } = describedBy(field, wrapper);
  wrapper.setAttribute("aria-describedby", ids);
  const list = element("div", "pb-field__options");
  const inputs = field.options.map((option, index) => {
    const row = element("div", "pb-field__option");
    const input = element("input");
    input.type = multiple ? "checkbox" : "radio";
    input.name = field.key;
    input.value = option.id;
    input.id = index === 0 ? id : `${id}-${option.id}`;
    const label = element("label", "", option.label);
    label.htmlFor = input.id;
    label.title = option.description;
    row.append(input, label);
    list.append(row);
    return input;
  });
  const value = () => (multiple ? inputs.filter((input) => input.checked).map((input) => input.value)
    : inputs.find((input) => input.checked)?.value ?? "");
  for (const input of inputs) input.addEventListener("change", () => onChange(field.key, value(), { touched: true }));
  wrapper.append(list);
  return {
    wrapper, error, controls: inputs,
    set: (chosen) => {
      for (const input of inputs) input.checked = multiple ? chosen.includes(input.value) : chosen === input.value;
    },
  };
}

/**
 * Every field of the form in `container`. `onChange(key, value, { touched })` hears each edit. Returns
 * `{ set(answers), showErrors(errors, shownKeys) }`; `errors` maps a key (a field's, or
 * `organisations.<row>.<part>` for a row) to its message.
 */
export function drawFields(container, definitions, context, onChange) {
  const drawn = new Map();
  for (const field of definitions.fields) {
    let control;
    const parts = { id: controlId(field.key), label: labelText(field), describedBy };
    if (field.kind === "municipalities") control = createMunicipalityBox(field, context, onChange, parts);
    else if (field.kind === "organisations") control = createOrganisationRows(field, onChange, parts);
    else if (["choice", "choices"].includes(field.kind)) control = choiceControl(field, onChange);
    else control = textControl(field, onChange);
    drawn.set(field.key, control);
    container.append(control.wrapper);
  }
  return {
    set(answers) {
      for (const [key, control] of drawn) control.set(answers[key]);
    },
    showErrors(errors, shown) {
      for (const [key, control] of drawn) {
        const message = shown.has(key) ? errors.get(key) : undefined;
        showError(control.error, control.controls, message);
        control.wrapper.classList.toggle("pb-field--error", Boolean(message));
        control.showRowErrors?.(errors, shown);
      }
    },
  };
}
