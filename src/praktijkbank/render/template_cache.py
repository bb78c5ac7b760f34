"""Compiled templates kept between builds: Jinja2 compiles each of the site's templates from source, and for
some forty templates that was a fixed part of every build, as large as the history or the glossary.

The cache is Jinja2's own per-user folder in the temporary directory (it refuses a folder another user owns
or can write to), not the repository: compiled code from a checkout would be code nobody reviewed. Jinja2
checks each entry against the template's source and the Python version, so a changed template is compiled
again. Best effort, like the QR cache: a cache that cannot be read or written only means compiling again.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """A bytecode cache whose failures cost only time."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compiled_templates(directory: Path | None = None) -> jinja2.BytecodeCache | None:
    """The cache in `directory`, else in Jinja2's per-user folder; None when there is no usable folder."""
    try:
        return CompiledTemplates(str(directory) if directory else None)
    except (OSError, RuntimeError):  # RuntimeError: Jinja2 found the folder unsafe
        return None
