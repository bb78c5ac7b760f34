// A withdrawn practice (`withdrawn: {date, reason}` in the open data and in selectie/kaarten.json) where a
// visitor still holds it: in Mijn selectie, its presentation and the comparison. It is said, never dropped.
// The date and reason are contributor text: they go in with textContent only (dom.js).

import { labelled } from "./dom.js";

const dutchDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-30" as "30 november 2026"; a value that is no date stays as it is. */
export function dateText(value) {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dutchDate.format(date);
}

/** The notice for a withdrawn practice ("Teruggetrokken op …" and the reason), or null for a listed one. */
export function withdrawnNote(practice, tag = "p") {
  const withdrawn = practice?.withdrawn;
  if (!withdrawn) return null;
  return labelled(tag, "pb-withdrawn-note", `Teruggetrokken op ${dateText(withdrawn.date)}.`, withdrawn.reason ?? "");
}
