"""The glossary tooltips as a Markdown extension loaded by name, for builds that run no plugin of ours.

``python -m generator build --out DIR`` writes a project whose config lists it under ``markdown_extensions``::

    markdown_extensions:
      - generator.glossary_extension:
          file: glossary.yml

MkDocs and Zensical both load Python-Markdown extensions by module name (the module's ``makeExtension``), but
Zensical runs no MkDocs plugin, so the ``microsite`` plugin's way of adding the extension (with the terms it
has already read) is not open to it. This module reads and validates ``glossary.yml`` itself (the same
parser, so the same errors naming file, line and key) and marks the terms exactly as the plugin's build does.

``file`` is read relative to the folder the build runs in, as ``pymdownx.snippets`` reads its ``base_path``:
Python-Markdown tells an extension nothing about the config file. The project's README says to build from
the project folder, and a missing file is an error that says where it was looked for.
"""

from __future__ import annotations

import functools
from pathlib import Path

from markdown import Extension

from .analyse.glossary import Finder, GlossaryExtension
from .errors import SiteDataError, SiteDataErrors
from .parse import decode


@functools.cache
def _finder(path: str, mtime_ns: int, size: int) -> Finder:
    """The glossary's matcher, read once per build (MkDocs and Zensical make an extension per page)."""
    from .sitedata import parse_glossary

    display = Path(path).name
    terms = parse_glossary(decode(Path(path).read_bytes(), display), display)
    return Finder(terms)


def load_finder(file: str | Path) -> Finder:
    path = Path(file)
    if not path.is_file():
        raise SiteDataError(
            str(file),
            f"is missing (looked for {path.resolve()}); the generator.glossary_extension Markdown extension reads it "
            "relative to the folder the build runs in: run the build from the project's folder",
        )
    stat = path.stat()
    return _finder(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


class FileGlossaryExtension(GlossaryExtension):
    """``GlossaryExtension`` with its terms read from a glossary.yml named in the config."""

    def __init__(self, **kwargs):
        self.config = {"file": ["glossary.yml", "glossary.yml to read, relative to the build's folder"]}
        Extension.__init__(self, **kwargs)
        try:
            self.finder = load_finder(self.getConfig("file"))
        except (SiteDataError, SiteDataErrors) as exc:
            # Both builders print an extension's exception and stop; say what is wrong in the message.
            raise ValueError(f"generator.glossary_extension: {exc}") from None


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return FileGlossaryExtension(**kwargs)
