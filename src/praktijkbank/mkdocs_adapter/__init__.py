"""The one engine adapter: a MkDocs plugin that hands the site `publish.build_site` made to MkDocs, stops a
build on problems and keeps the previous site when a build fails.

The only package that imports `mkdocs` (or `material`). May import `publish` and below; nothing imports it.
"""
