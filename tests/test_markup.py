"""Contributor Markdown becomes safe HTML: allowed formatting survives, anything that could run is inert."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from praktijkbank.render.markup import markdown_to_html


def parsed(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown_to_html(text), "html.parser")


def test_everyday_formatting_is_kept() -> None:
    html = parsed("Een **vette** en *schuine* tekst.\n\n- een\n- twee\n\n1. eerst\n2. dan\n\n> een citaat")
    assert html.strong.text == "vette" and html.em.text == "schuine"
    assert [li.text for li in html.select("ul li")] == ["een", "twee"]
    assert [li.text for li in html.select("ol li")] == ["eerst", "dan"]
    assert html.blockquote.get_text(strip=True) == "een citaat"


def test_headings_sit_below_the_page_headings() -> None:
    html = parsed("# Groot\n\n## Kleiner\n\n###### Kleinst")
    assert [heading.name for heading in html.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == ["h3", "h4", "h6"]


def test_links_keep_working_and_carry_rel() -> None:
    link = parsed("[De bibliotheek](https://www.bibliotheek.nl/) en [mail](mailto:info@bibliotheek.nl)").find_all("a")
    assert [a["href"] for a in link] == ["https://www.bibliotheek.nl/", "mailto:info@bibliotheek.nl"]
    assert all(a["rel"] == ["noopener", "noreferrer", "ugc"] for a in link)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#115;cript:alert(1)", "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "%01javascript:alert(1)", "java\tscript:alert(1)",
])
def test_links_that_could_run_code_lose_their_target(url: str) -> None:
    html = parsed(f"[klik]({url}) <{url}>")
    assert all(not a.get("href", "").lower().lstrip().startswith(("javascript", "data", "vbscript"))
               for a in html.find_all("a"))


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<iframe src=https://x></iframe>", "<a href=javascript:alert(1)>x</a>", "<style>*{}</style>",
    '<p onclick="alert(1)">x</p>',
])
def test_raw_html_is_shown_as_text_never_as_elements(payload: str) -> None:
    html = parsed(f"Tekst {payload}\n\n{payload}")
    assert html.find_all(["script", "img", "svg", "iframe", "style"]) == []
    assert all(not name.startswith("on") for element in html.find_all(True) for name in element.attrs)
    assert payload in html.get_text()


def test_images_become_plain_links_to_nothing_external() -> None:
    html = parsed("![Een foto](https://elders.example/foto.jpg)")
    assert html.find("img") is None
