"""Hostile contributor text never becomes live markup, in any file the site publishes.

A valid practice and collection (tests/fixtures/hostile/) carry script tags, event handlers, SVG and MathML,
style, frames, `javascript:`/`data:`/`vbscript:` URLs in every spelling, Markdown links and images and
attribute breakouts in every free-text field. The site is built with them, and every output file is parsed
the way its reader parses it (HTML as a browser does, with html5lib; JSON, CSV, Atom as data): no element,
attribute or URL that the templates did not put there may appear. Then Chromium opens the pages that carry
the payloads and must see no dialog and no script error.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from helpers import FIXTURES, serve
from sites import build, copy_site_repository


HOSTILE = FIXTURES / "hostile"
ALLOWED_SCHEMES = {"", "http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "ping", "codebase", "manifest", "icon"}
URL_KEYS = {"url", "website", "location", "href", "src", "@id", "sameAs", "image", "link", "contentUrl"}
FOREIGN_ELEMENTS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "style", "math",
                    "template", "textarea", "select", "video", "audio", "source", "track", "portal"}
# Files whose strings the theme inserts into pages as HTML (Material's search results).
HTML_IN_JSON = {"search/search_index.json"}
# Where the site's search is: the page, its search box, and one search result.
SEARCH = ("zoeken/", "#pb-search-q", ".pb-result")
PAYLOAD = re.compile(r"alert\(|msgbox\(")
JSON_LD = "application/ld+json"


def scheme(url: str) -> str:
    """The scheme a browser would see (WHATWG URL parsing): outer controls and spaces stripped, tabs and
    newlines removed anywhere; entities are already decoded by the parser."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


def script_text(script: Tag) -> str:
    """The script's source (get_text() leaves script contents out)."""
    return script.string or ""


def inline_scripts(soup: BeautifulSoup) -> Iterator[Tag]:
    return (script for script in soup.find_all("script") if not script.get("src") and script.get("type") != JSON_LD)


def markup_problems(soup: BeautifulSoup, where: str, our_scripts: set[str]) -> list[str]:
    """Everything in parsed HTML that could run or load something the templates did not put there."""
    problems = []
    for element in soup.find_all(True):
        if element.name in FOREIGN_ELEMENTS:
            problems.append(f"{where}: <{element.name}> element")
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                problems.append(f"{where}: {name}= on <{element.name}>")
            elif name.lower() in URL_ATTRIBUTES and any(scheme(v) not in ALLOWED_SCHEMES for v in values):
                problems.append(f"{where}: {name}={value!r} on <{element.name}>")
            elif name.lower() == "srcset" and any(scheme(part.split()[0]) not in ALLOWED_SCHEMES
                                                  for part in str(value).split(",") if part.strip()):
                problems.append(f"{where}: srcset={value!r}")
        if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
            target = str(element.get("content", "")).partition("=")[2].strip("'\" ")
            if scheme(target) not in ALLOWED_SCHEMES:
                problems.append(f"{where}: refresh to {target!r}")
    for script in soup.find_all("script"):
        if script.get("src") and scheme(script["src"]) != "":
            problems.append(f"{where}: script from {script['src']}")
    problems += [f"{where}: inline script {script_text(script)[:80]!r}" for script in inline_scripts(soup)
                 if script_text(script) not in our_scripts]
    for script in soup.find_all("script", type=JSON_LD):
        try:
            problems += data_problems(json.loads(script_text(script)), f"{where} JSON-LD", our_scripts,
                                     html_strings=False)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: JSON-LD does not parse ({error})")
    return problems


def data_problems(data: object, where: str, our_scripts: set[str], key: str = "", *,
                  html_strings: bool) -> list[str]:
    """URLs in JSON must be web links; where strings are shown as HTML (search indexes), harmless HTML."""
    if isinstance(data, dict):
        return [problem for name, value in data.items()
                for problem in data_problems(value, where, our_scripts, name, html_strings=html_strings)]
    if isinstance(data, list):
        return [problem for value in data
                for problem in data_problems(value, where, our_scripts, key, html_strings=html_strings)]
    if isinstance(data, str):
        if key in URL_KEYS and scheme(data) not in ALLOWED_SCHEMES:
            return [f"{where}: {key}={data!r}"]
        if html_strings and "<" in data:
            return markup_problems(BeautifulSoup(data, "html5lib"), f"{where} {key}", our_scripts)
    return []


