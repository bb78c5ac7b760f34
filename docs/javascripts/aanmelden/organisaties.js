// The organisations as rows: name, kind and role, each row a group of its own with a button to remove it, and a
// button to add one. The first row starts as the initiator, as the form asks for it first. Errors are shown per
// part of a row (keys `organisations.<row>.<part>`), linked to their control like every other field.

import { element } from "../gedeeld/dom.js";
import { showError } from "./fout.js";
import { INITIATOR, PARTNER } from "./gegevens.js";

const PARTS = ["name", "type", "role"];
const NO_ROLE = "Niet bekend";

export function createOrganisationRows(field, onChange, { id, label, describedBy }) {
  const wrapper = element("fieldset", "pb-field pb-organisations-editor");
  wrapper.id = `${id}-groep`;
  wrapper.append(element("legend", "pb-field__label", label));
  const { ids, error } = describedBy(field, wrapper);
  wrapper.setAttribute("aria-describedby", ids);
  const list = element("ol", "pb-organisations-editor__rows");
  const add = element("button", "md-button pb-organisations-editor__add", "Organisatie toevoegen");
  add.type = "button";
  add.id = id;
  wrapper.append(list, add);

  let rows = [];
  let drawn = [];
  const emit = () => onChange(field.key, rows.map((row) => ({ ...row })), { touched: true });

  function control(row, index, part) {
    const spec = field.parts[part];
    const controlIdText = `${id}-${index}-${part}`;
    const box = element("div", "pb-organisations-editor__part");
    const partLabel = element("label", "", part === "name" ? `${spec.label} ${field.required ? "(verplicht)" : ""}`.trim()
      : part === "type" ? `${spec.label} (verplicht)` : spec.label);
    partLabel.htmlFor = controlIdText;
    const partError = element("p", "pb-field__error");
    partError.id = `${controlIdText}-fout`;
    partError.hidden = true;
    let input;
    if (part === "name") {
      input = element("input", "pb-field__control");
      input.type = "text";
      input.autocomplete = "organization";
      input.value = row.name;
      input.addEventListener("input", () => { rows[index].name = input.value; emit(); });
    } else {
      input = element("select", "pb-field__control");
      const empty = part === "type" ? "Kies een soort" : NO_ROLE;
      input.append(new Option(empty, ""), ...spec.options.map((option) => new Option(option.label, option.id)));
      input.value = row[part];
      input.addEventListener("change", () => { rows[index][part] = input.value; emit(); });
    }
    input.id = controlIdText;
    input.setAttribute("aria-describedby", partError.id);
    box.append(partLabel, partError, input);
    return { box, input, error: partError };
  }

  function draw(focusIndex) {
    drawn = rows.map((row, index) => {
      const item = element("li", "pb-organisations-editor__row");
      const group = element("fieldset", "pb-organisations-editor__group");
      group.append(element("legend", "", `Organisatie ${index + 1}`));
      const parts = Object.fromEntries(PARTS.map((part) => [part, control(row, index, part)]));
      group.append(...PARTS.map((part) => parts[part].box));
      const remove = element("button", "md-button pb-organisations-editor__remove", `Verwijder organisatie ${index + 1}`);
      remove.type = "button";
      remove.hidden = rows.length === 1;
      remove.addEventListener("click", () => {
        rows.splice(index, 1);
        draw(Math.min(index, rows.length - 1));
        emit();
      });
      group.append(remove);
      item.append(group);
      return { item, parts };
    });
    list.replaceChildren(...drawn.map(({ item }) => item));
    if (focusIndex !== undefined) drawn[focusIndex]?.parts.name.input.focus();
  }

  add.addEventListener("click", () => {
    rows.push({ name: "", type: "", role: PARTNER });
    draw(rows.length - 1);
    emit();
  });

  return {
    wrapper, error, controls: [],
    set(value) {
      rows = value.map((row) => ({ name: row.name ?? "", type: row.type ?? "", role: row.role ?? "",
        ...(row.website ? { website: row.website } : {}) }));
      if (!rows.length) rows.push({ name: "", type: "", role: INITIATOR });
      draw();
    },
    showRowErrors(errors, shown) {
      drawn.forEach(({ parts }, index) => {
        for (const part of PARTS) {
          const key = `${field.key}.${index}.${part}`;
          const message = shown.has(field.key) ? errors.get(key) : undefined;
          showError(parts[part].error, [parts[part].input], message);
        }
      });
    },
  };
}
