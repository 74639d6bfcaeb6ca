"""The checks every curated file shares: keys, text, URLs, lists, dates and cited values, each failing with
a :class:`SiteDataError` that names the file, the line and the key, says what is wrong and what would be valid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from ..errors import SiteDataError
from ..model import Sourced
from ..urls import UrlError, web_url
from ..yamlfile import Map, Seq, load_yaml

# A citation URL, a line of the text, an inference, or a value given to `add` (--title, --author, --date).
SOURCE_RE = re.compile(
    r"^((?i:https?)://.+|text line \d+\b.*|inferred: .+|given when the article was added\b.*)$", re.S
)


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids that would be the address of a section's own page (/sources/index/ is /sources/, the list of sources).
RESERVED = ("index",)


def _suggest(value, choices, before: str = " ") -> str:
    """ "Did you mean …?" for a value that looks like a misspelling of one of ``choices``, else ""."""
    near = difflib.get_close_matches(str(value), list(choices), n=1)
    if not near:
        return ""
    return f"{before}{'did' if before.startswith(';') else 'Did'} you mean '{near[0]}'?"


def _fail(path: str, node, key, message: str) -> SiteDataError:
    line = None
    if isinstance(node, Map) or isinstance(node, Seq) and isinstance(key, int):
        line = node.line_of(key)
    return SiteDataError(path, message, line=line, key=key if isinstance(key, str) else None)


def _document(text: str, path: str) -> Map:
    """The file's top-level mapping. A file with nothing in it (or only comments) is an empty mapping, so an
    editor may empty a registry without deleting the file."""
    data = load_yaml(text, path)
    if data is None:
        data = Map()
        data.line, data.key_lines = 1, {}
    return data


def _check_keys(path: str, node, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()):
    if not isinstance(node, Map):
        # A list's item that is text or a number has no line of its own: the error names it by its place.
        line = getattr(node, "line", None)
        raise SiteDataError(
            path,
            f"{where} must be a mapping of keys to values (lines of 'key: value'), not {_kind(node)}",
            line=line,
            key=where if line is None else None,
        )
    allowed = required + optional
    for key in node:
        if key not in allowed:
            hint = _suggest(str(key), allowed, "; ")
            raise _fail(
                path, node, key, f"unknown key '{key}' in {where}{hint} Valid keys: {', '.join(allowed)}"
            )
    for key in required:
        if key not in node or node[key] in (None, ""):
            raise SiteDataError(path, f"{where} needs '{key}'", line=node.line, key=key)


def _kind(value) -> str:
    if isinstance(value, Seq | list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__ if not isinstance(value, str) else 'text'} {str(value)[:40]!r}"


def _text(path: str, node: Map, key: str, where: str, *, optional: bool = False) -> str | None:
    value = node.get(key)
    if value is None and optional:
        return None
    if isinstance(value, dt.date | int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, node, key, f"'{key}' in {where} must be non-empty text")
    return value.strip()


def _web(path: str, node, key, where: str, value) -> str:
    """``value`` rebuilt by the one URL rule (urls.py), or an error at node[key] saying what is wrong."""
    try:
        return web_url(value)
    except UrlError as exc:
        shown = value if isinstance(value, str) else type(value).__name__
        raise _fail(
            path,
            node,
            key,
            f"{where} '{shown}' is not a web address the site can link to: {exc}. "
            "Write the page's full address, such as https://www.example.org/page",
        ) from None


def _url(path: str, node: Map, key: str, where: str, *, optional: bool = False) -> str | None:
    value = _text(path, node, key, where, optional=optional)
    return None if value is None else _web(path, node, key, f"{where}.{key}", value)


def _urls(path: str, node: Map, key: str, where: str) -> tuple[str, ...]:
    """A list of addresses (citations), each rebuilt by the one URL rule."""
    items = _seq(path, node, key, where)
    return tuple(_web(path, items, j, f"{where}.{key}[{j}]", url) for j, url in enumerate(items))


def _seq(path: str, node: Map, key: str, where: str) -> Seq:
    value = node.get(key)
    if value is None:
        return Seq()
    if not isinstance(value, Seq):
        raise _fail(path, node, key, f"'{key}' in {where} must be a list (lines starting with '- ')")
    return value


def _sourced(path: str, node: Map, key: str, where: str, *, date: bool = False) -> Sourced | None:
    """A fact with its citation: ``{value: …, source: <https URL> | "text line N: …"}``."""
    if key not in node:
        return None
    value = node[key]
    if not isinstance(value, Map):
        raise _fail(
            path,
            node,
            key,
            f"'{key}' in {where} must say where it comes from: "
            f'{key}: {{value: ..., source: https://... or "text line N: ..." or "inferred: ..."}}',
        )
    _check_keys(path, value, f"{where}.{key}", ("source",), ("value",))
    source = value["source"]
    if not isinstance(source, str) or not SOURCE_RE.match(source.strip()):
        raise _fail(
            path,
            value,
            "source",
            f"'source' of {where}.{key} must be a citation URL (https://…), \"text line N: <what the line says>\", "
            '"inferred: <from what, and how>" or "given when the article was added"',
        )
    source = source.strip()
    if source.lower().startswith(("http://", "https://")):
        source = _web(path, value, "source", f"'source' of {where}.{key}", source)
    raw = value.get("value")
    if raw is None:
        return Sourced(None, source)
    if date:
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, str):
            try:
                raw = dt.date.fromisoformat(raw)
            except ValueError:
                raw = None
        if not isinstance(raw, dt.date):
            raise _fail(path, value, "value", f"{where}.{key} must be a date written YYYY-MM-DD")
        return Sourced(raw.isoformat(), source)
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(
            path, value, "value", f"{where}.{key} must be non-empty text (or leave 'value' out for none)"
        )
    return Sourced(raw.strip(), source)


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date_text(path: str, node: Map, key: str, where: str) -> str | None:
    """A date at the precision the record gives: YYYY, YYYY-MM or YYYY-MM-DD, a real one (no month 13, no
    30 February), or None when the key is left out."""
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _fail(path, node, key, f"{where}.{key} must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    value = str(value).strip()
    m = DATE_RE.match(value)
    if not m:
        raise _fail(path, node, key, f"{where}.{key} '{value}' must be YYYY, YYYY-MM or YYYY-MM-DD (or null)")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        problem = "month" if month and not 1 <= int(month) <= 12 else "day"
        raise _fail(
            path,
            node,
            key,
            f"{where}.{key} {value} is not a real date (no such {problem}); write it as "
            "YYYY, YYYY-MM (month 01–12) or YYYY-MM-DD",
        ) from None
    return value


def date_span(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date of YYYY, YYYY-MM or YYYY-MM-DD precision may mean."""
    year, month, day = (int(x) if x else None for x in DATE_RE.match(value).groups())
    if day:
        first = last = dt.date(year, month, day)
    elif month:
        first = dt.date(year, month, 1)
        last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    else:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return first, last


