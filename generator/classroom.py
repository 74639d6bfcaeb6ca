"""The classroom copy made from the published site itself: the same pages, changed only so that they work
opened from disk (file://), search included, with no request leaving the computer.

A site built with directory URLs links to folders ("../compare/"), which a browser shows as a file listing
when it reads from disk: each such link gets its "index.html". Search reads its index from a script when the
page comes from disk (Material loads ``search/search_index.js`` then, Zensical ``search.js``) and runs in an
iframe instead of a worker, through the iframe-worker shim the site carries (``assets/vendor/``, never a CDN).
Both builds use this (MkDocs through the plugin's post-build step; Zensical, or MkDocs without the plugin,
through ``python -m generator downloads``), and it costs one pass over the files instead of a second build.

Pure functions over text; ``build.write_classroom_copy`` reads and writes the files.
"""

from __future__ import annotations

import json
import re

SHIM = "assets/vendor/iframe-worker/shim.js"  # in templates/theme/, so every microsite has it
ZIP_NAME = "classroom-copy.zip"
DOWNLOADS = "downloads"  # the folder of the published site that holds the zip (left out of the zip)
# A large hosted site's Pagefind index (generator/pagefind.py), written while the zip is made: no use from
# disk, where the copy searches with lunr.
PAGEFIND = "pagefind"
# zlib's level for the zip's members. Measured over a 300-article site (42 MB of members): level 6 (zlib's
# default) takes 0.67 s and makes 7.8 MB, level 4 0.37 s and 8.2 MB, level 1 0.23 s and 9.5 MB. Every
# `mkdocs build` makes the zip, a teacher downloads it once: 5 % more bytes for half the time.
COMPRESS_LEVEL = 4

# Written as `\b(?:href|action)="` would be, but starting with the two words: a pattern that starts with
# `\b` is tried at every character of the page (three times slower over a large site's HTML).
_HREF = re.compile(r'((?:href|action)(?:(?<=\bhref)|(?<=\baction))=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Blocks that only make sense online ("download the classroom copy"), marked by the templates.
_ONLINE_ONLY = re.compile(r'<(p|div|li) class="ms-online-only">.*?</\1>', re.S)
OFFLINE_NOTE = '<p class="ms-offline-note">You are reading the classroom copy: it works without internet.</p>'


def _file_link(link: str) -> str:
    """A relative link to a folder, made a link to its index.html; any other link unchanged."""
    if not link or link.startswith(("#", "/", "?")) or _SCHEME.match(link):
        return link
    path, hash_, fragment = link.partition("#")
    path, query_mark, query = path.partition("?")
    last = path.rsplit("/", 1)[-1]
    if path.endswith("/"):
        path += "index.html"
    elif last in (".", ".."):
        path += "/index.html"
    return path + query_mark + query + hash_ + fragment


def offline_html(rel: str, html: str) -> str:
    """Page ``rel`` (its path in the site, "sources/x/index.html"), made to work from disk."""
    root = "../" * rel.count("/")
    html = _HREF.sub(lambda m: m.group(1) + _file_link(m.group(2)) + m.group(3), html)
    html = _ONLINE_ONLY.sub(OFFLINE_NOTE, html)
    # Before any of the theme's scripts run: the shim must be in place when search starts its worker.
    return html.replace("</head>", f'<script src="{root}{SHIM}"></script></head>', 1)


# The search index each theme writes, and the script it reads instead from disk: Material's (MkDocs) and
# Zensical's (its offline plugin writes search.js beside search.json; the same bundle reads it from file://).
SEARCH_INDEXES = {
    "search/search_index.json": ("search/search_index.js", "docs"),
    "search.json": ("search.js", "items"),
}


def offline_search_index(text: str, key: str = "docs") -> str:
    """A search index (JSON) as the script the theme reads from disk, with each location a file."""
    data = json.loads(text)
    for doc in data.get(key, ()):
        doc["location"] = _file_link(doc["location"]) if doc["location"] else "index.html"
        if doc["location"].startswith("#"):
            doc["location"] = "index.html" + doc["location"]
    return "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def member(rel: str, content: bytes) -> list[tuple[str, bytes]]:
    """The zip members one file of the published site becomes (none for the downloads themselves)."""
    if rel.split("/", 1)[0] in (DOWNLOADS, PAGEFIND):
        return []
    if any(part.startswith(".") for part in rel.split("/")):
        return []  # hidden files are no part of the site: the plugin's build marker, a host's .nojekyll
    if rel.endswith(".html"):
        return [(rel, offline_html(rel, content.decode("utf-8")).encode("utf-8"))]
    if rel in SEARCH_INDEXES:
        script, key = SEARCH_INDEXES[rel]
        return [(rel, content), (script, offline_search_index(content.decode("utf-8"), key).encode())]
    return [(rel, content)]
