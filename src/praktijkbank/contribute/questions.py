"""The questions a contributor answers to add a practice (shared by `praktijkbank new` and the issue form
"Praktijk aanmelden") or a collection (the issue form "Collectie aanmelden", which "Mijn selectie" fills in).

One list per kind drives every route: the form is generated from it, `from-issue` reads the form's answers
with it, and `new` asks the practice questions in the terminal. Help texts and limits come from the schema,
the choices from vocabularies.yml, so a question can never accept what the validator would refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from praktijkbank.common.facets import FACETS
from praktijkbank.common.form_links import PARTNER_NAME_PLACEHOLDER
from praktijkbank.common.municipalities import Municipalities
from praktijkbank.common.schemas import VOCABULARY_KEYWORD, inline_references, strip_annotations
from praktijkbank.common.suggest import normalise, suggestion_hint
from praktijkbank.common.vocabularies import Vocabularies, Vocabulary
from praktijkbank.validate.rules import slugify

if TYPE_CHECKING:
    import jsonschema

TEXT, MARKDOWN, LINES, PARTNERS, CHOICE, CHOICES, YEAR, URL, ID, DATE, PRACTICE, PRACTICE_LIST, MUNICIPALITIES = (
    "text", "markdown", "lines", "partners", "choice", "choices", "year", "url", "id", "date", "practice",
    "practice-list", "municipalities")


@dataclass(frozen=True)
class Question:
    """One question: `key` is its flag (`--key`) and form id, `field` the dotted path of its schema field."""

    key: str
    label: str
    field: str
    kind: str
    required: bool
    long: bool = False
    own_help: str = ""  # instead of the field's help, where a form asks for the field in its own way
    extra_help: str = ""  # said after the help, where a form uses the answer differently
    removable: bool = False  # in the change form: an answer of only `-` removes the field


def _facet_question(facet: str, label: str, kind: str, required: bool = True) -> Question:
    """A choice of a facet's values; its key and field are the facet's (common/facets.py)."""
    declared = FACETS[facet]
    return Question(declared.key, label, declared.attribute, kind, required)


QUESTIONS = (
    Question("title", "Titel", "title", TEXT, True),
    Question("id", "Bestandsnaam (id)", "$id", ID, False),
    Question("summary", "Samenvatting", "summary", TEXT, True, long=True),
    Question("description", "Beschrijving", "description", MARKDOWN, True, long=True),
    Question("municipalities", "Gemeenten", "place.municipalities", MUNICIPALITIES, False),
    _facet_question("provinces", "Provincies", CHOICES, required=False),  # derived from the municipalities
    Question("initiator", "Initiatiefnemer", "organisations.name", TEXT, True),
    Question("initiator_type", "Soort organisatie van de initiatiefnemer", "organisations.type", CHOICE, True),
    Question("partners", "Partners", "organisations", PARTNERS, False, long=True),
    _facet_question("themes", "Thema's", CHOICES),
    _facet_question("target_groups", "Doelgroepen", CHOICES),
    _facet_question("statuses", "Status", CHOICE),
    Question("activities", "Activiteiten", "activities", LINES, False, long=True),
    Question("start", "Beginjaar", "period.start", YEAR, False),
    Question("source_title", "Titel van de bron", "sources.title", TEXT, True),
    Question("source_url", "Webadres van de bron", "sources.url", URL, False),
    Question("results", "Resultaten", "results.text", LINES, False, long=True),
    Question("lessons", "Lessen en tips", "lessons", LINES, False, long=True),
    Question("based_on", "Gebaseerd op", "based_on", PRACTICE, False),
)

def _removable(question: Question) -> bool:
    """An optional field typed as text can be removed with `-`; a dropdown has no room for it."""
    return not question.required and question.kind not in (CHOICE, CHOICES, MUNICIPALITIES)


KEEP, REMOVE = "Leeg laten: dan blijft het zoals het is.", "Alleen een - (streepje): dan halen we het weg."
_NOT_CHANGED = {"id", "source_title", "source_url"}  # the change form asks these in its own way
CHANGE_QUESTIONS = (
    Question("id", "Id van de praktijk", "$id", PRACTICE, True,
             own_help="Het id van de praktijk die je wilt verbeteren: het laatste deel van het webadres van de "
                      "pagina, zoals dalfsen-voorleestent. Het webadres van de pagina mag ook."),
    Question("remark", "Wat wil je veranderen, en waarom?", "$remark", MARKDOWN, True, long=True),
    Question("source_title", "Titel van de bron", "sources.title", TEXT, False,
             extra_help="Alleen als je nieuwe informatie geeft; de bron komt bij de bronnen van de praktijk."),
    Question("source_url", "Webadres van de bron", "sources.url", URL, False),
    *(replace(question, required=False, removable=_removable(question),
              extra_help=f"{KEEP} {REMOVE}" if _removable(question) else KEEP)
      for question in QUESTIONS if question.key not in _NOT_CHANGED),
)

COLLECTION_QUESTIONS = (
    Question("collection_title", "Titel van de collectie", "title", TEXT, True),
    Question("collection_id", "Bestandsnaam (id) van de collectie", "$id", ID, False),
    Question("introduction", "Inleiding", "description", MARKDOWN, True, long=True),
    Question("practices", "Praktijken in de collectie", "items", PRACTICE_LIST, True, long=True),
    Question("curator", "Samensteller", "curator.name", TEXT, True),
    Question("curator_website", "Website van de samensteller", "curator.website", URL, False),
    Question("event_name", "Naam van de bijeenkomst", "event.name", TEXT, False),
    Question("event_date", "Datum van de bijeenkomst", "event.date", DATE, False),
    Question("event_place", "Plaats van de bijeenkomst", "event.place", TEXT, False),
)
EVENT_KEYS = {"event_name": "name", "event_date": "date", "event_place": "place"}

_HELP_OVERRIDES = {
    "id": "De naam van het bestand en het webadres van de praktijk: kleine letters, cijfers en streepjes, "
          "bijvoorbeeld hoorn-taalcafe. Laat leeg om hem uit de titel te maken.",
    "municipalities": "De gemeente of gemeenten waar de praktijk loopt, zoals het CBS ze noemt. Meer dan één? "
                      "Zet ze op aparte regels of scheid ze met komma's. Een dorp of wijk? Noem de gemeente waar "
                      "het bij hoort.",
    "initiator": "De naam van de organisatie die de praktijk begon, zoals die zichzelf noemt.",
    "partners": "De andere organisaties die meedoen. Eén per regel: naam, komma, soort organisatie. "
                f"Bijvoorbeeld: Welzijn Hoorn, welzijn. Staat er {PARTNER_NAME_PLACEHOLDER}? Vul dan de naam in.",
    "source_title": "Waar komt de informatie vandaan? De titel van het artikel, verslag of de webpagina.",
    "source_url": "Het webadres van de bron. Kopieer het uit de adresbalk van je browser. Het is belangrijk: zo "
                  "kan de redactie de feiten nakijken en kunnen lezers verder lezen. Weet je het niet? Laat het "
                  "leeg; de pagina zegt dan 'geen webadres bekend'.",
    "results": "Wat heeft de praktijk opgeleverd? Eén resultaat per regel. Alleen wat in de bron staat.",
    "collection_id": "De naam van het bestand en het webadres van de collectie: kleine letters, cijfers en "
                     "streepjes, bijvoorbeeld congres-2027. Laat leeg om hem uit de titel te maken.",
    "practices": "Eén praktijk per regel, in de volgorde van de collectie: het id of het webadres van de "
                 "praktijk. Wil je zeggen waarom hij erbij hoort? Zet dan een dubbele punt achter het id en "
                 "daarna je toelichting.",
    "curator_website": "Het webadres van je organisatie. Mag leeg blijven.",
    "event_name": "Is de collectie voor een bijeenkomst? Vul dan de naam in. Anders laat je de vragen over "
                  "de bijeenkomst leeg.",
    "event_date": "De datum van de bijeenkomst, als jjjj-mm-dd of dd-mm-jjjj. Bijvoorbeeld 2027-06-19.",
}
# Fields that only a form asks, with the limits their answers are held to (no file keeps them).
_FORM_FIELDS = {
    "$remark": {"type": "string", "minLength": 10, "maxLength": 5000,
                "description": "Vertel de redactie wat er anders moet en waarom. Bijvoorbeeld: de praktijk is "
                               "afgelopen, er is een nieuw resultaat, of een naam is veranderd."},
}
_PLACEHOLDER_OVERRIDES = {
    "collection_id": "congres-2027",
    "curator": "Bibliotheek Voorbeeldstad",
    "practices": "dalfsen-voorleestent: Een voorbeeld van voorlezen met welzijn in de wijk.\nhilversum-senver-bus",
}
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_YEAR = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_PRACTICE_ADDRESS = re.compile(r"^https?://\S*?/praktijken/([^/\s]+)/?(?:[?#]\S*)?$")


# What a contributor reads about an answer, per rule: said here once, for `new`, `from-issue` and the editor on
# /aanmelden/ (contribute/editor_fields.py hands the same texts to the browser). `{…}` are filled in per answer.
MESSAGES = {
    "required": "dit is verplicht: vul iets in.",
    "minLength": "dit is te kort: schrijf minstens {limit} tekens.",
    "maxLength": "dit is te lang: gebruik hoogstens {limit} tekens.",
    "minimum": "dit moet minstens {limit} zijn.",
    "maximum": "dit mag hoogstens {limit} zijn.",
    "uniqueItems": "hier staat iets twee keer in.",
    "minItems": "noem er minstens één.",
    "maxItems": "noem er hoogstens {limit}.",
    "format": "dit heeft niet de juiste vorm. {description}",
    "unknownMunicipality": "onbekende gemeente '{text}'; {hint}",
    "municipalityHint": "noem de gemeente zoals het CBS die schrijft.",
    "formerMunicipality": "'{text}' is sinds {year} geen gemeente meer: noem '{merged_into}'.",
    "year": "'{text}' is geen jaartal. Schrijf vier cijfers, bijvoorbeeld 2021.",
    "url": "'{text}' is geen volledig webadres. Kopieer het hele adres uit de adresbalk van je browser, bijvoorbeeld "
           "https://www.bibliotheek.nl/.",
    "id": "'{text}' kan geen bestandsnaam zijn: gebruik kleine letters, cijfers en streepjes, bijvoorbeeld "
          "'{suggestion}'.",
}


class AnswerError(ValueError):
    """An answer that cannot be used; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class Parsed:
    """A usable answer, and a note when it was adjusted (such as https:// added to a web address)."""

    value: Any
    note: str = ""


