"""Site build: `mkdocs build` with the praktijkbank plugin (which validates and renders every page in memory)
against MkDocs building the same pages from plain Markdown files, written beforehand by `praktijkbank
export-pages`. What the plain build cannot do is exactly what the plugin adds, so the ratio shows its cost.
The generated repository has a git history (git_history.py, three commits per practice) and the project's
glossary, so both builds carry the history and glossary that real files bring.

Goals: at most as slow as the plain build at 1,000 practices, at most 1.25x at 5,000, and 5,000 in under 1 GB.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from praktijkbank.load.site_config import read_settings
from scripts.bench.comparison import Comparison, Goal, Row, comparison_job, peak, slowdown, time_alternately
from scripts.bench.generated import generate_and_describe
from scripts.bench.git_history import GIT, write_history
from scripts.bench.processes import (MKDOCS, PRAKTIJKBANK, PROJECT_ROOT, Measurement, build_command, export_command,
                                     run_clean)

SITE_PLUGIN = "praktijkbank"


def prepare_site(work: Path, count: int) -> tuple[Path, Path, Measurement]:
    """A generated repository with the project's mkdocs.yml and docs and a git history, and its pages exported
    as Markdown: the input of our build, and of the plain MkDocs builds it is compared with. Returns the
    repository, the exported pages and how long the export took."""
    root, pages = prepare_repository(work, count), work / "pages"
    commits = write_history(root)
    print(f"{count} practices: {commits} commits written (not timed)", file=sys.stderr)
    return root, pages, run_clean(export_command(root, pages), count)


def prepare_repository(work: Path, count: int) -> Path:
    """A generated repository in `work` with the project's mkdocs.yml and docs, ready for `mkdocs build`."""
    root = work / "repository"
    generate_and_describe(root, count)
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "docs", root / "docs")
    return root


def benchmark_site(count: int, repeat: int) -> Row:
    """Generate a full site repository and its exported pages, build both sites once (checking that the
    strict build passes and that both sides make the same pages), then time both builds alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-site-{count}-") as directory:
        work = Path(directory)
        root, pages, exported = prepare_site(work, count)
        print(f"{count} practices exported as Markdown in {exported.seconds:.1f} s (not timed)", file=sys.stderr)
        plain_config = write_plain_config(root / "mkdocs.yml", pages, work / "plain.yml")
        ours, plain = build_command(root / "mkdocs.yml", work / "ours"), build_command(plain_config, work / "plain")
        for argv in (ours, plain):
            run_clean(argv, count)
        require_same_pages(work / "ours", work / "plain")
        return time_alternately(ours, plain, count, repeat)


def write_plain_config(config_file: Path, docs_dir: Path, target: Path) -> Path:
    """The project's mkdocs.yml, pointed at the exported pages and without our plugin; everything else (theme,
    search, Markdown extensions, strict mode, nav) stays, so both builds do the same work apart from the plugin.
    `watch` only matters to `mkdocs serve` and names folders that are not next to this file. The exported tree
    also carries the search index and a mkdocs.yml for other engines: the plain build leaves them out, since our
    build makes the index itself."""
    config = read_settings(config_file)
    plugins = [entry for entry in config["plugins"] if _plugin_name(entry) != SITE_PLUGIN]
    if len(plugins) == len(config["plugins"]):
        raise SystemExit(f"bench: {config_file} has no `{SITE_PLUGIN}` plugin; the plain build would not differ.")
    config.update(docs_dir=str(docs_dir), plugins=plugins)
    config["theme"]["custom_dir"] = str(docs_dir / "overrides")
    del config["watch"]
    config["exclude_docs"] = config.get("exclude_docs", "") + "/zoekindex/\n/mkdocs.yml\n"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _plugin_name(entry: str | dict[str, Any]) -> str:
    """`plugins` lists a name, or a one-key mapping from the name to its options."""
    return entry if isinstance(entry, str) else next(iter(entry))


def require_same_pages(ours_dir: Path, plain_dir: Path) -> None:
    """The comparison is only fair if both builds make the same pages: stop loudly if they do not."""
    ours, plain = _html_files(ours_dir), _html_files(plain_dir)
    if ours != plain:
        raise SystemExit(f"bench: the two site builds made different pages ({len(ours)} with the plugin, "
                         f"{len(plain)} plain).\nonly with the plugin: {sorted(ours - plain)[:20]}\n"
                         f"only plain: {sorted(plain - ours)[:20]}")


def _html_files(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")}


SITE_BUILD = Comparison(
    title="mkdocs build with the praktijkbank plugin (ours) vs from exported Markdown without it (plain); "
          "ratio = ours median / plain median",
    baseline="plain",
    ratio=slowdown,
    goals=(Goal("site build at most 1.0x plain MkDocs at 1,000", (1000,), slowdown,
                lambda ratio: ratio <= 1.0, lambda ratio: f"{ratio:.2f}x"),
           Goal("site build at most 1.25x as slow as plain MkDocs at 5,000", (5000,), slowdown,
                lambda ratio: ratio <= 1.25, lambda ratio: f"{ratio:.2f}x"),
           Goal("site build of 5,000 practices in under 1 GB", (5000,), lambda row: peak(row.ours),
                lambda megabytes: megabytes < 1024, lambda megabytes: f"{megabytes:.0f} MB peak")),
    measure=benchmark_site,
)
JOB = comparison_job(SITE_BUILD, name="site", help="run the site build benchmark", sizes_option="--site-sizes",
                     sizes_help="to build a site of", default_sizes=(100, 1000, 5000), quick_sizes=(100, 1000),
                     executables=(PRAKTIJKBANK, MKDOCS, GIT))
