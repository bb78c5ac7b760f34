"""A large site renders its practice pages in worker processes; the pages must not depend on how they were
made, byte for byte and in the same order."""

from __future__ import annotations

import pytest

from helpers import PROJECT_ROOT
from praktijkbank.load.repository import Repository
from praktijkbank.render import pages
from praktijkbank.render.maps import read_base_map
from real_data import CATALOG


def test_workers_render_exactly_the_pages_one_process_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    base_map = read_base_map(Repository(PROJECT_ROOT).geo_dir)
    monkeypatch.setattr(pages, "PAGES_PER_WORKER", 2)
    started: list[int] = []
    pool = pages.ProcessPoolExecutor
    monkeypatch.setattr(pages, "ProcessPoolExecutor",
                        lambda workers, **options: started.append(workers) or pool(workers, **options))

    in_process = pages.PageRenderer(CATALOG, None, base_map, workers=1).practice_pages()
    in_workers = pages.PageRenderer(CATALOG, None, base_map, workers=2).practice_pages()

    assert started == [2]
    assert in_workers == in_process
    assert len(in_process) == len(CATALOG.all_practices)
