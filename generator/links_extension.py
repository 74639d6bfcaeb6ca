"""Links in raw HTML resolved like Markdown links, under MkDocs as Zensical does: a Markdown extension.

The generator writes much of a page as raw HTML (article paragraphs with their actor links, the "Assign this
page" box, the packet's links). The two builders treat a relative link there differently: MkDocs leaves raw
HTML as written, so the plugin build writes those links relative to the page's URL; Zensical resolves them
relative to the Markdown file, as it does Markdown links (``<a href="../actors/x.md">`` becomes
``../../actors/x/``), so the same link would climb one folder too many on every page that is not an index.

The project `python -m generator build --out` writes has its raw-HTML links written as Markdown links are
(``render.SOURCE_LINKS``: relative to the .md file, to the .md target) and lists this extension::

    markdown_extensions:
      - generator.links_extension

Under Zensical it does nothing. Under MkDocs it hands each such link in the raw HTML to MkDocs' own resolver
of Markdown links (the ``relpath`` treeprocessor MkDocs adds to every page's Markdown), so both builders
write the same URL, for directory or .html URLs, and MkDocs checks the target and its anchor as it checks
Markdown links (an error under ``strict``).
"""

from __future__ import annotations

import html
import posixpath
import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .classroom import DOWNLOADS

# href/src attributes as the generator writes them (double quotes, the value HTML-escaped).
LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# Files the build does not have, because they are made from the built site afterwards (the classroom copy):
# left as written, which is the same URL in both builders (teach.py writes it from an index page).
AFTER_BUILD = DOWNLOADS + "/"


class _RawLinks(Treeprocessor):
    def run(self, root):
        registry = self.md.treeprocessors  # a Python-Markdown Registry: no .get()
        resolver = registry["relpath"] if "relpath" in registry else None  # noqa: SIM401
        if resolver is None or not hasattr(resolver, "path_to_url"):
            return None  # not MkDocs (Zensical resolves raw-HTML links itself)
        stash = self.md.htmlStash.rawHtmlBlocks

        def resolve(match: re.Match) -> str:
            url = html.unescape(match.group(2))
            target = posixpath.normpath(posixpath.join(posixpath.dirname(resolver.file.src_uri), url))
            if target.startswith(AFTER_BUILD):
                return match.group(0)
            resolved = resolver.path_to_url(url)
            if resolved == url:  # external, absolute or an anchor: left exactly as written
                return match.group(0)
            return match.group(1) + html.escape(resolved, quote=True) + match.group(3)

        for i, block in enumerate(stash):
            if isinstance(block, str):
                stash[i] = LINK_ATTRIBUTE.sub(resolve, block)
        return None


class LinksExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API
        # Any priority: it changes only the links in the raw-HTML stash, which the postprocessors put back
        # into the page after every treeprocessor has run.
        md.treeprocessors.register(_RawLinks(md), "microsite-raw-links", 1)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return LinksExtension(**kwargs)
