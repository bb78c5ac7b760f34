"""Tools for contributors: the questions they answer, `praktijkbank new`, `from-issue`, the issue form and
the template, and the check that the generated files are current.

May import: `validate`, `load`, `common`. Not `publish` or `render`: contributing needs no site.
"""
