"""The site settings in mkdocs.yml that the core needs, read without MkDocs.

mkdocs.yml is the one configuration of the site: MkDocs reads all of it, and the core reads what it needs to
build the whole site itself (the address, where the hand-written pages are and which of them are left out,
how their Markdown is rendered and what the navigation calls them). Values follow MkDocs' rules, so both
see the same site: `!ENV` tags, `site_url` ending in a slash, MkDocs' default exclusions (dot files,
`templates/`) before `exclude_docs`, and its three built-in Markdown extensions before the configured ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec
import yaml
from yaml_env_tag import construct_env_tag

from praktijkbank.common.addresses import AddressError, contact_address, repository_address

CONFIG_NAME = "mkdocs.yml"
# MkDocs leaves these out of every site, whatever exclude_docs says.
DEFAULT_EXCLUSIONS = (".*", "/templates/")
# MkDocs always renders with these, before the ones mkdocs.yml names.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class SiteConfigError(Exception):
    """mkdocs.yml is missing or cannot be read; the message says so in Dutch."""


@dataclass(frozen=True)
class SiteConfig:
    """What the core needs of mkdocs.yml. `nav` maps every page path the navigation names to its title there
    (None when the entry has no title). `repository` and `contact` are `extra.repository` and `extra.contact`:
    the ways in for contributors (common/ways_in.py), empty when not set, in the one form of
    common/addresses.py (the repository as `https://<host>/<owner>/<name>`)."""

    config_file: Path
    site_url: str | None = None
    docs_dir: Path = Path("docs")
    use_directory_urls: bool = True
    exclude_docs: pathspec.GitIgnoreSpec = field(default_factory=lambda: _exclusions(""))
    markdown_extensions: tuple[str, ...] = BUILTIN_EXTENSIONS
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    nav: dict[str, str | None] = field(default_factory=dict)
    repository: str | None = None  # extra.repository: the GitHub repository whose forms the pages link to
    contact: str = ""  # extra.contact: the editors' e-mail address, the way in without a GitHub account

    def is_excluded(self, src_uri: str) -> bool:
        """A file in docs_dir (path relative to it) that the site leaves out."""
        return self.exclude_docs.match_file(src_uri)


class _Loader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV NAME` and `!ENV [NAME, ..., default]`."""


_Loader.add_constructor("!ENV", construct_env_tag)


def read_settings(config_file: Path) -> dict[str, Any]:
    """Every setting of `config_file` as plain data, `!ENV` tags resolved."""
    try:
        raw = _parse(config_file.read_text(encoding="utf-8-sig")) or {}
    except OSError as error:
        raise SiteConfigError(f"'{config_file}' kan niet gelezen worden: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise SiteConfigError(f"'{config_file}' is geen UTF-8-tekst; sla het bestand op als UTF-8.") from None
    except yaml.YAMLError as error:
        raise SiteConfigError(f"'{config_file}' is geen geldige YAML: {error}") from None
    if not isinstance(raw, dict):
        raise SiteConfigError(f"'{config_file}' moet instellingen bevatten (naam: waarde).")
    return raw


def _parse(text: str) -> Any:
    """One document through the safe loader with the `!ENV` tag (a SafeLoader: no Python objects)."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_site_config(config_file: Path) -> SiteConfig:
    """The settings of `config_file` (mkdocs.yml), with MkDocs' defaults for what it leaves out."""
    raw = read_settings(config_file)
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
    repository = _address(repository_address, extra.get("repository"), "extra.repository", "PRAKTIJKBANK_REPOSITORY",
                          config_file)
    contact = _address(contact_address, extra.get("contact"), "extra.contact", "PRAKTIJKBANK_CONTACT", config_file)
    with_ways_in(raw, repository, contact)
    extensions, options = markdown_extensions(raw.get("markdown_extensions") or [])
    return SiteConfig(
        config_file=config_file,
        site_url=directory_url(raw.get("site_url")),
        docs_dir=config_file.parent / raw.get("docs_dir", "docs"),
        use_directory_urls=bool(raw.get("use_directory_urls", True)),
        exclude_docs=_exclusions(raw.get("exclude_docs") or ""),
        markdown_extensions=extensions,
        extension_configs=options,
        nav=dict(nav_entries(raw.get("nav") or [])),
        repository=repository or None,
        contact=contact,
    )


def _address(read: Callable[[object, str], str], value: Any, setting: str, variable: str, config_file: Path) -> str:
    """A way in for contributors in its one form; a value in no usable form stops the build, since the pages
    would otherwise lose their links without a word."""
    try:
        return read(value, f"{setting} (of de omgevingsvariabele {variable})")
    except AddressError as error:
        line = _line_of(config_file, *setting.split("."))
        raise SiteConfigError(f"{config_file}{f':{line}' if line else ''}: {error}") from None


def _line_of(config_file: Path, *keys: str) -> int | None:
    """The line (from 1) of a nested setting in `config_file`, to point at it in a message."""
    node = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=_Loader)
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for name, value in node.value if name.value == key), None)
    return node.start_mark.line + 1 if node is not None else None


WAYS_IN_EXTENSION = "praktijkbank.render.ways_in_markdown"


def with_ways_in(settings: dict[str, Any], repository: str, contact: str) -> None:
    """Put the addresses, in their one form, where the theme (`extra`) and the Markdown extension that writes
    the routes' links read them (`mdx_configs`, or the `markdown_extensions` entries of mkdocs.yml), so
    `owner/name` there means the same as the whole address everywhere."""
    if isinstance(settings.get("extra"), MutableMapping):
        settings["extra"].update(repository=repository, contact=contact)
    options = [settings.get("mdx_configs", {}).get(WAYS_IN_EXTENSION)]
    options += [entry[WAYS_IN_EXTENSION] for entry in settings.get("markdown_extensions") or []
                if isinstance(entry, dict) and WAYS_IN_EXTENSION in entry]
    for option in options:
        if isinstance(option, MutableMapping):
            option.update(repository=repository, contact=contact)


def markdown_extensions(entries: list[Any]) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    """The extension names in order (MkDocs' built-ins first, each once) and the options of those that have
    them: an entry is a name, or `{name: options}`."""
    names, options = list(BUILTIN_EXTENSIONS), {}
    for entry in entries:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings is not None:
            options[name] = settings
    return tuple(dict.fromkeys(names)), options


def nav_entries(items: list[Any], title: str | None = None) -> Iterator[tuple[str, str | None]]:
    """(page path, title) for every page the `nav` names; links to other sites are no pages."""
    for item in items:
        if isinstance(item, str):
            if "://" not in item:
                yield item, title
        elif isinstance(item, dict):
            for name, value in item.items():
                yield from nav_entries(value, None) if isinstance(value, list) else nav_entries([value], name)


def _exclusions(patterns: str) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUSIONS, *patterns.splitlines()])


def directory_url(url: Any) -> str | None:
    """MkDocs' site_url always ends in a slash; an empty one means none."""
    if not url:
        return None
    return url if str(url).endswith("/") else f"{url}/"
