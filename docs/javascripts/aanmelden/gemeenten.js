// The municipality field: a combobox over the CBS list (the build's api/gemeenten.json, read by gemeentenamen.js)
// in the ARIA 1.2 pattern: type a few letters, choose with the arrow keys and Enter (or the mouse); chosen
// municipalities stand below it, each with a button to remove it. A name people use ('Den Haag') offers its CBS
// name; a name that is no municipality stays in the field with the validator's message and its suggestion.

import { element } from "../gedeeld/dom.js";
import { nameKey } from "../gedeeld/gemeentenamen.js";

const MAX_OPTIONS = 8;

/** The municipalities that match what was typed: those a name people use means, then the CBS names that
 *  start with it, then the ones that contain it. `shown` says the name typed when it is not the CBS name. */
export function matches(places, typed) {
  const wanted = nameKey(typed);
  if (!wanted) return [];
  const meant = places.candidates(typed);
  const byName = new Map(places.municipalities.map((municipality) => [municipality.name, municipality]));
  const found = meant.map((name) => ({ municipality: byName.get(name), rank: 0,
    shown: nameKey(name) === wanted ? "" : typed.trim() }));
  for (const municipality of places.municipalities) {
    const key = nameKey(municipality.name);
    if (meant.includes(municipality.name) || !key.includes(wanted)) continue;
    found.push({ municipality, rank: key.startsWith(wanted) ? 1 : 2, shown: "" });
  }
  return found.sort((a, b) => a.rank - b.rank).slice(0, MAX_OPTIONS);
}

/** The field `field`: `id` for its input, `label` its text, `describedBy` adds its help and error. */
export function createMunicipalityBox(field, { places, checker }, onChange, { id, label, describedBy }) {
  const wrapper = element("div", "pb-field pb-combobox");
  const labelElement = element("label", "pb-field__label", label);
  labelElement.htmlFor = id;
  wrapper.append(labelElement);
  const { ids, error } = describedBy(field, wrapper);
  const input = element("input", "pb-field__control pb-combobox__input");
  Object.assign(input, { id, type: "text", autocomplete: "off", spellcheck: false });
  const listbox = element("ul", "pb-combobox__options");
  listbox.id = `${id}-opties`;
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", field.label);
  listbox.hidden = true;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-describedby", ids);
  const count = element("p", "pb-combobox__count md-visually-hidden");
  count.setAttribute("role", "status");
  const chosenList = element("ul", "pb-combobox__chosen");
  chosenList.setAttribute("aria-label", `Gekozen ${field.label.toLowerCase()}`);
  wrapper.append(input, listbox, count, chosenList);

  let chosen = [];
  let options = [];
  let active = -1;
  let typedProblem = "";

  const emit = (touched) => onChange(field.key, [...chosen], { touched, pending: typedProblem });

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...listbox.children].forEach((option, position) => option.setAttribute("aria-selected", String(position === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", listbox.children[index].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function open() {
    options = matches(places, input.value).filter(({ municipality }) => !chosen.includes(municipality.name));
    listbox.replaceChildren(...options.map(({ municipality, shown }, index) => {
      const option = element("li", "pb-combobox__option", shown ? `${municipality.name} (${shown})` : municipality.name);
      option.id = `${id}-optie-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => choose(municipality.name));
      return option;
    }));
    const shown = options.length > 0 && input.value.trim() !== "";
    listbox.hidden = !shown;
    input.setAttribute("aria-expanded", String(shown));
    count.textContent = input.value.trim() ? `${options.length} ${options.length === 1 ? "gemeente" : "gemeenten"} gevonden.` : "";
    highlight(-1);
  }

  function drawChosen() {
    chosenList.replaceChildren(...chosen.map((name) => {
      const item = element("li", "pb-combobox__chip");
      const remove = element("button", "pb-combobox__remove", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", `Verwijder ${name}`);
      remove.addEventListener("click", () => {
        chosen = chosen.filter((other) => other !== name);
        drawChosen();
        emit(true);
        input.focus();
      });
      item.append(element("span", "", name), remove);
      return item;
    }));
  }

  function choose(name) {
    if (!chosen.includes(name)) chosen.push(name);
    input.value = "";
    typedProblem = "";
    close();
    drawChosen();
    emit(true);
    input.focus();
  }

  /** Enter, a comma or leaving the field with text in it: take the names typed (one, or a list with commas, as
   *  the form's answer may be pasted), and for each that is not one say why; those stay in the field to correct.
   *  Whether everything typed was taken. */
  function commit() {
    const typed = input.value.split(/[,\n]/).map((part) => part.trim()).filter(Boolean);
    if (!typed.length) {
      typedProblem = "";
      return false;
    }
    if (typed.length === 1 && checker.municipalityName(typed[0])) {
      choose(checker.municipalityName(typed[0]));
      return true;
    }
    const unknown = typed.filter((part) => !checker.municipalityName(part));
    for (const name of typed.map((part) => checker.municipalityName(part)).filter(Boolean)) {
      if (!chosen.includes(name)) chosen.push(name);
    }
    input.value = unknown.join(", ");
    typedProblem = unknown.map((part) => checker.municipalityMessage(part)).join(" ");
    close();
    drawChosen();
    emit(true);
    return !unknown.length;
  }

  input.addEventListener("input", () => {
    if (input.value.endsWith(",")) {
      commit();
      return;
    }
    typedProblem = "";
    open();
    emit(false);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (listbox.hidden) open();
      if (!options.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      if (active >= 0) {
        event.preventDefault();
        choose(options[active].municipality.name);
      } else if (input.value.trim()) {
        event.preventDefault();
        commit();
      }
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => {
    close();
    if (!commit()) emit(true);
  });

  return {
    wrapper, error, controls: [input],
    set(names) {
      chosen = [...names];
      input.value = "";
      typedProblem = "";
      drawChosen();
    },
  };
}
