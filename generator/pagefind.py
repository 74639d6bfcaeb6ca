"""Search of a large hosted site with Pagefind, run over the built site after ``mkdocs build``.

Material's search (lunr) downloads the whole search index and builds it in the reader's browser on the first
visit of any page: that grows with the text of the site, and past ``site.yml``'s ``pagefind_articles`` the
first results come too late to be usable (see ``uses_pagefind`` for the figures). Above it, the hosted site
searches with Pagefind (https://pagefind.app), which indexes the built HTML into small chunks and fetches
only the few a query needs, over HTTP. Material's search box stays: the theme's ``main.html`` loads
``search-pagefind.js``, which points Material's search worker at ``search-pagefind-worker.js``, a worker that
answers Material's messages with Pagefind's results.

What this module does after the pages are written (the plugin's post-build step, ``index_while``: Pagefind
runs in its own process while the plugin zips the classroom copy):

1. index with Pagefind exactly the pages lunr indexes (the locations of ``search/search_index.json``; the
   handouts, packets and notes stay out, as they do of lunr), inside the same element and leaving out the
   same ``data-search-exclude`` furniture and the same sections (``ignore_sections``: a heading marked
   ``{ data-search-exclude }`` leaves its whole section out of lunr, and Material drops the mark from the
   HTML); the bundle goes to ``pagefind/`` in the site;
2. make ``search/search_index.json`` an index with no documents, so the hosted pages do not download it. The
   classroom copy (file://, where Pagefind cannot fetch its chunks) is made before this from the full index
   and searches with lunr, as does ``python -m generator offline``.

``mkdocs serve`` keeps lunr (a preview; indexing on every save would slow each reload), and so does any build
without the plugin (Zensical, or MkDocs over the project of ``build --out``), which never sets the switch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from .model import Site

# The config value the plugin sets and templates/theme/main.html reads.
SWITCH = "microsite_search"
BUNDLE = "pagefind"  # the folder of the site Pagefind writes (search-pagefind-worker.js loads it from there)
LUNR_INDEX = "search/search_index.json"
MARKER = "assets/javascripts/search-pagefind.js"  # on every page built for Pagefind (main.html)
# What lunr indexes of a page: Material's article element, without what the templates mark as furniture.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink", ".md-content__button")
TIMEOUT_S = 600  # ~10 s at 1,000 articles on this 2-core machine (benchmarks/README.md)
_PAGES = ".pagefind-pages"  # the pages to index, linked into a hidden folder of the site while it runs


class PagefindError(Exception):
    """Pagefind could not index the site: what failed and what to do."""


def uses_pagefind(site: Site) -> bool:
    """Whether the hosted site searches with Pagefind: above site.yml's ``pagefind_articles`` articles
    (200 unless set).

    Why 200: measured with benchmarks/run.py's ``search_latency`` (headless Chromium over HTTP from
    127.0.0.1 on this 2-core machine, at load 8–9 from the other users; the first word typed right after a
    page has loaded, as on a reader's first visit), lunr takes to its first results 0.3 s at 10 articles,
    0.5–0.7 s at 100, 0.4–1.3 s at 200, 1.0–1.9 s at 300 and 6.9–8.2 s at 1,000 (its whole index is
    downloaded and built in the browser: 1.2, 2.2, 3.2 and 10.4 MB), while Pagefind takes 0.5–0.6 s at 100
    and 0.6–0.7 s at 1,000 (it fetches ~230 KB of chunks, whatever the size). Lunr passes the 1 s target
    between 200 and 300 articles here, and it runs on the reader's device, which may be slower; up to 200 it
    stays, because it ranks with the pages' ``search: boost`` (Pagefind has no such thing: the site stands in
    for it with metadata and weights, see search-pagefind-worker.js) and a site that small
    needs no index chunks and no extra indexing time (Pagefind: ~18 s at 1,000 articles at that load, made
    while the classroom copy is zipped)."""
    return len(site.articles) > site.info.pagefind_articles


def search_engine(site: Site, command: str | None, directory_urls: bool) -> str:
    """The engine of the site being built: "pagefind" for ``mkdocs build`` (or ``gh-deploy``) of a site above
    the threshold with directory URLs (a hosted site), else "lunr" (``serve``, the offline build's file URLs,
    a build through the Python API). Raises PagefindError when Pagefind is needed and not installed: found
    before any page is built, and a failure rather than a quiet fall back to lunr, which past the threshold
    makes readers wait many seconds for results (the editor can choose that by raising the threshold)."""
    if command not in ("build", "gh-deploy") or not directory_urls or not uses_pagefind(site):
        return "lunr"
    if executable() is None:
        raise PagefindError(MISSING)
    return "pagefind"


def executable() -> Path | None:
    """The Pagefind binary of the PyPI wheel ``pagefind-bin`` (a dependency of the generator), else one on
    PATH; None when neither is installed."""
    try:
        import pagefind_bin  # noqa: PLC0415 - optional at import time: only large hosted sites need it

        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        return Path(found) if found else None


MISSING = (
    "this site has more articles than site.yml's pagefind_articles, so its hosted search uses Pagefind, but "
    "the Pagefind program is not installed: run `pip install pagefind-bin` (one of the generator's "
    "dependencies), or raise pagefind_articles in site_data/site.yml to keep Material's own search (slow to "
    "first results on a large site)"
)


def indexed_pages(lunr_index: str) -> list[str]:
    """The HTML files (relative to the site) of the pages Material's search indexed (pure)."""
    return sorted(indexed_sections(lunr_index))


