"""``facts.yml`` (the event in brief, the key facts and the editor's overrides) and ``lexicon.yml`` (framing words)."""

from __future__ import annotations

import re

from ..model import Fact, FactOverride, FramingCategory, FramingException, FramingTerm, StoryEvent
from ..patterns import check as check_pattern
from .common import (
    SLUG_RE,
    _check_keys,
    _date_text,
    _document,
    _fail,
    _seq,
    _strings,
    _text,
    _unique,
    _url,
    _urls,
)

STATUSES = ("stated", "disputes", "not-mentioned")


def parse_facts(text: str, path: str) -> tuple[StoryEvent | None, tuple[Fact, ...]]:
    """facts.yml: the event in brief and the key facts, each with a citation and the editor's patterns."""
    data = _document(text, path)
    _check_keys(path, data, "facts.yml", (), ("facts", "event"))
    story = None
    if data.get("event") is not None:
        node = data["event"]
        _check_keys(path, node, "event", ("summary", "citations"), ("date",))
        cites = _urls(path, node, "citations", "event")
        story = StoryEvent(
            _text(path, node, "summary", "event"), cites, _date_text(path, node, "date", "event")
        )
    facts: list[Fact] = []
    for i, node in enumerate(_seq(path, data, "facts", "facts.yml")):
        where = f"facts[{i}]"
        _check_keys(path, node, where, ("id", "statement", "citation", "patterns"), ("overrides", "see_also"))
        fid = _text(path, node, "id", where)
        if not SLUG_RE.match(fid) or any(f.id == fid for f in facts):
            raise _fail(
                path, node, "id", f"fact id '{fid}' must be unique, lowercase letters, digits and hyphens"
            )
        where = f"facts[{i}] ({fid})"
        patterns = _strings(path, node, "patterns", where)
        if not patterns:
            raise _fail(path, node, "patterns", f"{where} needs at least one pattern")
        origins = tuple(
            (path, node["patterns"].line_of(j), f"{where}.patterns[{j}]", None) for j in range(len(patterns))
        )
        for pattern, origin in zip(patterns, origins, strict=True):
            check_pattern(pattern, True, origin)  # valid, and not one that backtracks without end
        overrides: list[FactOverride] = []
        for j, o in enumerate(_seq(path, node, "overrides", where)):
            ow = f"{where}.overrides[{j}]"
            _check_keys(path, o, ow, ("file", "status", "note"), ("paragraph",))
            if o["status"] not in STATUSES:
                raise _fail(path, o, "status", f"{ow}.status must be one of: {', '.join(STATUSES)}")
            paragraph = _text(path, o, "paragraph", ow, optional=True)
            if paragraph is not None and not re.match(r"^p[1-9]\d*$", paragraph):
                raise _fail(path, o, "paragraph", f"{ow}.paragraph must be a paragraph id such as p3")
            file = _text(path, o, "file", ow)
            overrides.append(FactOverride(file, o["status"], paragraph, _text(path, o, "note", ow), o.line))
        facts.append(
            Fact(
                fid,
                _text(path, node, "statement", where),
                _url(path, node, "citation", where),
                patterns,
                tuple(overrides),
                origins,
            )
        )
    return story, tuple(facts)


def _exceptions(path: str, term, where: str) -> tuple[FramingException, ...]:
    """A term's `except` list: contexts in which its forms do not count, each a pattern before, after or in
    the same sentence as the form, with why (shown to the editor)."""
    if "except" not in term:
        return ()
    found = []
    for k, node in enumerate(_seq(path, term, "except", where)):
        ew = f"{where}.except[{k}]"
        _check_keys(path, node, ew, ("why",), ("before", "after", "sentence"))
        patterns = {}
        for key in ("before", "after", "sentence"):
            value = _text(path, node, key, ew, optional=True)
            if value is not None:
                check_pattern(value, True, (path, node.line_of(key), f"{ew}.{key}", key))  # bounded, valid
                patterns[key] = value
        if not patterns:
            raise _fail(path, node, "why", f"{ew} needs a pattern: before, after or sentence")
        found.append(FramingException(_text(path, node, "why", ew), **patterns, origin=(path, node.line, ew)))
    return tuple(found)


def parse_lexicon(text: str, path: str) -> tuple[FramingCategory, ...]:
    data = _document(text, path)
    _check_keys(path, data, "lexicon.yml", (), ("categories",))
    categories: list[FramingCategory] = []
    counted: dict[str, str] = {}  # each form (case and spacing folded) → the term that counts it
    for i, node in enumerate(_seq(path, data, "categories", "lexicon.yml")):
        where = f"categories[{i}]"
        _check_keys(path, node, where, ("id", "name", "question", "terms"))
        cid = _text(path, node, "id", where)
        if not SLUG_RE.match(cid) or any(c.id == cid for c in categories):
            raise _fail(
                path, node, "id", f"category id '{cid}' must be unique, lowercase letters, digits and hyphens"
            )
        terms: list[FramingTerm] = []
        for j, t in enumerate(_seq(path, node, "terms", where)):
            tw = f"{where}.terms[{j}]"
            _check_keys(path, t, tw, ("term", "forms"), ("note", "except"))
            forms = _strings(path, t, "forms", tw, words=True)
            if not forms:
                raise _fail(path, t, "forms", f"{tw}.forms must list the words or phrases to count")
            term = _text(path, t, "term", tw)
            _unique(path, t, "term", tw, term, {x.term for x in terms}, "term")
            for k, form in enumerate(forms):
                # One form counted for two terms would be counted twice, or for whichever comes first.
                key = " ".join(form.casefold().split())
                if key in counted:
                    raise _fail(
                        path,
                        t["forms"],
                        k,
                        f"{tw}.forms[{k}] '{form}' is already a form of {counted[key]}; give each form once",
                    )
                counted[key] = f"'{term}' ({cid})"
            terms.append(
                FramingTerm(term, forms, _text(path, t, "note", tw, optional=True), _exceptions(path, t, tw))
            )
        categories.append(
            FramingCategory(
                cid, _text(path, node, "name", where), _text(path, node, "question", where), tuple(terms)
            )
        )
    return tuple(categories)
