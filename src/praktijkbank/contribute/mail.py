"""A mail from the site's e-mail route, as the editors have it: a saved message (`.eml`, with headers and
any transfer encoding) or a body pasted from a mail program. `read_mail` gives back the answers text the page
put in the mail (each answer under `### Label`, as "Kopieer de tekst" and GitHub write them), so
`from-mail` reads it exactly as `from-issue` reads an issue.

What mail programs do to a text on its way is undone here, and nothing else is touched:
- headers and the transfer encoding (quoted-printable, base64) and charset of a saved message are read with
  Python's own `email` package; `format=flowed` lines are joined again (RFC 3676);
- a pasted body that is still quoted-printable (soft line breaks `=` at a line's end, `=C3=A9`) is decoded,
  but only when every `=` in it is part of such an escape, so an `=` in an answer stays;
- line endings (CRLF, CR) become LF, non-breaking spaces become spaces;
- `> ` quoting (a forwarded or replied mail) is taken off to the depth of the first question;
- a signature (`-- ` on a line of its own) after the last answer goes, and so does a closing line such as a
  phone's "Verstuurd vanaf mijn iPhone".
"""

from __future__ import annotations

import email
import email.policy
import quopri
import re
from dataclasses import dataclass
from datetime import timezone
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from praktijkbank.common.suggest import normalise
from praktijkbank.common.ways_in import ROUTES
from praktijkbank.contribute.from_issue import HEADING
from praktijkbank.contribute.issue_form import FORMS, IssueForm

# Headers that make a text a saved mail rather than a pasted body; a pasted body may start with lines such as
# "Praktijk: ..." that look like headers too. Dutch names as mail programs print them when a mail is copied.
_MAIL_HEADERS = {"subject", "from", "to", "date", "message-id", "mime-version", "content-type", "onderwerp",
                 "van", "aan", "datum", "verzonden"}
_SUBJECT_HEADERS = ("subject", "onderwerp")
_QUOTED_PRINTABLE_ESCAPE = re.compile(r"=(?:\r?\n|[0-9A-Fa-f]{2})")
_QUOTE = re.compile(r"^(?:> ?)")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|doorst|antw|tr|wg)\s*:\s*)+", re.IGNORECASE)
_SIGNATURE = "-- "
_SENT_FROM = re.compile(r"^\s*(?:verstuurd|verzonden|sent)\s+(?:vanaf|van|met|from|with)\s+", re.IGNORECASE)


class NotAMail(ValueError):
    """The file holds no text the editors could have received (no text part, an unreadable encoding)."""


@dataclass(frozen=True)
class Mail:
    """What the command needs of a mail: its subject, its body as the page wrote it, and its date (jjjj-mm-dd)
    when the mail says it."""

    subject: str
    body: str
    date: str | None


def read_mail(raw: bytes) -> Mail:
    """The subject, answers text and date of a saved or pasted mail."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not {name.lower() for name in message.keys()} & _MAIL_HEADERS:
        return Mail("", clean_body(_maybe_quoted_printable(_decoded(raw))), None)
    assert isinstance(message, EmailMessage)
    subject = next((str(message[name]) for name in _SUBJECT_HEADERS if message[name]), "")
    return Mail(" ".join(subject.split()), clean_body(_message_text(message)), _date(message))


def form_for_subject(subject: str) -> IssueForm | None:
    """The form whose answers a mail with this subject carries (the routes of common/ways_in.py), if any.
    A subject may go on after the route's own ("Wijziging van collectie <titel>"); the longest route subject
    it starts with decides, and "Re:" and "Fwd:" in front of it do not count."""
    wanted = normalise(_REPLY_PREFIX.sub("", subject))
    routes = [route for route in ROUTES.values() if route.form and wanted.startswith(normalise(route.subject))]
    route = max(routes, key=lambda route: len(route.subject), default=None)
    return next((form for form in FORMS if route and form.path.name == route.form), None)


def _message_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        raise NotAMail("deze mail heeft geen tekst zonder opmaak. Sla de mail op als tekst, of kopieer de tekst "
                       "van de mail in een bestand.")
    try:
        text = part.get_content()
    except (LookupError, UnicodeError) as error:
        raise NotAMail(f"de tekst van deze mail kan niet worden gelezen ({error}).") from None
    if part.get_param("format", "").lower() == "flowed":
        text = _unflowed(text, part.get_param("delsp", "").lower() == "yes")
    if str(part.get("content-transfer-encoding", "")).lower() not in ("quoted-printable", "base64"):
        text = _maybe_quoted_printable(text)
    return text


def _date(message: EmailMessage) -> str | None:
    """The day the mail was sent in UTC, the calendar the build counts days in (common/clock.py): a mail sent
    just after midnight in the Netherlands is dated the day before, which the build has already reached."""
    if not message["date"]:
        return None
    try:
        sent = parsedate_to_datetime(str(message["date"]))
        return (sent.astimezone(timezone.utc) if sent.tzinfo else sent).date().isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _decoded(raw: bytes) -> str:
    """A pasted text: UTF-8, or what Windows programs save when it is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _maybe_quoted_printable(text: str) -> str:
    """The text decoded from quoted-printable when it is that: it has an escape and every `=` is one."""
    escapes = len(_QUOTED_PRINTABLE_ESCAPE.findall(text))
    if not escapes or escapes != text.count("="):
        return text
    decoded = quopri.decodestring(text.encode("utf-8"))
    try:
        return decoded.decode("utf-8")
    except UnicodeDecodeError:
        return decoded.decode("cp1252", errors="replace")


def _unflowed(text: str, delete_space: bool) -> str:
    """RFC 3676: a line ending in a space goes on in the next one; a leading space was added for sending."""
    lines: list[str] = []
    joining = False
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line[1:] if line.startswith(" ") else line
        if joining:
            lines[-1] += line
        else:
            lines.append(line)
        joining = line.endswith(" ") and line != _SIGNATURE
        if joining and delete_space:
            lines[-1] = lines[-1][:-1]
    return "\n".join(lines)


def clean_body(text: str) -> str:
    """A mail body with line endings, spaces, quoting and signature as the page wrote it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
    lines = _unquoted(lines)
    return "\n".join(_without_signature(lines)).strip("\n") + "\n"


def _depth(line: str) -> tuple[int, str]:
    """How deep a line is quoted, and the line without its quote marks."""
    depth = 0
    while match := _QUOTE.match(line):
        line = line[match.end():]
        depth += 1
    return depth, line


def _unquoted(lines: list[str]) -> list[str]:
    """The lines with as many quote marks taken off as the first question heading has."""
    depth = next((found for found, rest in map(_depth, lines) if HEADING.match(rest)), 0)
    if not depth:
        return lines
    result = []
    for line in lines:
        for _ in range(depth):
            match = _QUOTE.match(line)
            if not match:
                break
            line = line[match.end():]
        result.append(line)
    return result


def _without_signature(lines: list[str]) -> list[str]:
    """The lines up to a signature after the last heading, without a closing "sent from" line."""
    last_heading = max((index for index, line in enumerate(lines) if HEADING.match(line)), default=-1)
    for index in range(last_heading + 1, len(lines)):
        if lines[index] in (_SIGNATURE, _SIGNATURE.strip()):
            lines = lines[:index]
            break
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if filled and filled[-1] > last_heading and _SENT_FROM.match(lines[filled[-1]]):
        return lines[:filled[-1]]
    return lines
