"""The hand-written pages in docs_dir, rendered from their Markdown as the site renders them: with the Markdown
extensions and options of mkdocs.yml, and the title MkDocs gives them: the title in the navigation, else a
`title` in the front matter, else the first heading if the page starts with one, else `Home` for the home
page and the file name for others.

Search indexes these pages from here, so the core needs no engine to know what they say. Front matter is
read as MkDocs reads YAML front matter; MkDocs' older MultiMarkdown-style `key: value` header is not (the
site's pages do not use it).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor

from praktijkbank.load.docs_files import HOME, DocsFile, docs_files, source_url
from praktijkbank.load.site_config import SiteConfig

# YAML front matter between `---` lines, as MkDocs reads it.
HOME_TITLE = "Home"
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class DocsPage:
    """A hand-written page: its address, its title and its body as HTML."""

    url: str
    title: str
    html: str


class _FirstHeading(Treeprocessor):
    """Keeps the text of the page's first element when that is an `h1`, as MkDocs takes a title from it."""

    title: str | None = None

    def run(self, root: Element) -> None:
        first = next(iter(root), None)
        self.title = " ".join("".join(first.itertext()).split()) if first is not None and first.tag == "h1" else None


def docs_pages(config: SiteConfig) -> list[DocsPage]:
    """Every hand-written page the site publishes, by source path."""
    renderer = markdown.Markdown(extensions=list(config.markdown_extensions),
                                 extension_configs=config.extension_configs)
    heading = _FirstHeading(renderer)
    renderer.treeprocessors.register(heading, "praktijkbank_first_heading", 1)
    return [render_page(file, config, renderer, heading) for file in docs_files(config) if file.is_page]


def render_page(file: DocsFile, config: SiteConfig, renderer: markdown.Markdown, heading: _FirstHeading) -> DocsPage:
    text, meta = front_matter(file.path.read_text(encoding="utf-8-sig"))
    html = renderer.reset().convert(text)
    url = source_url(file.src_uri, config.use_directory_urls) or file.src_uri
    title = (config.nav.get(file.src_uri) or meta.get("title") or heading.title
             or (HOME_TITLE if url == HOME else file_title(file.src_uri)))
    return DocsPage(url, str(title), html)


def front_matter(text: str) -> tuple[str, dict]:
    """The Markdown without its YAML front matter, and the front matter (empty when there is none)."""
    match = FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(match.group(1)) if match else None
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):  # as MkDocs does: what is no front matter stays part of the page
        return text, {}
    return text[match.end():].lstrip("\n"), meta


def file_title(src_uri: str) -> str:
    """MkDocs' last resort: the file name with spaces, capitalised when it was all lower case."""
    name = posixpath.splitext(posixpath.basename(src_uri))[0]
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
