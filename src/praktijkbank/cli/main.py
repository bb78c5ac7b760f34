"""The `praktijkbank` command. Messages are Dutch: the people reading them are contributors, not programmers.

Exit codes: 0 all is well, 1 problems found in the input, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from praktijkbank.cli.contribute_parser import CONTRIBUTE_COMMANDS, add_contribute_commands
from praktijkbank.common.clock import reference_date
from praktijkbank.common.problems import FORMATTERS, Problem
from praktijkbank.load.repository import COLLECTION, PRACTICE, Repository
from praktijkbank.publish.published_urls import MANIFEST_NAME
from praktijkbank.validate.checker import load_vocabularies, validate_repository

if TYPE_CHECKING:
    from praktijkbank.load.site_config import SiteConfig
    from praktijkbank.publish.site import Site

# Imports for building or checking the site are made inside the commands that need them: `validate` runs on
# every push and every save in an editor, and importing the site builder would double its time.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


_ARGPARSE_DUTCH = (
    ("the following arguments are required:", "dit ontbreekt:"),
    ("unrecognized arguments:", "onbekende opties:"),
    ("invalid choice:", "ongeldige keuze:"),
    ("choose from", "kies uit"),
    ("expected one argument", "hier hoort één waarde bij"),
    ("not allowed with argument", "mag niet samen met"),
    ("one of the arguments", "kies een van"),
    ("is required", "is verplicht"),
    ("argument ", "optie "),
)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is reported in Dutch and raised instead of exiting mid-way."""

    def error(self, message: str) -> NoReturn:
        for english, dutch in _ARGPARSE_DUTCH:
            message = message.replace(english, dutch)
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="praktijkbank", description="Praktijkbank Sociaal Domein: controleer en bouw de praktijkbank.")
    common = _Parser(add_help=False)
    common.add_argument("--root", type=Path, default=Path("."),
                        help="de map van de praktijkbank (standaard: de huidige map)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht", parser_class=_Parser)

    validate = commands.add_parser("validate", parents=[common], help="controleer praktijken en collecties",
                                   description="Controleer praktijken en collecties op fouten.")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PAD",
                          help="bestanden of mappen om te controleren (standaard: alles)")
    validate.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                          help="text (standaard), github (meldingen in een pull request) of json")
    validate.add_argument("--zonder-waarschuwingen", "--no-warnings", dest="warnings", action="store_false",
                          help="toon alleen fouten, geen tips om de praktijk vollediger te maken")

    export = commands.add_parser(
        "export-pages", parents=[common], help="schrijf alle pagina's als Markdown naar een map",
        description="Schrijf de handgeschreven pagina's uit docs/ en alle gemaakte pagina's en bestanden naar "
                    "MAP, zodat een andere site-bouwer die mkdocs.yml leest de site kan maken.")
    export.add_argument("target", type=Path, metavar="MAP", help="een lege of nog niet bestaande map")
    export.add_argument("--site-url", default=None, help="het adres van de site, voor de feed en Open Graph")

    generate = commands.add_parser(
        "generate", parents=[common], help="werk de JSON-schema's en het sjabloon bij",
        description="Schrijf de bestanden die uit schemas/vocabularies.yml en de schema's volgen: "
                    "de keuzelijsten in de JSON-schema's, practices/_template.yml, het aanmeldformulier "
                    "in .github/ISSUE_TEMPLATE/ en de schema's van de open data in schemas/published/. "
                    "Een wijziging van de open data die hergebruikers raakt, zonder nieuwe versie, wordt "
                    "geweigerd.")
    mode = generate.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="controleer of ze bijgewerkt zijn")
    mode.add_argument("--write", action="store_true", help="schrijf ze bijgewerkt weg")
    add_contribute_commands(commands, common)

    check_links = commands.add_parser(
        "check-links", parents=[common], help="controleer de links in de gebouwde site",
        description="Controleer of elke link binnen de gebouwde site ergens heen gaat (zonder internet). "
                    "Met --external ook of de webadressen in de praktijken nog werken; dode adressen worden "
                    "gemeld per bestand en regel, maar maken de uitkomst niet fout (exitcode 0).")
    check_links.add_argument("site", nargs="?", type=Path, default=Path("site"), metavar="MAP",
                             help="de gebouwde site (standaard: site)")
    check_links.add_argument("--external", action="store_true",
                             help="vraag ook de webadressen in de praktijken en collecties op (internet nodig)")
    check_links.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                             help="text (standaard), github of json, voor de dode webadressen")

    published = commands.add_parser(
        "published-urls", parents=[common], help="werk de lijst van gepubliceerde adressen bij",
        description=f"Vergelijk {MANIFEST_NAME} met de adressen die de site nu publiceert. Een adres in de lijst "
                    "moet blijven werken; nieuwe adressen zet je er met --update bij.")
    action = published.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="meld nieuwe en verdwenen adressen")
    action.add_argument("--update", action="store_true", help=f"schrijf {MANIFEST_NAME} opnieuw")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; never let a Python traceback reach a contributor."""
    # A short run that builds much acyclic data: collect garbage less often, as mypy does.
    gc.set_threshold(100_000, 50, 100)
    try:
        arguments = build_parser().parse_args(argv)
        return _COMMANDS[arguments.command](arguments)
    except UsageError as error:
        print(f"praktijkbank: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence for contributors
        print("praktijkbank: er ging iets mis in het programma zelf, niet per se in jouw bestand.\n"
              f"Meld dit aan de beheerders van de praktijkbank, met deze regel: {type(error).__name__}: {error}",
              file=sys.stderr)
        return EXIT_PROBLEMS


def _repository(arguments: argparse.Namespace) -> Repository:
    root = arguments.root
    if not (root / "schemas" / "vocabularies.yml").is_file():
        raise UsageError(f"'{root}' is geen praktijkbank: schemas/vocabularies.yml ontbreekt. "
                         "Start het commando in de map van de praktijkbank of gebruik --root.")
    return Repository(root)


def _existing(paths: Sequence[Path]) -> list[Path]:
    """The files and folders named on the command line; which files in them count is the repository's rule."""
    for path in paths:
        if not path.exists():
            raise UsageError(f"'{path}' bestaat niet.")
    return list(paths)


