"""Step 4, render: the catalog into pages (Markdown with HTML bodies from Jinja2 templates, autoescape on)
and the files those pages need (QR codes, page assets, redirect pages); the hand-written pages rendered from
their Markdown as mkdocs.yml says, for search. `templates/` and `assets/` live here.

May import: `model`, `validate`, `load`, `common`.
"""
