"""The mkdocs.yml of an exported site tree: the repository's own settings, made to build the tree in place.

`praktijkbank export-pages DIR` writes the complete site into DIR (hand-written and generated pages, the
search index, exports, the theme overrides) and this configuration beside them, so that an engine that reads
mkdocs.yml and runs no MkDocs plugins builds the same site with `zensical build` inside DIR. What changes
against the repository's mkdocs.yml, and why:

- `docs_dir: .` and `site_dir: site`: the tree is the docs folder, and Zensical writes only inside the
  folder that holds the configuration. The output and this file are left out of the pages (`exclude_docs`).
- `theme.custom_dir` relative to the tree (`overrides`): the overrides travel inside it.
- `theme.variant: classic`: Zensical's own look (`modern`) differs from mkdocs-material's; `classic` is
  Material's, so both engines show the same site. MkDocs ignores the setting.
- no `praktijkbank` plugin: the tree already holds everything it would add. No `watch`: it names the
  repository's data folders, which the tree does not need.
- no `praktijkbank.render.ways_in_markdown` extension: the pages' routes are written out in the tree
  (publish/site.py, `write_site`), so the tree builds where praktijkbank is not installed.
- `site_url` is written out: `!ENV` was resolved when the pages were made, and the pages must agree with it.
  So are `extra.repository` and `extra.contact`, in the one form the pages were made with.

MkDocs itself refuses a docs_dir that holds its configuration: it builds the repository with the plugin.
"""

from __future__ import annotations

from typing import Any

import yaml

from praktijkbank.load.site_config import (CONFIG_NAME, WAYS_IN_EXTENSION, SiteConfig, SiteConfigError, read_settings,
                                           with_ways_in)

OUTPUT_DIR = "site"
ENGINE_PLUGIN = "praktijkbank"
CLASSIC = "classic"
# Left out of the pages: the built site, and this configuration itself.
TREE_EXCLUSIONS = (f"/{OUTPUT_DIR}/", f"/{CONFIG_NAME}")


HEADER = """\
# Gemaakt door `praktijkbank export-pages`: de instellingen uit mkdocs.yml van de praktijkbank, om deze map
# te bouwen met een andere site-bouwer, zoals Zensical (`zensical build`). Niet met de hand bewerken.
"""


class _Dumper(yaml.SafeDumper):
    """Plain YAML, with text of several lines as a block (`|`), as people write it."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def export_config(config: SiteConfig) -> str:
    """The YAML text of the exported tree's mkdocs.yml."""
    settings = read_settings(config.config_file)
    settings.pop("watch", None)
    with_ways_in(settings, config.repository or "", config.contact)
    settings.update(site_url=config.site_url or "", docs_dir=".", site_dir=OUTPUT_DIR,
                    exclude_docs="".join(f"{line}\n" for line in [*_lines(settings.get("exclude_docs")),
                                                                   *TREE_EXCLUSIONS]),
                    plugins=[entry for entry in settings.get("plugins", []) if _plugin_name(entry) != ENGINE_PLUGIN],
                    markdown_extensions=[entry for entry in settings.get("markdown_extensions", [])
                                         if _plugin_name(entry) != WAYS_IN_EXTENSION])
    theme = settings.get("theme")
    if isinstance(theme, dict):
        theme.setdefault("variant", CLASSIC)
        if theme.get("custom_dir"):
            theme["custom_dir"] = _inside_docs(config, theme["custom_dir"])
    return HEADER + yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


def _inside_docs(config: SiteConfig, folder: str) -> str:
    """A folder of the repository as a path inside the tree, which holds only what docs_dir holds."""
    path = (config.config_file.parent / folder).resolve()
    if not path.is_relative_to(config.docs_dir.resolve()):
        raise SiteConfigError(f"theme.custom_dir '{folder}' staat niet in {config.docs_dir}: de geëxporteerde "
                              "map kan de thema-aanpassingen dan niet meenemen. Zet ze in de docs-map.")
    return path.relative_to(config.docs_dir.resolve()).as_posix()


def _lines(patterns: str | None) -> list[str]:
    return [line for line in (patterns or "").splitlines() if line.strip()]


def _plugin_name(entry: Any) -> str:
    """A plugin or Markdown extension entry is a name or `{name: options}`."""
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)
