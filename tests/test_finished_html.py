"""The plugin hands MkDocs the generated pages as finished HTML (mkdocs_adapter/finished_html.py): Python-Markdown
no longer re-reads the raw HTML our templates wrote. The HTML and table of contents must be exactly what
Python-Markdown makes of the same page, and a page of another shape must still go through Python-Markdown."""

from __future__ import annotations

from functools import cache

from markdown import Markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.mkdocs_adapter.finished_html import FinishedHtml
from praktijkbank.mkdocs_adapter.plugin import PraktijkbankPlugin
from praktijkbank.publish.site import Site, build_site


@cache
def _site() -> Site:
    return build_site(Repository(PROJECT_ROOT))


@cache
def _config() -> MkDocsConfig:
    return load_config(str(PROJECT_ROOT / "mkdocs.yml"))


def _markdown() -> Markdown:
    return Markdown(extensions=_config().markdown_extensions, extension_configs=_config().mdx_configs)


def _finished_html(extensions: tuple[str, ...] = ()) -> FinishedHtml:
    return FinishedHtml([*_config().markdown_extensions, *extensions], _config().mdx_configs)


def test_every_generated_page_is_the_html_and_toc_python_markdown_makes_of_it() -> None:
    markdown, finished_html = _markdown(), _finished_html()
    short_cut = 0
    for page in _site().pages:
        body, _ = get_data(page.content)
        finished = finished_html.convert(body)
        if finished is None:
            continue
        short_cut += 1
        markdown.reset()
        assert finished.html == markdown.convert(body), page.src_uri
        assert finished.toc_tokens == markdown.toc_tokens, page.src_uri
    assert short_cut == len(_site().pages)


def test_a_page_with_markdown_of_another_shape_goes_through_python_markdown() -> None:
    finished_html = _finished_html()

    assert finished_html.convert("<p>Een alinea.</p>\n\n## Kop\n\n<div>blok</div>\n") is not None
    for other in ("Gewone tekst.\n", "## Kop met *nadruk*\n", "<div>blok</div> en tekst\n", "<!-- opmerking -->\n",
                  "## Kop\nmeteen tekst\n", "<span>regel</span>\n", "<script>if (a < b) {}</script>\n",
                  "<div>\n\tingesprongen\n</div>\n", "<div>\n  \n</div>\n"):
        assert finished_html.convert(other) is None, other
    assert _finished_html(("smarty",)).convert("## Thema's\n") is None


def test_the_plugin_gives_a_generated_page_its_finished_html_and_toc() -> None:
    config, site = _config(), _site()
    generated = next(page for page in site.pages if page.src_uri.startswith("praktijken/")
                     and page.content.count("\n## ") > 1)
    plugin = PraktijkbankPlugin()
    plugin.site, plugin.generated = site, {page.src_uri for page in site.pages}
    file = File(generated.src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = generated.content
    page = Page(None, file, config)
    page.read_source(config)
    source = page.markdown or ""

    assert plugin.on_page_markdown(source, page=page, config=config, files=Files([file])) == ""
    html = plugin.on_page_content("", page=page, config=config, files=Files([file]))

    markdown = _markdown()
    assert html == markdown.convert(source)
    assert len(page.toc.items) > 1
    assert str(page.toc) == str(get_toc(markdown.toc_tokens))
