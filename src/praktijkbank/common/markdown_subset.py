"""The Markdown that contributor text may use, as the HTML it may become: one list for the build (render/markup.py
sanitises with nh3) and for the preview on /aanmelden/ (DOMPurify, configured from the editor's generated field
file), so a contributor sees what the site will show.
"""

PRESET = "commonmark"
"""markdown-it's preset (in Python and in the browser), with raw HTML off: it shows as text."""
DISABLED_RULES = ("image",)
"""Images come only from `media`, with alt text and credit."""
HEADING_OFFSET = 2
"""A contributor's `#` becomes `<h3>`: it never competes with the page's own headings."""
ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "hr",
})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"}), "ol": frozenset({"start"})}
LINK_REL = "noopener noreferrer ugc"
