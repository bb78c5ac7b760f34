// The editor on /aanmelden/: add a practice (no parameters), change one (`?wijzig=<id>`) or adopt one in another
// place (`?neem-over=<id>`; old ids are resolved through `aliases`). It draws the fields of velden.json, checks
// them while the visitor types (Ajv and the browser's rules, in Dutch), shows the page as it will look, keeps a
// draft in this browser, and sends the result through the GitHub issue forms or by e-mail to the editors (the
// ways the site has set up), with a YAML file and the answers as text as the ways around them. Only this page
// loads this folder and its libraries.

import { element } from "../gedeeld/dom.js";
import { loadMunicipalityNames } from "../gedeeld/gemeentenamen.js";
import { COPIED, NOT_COPIED, answersText, offerMail, practiceContext } from "../gedeeld/mailto.js";
import { copyText } from "../gedeeld/kopieer.js";
import { fetchPractice, loadCards, practicePageUrl, resolveIn } from "../gedeeld/praktijken.js";
import { slugify } from "../selectie/selectie-collectie.js";
import { NOT_KEPT, discardDraft, draftKey, moveFormerDrafts, readDraft, writeDraft } from "./concept.js";
import {
  ORGANISATIONS, adoptedAnswers, answersFrom, emptyAnswers, fileFields, isEmpty, sameAnswer, toPractice,
} from "./gegevens.js";
import { loadAjv, loadDefinitions } from "./laden.js";
import { PRACTICE_FALLBACK_ID, createChecker, municipalityRules } from "./regels.js";
import { controlId, drawFields } from "./velden.js";
import { answersMail, formAnswers, issueAddress, practiceYaml } from "./versturen.js";
import { createPreview, dutchDate, loadMarkdown } from "./voorbeeld.js";

const REMOVE = "-";

const PARAMETERS = { change: "wijzig", adopt: "neem-over" };

/** The start the address asks for; the id as ids are written (no spaces around it, lower case), so
 *  `?wijzig=Dalfsen-Voorleestent` finds the practice as its own address does. */
export function readStart(search) {
  const parameters = new URLSearchParams(search);
  for (const [mode, name] of Object.entries(PARAMETERS)) {
    if (parameters.has(name)) return { mode, id: parameters.get(name).trim().toLowerCase(), asked: parameters.get(name) };
  }
  return { mode: "new" };
}

/** Show the address of the start the editor opened (the practice's id now, or none for a new one), so a reload
 *  or a bookmark opens the same start and its draft. */
function settleAddress(begin) {
  const address = new URL(location.href);
  for (const name of Object.values(PARAMETERS)) address.searchParams.delete(name);
  if (begin.mode !== "new") address.searchParams.set(PARAMETERS[begin.mode], begin.id);
  if (address.href !== location.href) history.replaceState(history.state, "", address.href);
}

/** Today as jjjj-mm-dd in UTC, the date a new practice is added: the build counts days in UTC and refuses a
 * date after its own day, so a practice made just after midnight in the Netherlands must not carry the next day. */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/** The field a problem at `path` (a data path, or `$id`) belongs to: its key, or `organisations.<row>.<part>`. */
export function fieldKeyOf(path, fields) {
  if (path[0] === "$id") return "id";
  if (path[0] === ORGANISATIONS) {
    return typeof path[1] === "number" && typeof path[2] === "string" ? `${ORGANISATIONS}.${path[1]}.${path[2]}` : ORGANISATIONS;
  }
  const dotted = path.filter((part) => typeof part === "string").join(".");
  const exact = fields.find((field) => field.path === dotted);
  const near = fields.find((field) => field.path.startsWith(`${dotted}.`) || dotted.startsWith(`${field.path}.`));
  return (exact ?? near ?? fields.find((field) => field.key === "summary")).key;
}