def _html_file(location: str) -> str:
    return location if location.endswith(".html") or not location else location + "index.html"


def indexed_sections(lunr_index: str) -> dict[str, frozenset[str]]:
    """For each HTML file Material's search indexed (relative to the site), the ids of the headings whose
    sections it indexed (pure). Material's index has one document per page and one per section it keeps; a
    section under a heading marked ``{ data-search-exclude }`` has none (and the mark is not in the HTML)."""
    sections: dict[str, set[str]] = {}
    for doc in json.loads(lunr_index).get("docs", ()):
        location, _, anchor = doc["location"].partition("#")
        kept = sections.setdefault(_html_file(location) or "index.html", set())
        if anchor:
            kept.add(anchor)
    return {page: frozenset(ids) for page, ids in sections.items()}


# The tags of the built HTML, for ignore_sections: comments and the text of script/style are skipped whole.
_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][\w:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.S | re.I,
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
IGNORE = " data-pagefind-ignore"
_ARTICLE = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>")


def ignore_sections(html: str, kept: frozenset[str]) -> str:
    """The page with every section Material's search left out (a heading h2–h6 whose id is not in ``kept``,
    and what follows it up to the next heading) marked ``data-pagefind-ignore`` (pure).

    What lunr leaves out should not rank a page in Pagefind either: the "Mentions per outlet" table of every
    actor page, the "Who is named" list of every article, the comparison pages' repeated quotations. The
    marks go on the heading and on each element after it at the same level, up to the next heading or the end
    of the block holding the heading; an element that holds a heading is not marked (its part before that
    heading stays in: a section ending inside a block is not how this site's Markdown is written). Only the
    sections left out are read tag by tag (~2 ms a page at 1,000 articles)."""
    start = _ARTICLE.search(html)
    if not start:
        return html
    end = html.find("</article>", start.end())
    end = len(html) if end < 0 else end
    inserts: list[int] = []  # offsets where IGNORE goes (right after a start tag's name)
    for heading in _HEADING.finditer(html, start.end(), end):
        found = _ID.search(heading.group(2))
        ident = next((g for g in found.groups() if g is not None), "") if found else ""
        if heading.group(1) != "1" and ident not in kept:
            inserts.append(heading.start() + 3)
            _mark_section(html, heading.end(), end, inserts)
    if not inserts:
        return html
    parts, last = [], 0
    for at in sorted(inserts):
        parts += [html[last:at], IGNORE]
        last = at
    parts.append(html[last:])
    return "".join(parts)


_HEADING = re.compile(r"<h([1-6])\b((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.I)


def _mark_section(html: str, at: int, end: int, inserts: list[int]) -> None:
    """Add to ``inserts`` the elements of the section whose heading's start tag ends at ``at``: the heading's
    siblings after it, up to the next heading or the end of their parent."""
    stack = ["h"]  # the heading, open (its own closing tag is matched by level below)
    candidate: int | None = None  # the offset of the sibling being read
    for m in _TOKEN.finditer(html, at, end):
        tag = m.group(3)
        if tag is None:
            continue
        tag = tag.lower()
        is_heading = len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"
        if m.group(2):  # a closing tag
            if is_heading and stack == ["h"]:
                stack = []  # the heading closed: its siblings follow
                continue
            if tag not in stack:
                return  # the parent of the section closed
            while stack.pop() != tag:
                pass
            if not stack and candidate is not None:
                inserts.append(candidate)
                candidate = None
            continue
        if is_heading and stack != ["h"]:
            return  # the next heading: the section ends (an element holding it stays unmarked)
        if not stack:
            candidate = m.end(3)
        if tag in _VOID or m.group(4).rstrip().endswith("/"):
            if not stack and candidate is not None:
                inserts.append(candidate)
                candidate = None
            continue
        stack.append(tag)


def empty_index(lunr_index: str) -> str:
    """The lunr index with its configuration and no documents (pure): what the hosted pages still fetch."""
    data = json.loads(lunr_index)
    return json.dumps({"config": data.get("config", {}), "docs": []}, separators=(",", ":"))


class Indexing:
    """Pagefind indexing the built site in a process of its own (``start``), so that the plugin makes the
    classroom copy meanwhile (at 1,000 articles each takes ~10–20 s on this 2-core machine); ``finish``
    waits for it and then empties the hosted lunr index (the copy has read the full one by then)."""

    def __init__(self, site_dir: Path, binary: Path, sections: dict[str, frozenset[str]], lunr_text: str):
        self.site_dir, self.binary, self.lunr_text = site_dir, binary, lunr_text
        self.pages = sorted(sections)
        self.staging = site_dir / _PAGES
        shutil.rmtree(self.staging, ignore_errors=True)
        for rel in self.pages:
            src = site_dir / rel
            if not src.is_file():
                continue
            dest = self.staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            html = src.read_text(encoding="utf-8")
            marked = ignore_sections(html, sections[rel])
            if marked is not html:
                dest.write_text(marked, encoding="utf-8")  # the same page, its left-out sections marked
                continue
            try:
                os.link(src, dest)  # no copy: the same file under the same relative path
            except OSError:
                shutil.copyfile(src, dest)
        cmd = [
            str(binary),
            "--site",
            str(self.staging),
            "--output-path",
            str(site_dir / BUNDLE),
            "--root-selector",
            ROOT_SELECTOR,
            "--exclude-selectors",
            ", ".join(EXCLUDE_SELECTORS),
            "--silent",
        ]
        try:
            self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as exc:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise PagefindError(f"Pagefind ({binary}) could not start: {exc}") from None

    def finish(self) -> int:
        """Wait for Pagefind, check its bundle, empty the hosted lunr index; the number of pages indexed."""
        try:
            out, err = self.proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            raise PagefindError(
                f"Pagefind ({self.binary}) did not finish indexing {self.site_dir} in {TIMEOUT_S} s"
            ) from None
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.proc.returncode:
            raise PagefindError(
                f"Pagefind ({self.binary}) failed on {self.site_dir} (exit {self.proc.returncode}):\n"
                f"{(err or out).strip()[-2000:]}"
            )
        if not (self.site_dir / BUNDLE / "pagefind.js").is_file():
            raise PagefindError(f"Pagefind wrote no {BUNDLE}/pagefind.js into {self.site_dir}")
        (self.site_dir / LUNR_INDEX).write_text(empty_index(self.lunr_text), encoding="utf-8")
        return len(self.pages)

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
        shutil.rmtree(self.staging, ignore_errors=True)


def start(site_dir: Path, binary: Path | None = None) -> Indexing:
    """Start indexing the built site at ``site_dir`` with Pagefind (``Indexing.finish`` completes it). Raises
    PagefindError (binary missing, no lunr index to read the pages from, pages not built for Pagefind)."""
    site_dir = Path(site_dir)
    binary = binary or executable()
    if binary is None:
        raise PagefindError(MISSING)
    lunr = site_dir / LUNR_INDEX
    if not lunr.is_file():
        raise PagefindError(f"{lunr} is missing: Pagefind indexes the pages Material's search plugin lists")
    text = lunr.read_text(encoding="utf-8")
    home = site_dir / "index.html"
    if home.is_file() and MARKER not in home.read_text(encoding="utf-8"):
        # An editor's own main.html (custom_dir) that does not extend ours would leave lunr with no documents.
        raise PagefindError(
            f"{home} does not load {MARKER}: a main.html of the theme's custom_dir replaces the microsite's; "
            "extend it ({% extends 'base.html' %} → copy templates/theme/main.html's config block) or raise "
            "pagefind_articles in site_data/site.yml"
        )
    return Indexing(site_dir, binary, indexed_sections(text), text)


def index_while(site_dir: Path, engine: str, work: Callable[[], object]) -> int | None:
    """Run ``work`` (the plugin's classroom copy) and, when ``engine`` is "pagefind", index the site with
    Pagefind meanwhile; the number of pages Pagefind indexed, None for lunr (nothing else is done)."""
    if engine != "pagefind":
        work()
        return None
    indexing = start(site_dir)
    try:
        work()
        return indexing.finish()
    finally:
        indexing.cancel()  # Pagefind stopped if the copy failed (and nothing left behind either way)


def run(site_dir: Path, binary: Path | None = None) -> int:
    """Index the built site with Pagefind and empty its lunr index, in one go; the number of pages indexed."""
    return start(site_dir, binary).finish()