def feed_problems(path: Path, where: str, our_scripts: set[str]) -> list[str]:
    problems = []
    for element in ET.parse(path).iter():
        if "href" in element.attrib and scheme(element.attrib["href"]) not in ALLOWED_SCHEMES:
            problems.append(f"{where}: href={element.attrib['href']!r}")
        if element.get("type") in ("html", "xhtml") and element.text:
            problems += markup_problems(BeautifulSoup(element.text, "html5lib"), where, our_scripts)
    return problems


def csv_problems(path: Path, where: str) -> list[str]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return [f"{where}: {column}={value!r}" for row in rows for column, value in row.items()
            if "url" in column and value and scheme(value) not in ALLOWED_SCHEMES]


def search_file(path: Path) -> object:
    """One file of the search index (gzip around JSON). Its text is the contributor's raw text, which the
    search page only ever inserts as text (test_search_results_for_a_payload_run_nothing proves it in
    Chromium); what is checked here is that its addresses are live web links only."""
    return json.loads(gzip.decompress(path.read_bytes()))


def site_problems(site: Path, our_scripts: set[str]) -> list[str]:
    """Every published file, parsed by type."""
    problems = []
    for path in sorted(site.rglob("*")):
        where = str(path.relative_to(site))
        if path.suffix == ".html":
            problems += markup_problems(BeautifulSoup(path.read_bytes(), "html5lib"), where, our_scripts)
        elif path.suffix == ".json":
            problems += data_problems(json.loads(path.read_bytes()), where, our_scripts,
                                      html_strings=where in HTML_IN_JSON)
        elif path.suffix == ".zk":
            problems += data_problems(search_file(path), where, our_scripts, html_strings=False)
        elif path.suffix == ".csv":
            problems += csv_problems(path, where)
        elif path.suffix == ".xml":
            problems += feed_problems(path, where, our_scripts)
    return problems


@pytest.fixture(scope="module")
def our_scripts(built_site: Path) -> set[str]:
    """The theme's inline scripts, as the repository's own site has them: the only ones allowed."""
    return {script_text(script) for page in built_site.rglob("*.html")
            for script in inline_scripts(BeautifulSoup(page.read_bytes(), "html5lib"))}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site plus the hostile practice and collection, built once with `mkdocs build`."""
    root = tmp_path_factory.mktemp("hostile")
    repository = copy_site_repository(root / "repo")
    shutil.copy(HOSTILE / "xss-praktijk.yml", repository / "practices")
    shutil.copy(HOSTILE / "xss-collectie.yml", repository / "collections")
    shutil.copytree(HOSTILE / "media", repository / "practices" / "media", dirs_exist_ok=True)
    result = build(repository, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_hostile_files_are_valid_and_rendered_as_text(hostile_site: Path) -> None:
    page = BeautifulSoup((hostile_site / "praktijken/xss-praktijk/index.html").read_bytes(), "html5lib")
    title = (HOSTILE / "xss-praktijk.yml").read_text(encoding="utf-8").split("title: |-\n  ", 1)[1].split("\n")[0]

    assert page.h1.get_text(strip=True) == title
    assert json.loads(script_text(page.find("script", type=JSON_LD)))["name"] == title


def test_no_published_file_contains_injected_markup_or_urls(hostile_site: Path, our_scripts: set[str]) -> None:
    assert site_problems(hostile_site, our_scripts) == []


def test_the_repository_site_passes_the_same_checks(built_site: Path, our_scripts: set[str]) -> None:
    assert site_problems(built_site, our_scripts) == []


def hidden_characters_in(site: Path) -> list[str]:
    """Invisible format characters (Unicode Cf) in the files made from contributor text."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".zk"):
            text = gzip.decompress(path.read_bytes()).decode() if path.suffix == ".zk" else path.read_text("utf-8")
            found += [f"{path.relative_to(site)}: U+{ord(character):04X}" for character in set(text)
                      if unicodedata.category(character) == "Cf"]
    return found


def test_no_published_file_contains_a_hidden_character(hostile_site: Path) -> None:
    assert hidden_characters_in(hostile_site) == []


