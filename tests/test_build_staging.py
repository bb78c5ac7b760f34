"""`mkdocs build` replaces the output folder only after a fully successful build; a failure at any step,
even the last, leaves the previous site byte for byte as it was and no temporary folder behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from sites import build, copy_site_repository


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def repository_with_site(tmp_path: Path) -> tuple[Path, Path]:
    repository = copy_site_repository(tmp_path / "repo")
    output = tmp_path / "site"
    assert build(repository, output).returncode == 0
    return repository, output


def leftovers(output: Path) -> list[str]:
    return sorted(path.name for path in output.parent.iterdir() if path.name.startswith(f".{output.name}."))


def test_a_successful_build_replaces_the_site_and_drops_stale_files(repository_with_site: tuple[Path, Path]) -> None:
    repository, output = repository_with_site
    (output / "verouderd.html").write_text("oud", encoding="utf-8")
    (repository / "docs" / "nieuw.md").write_text("# Nieuw\n\nEen nieuwe pagina.\n", encoding="utf-8")

    assert build(repository, output).returncode == 0

    assert not (output / "verouderd.html").exists()
    assert (output / "nieuw" / "index.html").is_file()
    assert leftovers(output) == []


def test_a_strict_mode_warning_at_the_end_keeps_the_previous_site(repository_with_site: tuple[Path, Path]) -> None:
    """MkDocs raises its strict-mode error after every page is written and after on_post_build."""
    repository, output = repository_with_site
    before = snapshot(output)
    (repository / "docs" / "kapot.md").write_text("# Kapot\n\n[nergens](nergens.md)\n", encoding="utf-8")

    result = build(repository, output)

    assert result.returncode == 1 and "strict mode" in result.stdout + result.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_a_failing_plugin_step_keeps_the_previous_site(repository_with_site: tuple[Path, Path]) -> None:
    repository, output = repository_with_site
    before = snapshot(output)
    (repository / "failing_hook.py").write_text(
        "def on_post_build(config):\n    raise RuntimeError('stap mislukt')\n", encoding="utf-8")
    config = repository / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - failing_hook.py\n", encoding="utf-8")

    result = build(repository, output)

    assert result.returncode == 1 and "stap mislukt" in result.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_a_first_build_creates_the_output_folder(tmp_path: Path) -> None:
    repository = copy_site_repository(tmp_path / "repo")
    output = tmp_path / "nieuw" / "site"
    output.parent.mkdir()

    assert build(repository, output).returncode == 0
    assert (output / "index.html").is_file() and leftovers(output) == []
