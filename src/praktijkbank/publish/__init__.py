"""Step 5, publish: the whole site as data (`build_site`): rendered pages, open-data exports, the search
index, media, and the guard that no published URL is lost; written to disk for any engine, staged so a
failed build leaves the previous site.

May import: `render`, `model`, `validate`, `load`, `common`. Never an engine: `mkdocs_adapter` hands this to MkDocs.
"""
