"""The ways in for contributors: the forms and files in the GitHub repository, and e-mail to the editors for
the many who have no GitHub account and will not make one.

One table names every route (add a practice, propose a change, adopt one, propose a collection, ask or report
something, read the guide or the template); the hand-written pages (render/ways_in_markdown.py), the generated
pages and the browser (docs/javascripts/gedeeld/mailto.js, the same rule) all take their addresses from here. A site
may have a repository (`extra.repository`), a contact address (`extra.contact`), both or neither: each route
says what works on this site, and when nothing does it says so instead of linking nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

# Mail programs and browsers cut or refuse longer mailto: addresses.
MAX_MAILTO_LENGTH = 2000
# What encodeURIComponent leaves as it is beside letters, digits and `-_.`: the browser's links are the same.
URI_COMPONENT_SAFE = "!~*'()"
# What a mail says when the answers did not fit in its link: the browser has put them on the clipboard
# (docs/javascripts/gedeeld/mailto.js), the contributor pastes them below these words.
TOO_LONG = ("Mijn antwoorden waren te lang voor deze link. De website heeft ze op het klembord gezet. "
            "Plak ze hieronder (Ctrl+V, Cmd+V, of op een telefoon: lang drukken en dan Plakken):")
NOTHING_SET_UP = "Op deze site is nog geen manier ingesteld om dit naar de redactie te sturen."


@dataclass(frozen=True)
class Route:
    """One way in: an issue form (`form`, a file in .github/ISSUE_TEMPLATE/), a file of the repository
    (`path`), or a blank issue (neither); and the e-mail that replaces it (subject and what to write), with the
    words of its link (`mail_text`), which say what the mail sends: a page with several mail links has no two alike."""

    subject: str
    ask: str
    mail_text: str
    form: str | None = None
    path: str | None = None


ROUTES: dict[str, Route] = {
    "praktijk-aanmelden": Route(
        "Nieuwe praktijk voor de praktijkbank",
        "Beschrijf de praktijk: de titel, de plaats, wie er meedoen, wat jullie doen, voor wie, en de bron "
        "(titel, uitgever, datum en webadres).",
        "Mail een nieuwe praktijk",
        form="praktijk-aanmelden.yml"),
    "wijziging-voorstellen": Route(
        "Wijziging voor een praktijk in de praktijkbank",
        "Wat moet er anders, en waar staat dat (een bron met webadres)?",
        "Mail een wijziging",
        form="wijziging-voorstellen.yml"),
    "praktijk-overnemen": Route(
        "Wij doen een praktijk uit de praktijkbank ook",
        "Wie zijn jullie, waar doen jullie het, wat doen jullie anders, en waar staat dat (een bron met webadres)?",
        "Mail dat jullie een praktijk ook doen",
        form="praktijk-aanmelden.yml"),
    "collectie-aanmelden": Route(
        "Nieuwe collectie voor de praktijkbank",
        "De titel, de inleiding en de praktijken van de collectie, en jouw naam of organisatie.",
        "Mail een nieuwe collectie",
        form="collectie-aanmelden.yml"),
    "collectie-wijzigen": Route(
        "Wijziging van collectie",
        "Dit is de collectie zoals ik hem wil hebben: de titel, de inleiding en de praktijken in hun volgorde, "
        "met hun toelichting.",
        "Mail een wijziging van een collectie",
        form="collectie-aanmelden.yml"),
    "vraag": Route(
        "Vraag of opmerking over de praktijkbank",
        "Over welke pagina gaat het, en wat is je vraag of wat gaat er mis?",
        "Mail een vraag of opmerking"),
    "handleiding": Route(
        "Vraag over bijdragen aan de praktijkbank",
        "Stuur me de handleiding voor bijdragen (CONTRIBUTING.md).",
        "Vraag de handleiding per e-mail",
        path="CONTRIBUTING.md"),
    "sjabloon": Route(
        "Vraag over het sjabloon van de praktijkbank",
        "Stuur me het sjabloon voor een nieuwe praktijk (practices/_template.yml).",
        "Vraag het sjabloon per e-mail",
        path="practices/_template.yml"),
}


class UnknownRoute(KeyError):
    """A page asks for a route the table does not have; the message names the ones it has."""

    def __init__(self, key: str) -> None:
        super().__init__(f"Onbekende route '{key}'. Kies uit: {', '.join(ROUTES)}.")


@dataclass(frozen=True)
class MailLink:
    """A mailto: address, and whether everything that was filled in fits in it."""

    url: str
    complete: bool


def mailto(contact: str, subject: str, body: str, short_body: str = "") -> MailLink:
    """The address of an e-mail to `contact`, prefilled. When `body` makes it longer than mail programs take,
    the mail gets `short_body` and the request to paste the rest, which the browser put on the clipboard."""
    full = _mailto(contact, subject, body)
    if len(full) <= MAX_MAILTO_LENGTH:
        return MailLink(full, True)
    return MailLink(_mailto(contact, subject, "\n\n".join(part for part in (short_body, TOO_LONG) if part)), False)


def _mailto(contact: str, subject: str, body: str) -> str:
    """RFC 6068: fields percent-encoded as encodeURIComponent does, line breaks as CRLF."""
    fields = "&".join(f"{name}={quote(value.replace(chr(10), chr(13) + chr(10)), safe=URI_COMPONENT_SAFE)}"
                      for name, value in (("subject", subject), ("body", body)))
    return f"mailto:{quote(contact, safe='@' + URI_COMPONENT_SAFE)}?{fields}"


@dataclass(frozen=True)
class WaysIn:
    """The site's repository (https://github.com/<owner>/<name>) and the editors' address; either may be empty."""

    repository: str = ""
    contact: str = ""

    NOTHING_SET_UP = NOTHING_SET_UP

    @property
    def nothing_set_up(self) -> bool:
        return not (self.repository or self.contact)

    @staticmethod
    def route(key: str) -> Route:
        return route_for(key)

    def github_url(self, key: str, **fields: str) -> str | None:
        """The route on GitHub, form fields prefilled; None without a repository (only an https address counts,
        as for the practice pages' form links)."""
        route = route_for(key)
        if not self.repository.startswith("https://"):
            return None
        base = self.repository.rstrip("/")
        if route.path:
            return f"{base}/blob/HEAD/{route.path}"
        query = {"template": route.form, **fields} if route.form else fields
        return f"{base}/issues/new" + (f"?{urlencode(query, quote_via=quote)}" if query else "")

    def mail(self, key: str, context: str = "", filled_in: str = "") -> MailLink | None:
        """The route by e-mail: `context` (which practice, at which address) always fits; `filled_in` (what the
        person wrote in a form) only when there is room. None without a contact address."""
        route = route_for(key)
        if not self.contact:
            return None
        short = "\n\n".join(part for part in (context, route.ask) if part)
        return mailto(self.contact, route.subject, "\n\n".join(part for part in (short, filled_in) if part), short)


def route_for(key: str) -> Route:
    if key not in ROUTES:
        raise UnknownRoute(key)
    return ROUTES[key]


def practice_context(practice_id: str, address: str) -> str:
    """The lines that tell the editors which practice a mail is about."""
    return f"Praktijk: {practice_id}\nAdres: {address}"