class Questionnaire:
    """The questions bound to this repository's schema and vocabularies."""

    def __init__(self, schema: dict[str, Any], vocabularies: Vocabularies, municipalities: Municipalities,
                 questions: tuple[Question, ...] = QUESTIONS) -> None:
        self.schema = inline_references(schema)
        self.vocabularies = vocabularies
        self.municipalities = municipalities
        self.questions = questions

    def field_schema(self, question: Question) -> dict[str, Any]:
        """The schema of the field a question fills (for lists: the list itself)."""
        if question.field == "$id":
            return self.schema["$defs"]["id"]
        if question.field in _FORM_FIELDS:
            return _FORM_FIELDS[question.field]
        node = self.schema
        for part in question.field.split("."):
            if node.get("type") == "array":
                node = node["items"]
            node = node["properties"][part]
        return node

    def help(self, question: Question) -> str:
        own = question.own_help or _HELP_OVERRIDES.get(question.key) or self.field_schema(question)["description"]
        return f"{own} {question.extra_help}" if question.extra_help else own

    def example(self, question: Question) -> str:
        """The schema's example as placeholder text, when it is a plain text or number."""
        if question.key in _PLACEHOLDER_OVERRIDES:
            return _PLACEHOLDER_OVERRIDES[question.key]
        examples = self.field_schema(question).get("examples", [])
        value = examples[0] if examples else ""
        if isinstance(value, list):
            value = "\n".join(f"{item['name']}, {item['type']}" if isinstance(item, dict) else str(item)
                              for item in value if not isinstance(item, dict) or item.get("role") == "partner")
        return str(value) if isinstance(value, (str, int)) else ""

    def vocabulary(self, question: Question) -> Vocabulary | None:
        """The vocabulary a choice question picks from (organisation types for partners)."""
        if question.kind == PARTNERS:
            return self.vocabularies["organisation_types"]
        schema = self.field_schema(question)
        schema = schema.get("items", schema) if schema.get("type") == "array" else schema
        name = schema.get(VOCABULARY_KEYWORD)
        return self.vocabularies[name] if name else None

    def parse(self, question: Question, raw: str, *, numbers: bool = False) -> Parsed | None:
        """The answer as data, None when left empty; raises AnswerError when it cannot be used.

        With `numbers`, a choice may also be given by its number in the list (as the terminal shows it).
        """
        if not raw.strip():
            if question.required:
                raise AnswerError(MESSAGES["required"])
            return None
        parsed = self._parsers()[question.kind](question, raw, numbers)
        if question.kind not in (PARTNERS, CHOICE, CHOICES):
            self._check(question, parsed.value)
        return parsed

    def _parsers(self) -> dict[str, Any]:
        return {TEXT: self._text, MARKDOWN: self._markdown, LINES: self._lines, PARTNERS: self._partners,
                CHOICE: self._choice, CHOICES: self._choices, YEAR: self._year, URL: self._url, ID: self._id,
                DATE: self._date, PRACTICE: self._practice, PRACTICE_LIST: self._practice_list,
                MUNICIPALITIES: self._municipalities}

    def _text(self, question: Question, raw: str, numbers: bool) -> Parsed:
        return Parsed(" ".join(raw.split()))

    def _markdown(self, question: Question, raw: str, numbers: bool) -> Parsed:
        """Keep paragraphs; drop trailing spaces and runs of blank lines that people leave behind."""
        lines = [line.rstrip() for line in raw.replace("\r\n", "\n").strip().split("\n")]
        return Parsed(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)))

    def _lines(self, question: Question, raw: str, numbers: bool) -> Parsed:
        items = _items(raw, commas=False)
        if question.key == "results":
            return Parsed([{"text": item} for item in items])
        return Parsed(list(dict.fromkeys(items)))

    def _municipalities(self, question: Question, raw: str, numbers: bool) -> Parsed:
        """Names from the CBS list, typed loosely or chosen in the form (which joins them with commas, while
        one name has a comma of its own: 'Nuenen, Gerwen en Nederwetten')."""
        names = [self._municipality(name) for line in _items(raw, commas=False) for name in self._split(line)]
        return Parsed(list(dict.fromkeys(names)))

    def _split(self, line: str) -> list[str]:
        """A line cut at its commas, keeping together the parts that make one known name (longest first)."""
        parts = [part.strip() for part in line.split(",")]
        names, start = [], 0
        while start < len(parts):
            end = next((end for end in range(len(parts), start, -1)
                        if self._known(", ".join(parts[start:end]))), start + 1)
            names.append(", ".join(parts[start:end]))
            start = end
        return [name for name in names if name]

    def _known(self, text: str) -> str | None:
        wanted = normalise(text)
        return next((name for name in self.municipalities.current if normalise(name) == wanted), None)

    def _municipality(self, text: str) -> str:
        """The CBS name meant, whatever the case or accents; a former municipality or a typo is refused."""
        known = self._known(text)
        if known:
            return known
        former = self.municipalities.former_name(text)
        if former:
            raise AnswerError(MESSAGES["formerMunicipality"].format(text=text, year=former.year,
                                                                    merged_into=former.merged_into))
        match = self.municipalities.closest_name(text)
        hint = suggestion_hint(match) if match else MESSAGES["municipalityHint"]
        raise AnswerError(MESSAGES["unknownMunicipality"].format(text=text, hint=hint))

    def _partners(self, question: Question, raw: str, numbers: bool) -> Parsed:
        partners = []
        for line in _items(raw, commas=False):
            name, separator, kind = line.rpartition(",")
            if not separator or not name.strip():
                raise AnswerError(f"bij '{line}' mist de soort organisatie. Schrijf: naam, soort. "
                                  "Bijvoorbeeld: Welzijn Hoorn, welzijn.")
            if name.strip() == PARTNER_NAME_PLACEHOLDER:
                raise AnswerError(f"vervang {PARTNER_NAME_PLACEHOLDER} in '{line}' door de naam van jullie partner, "
                                  "of haal de regel weg.")
            organisation_type = self._term(self.vocabularies["organisation_types"], kind, numbers)
            partner = {"name": " ".join(name.split()), "type": organisation_type, "role": "partner"}
            self._check_value(self.schema["properties"]["organisations"]["items"], partner)
            partners.append(partner)
        return Parsed(partners)

    def _choice(self, question: Question, raw: str, numbers: bool) -> Parsed:
        vocabulary = self.vocabulary(question)
        assert vocabulary is not None
        return Parsed(self._term(vocabulary, raw, numbers))

    def _choices(self, question: Question, raw: str, numbers: bool) -> Parsed:
        vocabulary = self.vocabulary(question)
        assert vocabulary is not None
        chosen = [self._term(vocabulary, item, numbers) for item in _items(raw, commas=True)]
        return Parsed(list(dict.fromkeys(chosen)))

    def _year(self, question: Question, raw: str, numbers: bool) -> Parsed:
        text = raw.strip()
        if not _YEAR.match(text):
            raise AnswerError(MESSAGES["year"].format(text=text))
        return Parsed(int(text))

    def _url(self, question: Question, raw: str, numbers: bool) -> Parsed:
        url = raw.strip().strip("<>")
        note = ""
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
            url = "https://" + url
            note = f"Voor het webadres is https:// gezet: {url}. Klopt dat niet? Pas het aan in het bestand."
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or re.search(r"\s", url):
            raise AnswerError(MESSAGES["url"].format(text=raw.strip()))
        return Parsed(url, note)

    def _date(self, question: Question, raw: str, numbers: bool) -> Parsed:
        text = raw.strip()
        day_first = _DAY_FIRST.match(text)
        if day_first:
            text = f"{day_first.group(3)}-{int(day_first.group(2)):02d}-{int(day_first.group(1)):02d}"
        try:
            if not _ISO_DATE.match(text):
                raise ValueError(text)
            return Parsed(date.fromisoformat(text).isoformat())
        except ValueError:
            raise AnswerError(f"'{raw.strip()}' is geen datum. Schrijf jjjj-mm-dd, bijvoorbeeld 2027-06-19.") from None

    def _practice_list(self, question: Question, raw: str, numbers: bool) -> Parsed:
        """`id` or `id: why it is here` per line; a practice's web address counts as its id."""
        items = []
        for line in _items(raw, commas=False):
            reference, note = _practice_reference(line)
            practice_id = _practice_id(reference, ", en daarna eventueel een dubbele punt en je toelichting.")
            items.append({"practice": practice_id} | ({"note": note} if note else {}))
        return Parsed(items)

    def _practice(self, question: Question, raw: str, numbers: bool) -> Parsed:
        """One practice, by its id or its web address; whether it exists is the validator's question."""
        return Parsed(_practice_id(raw.strip(), "."))

    def _id(self, question: Question, raw: str, numbers: bool) -> Parsed:
        text = raw.strip().removesuffix(".yml")
        if slugify(text) != text:
            raise AnswerError(MESSAGES["id"].format(text=text, suggestion=slugify(text)))
        return Parsed(text)

    def _term(self, vocabulary: Vocabulary, raw: str, numbers: bool) -> str:
        """The id of the term meant by an id, a label or (in the terminal) a number, typed loosely."""
        text = raw.strip()
        if numbers and text.isdigit() and 1 <= int(text) <= len(vocabulary.terms):
            return vocabulary.terms[int(text) - 1].id
        wanted = normalise(text)
        for term in vocabulary.terms:
            if wanted in (normalise(term.id), normalise(term.label)):
                return term.id
        match = vocabulary.closest_term(text)
        hint = suggestion_hint(match) if match else "kies uit: " + ", ".join(t.label for t in vocabulary.terms) + "."
        raise AnswerError(f"{vocabulary.unknown_value} '{text}'; {hint}")

    def _check(self, question: Question, value: Any) -> None:
        """Hold an answer to the same limits as the validator, so a finished file always passes."""
        schema = self.field_schema(question)
        if question.kind == LINES and question.key == "results":
            schema = self.schema["properties"]["results"]
        self._check_value(schema, value)

    def _check_value(self, schema: dict[str, Any], value: Any) -> None:
        import jsonschema  # here, not at the top: only the contributor commands check answers, not `validate`

        validator = jsonschema.Draft202012Validator(strip_annotations(schema))
        error = next(iter(sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))), None)
        if error is not None:
            raise AnswerError(_explain(error, schema))

    def practice(self, answers: dict[str, Any], added: str) -> tuple[str, dict[str, Any]]:
        """The id and the data of the practice file the answers describe."""
        practice_id = answers.get("id") or slugify(answers["title"])
        organisations = [{"name": answers["initiator"], "type": answers["initiator_type"],
                          "role": "initiatiefnemer"}, *answers.get("partners", [])]
        place = {key: answers[key] for key in ("municipalities", "provinces") if answers.get(key)}
        source = {"title": answers["source_title"]} | (
            {"url": answers["source_url"]} if answers.get("source_url") else {})
        data: dict[str, Any] = {
            "title": answers["title"], "summary": answers["summary"], "description": answers["description"],
            "place": place, "organisations": organisations, "themes": answers["themes"],
            "target_groups": answers["target_groups"], "status": answers["status"], "sources": [source],
            "added": added,
        }
        if answers.get("start"):
            data["period"] = {"start": answers["start"]}
        for key in ("activities", "results", "lessons", "based_on"):
            if answers.get(key):
                data[key] = answers[key]
        return practice_id, data

    def collection(self, answers: dict[str, Any], added: str) -> tuple[str, dict[str, Any]]:
        """The id and the data of the collection file the answers describe; the event only when one is given."""
        collection_id = answers.get("collection_id") or slugify(answers["collection_title"])
        curator = {"name": answers["curator"]} | (
            {"website": answers["curator_website"]} if answers.get("curator_website") else {})
        data: dict[str, Any] = {"title": answers["collection_title"], "description": answers["introduction"],
                                "curator": curator}
        event = {field: answers[key] for key, field in EVENT_KEYS.items() if answers.get(key)}
        if event:
            data["event"] = event
        data |= {"items": answers["practices"], "added": added}
        return collection_id, data


