"""Step 3, model: validated data as frozen dataclasses (the catalog) with the indexes the site needs, such
as related practices.

May import: `validate` (its report is the input), `load`, `common`.
"""
