"""The site's own stylesheets served as one file.

mkdocs.yml lists them one per feature (`extra_css`), which keeps them easy to find and edit. A browser waits for
every stylesheet in the page's head before it shows anything, and on a phone each one is a round trip of its own:
fourteen of them held back the first paint by about half a second in Lighthouse's mobile simulation. The build
therefore joins the listed files that are part of the site, in their order (so the cascade is unchanged), into
BUNDLE in the same folder (so their relative `url()`s still hold), and the pages link that one file. The listed
files stay in the site as they are. Addresses of other sites in `extra_css` are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

BUNDLE = "stylesheets/site.css"


def bundled_list(extra_css: Sequence[str], files: Files) -> tuple[list[str], list[File]]:
    """`extra_css` with the site's own files replaced by BUNDLE, where the first of them stood; and those files.
    Only files in the same folder as BUNDLE are joined: elsewhere their relative addresses would change."""
    folder = BUNDLE.rsplit("/", 1)[0] + "/"
    joined = {path: file for path in extra_css if path.startswith(folder)
              and (file := files.get_file_from_path(path)) is not None}
    if len(joined) < 2:
        return list(extra_css), []
    first = extra_css.index(next(iter(joined)))
    rest = [path for path in extra_css if path not in joined]
    return [*rest[:first], BUNDLE, *rest[first:]], list(joined.values())


def bundle_file(config: MkDocsConfig, joined: Sequence[File]) -> File:
    """BUNDLE: each file's text under a comment that names it, so a developer finds the source of a rule."""
    parts = [f"/* {file.src_uri} */\n{file.content_string.rstrip()}\n" for file in joined]
    return File.generated(config, BUNDLE, content="\n".join(parts))
