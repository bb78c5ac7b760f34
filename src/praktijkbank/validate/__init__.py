"""Step 2, validate: JSON Schema and the rules it cannot express, over every file in one pass, giving
problems with file, line and column; completeness hints as warnings.

May import: `load`, `common`.
"""
