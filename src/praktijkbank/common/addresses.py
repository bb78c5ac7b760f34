"""The two addresses a site is set up with: the GitHub repository whose forms the pages link to
(`extra.repository`, or PRAKTIJKBANK_REPOSITORY) and the editors' e-mail address (`extra.contact`, or
PRAKTIJKBANK_CONTACT).

A builder writes them by hand, often in an environment variable, so they are read in the forms people use
(`owner/name` as GitHub shows it, or the whole address) and written in one form: the repository as
`https://<host>/<owner>/<name>`. Anything else is refused with the form that is expected, so a typing mistake
never silently removes every link to a form.
"""

from __future__ import annotations

import re

GITHUB = "https://github.com"
# GitHub's own rules: an owner is letters, digits and single hyphens; a repository name also has `.` and `_`.
_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_NAME = r"[A-Za-z0-9._-]{1,100}"
_SHORT = re.compile(rf"^(?P<owner>{_OWNER})/(?P<name>{_NAME})/?$")
# The name is matched lazily, so a `.git` at the end (a clone address) is not part of it.
_FULL = re.compile(rf"^(?P<host>https://[A-Za-z0-9.-]+(?::\d+)?)/(?P<owner>{_OWNER})/(?P<name>{_NAME}?)(?:\.git)?/?$")
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
REPOSITORY_EXAMPLE = "voorbeeld/praktijkbank"
CONTACT_EXAMPLE = "redactie@praktijkbank.example"


class AddressError(ValueError):
    """A setting that is not in a form the site can use; the message says, in Dutch, what is expected."""


def repository_address(value: object, setting: str = "extra.repository") -> str:
    """The repository's address as `https://<host>/<owner>/<name>`; "" when none is set."""
    text = str(value or "").strip()
    if not text:
        return ""
    if short := _SHORT.match(text):
        return f"{GITHUB}/{short['owner']}/{short['name']}"
    if (full := _FULL.match(text)) and full["name"] not in (".", ".."):
        return f"{full['host']}/{full['owner']}/{full['name']}"
    raise AddressError(f"{setting} is geen GitHub-repository: '{text}'. Schrijf eigenaar/naam, bijvoorbeeld "
                       f"{REPOSITORY_EXAMPLE}, of het hele adres, bijvoorbeeld {GITHUB}/{REPOSITORY_EXAMPLE}.")


def contact_address(value: object, setting: str = "extra.contact") -> str:
    """The editors' e-mail address (a `mailto:` in front of it is dropped); "" when none is set."""
    text = str(value or "").strip()
    address = text.removeprefix("mailto:")
    if not text:
        return ""
    if _EMAIL.match(address):
        return address
    raise AddressError(f"{setting} is geen e-mailadres: '{text}'. Schrijf alleen het adres, bijvoorbeeld "
                       f"{CONTACT_EXAMPLE}.")
