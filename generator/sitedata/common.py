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
        raise SiteDataError(
            path, f"{where} must be a mapping of keys to values", line=getattr(node, "line", None)
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


def _date_text(path: str, node: Map, key: str, where: str) -> str | None:
    value = node.get(key)
    if value is None:
        return None
    value = str(value)
    if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value):
        raise _fail(path, node, key, f"{where}.{key} must be YYYY, YYYY-MM or YYYY-MM-DD (or null)")
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise _fail(path, node, key, f"{where}.{key} {value} is not a real date") from None
    return value
