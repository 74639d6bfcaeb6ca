"""Extraction stage of ``python -m generator add``: a saved web page → its article text and metadata.

Trafilatura finds the article's main text and its metadata (title, author, date, site name, address); this
module then finds *where in the page* each value was written (a ``<meta>`` tag, JSON-LD, a ``<time>``
element, the visible text …) so that ``sources.yml`` can say where each field came from. Pure: the page's
bytes in, an ``Extracted`` out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass

from . import parse
from .ingest import clean_url
from .parse import join_names
from .urls import is_web_url, web_url

SAVED_FROM_RES = (
    re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I),  # Chrome, Edge: "Save page as"
    re.compile(rb"<!--\s*Page saved with SingleFile\s*\n?\s*url:\s*(\S+)", re.I),  # the SingleFile extension
)
DATE_WORDS_RES = (
    re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
)
CREDIT_RE = re.compile(
    r"^(?:Reporting|Reported|Writing|Written|Additional reporting)\s+by\s+(?P<names>[^;.]+?)\s*(?:[;.].*)?$",
    re.I,
)
DOMAIN_RE = re.compile(r"^[\w-]+(\.[\w-]+)+$")


@dataclass(frozen=True)
class Found:
    """A metadata value and the place in the page it was read from (for the citation in sources.yml)."""

    value: str
    where: str


@dataclass(frozen=True)
class Extracted:
    title: Found | None
    author: Found | None  # several authors are joined: "A and B", "A, B and C"
    published: Found | None  # YYYY-MM-DD
    site_name: Found | None
    url: Found | None
    language: Found | None
    paragraphs: tuple[str, ...]
    dropped: tuple[
        str, ...
    ]  # lines of the extractor's text left out (the headline printed again, the byline)


def extract_html(
    data: bytes, fetched_url: str | None = None, roles: frozenset[str] = frozenset()
) -> Extracted:
    """Main text and metadata of a saved article page (``fetched_url``: where it was downloaded from).

    ``roles``: lower-case words that make part of a byline a job title, not a name ("Education Reporter"),
    from attribution.yml's ``byline_roles``.
    """
    import trafilatura  # imported here: only `add` needs it, and it takes a moment to load
    from lxml import html as lxml_html

    doc = trafilatura.bare_extraction(
        data,
        url=fetched_url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,  # a table in an article (results, a poll) is its text; trafilatura's default
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        # Dates only from the page's markup (meta tags, JSON-LD, <time>, the address): never a date
        # guessed from anywhere in the text, which is how a related story's date becomes the article's.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise ExtractionError("found no article text in the page")
    try:
        tree = lxml_html.fromstring(data)
    except (ValueError, lxml_html.etree.ParserError):  # pragma: no cover - trafilatura parsed it already
        tree = None
    saved_from = _saved_from(data)
    locate = _Locator(tree, saved_from, fetched_url, roles)

    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    title = locate.text(doc.title)
    authors = _names(doc.author or "", roles)
    # Markup may list more authors than the extractor kept ("By A and B" in microdata): take the fuller list.
    marked = locate.marked_authors()
    if marked and {_fold(a) for a in authors} < {_fold(a) for a in marked}:
        authors = marked
    author = locate.author(authors) if authors else None
    if author is None:
        # "Reporting by Harriet Okafor; Editing by Tom Ellery" at the foot of the article (a wire-style
        # credit): the reporters are the authors, the editors are not. The line stays in the text, where
        # cleaning.yml's byline rule removes it with a reason.
        for line in lines[-3:]:
            m = CREDIT_RE.match(line)
            if m:
                authors = _names(m.group("names"), roles)
                author = Found(join_names(authors), f"the credit line at the end of the article ('{line}')")
                break
    published = locate.date(doc.date) if doc.date else None
    site_name = locate.text(doc.sitename)
    if site_name is None or DOMAIN_RE.match(site_name.value):
        # The extractor falls back on the host name; a publisher's own name is better when the page has one.
        site_name = locate.publisher(title.value if title else None) or site_name
    # The address the page gives itself first: a download may come through a redirect or a mirror.
    # The first candidate that is a web address (a hostile canonical link is passed over, not kept).
    url = locate.url(
        next((u for u in (locate.own_url(), doc.url, saved_from, fetched_url) if u and is_web_url(u)), None)
    )
    language = locate.language()

    kept, dropped = [], []
    for i, line in enumerate(lines):
        same_as_title = title is not None and parse.normalise(line) == parse.normalise(title.value)
        byline = author is not None and _is_byline(line, authors)
        # Only the head of the page: the headline and byline are written above the text (corpus_text); a
        # credit line at the end stays for cleaning.yml to remove and record.
        if (same_as_title and i < 3) or (byline and i < 4):
            dropped.append(line)
        else:
            kept.append(line)
    if not any(parse.is_running_text(line) for line in kept):
        raise ExtractionError("found no article text in the page (no paragraph of running text)")
    return Extracted(title, author, published, site_name, url, language, tuple(kept), tuple(dropped))


class ExtractionError(ValueError):
    """The page gave no article text."""


def _names(byline: str, roles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Author names from a byline: "By A and B", "A; B", "A, Education Reporter" → ("A", "B")."""
    byline = re.sub(r"^\s*by\s+", "", byline, flags=re.I)
    names = []
    for part in re.split(r"\s*(?:;|,|\band\b|&)\s*", byline):
        part = part.strip()
        if not part or any(w.casefold().strip(".") in roles for w in part.split()):
            continue
        if part not in names:
            names.append(part)
    return tuple(names)