async function start(root) {
  const status = root.querySelector(".pb-editor__status");
  /** The status line says `message`; the same message again is not set again, so it is not read out again. */
  const say = (message) => {
    if (status.textContent !== message) status.textContent = message;
  };
  const app = root.querySelector(".pb-editor__app");
  const notices = [];
  let begin = readStart(location.search);
  const [definitions, places, cards] = await Promise.all([loadDefinitions(), loadMunicipalityNames(), loadCards()]);
  // Ajv (and its compiled schema) and the Markdown libraries are the heavy part: they load when they are first
  // needed (the visitor starts on the form, there is Markdown to show), so the page itself opens quickly.
  let checker = null;
  let checking = null;
  const loadChecker = () => {
    checking ??= loadAjv().then((Ajv) => {
      checker = createChecker(definitions, places, Ajv);
      update();
    });
    return checking;
  };
  let markdown = null;
  let rendering = null;
  const loadPreviewMarkdown = () => {
    rendering ??= loadMarkdown(definitions.markdown, definitions.urlSchemes).then((render) => {
      markdown = render;
      update();
    });
  };

  let base = {};
  let practiceId = "";
  let formerIds = [];
  if (begin.mode !== "new") {
    const found = resolveIn(cards, begin.id);
    if (!begin.id) {
      notices.push("In het adres staat niet welke praktijk je wilt aanpassen. Je begint met een nieuwe praktijk.");
      begin = { mode: "new" };
    } else if (found.status === "unknown") {
      notices.push(`Er is geen praktijk met het id ‘${begin.asked}’. Je begint met een nieuwe praktijk.`);
      begin = { mode: "new" };
    } else {
      practiceId = found.practice.id;
      formerIds = found.practice.aliases ?? [];
      if (found.status === "renamed") notices.push(`De praktijk ‘${found.from}’ heet nu ‘${practiceId}’.`);
      else if (begin.asked !== practiceId) notices.push(`Je opent de praktijk ‘${practiceId}’.`);
      const record = fileFields(definitions.schema, (await fetchPractice(practiceId)).practice);
      base = begin.mode === "change" ? record : {};
      begin = { mode: begin.mode, id: practiceId, title: record.title, record };
    }
  }
  settleAddress(begin);
  const changing = begin.mode === "change";
  const practiceFields = definitions.fields.filter((field) =>
    !(changing && (field.kind === "id" || definitions.changeFields.some((other) => other.key === field.key))));
  const fields = [...practiceFields, ...(changing ? definitions.changeFields : [])];
  const initial = { ...emptyAnswers(fields),
    ...(changing ? answersFrom(practiceFields, base) : begin.mode === "adopt" ? adoptedAnswers(practiceFields, begin.record) : {}) };
  if (begin.mode === "adopt") initial.based_on = practiceId;
  const original = structuredClone(initial);

  const key = draftKey(begin);
  if (begin.mode !== "new") moveFormerDrafts(key, begin, formerIds);
  const draft = readDraft(key, fields);
  if (draft.problem) notices.push(draft.problem);
  let answers = { ...initial, ...(draft.answers ?? {}) };

  const intro = root.querySelector(".pb-editor__intro");
  if (begin.mode !== "new") {
    intro.textContent = intro.dataset[begin.mode];
    const page = element("a", "", begin.title);
    page.href = practicePageUrl(practiceId).href;
    intro.append(" ", begin.mode === "change" ? "Je verandert: " : "Je neemt over: ", page, ".");
  }
  const draftBox = root.querySelector(".pb-editor__draft");
  if (draft.answers) {
    draftBox.hidden = false;
    root.querySelector(".pb-editor__draft-text").textContent = draft.saved
      ? `Je concept van ${dutchDate(draft.saved.slice(0, 10))} om ${draft.saved.slice(11, 16)} is teruggezet. Het staat alleen in deze browser.`
      : "Je concept is teruggezet. Het staat alleen in deze browser.";
  }

  const touched = new Set();
  const pending = {};
  let submitted = false;
  let problems = new Map();
  const names = municipalityRules(definitions, places);
  const drawn = drawFields(root.querySelector(".pb-editor__fields"), { fields }, { places, checker: names }, (fieldKey, value, options = {}) => {
    answers[fieldKey] = value;
    if ("pending" in options) pending[fieldKey] = options.pending;
    if (options.touched) touched.add(fieldKey);
    // What the status line said is about what came before; only a draft that is not kept stays said.
    say(writeDraft(key, answers, new Date().toISOString()) ? "" : NOT_KEPT);
    update();
  });
  drawn.set(answers);

  const labels = new Map(definitions.fields.flatMap((field) => (field.options ?? []).map((option) =>
    [`${field.vocabulary}:${option.id}`, option.label])));
  const organisationField = definitions.fields.find((field) => field.kind === ORGANISATIONS);
  for (const part of ["type", "role"]) {
    const vocabulary = part === "type" ? "organisation_types" : "organisation_roles";
    for (const option of organisationField.parts[part].options) labels.set(`${vocabulary}:${option.id}`, option.label);
  }
  const provinceOf = new Map(places.municipalities.map((municipality) => [municipality.name, municipality.province]));
  const previewPage = root.querySelector(".pb-editor__page");
  const preview = createPreview(previewPage, {
    markdown: () => markdown,
    label: (vocabulary, id) => labels.get(`${vocabulary}:${id}`) ?? id,
    provinceOf: (name) => provinceOf.get(name),
    schemes: definitions.urlSchemes,
  });

  function fileId() {
    if (changing) return practiceId;
    return answers.id?.trim() || slugify(answers.title ?? "", PRACTICE_FALLBACK_ID);
  }

  function currentPractice() {
    const extra = { added: base.added ?? today() };
    const practice = toPractice(practiceFields, answers, base, extra);
    if (changing && answers.source_title?.trim()) {
      const source = { title: answers.source_title.trim().split(/\s+/).join(" ") };
      if (answers.source_url?.trim()) source.url = answers.source_url.trim();
      practice.sources = [...(practice.sources ?? []), source];
    }
    return practice;
  }

  function check() {
    const practice = currentPractice();
    if (!checker) return { practice, byField: new Map() };
    const taken = new Set([...cards.byId.keys(), ...cards.renamed.keys()]);
    const found = checker.check(practice, { id: fileId(), takenIds: taken, ownId: changing ? practiceId : undefined });
    const byField = new Map();
    for (const { path, message } of found) {
      const fieldKey = fieldKeyOf(path, fields);
      if (!byField.has(fieldKey)) byField.set(fieldKey, message);
    }
    if (answers.based_on && !cards.byId.has(answers.based_on) && !cards.renamed.has(answers.based_on)) {
      byField.set("based_on", `er is geen praktijk met de id '${answers.based_on}'.`);
    }
    if (changing && fields.some((field) => field.key === "remark")) {
      const remark = definitions.changeFields.find((field) => field.key === "remark");
      const text = answers.remark.trim();
      if (!text) byField.set("remark", definitions.messages.required);
      else if ([...text].length < remark.minLength) byField.set("remark", definitions.messages.minLength.replace("{limit}", remark.minLength));
      else if ([...text].length > remark.maxLength) byField.set("remark", definitions.messages.maxLength.replace("{limit}", remark.maxLength));
    }
    for (const [fieldKey, message] of Object.entries(pending)) if (message) byField.set(fieldKey, message);
    return { practice, byField };
  }

  function shownKeys() {
    if (submitted) return new Set(fields.map((field) => field.key));
    return new Set([...touched].filter((fieldKey) => !isEmpty(answers[fieldKey]) || pending[fieldKey]
      || problems.get(fieldKey) !== definitions.messages.required));
  }

  function update() {
    const { practice, byField } = check();
    const waitsForMarkdown = !markdown && ["description", "costs", "funding"].some((name) => practice[name]);
    if (waitsForMarkdown) loadPreviewMarkdown();
    problems = byField;
    drawn.showErrors(byField, shownKeys());
    preview(practice);
    // Until markdown-it is there the Markdown shows as plain paragraphs: the preview says it is not finished.
    previewPage.toggleAttribute("aria-busy", waitsForMarkdown);
    if (submitted) drawSummary();
    return practice;
  }

  const summary = root.querySelector(".pb-editor__summary");
  function drawSummary() {
    const list = summary.querySelector(".pb-editor__summary-list");
    const fieldLabel = new Map(fields.map((field) => [field.key, field.label]));
    const order = (fieldKey) => {
      const [head, row = -1] = fieldKey.split(".");
      return [fields.findIndex((field) => field.key === head), Number(row)];
    };
    const sorted = [...problems].sort(([first], [second]) => {
      const [a, b] = [order(first), order(second)];
      return a[0] - b[0] || a[1] - b[1];
    });
    const items = sorted.map(([fieldKey, message]) => {
      const [head, row, part] = fieldKey.split(".");
      const where = row === undefined ? fieldLabel.get(head)
        : `${fieldLabel.get(head)}, organisatie ${Number(row) + 1}, ${organisationField.parts[part].label.toLowerCase()}`;
      const link = element("a", "", `${where}: ${message}`);
      link.href = `#${row === undefined ? controlId(head) : `${controlId(head)}-${row}-${part}`}`;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        document.getElementById(link.hash.slice(1))?.focus();
      });
      const item = element("li");
      item.append(link);
      return item;
    });
    list.replaceChildren(...items);
    summary.hidden = items.length === 0;
  }

  // ---- sending ----
  const repository = document.querySelector('meta[name="praktijkbank:repository"]')?.content ?? "";
  const result = root.querySelector(".pb-editor__result");
  const resultText = root.querySelector(".pb-editor__result-text");
  const issueLink = root.querySelector(".pb-editor__issue");
  const mailLink = root.querySelector(".pb-editor__mail");
  const leftOutList = root.querySelector(".pb-editor__left-out");
  const form = changing ? definitions.forms.change : definitions.forms.new;
  const questionLabels = new Map(form.questions.map((question) => [question.key, question.label]));

  /** The answers the form gets: all of them for a new practice; for a change only what differs (an emptied
   *  optional field as "-"), with the id, the remark and the new source. */
  function sentAnswers() {
    const now = formAnswers({ fields: practiceFields }, answers);
    if (!changing) return now;
    const before = formAnswers({ fields: practiceFields }, original);
    const changed = { id: practiceId, remark: answers.remark.trim(), source_title: answers.source_title.trim(),
      source_url: answers.source_url.trim() };
    for (const field of practiceFields) {
      if (sameAnswer(field, answers[field.key], original[field.key])) continue;
      const keys = field.kind === ORGANISATIONS ? Object.values(field.formKeys) : [field.key];
      for (const question of keys) if (now[question] !== before[question]) changed[question] = now[question] || REMOVE;
    }
    return changed;
  }

  function copyButton(text, name) {
    const button = element("button", "md-button pb-editor__copy-one", "Kopieer");
    button.type = "button";
    button.setAttribute("aria-label", `Kopieer het antwoord bij ${name}`);
    button.addEventListener("click", () => copy(text, `Het antwoord bij ${name} staat op het klembord.`));
    return button;
  }

  async function copy(text, done) {
    say(await copyText(text) ? done : "Kopiëren lukte niet. Selecteer de tekst zelf en kopieer hem met Ctrl+C (of Cmd+C).");
  }

  /** The result box with `text`, and the one link of it that is to be followed (the others hidden); the focus
   *  goes to that link, or without one to the text, so a screen reader reads what happened. */
  function showResult(text, link) {
    result.hidden = false;
    resultText.replaceChildren(...[text].flat());
    for (const open of [issueLink, mailLink]) open.parentElement.hidden = open !== link;
    leftOutList.replaceChildren();
    (link ?? resultText).focus();
  }

  function sendToGitHub(sent) {
    const title = `${form.title}${changing ? begin.title : oneTitle()}`;
    const { url, leftOut } = issueAddress(repository, { file: form.file, title }, sent,
      form.questions.map((question) => question.key), { maxLength: definitions.maxUrlLength, reserved: definitions.githubParameters });
    issueLink.href = url;
    showResult(leftOut.length
      ? "Het formulier op GitHub staat klaar. Een paar antwoorden kan het adres niet meenemen: kopieer ze hieronder en plak ze in het formulier bij hun vraag. Vink daarna de vakjes onder Controle aan en klik op Create."
      : "Het formulier op GitHub staat klaar met al je antwoorden. Vink de vakjes onder Controle aan en klik op Create.", issueLink);
    leftOutList.replaceChildren(...leftOut.map((question) => {
      const item = element("li", "", `${questionLabels.get(question)} `);
      item.append(copyButton(sent[question], questionLabels.get(question)));
      return item;
    }));
  }

  /** The mail about this start: a change or an adoption names the practice and its page, a new one its title.
   *  Answers too long for the link go on the clipboard now (the button press allows it) and again when the
   *  link is followed, and the mail asks to paste them. */
  async function sendByMail(sent) {
    const route = root.querySelector(`.pb-editor__mail-routes [data-mode="${begin.mode}"]`);
    const context = begin.mode === "new" ? `Nieuwe praktijk: ${oneTitle()}`
      : practiceContext(practiceId, practicePageUrl(practiceId).href);
    const text = answersText(form.questions, sent);
    const mail = answersMail(route, context, text);
    offerMail(mailLink, mail, text, say);
    if (mail.complete) {
      showResult("Je e-mail aan de redactie staat klaar met al je antwoorden. Open hem en verstuur hem vanuit je e-mailprogramma.", mailLink);
      return;
    }
    const copied = await copyText(text);
    say(copied ? COPIED : NOT_COPIED);
    showResult(copied
      ? "Je antwoorden zijn te lang voor een e-mail uit een link. Daarom staan ze nu op het klembord. Open de e-mail en plak ze erin, onder de zin die erom vraagt (Ctrl+V, Cmd+V, of op een telefoon: lang drukken en dan Plakken). Staat er iets anders op het klembord? Klik dan op Kopieer de tekst en plak opnieuw."
      : "Je antwoorden zijn te lang voor een e-mail uit een link. Klik eerst op Kopieer de tekst hieronder, open dan de e-mail en plak de tekst erin, onder de zin die erom vraagt.",
    mailLink);
  }

  /** Neither GitHub nor e-mail is set up on this site: the answers are right, and the file is the way on. */
  function nothingToSendWith() {
    showResult(["Alles is goed ingevuld. Op deze site is nog geen manier ingesteld om het naar de redactie te sturen. Download je praktijk als YAML of kopieer de tekst; op ",
      Object.assign(element("a", "", "een praktijk toevoegen"), { href: root.dataset.contribute }),
      " lees je wat je ermee doet."], null);
  }

  function send(route) {
    const sent = sentAnswers();
    if (route === "github") sendToGitHub(sent);
    else if (route === "mail") sendByMail(sent);
    else nothingToSendWith();
  }

  function oneTitle() {
    return (answers.title ?? "").split(/\s+/).filter(Boolean).join(" ");
  }

  const formElement = root.querySelector(".pb-editor__form");
  formElement.addEventListener("focusin", loadChecker, { once: true });
  formElement.addEventListener("submit", async (event) => {
    event.preventDefault();
    await loadChecker();
    submitted = true;
    update();
    if (problems.size) {
      result.hidden = true;
      summary.focus();
      return;
    }
    summary.hidden = true;
    send((event.submitter ?? formElement.querySelector(".pb-editor__submit")).value);
  });

  const yamlLink = root.querySelector(".pb-editor__yaml");
  yamlLink.addEventListener("click", () => {
    const practice = update();
    const file = `${fileId()}.yml`;
    const text = practiceYaml(definitions.schema, practice, [
      "yaml-language-server: $schema=../schemas/practice.schema.json",
      "Gemaakt met Aanmelden op de Praktijkbank Sociaal Domein.",
      `Zet dit bestand in de map practices/ als ${file}. Controleer het met \`praktijkbank validate\`.`,
    ]);
    URL.revokeObjectURL(yamlLink.href);
    yamlLink.href = URL.createObjectURL(new Blob([text], { type: "text/yaml" }));
    yamlLink.download = file;
  });
  root.querySelector(".pb-editor__copy").addEventListener("click", () => {
    copy(answersText(form.questions, sentAnswers()), "Alle antwoorden staan op het klembord, elk onder zijn vraag.");
  });
  root.querySelector(".pb-editor__discard").addEventListener("click", () => {
    discardDraft(key);
    answers = structuredClone(initial);
    touched.clear();
    submitted = false;
    drawn.set(answers);
    draftBox.hidden = true;
    summary.hidden = true;
    update();
    say("Je concept is weggegooid.");
    root.querySelector(".pb-editor__fields input, .pb-editor__fields textarea")?.focus();
  });

  say(notices.join(" "));
  if (draft.answers) loadChecker();
  update();
  app.hidden = false;
  app.removeAttribute("aria-busy");
  root.querySelector(".pb-editor__fallback").hidden = true;
}

const root = document.querySelector(".pb-editor");
if (root) {
  start(root).catch(() => {
    root.querySelector(".pb-editor__status").textContent =
      "Het formulier kon niet worden geladen. Probeer het later opnieuw, of lees op de pagina over bijdragen hoe je een praktijk aanmeldt.";
  });
}