def _validate(arguments: argparse.Namespace) -> int:
    """Errors decide the exit code; warnings (completeness hints, unexplained abbreviations) are shown with them
    but never fail."""
    repository = _repository(arguments)
    selected = _existing(arguments.paths)
    report = validate_repository(repository, selected, workers=os.cpu_count() or 1,
                                 hints_on=reference_date() if arguments.warnings else None)
    warnings = report.warnings if arguments.warnings else []
    if report.problems or warnings:
        print(FORMATTERS[arguments.format](sorted(report.problems + warnings)))
    print(_summary(report.problems, report.records, len(warnings)), file=sys.stderr)
    return EXIT_PROBLEMS if report.problems else EXIT_OK


def _summary(problems: list[Problem], records: list, warnings: int = 0) -> str:
    tips = f" {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}: tips, geen fouten." if warnings else ""
    if problems:
        files = len({problem.file for problem in problems})
        return (f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} gevonden in "
                f"{files} {'bestand' if files == 1 else 'bestanden'}.{tips}")
    practices = sum(record.kind == PRACTICE for record in records)
    collections = sum(record.kind == COLLECTION for record in records)
    return (f"Alles in orde: {practices} {'praktijk' if practices == 1 else 'praktijken'} en "
            f"{collections} {'collectie' if collections == 1 else 'collecties'} gecontroleerd.{tips}")


def _generate(arguments: argparse.Namespace) -> int:
    """Refresh (--write) or check (--check) the generated files; either way, refuse a change of the published
    data's structure that breaks re-users without a new version (publish/schema_compatibility.py)."""
    from praktijkbank.contribute.generated import stale_files
    from praktijkbank.publish.data_schemas import committed_schemas
    from praktijkbank.publish.schema_compatibility import unversioned_breaks

    repository = _repository(arguments)
    vocabularies, problems = load_vocabularies(repository)
    if problems:
        print(FORMATTERS["text"](problems))
        return EXIT_PROBLEMS
    schemas = committed_schemas(repository.schemas_dir, vocabularies)
    breaks = unversioned_breaks(repository.root, schemas)
    for problem in breaks:
        print(problem)
    current = {**stale_files(repository, vocabularies), **schemas}
    stale = {path: text for path, text in current.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text}
    for path, text in stale.items():
        if arguments.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"bijgewerkt: {path}", file=sys.stderr)
        else:
            print(f"{path}: is niet bijgewerkt; draai `praktijkbank generate --write`.")
    return EXIT_PROBLEMS if breaks or (stale and arguments.check) else EXIT_OK


