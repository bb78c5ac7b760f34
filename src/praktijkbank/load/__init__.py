"""Step 1, load: which files of a repository are practices and collections, and strict YAML loading into
plain data with a source map (path → line, column); the site settings of mkdocs.yml, read by MkDocs' rules
without MkDocs, and which hand-written files the site publishes at which URL.

May import: `common`.
"""