# Ways to smuggle a right-to-left override into a text field: the character itself, its YAML escape (turned into
# the character in double quotes) and its HTML references (turned into the character by Markdown).
SMUGGLED = [r"\u202e", r"\u202E", "&#x202E;", "&#8238;", "&zwj;", r"\u2066", r"\u200b", r"\ufeff", r"\u00ad"]


def inside_value(line: str) -> int | None:
    """Where a line's text value has begun (after its first character), or None for a line without one."""
    body = line.rstrip("\n")
    start = len(body) - len(body.lstrip(" "))
    start += 2 if body.startswith("- ", start) else 0
    key = re.match(r"[a-z_]+:( |$)", body[start:])
    start += key.end() if key else 0
    if start >= len(body) or body[start] in "|#":
        return None
    return start + (2 if body[start] in "'\"" else 1)


def test_hidden_characters_smuggled_into_every_field_are_refused_where_they_stand(make_repository, run_cli,
                                                                                  tmp_path: Path) -> None:
    lines = (HOSTILE / "xss-praktijk.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    expected = []
    for number, line in enumerate(lines, start=1):
        at = inside_value(line)
        if at is not None:
            smuggled = SMUGGLED[number % len(SMUGGLED)]
            smuggled = html.unescape(smuggled.encode().decode("unicode_escape")) if number % 2 else smuggled
            lines[number - 1] = line[:at] + smuggled + line[at:]
            expected.append((number, at + 1))
    practice = tmp_path / "xss-praktijk.yml"
    practice.write_text("".join(lines), encoding="utf-8")

    result = run_cli("validate", "--root", make_repository(practices=[practice]), "--format", "json")

    assert result.code == 1
    assert [(problem["line"], problem["column"]) for problem in result.problems
            if problem["rule"] == "hidden-character"] == expected


def markup_vocabulary(site: Path) -> set[str]:
    """Every element name and element@attribute pair used anywhere in the site's pages."""
    found = set()
    for page in site.rglob("*.html"):
        for element in BeautifulSoup(page.read_bytes(), "html5lib").find_all(True):
            found |= {element.name, *(f"{element.name}@{name}" for name in element.attrs)}
    return found


def test_hostile_text_adds_no_new_kind_of_element_or_attribute(hostile_site: Path, built_site: Path) -> None:
    """Besides its picture (the repository's practices have none yet), the hostile build uses exactly the
    markup the templates use for ordinary text; and its only images are the practice's own media file."""
    media_markup = {"figure", "figcaption", "img", "img@src", "img@alt", "img@loading", "img@width", "img@height"}
    assert markup_vocabulary(hostile_site) - markup_vocabulary(built_site) <= media_markup
    page = hostile_site / "praktijken/xss-praktijk/index.html"
    images = [image["src"] for image in BeautifulSoup(page.read_bytes(), "html5lib").find_all("img")]
    assert images and all((page.parent / src).resolve().parent == (hostile_site / "media").resolve()
                          for src in images), images


def test_the_checks_catch_injected_markup(our_scripts: set[str]) -> None:
    """The checker itself can fail: each of these slips past a naive filter and must be reported."""
    sneaky = ['<a href=" &#x0A;JaVa&#09;script:alert(1)">x</a>', '<img src=x onerror=alert(1)>',
              "<svg><script>alert(1)</script></svg>", '<iframe src="https://example.org/"></iframe>',
              '<a href="&#0000106avascript:alert(1)">x</a>', '<math><mtext>x</mtext></math>',
              '<form><button formaction="vbscript:x">x</button></form>', '<img srcset="data:x 1x">',
              '<script type="application/ld+json">{"url": "javascript:alert(1)"}</script>']
    for markup in sneaky:
        assert markup_problems(BeautifulSoup(markup, "html5lib"), "x", our_scripts), markup


def test_external_links_in_contributor_markdown_are_marked_untrusted(hostile_site: Path) -> None:
    page = BeautifulSoup((hostile_site / "praktijken/xss-praktijk/index.html").read_bytes(), "html5lib")
    links = page.select(".pb-markdown a[href]") + page.select("article a[href^='http']:not([rel=license])")

    assert len(links) >= 3
    assert [link for link in links if set(link.get("rel", [])) != {"noopener", "noreferrer", "ugc"}] == []


@pytest.fixture
def watched_tab(browser) -> Iterator[object]:
    """A tab that records every dialog (alert, confirm, prompt), script error and console error."""
    context = browser.new_context()
    tab = context.new_page()
    tab.problems = []
    tab.on("dialog", lambda dialog: tab.problems.append(f"dialog: {dialog.message}") or dialog.dismiss())
    tab.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    tab.on("console", lambda message: message.type == "error" and tab.problems.append(f"console: {message.text}"))
    yield tab
    context.close()


@pytest.mark.browser
def test_chromium_opens_the_hostile_pages_without_dialogs_or_errors(watched_tab, hostile_site: Path) -> None:
    """Only pages whose source contains a payload can run one, so those are the pages opened."""
    pages = sorted(path for path in hostile_site.rglob("*.html") if PAYLOAD.search(path.read_text(encoding="utf-8")))
    assert len(pages) >= 5
    with serve(hostile_site) as base_url:
        for path in pages:
            watched_tab.goto(base_url + path.relative_to(hostile_site).as_posix())

    assert watched_tab.problems == []


@pytest.mark.browser
def test_search_results_for_a_payload_run_nothing(watched_tab, hostile_site: Path) -> None:
    """The search results show contributor text too (the theme's search had an XSS before 9.7.7)."""
    page, box, result = SEARCH
    with serve(hostile_site) as base_url:
        watched_tab.goto(base_url + page)
        watched_tab.locator(box).focus()
        watched_tab.keyboard.type("alert onerror")
        watched_tab.wait_for_selector(result, timeout=15_000)
        watched_tab.wait_for_timeout(300)

    assert watched_tab.problems == []


def hostile_collection() -> dict:
    """The hostile collection's texts, which a selection's share link or storage can carry just the same."""
    return yaml.safe_load((HOSTILE / "xss-collectie.yml").read_text(encoding="utf-8"))


@pytest.mark.browser
def test_a_hostile_share_link_and_practice_on_the_selection_page_run_nothing(watched_tab, hostile_site: Path) -> None:
    """Title, introduction and notes come from the link, titles and summaries from a hostile practice: all text."""
    collection = hostile_collection()
    query = urlencode([("t", collection["title"]), ("i", collection["description"]),
                       ("p", ".".join(item["practice"] for item in collection["items"]) + ".%3Cscript%3E"),
                       *(("n", item["note"]) for item in collection["items"])])
    with serve(hostile_site) as base_url:
        for url in ("selectie/?" + query, "selectie/presentatie/?" + query):
            watched_tab.goto(base_url + url)
            watched_tab.wait_for_selector(".pb-selection__list li, .pb-slide h2", state="attached")
            injected = watched_tab.evaluate("""() => [...document.querySelectorAll('.md-content, .pb-show__slides')]
                .flatMap((content) => [...content.querySelectorAll('img, iframe, math, [onload], [onerror], '
                    + '[onmouseover], a[href^="javascript" i], script:not([src])')]).length""")
            assert injected == 0, url
        assert watched_tab.locator("h1").inner_text() == collection["title"][:120]

    assert watched_tab.problems == []


@pytest.mark.browser
def test_a_hostile_stored_selection_runs_nothing(watched_tab, hostile_site: Path) -> None:
    collection = hostile_collection()
    stored = {"title": collection["title"], "intro": collection["description"],
              "items": [{"id": item["practice"], "note": item["note"]} for item in collection["items"]]
              + [{"id": '"><img src=x onerror=alert(1)>', "note": "x"}]}
    with serve(hostile_site) as base_url:
        watched_tab.goto(base_url + "selectie/")
        watched_tab.evaluate("s => localStorage.setItem('praktijkbank-selectie', JSON.stringify(s))", stored)
        for url in ("selectie/", "praktijken/xss-praktijk/", ""):
            watched_tab.goto(base_url + url)
            watched_tab.wait_for_selector(".pb-header-selection:not([hidden])")
        assert watched_tab.locator(".pb-header-selection__count").inner_text() == "2"
        watched_tab.goto(base_url + "selectie/")
        watched_tab.wait_for_selector(".pb-selection__list li")
        assert watched_tab.locator("#pb-selection-title").input_value() == collection["title"][:120]

    assert watched_tab.problems == []