def _practice_id(reference: str, more: str) -> str:
    """The id in a reference to a practice (an id or its web address); `more` says what may follow it."""
    address = _PRACTICE_ADDRESS.match(reference)
    practice_id = address.group(1) if address else reference.removesuffix(".yml")
    if slugify(practice_id) != practice_id:
        raise AnswerError(f"'{reference}' is geen id van een praktijk. Schrijf het id (zoals dalfsen-voorleestent) "
                          f"of het webadres van de praktijk{more}")
    return practice_id


def _practice_reference(line: str) -> tuple[str, str]:
    """A line of the practice list split into the practice (an id or a web address) and the note."""
    reference, _, rest = line.partition(" ") if line.startswith(("http://", "https://")) else line.partition(":")
    return reference.strip().rstrip(":"), rest.strip().removeprefix(":").strip()


def _items(raw: str, *, commas: bool) -> list[str]:
    """List items typed one per line (with or without bullets), or separated by commas where allowed."""
    items = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        line = _BULLET.sub("", line)
        items += line.split(",") if commas else [line]
    return [" ".join(item.split()) for item in items if item.strip()]


def _explain(error: jsonschema.ValidationError, schema: dict[str, Any]) -> str:
    """A limit from the schema, said plainly for one answer."""
    if error.validator in MESSAGES and error.validator != "format":
        return MESSAGES[error.validator].format(limit=error.validator_value)
    return MESSAGES["format"].format(description=schema.get("description", "")).strip()