def _is_byline(line: str, authors: tuple[str, ...]) -> bool:
    """ "By Jane Doe", "Jane Doe, Education Reporter", "Reporting by Jane Doe; editing by …"."""
    text = parse.normalise(line)
    return len(line.split()) <= 12 and any(parse.normalise(a) in text for a in authors)


def _saved_from(data: bytes) -> str | None:
    head = data[:4096]
    for pattern in SAVED_FROM_RES:
        m = pattern.search(head)
        if m:
            return m.group(1).decode("utf-8", "replace")
    return None


def _fold(text: str) -> str:
    return " ".join(parse.normalise(unicodedata.normalize("NFKC", text)).split())


class _Locator:
    """Find where in the page a value is written, described for an editor."""

    def __init__(
        self, tree, saved_from: str | None, fetched_url: str | None, roles: frozenset[str] = frozenset()
    ):
        self.tree = tree
        self.roles = roles
        self.saved_from = saved_from
        self.fetched_url = fetched_url
        self.metas: list[tuple[str, str]] = []  # (description, content)
        self.jsonld: list[tuple[str, str]] = []  # (key path, value)
        if tree is None:
            return
        for meta in tree.iter("meta"):
            content = meta.get("content")
            for attr in ("property", "name", "itemprop"):
                if content and meta.get(attr):
                    self.metas.append((f'<meta {attr}="{meta.get(attr)}">', content))
                    break
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                try:
                    self._walk(json.loads(script.text), "")
                except ValueError:
                    continue

    def _walk(self, node, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                self._walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for value in node:
                self._walk(value, path)
        elif isinstance(node, str):
            self.jsonld.append((path.removeprefix("@graph."), node))

    def _markup(self, value: str, match) -> str | None:
        for where, content in self.metas:
            if match(content, value):
                return where
        for key, content in self.jsonld:
            if match(content, value):
                return f'the JSON-LD data\'s "{key}"'
        return None

    def _visible(self, value: str) -> str | None:
        """The smallest element whose visible text contains the value."""
        if self.tree is None:
            return None
        want = _fold(value)
        best = None
        for el in self.tree.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "meta"):
                continue
            text = _fold(el.text_content())
            if want and want in text and (best is None or len(text) < best[0]):
                best = (len(text), el)
        if best is None:
            return None
        el = best[1]
        cls = (el.get("class") or "").split()
        return f"the page text (<{el.tag}{' class=' + repr(cls[0]) if cls else ''}>)"

    def _byline(self, name: str) -> str | None:
        """A visible byline naming the author: an element marked as one, or a line starting "By"."""
        if self.tree is None:
            return None
        want = _fold(name)
        for el in self.tree.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "meta"):
                continue
            marks = " ".join([el.get("class") or "", el.get("rel") or "", el.get("itemprop") or ""]).lower()
            text = " ".join(el.text_content().split())
            if (
                want in _fold(text)
                and len(text) < 120
                and ("byline" in marks or "author" in marks or re.match(r"(?i)by\s", text))
            ):
                return f"the byline '{text}' (<{el.tag}>)"
        return None

    def text(self, value: str | None) -> Found | None:
        if not value or not value.strip():
            return None
        value = " ".join(value.split())
        where = self._markup(value, lambda content, v: _fold(content) == _fold(v))
        if where is None and self.tree is not None:
            title = self.tree.find(".//title")
            if title is not None and title.text and _fold(value) in _fold(title.text):
                where = "the page's <title>"
        where = where or self._visible(value)
        return Found(value, where or "the extractor's reading of the page (not written as such in it)")

    def marked_authors(self) -> tuple[str, ...]:
        """Authors the page marks up: schema.org microdata (``itemprop="author"``)."""
        if self.tree is None:
            return ()
        names = []
        for el in self.tree.iter():
            if isinstance(el.tag, str) and "author" in (el.get("itemprop") or "").split():
                inner = [n for n in el.iter() if "name" in (n.get("itemprop") or "").split()]
                node = inner[0] if inner else el
                text = " ".join((node.get("content") or node.text_content()).split())
                names.extend(n for n in _names(text, self.roles) if n not in names)
        return tuple(names)

    def own_url(self) -> str | None:
        """The address the page gives itself: canonical link, og:url, or JSON-LD's mainEntityOfPage.

        Only a web address by the site's one URL rule (urls.py) counts: a page is untrusted, and a canonical
        link such as ``javascript:…`` or ``https://ok.example/)[x](…)`` must not become the article's link.
        """
        if self.tree is not None:
            for link in self.tree.iter("link"):
                if "canonical" in (link.get("rel") or "").lower().split() and is_web_url(
                    link.get("href") or ""
                ):
                    return link.get("href")
        for where, content in self.metas:
            if where == '<meta property="og:url">' and is_web_url(content):
                return content
        for key, value in self.jsonld:
            if key in (
                "mainEntityOfPage",
                "mainEntityOfPage.@id",
                "mainEntityOfPage.url",
            ) and is_web_url(value):
                return value
        return None

    def publisher(self, headline: str | None) -> Found | None:
        """The publisher's name: JSON-LD publisher, or what follows the headline in the page's <title>."""
        for key, value in self.jsonld:
            if key == "publisher.name" and value.strip():
                return Found(value.strip(), 'the JSON-LD data\'s "publisher.name"')
        for where, content in self.metas:
            if (
                where in ('<meta name="application-name">', '<meta property="og:site_name">')
                and content.strip()
            ):
                return Found(content.strip(), where)
        title = self.tree.find(".//title") if self.tree is not None else None
        if title is not None and title.text and headline:
            text = " ".join(title.text.split())
            for sep in (" | ", " – ", " — ", " - ", " :: "):
                head, _, tail = text.rpartition(sep)
                if head and tail and _fold(head) == _fold(headline):
                    return Found(tail.strip(), "the page's <title>, after the headline")
        return None

    def author(self, authors: tuple[str, ...]) -> Found:
        places = []
        marked = {_fold(a) for a in self.marked_authors()}
        for name in authors:
            where = self._markup(name, lambda content, v: _fold(v) in _fold(content) and len(content) < 200)
            if where is None and _fold(name) in marked:
                where = 'the page\'s schema.org microdata (itemprop="author")'
            places.append(
                where or self._byline(name) or self._visible(name) or "the extractor's reading of the page"
            )
        where = (
            places[0]
            if len(set(places)) == 1
            else "; ".join(f"{n}: {p}" for n, p in zip(authors, places, strict=True))
        )
        return Found(join_names(authors), where)

    def date(self, value: str) -> Found:
        where = self._markup(value, lambda content, v: content.strip()[:10] == v)
        if where is None and self.tree is not None:
            for el in self.tree.iter("time"):
                if (el.get("datetime") or "").strip()[:10] == value:
                    where = "<time datetime>"
                    break
        if where is None:
            for label, url in (
                ("the page's address", self.fetched_url),
                ("the page's address", self.saved_from),
            ):
                if url and (value.replace("-", "/") in url or value in url):
                    where = f"{label} ({url})"
                    break
        if where is None and self.tree is not None:
            where = self._visible_date(value)
        return Found(value, where or "the extractor's reading of the page's markup")

    def _visible_date(self, value: str) -> str | None:
        body = self.tree.find(".//body")
        for el in (body if body is not None else self.tree).iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style"):
                continue
            own = " ".join(((el.text or "") + " " + " ".join((c.tail or "") for c in el)).split())
            for pattern in DATE_WORDS_RES:
                for m in pattern.finditer(own):
                    month = parse.MONTHS.get(m.group("month").lower())
                    try:
                        found = (
                            month and dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
                        )
                    except ValueError:
                        found = None
                    if found == value:
                        return f"the page text: '{m.group(0)}' (<{el.tag}>)"
        return None

    def url(self, value: str | None) -> Found | None:
        if not value or not is_web_url(value):
            return None
        value = clean_url(value)
        address = web_url(value)  # what sources.yml keeps: the address rebuilt by the one URL rule
        if self.tree is not None:
            for link in self.tree.iter("link"):
                if (
                    "canonical" in (link.get("rel") or "").lower().split()
                    and clean_url(link.get("href") or "") == value
                ):
                    return Found(address, '<link rel="canonical">')
        where = self._markup(value, lambda content, v: clean_url(content) == v)
        if where:
            return Found(address, where)
        if self.saved_from and clean_url(self.saved_from) == value:
            return Found(address, "the browser's 'saved from' note in the file")
        if self.fetched_url and clean_url(self.fetched_url) == value:
            return Found(address, "the address it was downloaded from")
        return Found(address, "the extractor's reading of the page")

    def language(self) -> Found | None:
        if self.tree is None:
            return None
        root = self.tree.getroottree().getroot()
        lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
        if re.match(r"^[A-Za-z]{2,3}(-[A-Za-z]{2,4})?$", lang):
            primary, _, region = lang.partition("-")
            return Found(primary.lower() + (f"-{region.upper()}" if region else ""), "<html lang>")
        for where, content in self.metas:
            if where in ('<meta property="og:locale">', '<meta name="language">'):
                m = re.match(r"^([a-z]{2})(?:[_-]([A-Za-z]{2}))?$", content.strip())
                if m:
                    return Found(m.group(1) + (f"-{m.group(2).upper()}" if m.group(2) else ""), where)
        return None
