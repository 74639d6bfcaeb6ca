"""Corpus stage of ``python -m generator add``: an extracted (or plain-text) article → a corpus file and
its ``sources.yml`` entry.

The corpus's plain-text form of an article (headline, byline, date, then paragraphs), its file name, the
recognition of an article that is already in the corpus (the same address, or mostly the same wording), and
the edit of ``sources.yml`` that keeps its comments. Everything here is pure: ``add`` (generator/add.py)
reads and writes the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from . import parse
from .errors import SiteDataError

if TYPE_CHECKING:  # extract imports clean_url from here
    from .extract import Extracted

# Query parameters that only say how a reader arrived (an article shared by newsletter is the same article).
TRACKING_RE = re.compile(
    r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ito|smid|sr_share|at_\w+|ref|src)$", re.I
)
SHINGLE = 6  # words per shingle when comparing texts
DUPLICATE_SHARE = 0.8  # share of an article's shingles found in another for the two to count as one


def clean_url(url: str) -> str:
    """The address without tracking parameters or fragment (``?utm_source=…`` is the same article)."""
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not TRACKING_RE.match(p.split("=", 1)[0]))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def same_url_key(url: str) -> str:
    """What two addresses of one article share: no scheme, no www., no trailing slash."""
    parts = urlsplit(clean_url(url))
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"


def corpus_text(extracted: Extracted) -> str:
    """The article in the corpus's plain-text form: headline, byline and date, then one paragraph a block.

    The byline is written only when the parser will read it back as one (a single name); other author
    lists stay in sources.yml alone.
    """
    lines = []
    if extracted.title:
        lines += [extracted.title.value, ""]
    head = []
    if extracted.author and parse.is_name(extracted.author.value):
        head.append(extracted.author.value)
    if extracted.published:
        d = dt.date.fromisoformat(extracted.published.value)
        head.append(f"{d.day} {d.strftime('%B')} {d.year}")
    if head and extracted.published:
        lines += [*head, ""]
    for paragraph in extracted.paragraphs:
        lines += [paragraph, ""]
    return "\n".join(lines)


def corpus_name(existing: list[str], text: str) -> str:
    """``NNN_<hash>.txt``: the next number in the corpus and the first 16 hex digits of the text's SHA-256."""
    numbers = [int(m.group(1)) for name in existing if (m := re.match(r"^(\d+)_", name))]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}.txt"


def shingles(text: str) -> frozenset[str]:
    words = _fold(text).split()
    if len(words) < SHINGLE:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def duplicate_of(
    new_text: str, new_url: str | None, corpus: dict[str, str], urls: dict[str, str]
) -> str | None:
    """Why the new article is one already in the corpus, or None.

    ``corpus``: file → text; ``urls``: file → address from sources.yml. The same address (tracking
    parameters, www. and trailing slash aside) is the same article; so is a text whose wording is mostly
    (80 %) in one corpus file, or that holds most of one: the same article saved with other page furniture,
    or copied as text.
    """
    if new_url:
        key = same_url_key(new_url)
        for file, url in sorted(urls.items()):
            if same_url_key(url) == key:
                return f"its address {new_url} is already in the corpus as {file} (url: {url})"
    new = shingles(new_text)
    if not new:
        return None
    for file, text in sorted(corpus.items()):
        old = shingles(text)
        if not old:
            continue
        shared = len(new & old)
        share = max(shared / len(new), shared / len(old))
        if share >= DUPLICATE_SHARE:
            return f"its text is the same as {file}'s ({share:.0%} of the wording in common)"
    return None


def add_to_sources(sources: str, display: str, article: dict, outlet: dict | None = None) -> str:
    """sources.yml's text with one more article entry (and outlet), comments and layout kept as they were.

    ruamel.yaml edits the file the way an editor would, so the comments that explain it survive.
    """
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    try:
        data = yaml.load(sources) if sources.strip() else None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SiteDataError(
            display, f"is not valid YAML: {exc}", line=mark.line + 1 if mark else None
        ) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise SiteDataError(display, "must be a mapping with 'outlets' and 'articles' lists", line=1)
    for key, item in (("outlets", outlet), ("articles", article)):
        if item is None:
            continue
        seq = data.get(key)
        if not seq:  # missing, null or `[]`: start a block list an editor can extend by hand
            seq = CommentedSeq()
            data[key] = seq
        elif not isinstance(seq, list):
            raise SiteDataError(display, f"'{key}' must be a list", key=key)
        seq.append(_commented(item))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _commented(item: dict):
    """A mapping for ruamel; a key ``"#<key>"`` becomes a comment at the end of that key's line."""
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    notes = {}
    for key, value in item.items():
        if key.startswith("#"):
            notes[key[1:]] = value
        else:
            node[key] = _commented(value) if isinstance(value, dict) else value
    for key, note in notes.items():
        node.yaml_add_eol_comment(note, key)
    return node


def _fold(text: str) -> str:
    return " ".join(parse.normalise(unicodedata.normalize("NFKC", text)).split())
