"""Checks on a built site: its internal links resolve, and its web addresses answer (on request).

May import: `validate`, `load`, `common`.
"""
