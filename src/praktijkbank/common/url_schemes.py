"""The web-address schemes contributor links may use.

One list for the validator, which refuses other schemes, and for rendering, which links nothing else.
"""

ALLOWED_URL_SCHEMES = frozenset({"https", "http", "mailto"})
