"""What makes a source traceable: an address or a publisher. One rule for the completeness hint (validate) and
the review page (render), which read a source as plain data and as the model's Source."""

from __future__ import annotations


def origin_unknown(url: str | None, publisher: str | None) -> bool:
    """Neither an address nor a publisher: nobody can look the source up."""
    return not (url or publisher)