def _export_pages(arguments: argparse.Namespace) -> int:
    """Write the complete site tree; refused, like the build, when published addresses would be lost."""
    from praktijkbank.load.site_config import directory_url
    from praktijkbank.publish.published_urls import lost_summary
    from praktijkbank.publish.site import write_site

    repository = _repository(arguments)
    target: Path = arguments.target
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"'{target}' is niet leeg; kies een lege map, zodat er niets wordt overschreven.")
    config = _site_config(repository)
    if arguments.site_url:
        config = replace(config, site_url=directory_url(arguments.site_url))
    site = _site(repository, config)
    if site is None:
        return EXIT_PROBLEMS
    if site.lost_urls:
        print(FORMATTERS["text"](site.lost_urls))
        print(f"Niets geschreven: {lost_summary(site.lost_urls)}.", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in site.notes:
        print(note, file=sys.stderr)
    count = write_site(site, config, target)
    print(f"{count} bestanden geschreven naar {target}.", file=sys.stderr)
    return EXIT_OK


def _site_config(repository: Repository) -> SiteConfig:
    """The site settings of the repository's mkdocs.yml; a missing or broken one is a usage error."""
    from praktijkbank.load.site_config import CONFIG_NAME, SiteConfigError, read_site_config

    try:
        return read_site_config(repository.root / CONFIG_NAME)
    except SiteConfigError as error:
        raise UsageError(f"{error} Dit commando leest de site-instellingen uit {CONFIG_NAME}.") from None


def _site(repository: Repository, config: SiteConfig) -> Site | None:
    """The whole site, or None after printing the problems of the input."""
    from praktijkbank.publish.site import InvalidInput, build_site

    try:
        return build_site(repository, config, workers=os.cpu_count() or 1)
    except InvalidInput as error:
        print(FORMATTERS["text"](error.problems))
        print(_summary(error.problems, []), file=sys.stderr)
        return None


def _check_links(arguments: argparse.Namespace) -> int:
    """Broken internal links fail (exit 1); dead external addresses are reported but do not fail: the web
    changes without any pull request, so a scheduled job reports them for the editors to fix."""
    from praktijkbank.checks import links

    if not (arguments.site / "index.html").is_file():
        raise UsageError(f"'{arguments.site}' is geen gebouwde site: index.html ontbreekt. Bouw eerst met `make build`.")
    broken = links.check_site(arguments.site)
    for link in broken:
        print(f"{arguments.site}/{link}")
    print(f"{len(broken)} kapotte {'link' if len(broken) == 1 else 'links'} binnen de site.", file=sys.stderr)
    if arguments.external:
        repository = _repository(arguments)
        report = validate_repository(repository)
        dead = links.dead_links(links.external_links(report, repository.schemas_dir))
        if dead:
            print(FORMATTERS[arguments.format](dead))
        print(f"{len(dead)} {'webadres werkt' if len(dead) == 1 else 'webadressen werken'} niet.", file=sys.stderr)
    return EXIT_PROBLEMS if broken else EXIT_OK


def _published_urls(arguments: argparse.Namespace) -> int:
    """Compare or rewrite the manifest; the addresses are those `mkdocs build` would publish."""
    from praktijkbank.publish.published_urls import manifest_diff, manifest_text

    repository = _repository(arguments)
    site = _site(repository, _site_config(repository))
    if site is None:
        return EXIT_PROBLEMS
    addresses = site.urls
    path = repository.root / MANIFEST_NAME
    if arguments.update:
        path.write_text(manifest_text(addresses), encoding="utf-8")
        print(f"{MANIFEST_NAME} bijgewerkt: {len(addresses)} adressen.", file=sys.stderr)
        return EXIT_OK
    diff = manifest_diff(path, addresses)
    for address in diff.added:
        print(f"nieuw, nog niet in {MANIFEST_NAME}: {address}")
    for address in diff.removed:
        print(f"verdwenen, wel in {MANIFEST_NAME}: {address}")
    if diff.up_to_date:
        print(f"{MANIFEST_NAME} is bijgewerkt: {len(addresses)} adressen.", file=sys.stderr)
        return EXIT_OK
    print(f"{MANIFEST_NAME} is niet bijgewerkt. Verdwenen adressen los je op met `aliases`; nieuwe zet je "
          "erbij met `praktijkbank published-urls --update`.", file=sys.stderr)
    return EXIT_PROBLEMS


def _with_repository(command: Callable[[argparse.Namespace, Repository], int]) -> Callable[[argparse.Namespace], int]:
    return lambda arguments: command(arguments, _repository(arguments))


_COMMANDS = {"validate": _validate, "generate": _generate, "export-pages": _export_pages,
             "check-links": _check_links,
             "published-urls": _published_urls,
             **{name: _with_repository(command) for name, command in CONTRIBUTE_COMMANDS.items()}}
