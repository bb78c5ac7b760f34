"""mkdocs-material's built-in search on the same pages, built from the exported Markdown: the yardstick of a
search that sends its whole index before the first result."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.bench.browser import SearchUi

THEME_SEARCH = SearchUi(
    "Material", "", ".md-search__input",
    "q => document.querySelector('.md-search__input').value === q"
    " && document.querySelectorAll('.md-search-result__item').length > 0",
    "() => document.querySelector('.md-search-result__item') === null",
    ("/search/", "/workers/", "/lunr/"))


def write_theme_search_config(plain_config: Path) -> Path:
    """The plain build with Material's own search switched on and Material's own header (which holds its
    search box) instead of ours."""
    config = yaml.safe_load(plain_config.read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"lang": "nl"}}, *config["plugins"]]
    del config["theme"]["custom_dir"]
    target = plain_config.with_name("theme-search.yml")
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
