"""Step 1, load: which files of a repository are practices and collections, and strict YAML loading into
plain data with a source map (path → line, column).

May import: `common`.
"""