def _range(path: str, node: Map, start_key: str, end_key: str, where: str) -> tuple[str | None, str | None]:
    """Two dates of one span (from/to, date/end): each valid, and the end not before the start can be."""
    start, end = _date_text(path, node, start_key, where), _date_text(path, node, end_key, where)
    if start and end and date_span(end)[1] < date_span(start)[0]:
        raise _fail(path, node, end_key, f"{where}.{end_key} {end} is before its {start_key} {start}")
    return start, end


def _strings(path: str, node: Map, key: str, where: str, *, words: bool = False) -> tuple[str, ...]:
    """A list of non-empty texts (numbers are read as text; a list or mapping inside is an error, never turned
    into a string). ``words``: each must also have a letter or digit, since it is matched in the articles and
    an empty or punctuation-only form would match everywhere."""
    items = _seq(path, node, key, where)
    out = []
    for j, item in enumerate(items):
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not item.strip():
            raise _fail(path, items, j, f"{where}.{key}[{j}] must be non-empty text (one item per '- ' line)")
        if words and not any(c.isalnum() for c in item):
            raise _fail(
                path,
                items,
                j,
                f"{where}.{key}[{j}] '{item}' has no letter or digit, so it would match anywhere",
            )
        out.append(item.strip())
    return tuple(out)


def _unique(path: str, node: Map, key: str, where: str, value: str, seen: set, what: str) -> str:
    """``value`` (an id), refused when ``seen`` has it already; added to ``seen``."""
    if value in seen:
        raise _fail(path, node, key, f"{where}: {what} '{value}' is used twice; each needs its own")
    seen.add(value)
    return value
