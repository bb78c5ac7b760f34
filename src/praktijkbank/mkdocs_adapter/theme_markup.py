"""Material's base.html repaired where its markup is invalid and no block or partial can replace it.

Every page's body starts with two hidden checkboxes that base.html writes outside any block: the drawer's and
the search's. Both carry `autocomplete="off"`, which HTML allows on text fields only (the Nu HTML Checker reports
it on every page). The theme needs what it does: a browser restores form fields when one goes Back, and the
menu would be open again on the page one left it for. So the checkboxes belong to an empty form with
`autocomplete="off"` instead (their `form` attribute), which keeps them where the theme's stylesheet expects
them; the form is aria-hidden, or HTML_CodeSniffer would ask it for a submit button. The search checkbox has
no label (Material's search is not used here, the header's form is ours), so HTML_CodeSniffer asks a name for
it: it is aria-hidden too, as nobody operates it.

Copying base.html into docs/overrides would fix them too, but that copy would travel into the exported tree,
where Zensical needs its own base.html (other asset files). The theme's other faults are fixed in
docs/overrides/partials/. The theme is pinned (mkdocs-material 9.8.1, its last version), so the markup is
matched exactly; the Nu HTML Checker test fails if it ever is not.
"""

from __future__ import annotations

FORM = "pb-theme-toggles"
REPAIRS = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        f'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="{FORM}">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        f'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="{FORM}" '
        f'aria-hidden="true">\n    <form id="{FORM}" autocomplete="off" aria-hidden="true"></form>',
}


def repair_theme_markup(html: str) -> str:
    """The page as MkDocs rendered it, with the theme's two hidden checkboxes made valid and out of sight."""
    for theirs, ours in REPAIRS.items():
        html = html.replace(theirs, ours, 1)
    return html
