"""Step 5, publish: the whole site as data (`build_site`): rendered pages, open-data exports, the search
index, media, the published URLs and the guard that none is lost; written to disk as a complete tree with
its own mkdocs.yml for any engine (`export-pages`), staged so a failed build leaves the previous site.

May import: `render`, `model`, `validate`, `load`, `common`. Never an engine: `mkdocs_adapter` hands this to MkDocs.
"""
