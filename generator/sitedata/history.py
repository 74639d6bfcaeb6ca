"""``history.yml`` (topics and events, each cited) and ``glossary.yml`` (terms with a definition and its source)."""

from __future__ import annotations

from ..model import Event, Reference, Term, Topic
from .common import (
    SLUG_RE,
    _check_keys,
    _document,
    _fail,
    _range,
    _seq,
    _strings,
    _suggest,
    _text,
    _unique,
    _url,
)
from .facts import _exceptions  # glossary.yml's `except` has the lexicon's shape


def parse_history(
    text: str, path: str, actor_ids: set[str] | None
) -> tuple[tuple[Topic, ...], tuple[Event, ...]]:
    """history.yml: topics (sections of the context page) and events, every one with a cited source.

    ``actor_ids`` None means there is no actors.yml to check key figures against: they are kept unchecked and
    the history page leaves them out (the build says so), so removing actors.yml does not break the site.
    """
    data = _document(text, path)
    _check_keys(path, data, "history.yml", (), ("topics", "events"))
    topics: list[Topic] = []
    for i, node in enumerate(_seq(path, data, "topics", "history.yml")):
        where = f"topics[{i}]"
        _check_keys(path, node, where, ("id", "name"))
        tid = _text(path, node, "id", where)
        if not SLUG_RE.match(tid):
            raise _fail(path, node, "id", f"topic id '{tid}' must be lowercase letters, digits and hyphens")
        _unique(path, node, "id", where, tid, {t.id for t in topics}, "topic id")
        topics.append(Topic(tid, _text(path, node, "name", where)))
    topic_ids = [t.id for t in topics]
    events: list[Event] = []
    for i, node in enumerate(_seq(path, data, "events", "history.yml")):
        where = f"events[{i}]"
        _check_keys(
            path,
            node,
            where,
            ("id", "name", "topic", "date", "place", "summary", "sources", "why_it_matters"),
            ("end", "figures", "aliases"),
        )
        eid = _text(path, node, "id", where)
        if not SLUG_RE.match(eid) or any(e.id == eid for e in events):
            raise _fail(
                path, node, "id", f"event id '{eid}' must be unique, lowercase letters, digits and hyphens"
            )
        where = f"events[{i}] ({eid})"
        topic = _text(path, node, "topic", where)
        if topic not in topic_ids:
            raise _fail(
                path,
                node,
                "topic",
                f"{where}.topic '{topic}' is not a topic listed above ({', '.join(topic_ids)})",
            )
        date, end = _range(path, node, "date", "end", where)
        if date is None:
            raise _fail(path, node, "date", f"{where} needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        figures = _strings(path, node, "figures", where)
        for j, fid in enumerate(figures):
            if actor_ids is not None and fid not in actor_ids:
                hint = _suggest(str(fid), sorted(actor_ids), " ")
                raise _fail(
                    path,
                    node["figures"],
                    j,
                    f"{where}.figures: no actor with id '{fid}' in actors.yml.{hint}",
                )
        refs: list[Reference] = []
        for j, ref in enumerate(_seq(path, node, "sources", where)):
            rw = f"{where}.sources[{j}]"
            _check_keys(path, ref, rw, ("title", "url", "kind"))
            if ref["kind"] not in ("primary", "secondary"):
                raise _fail(path, ref, "kind", f"{rw}.kind must be 'primary' or 'secondary'")
            refs.append(Reference(_text(path, ref, "title", rw), _url(path, ref, "url", rw), ref["kind"]))
        if not refs:
            raise _fail(path, node, "sources", f"{where} needs at least one source with its URL")
        aliases = _strings(path, node, "aliases", where, words=True)
        events.append(
            Event(
                eid,
                _text(path, node, "name", where),
                topic,
                date,
                end,
                _text(path, node, "place", where),
                _text(path, node, "summary", where),
                figures,
                aliases,
                tuple(refs),
                _text(path, node, "why_it_matters", where),
            )
        )
    return tuple(topics), tuple(events)


def parse_glossary(text: str, path: str) -> tuple[Term, ...]:
    data = _document(text, path)
    _check_keys(path, data, "glossary.yml", (), ("terms",))
    terms: list[Term] = []
    for i, node in enumerate(_seq(path, data, "terms", "glossary.yml")):
        where = f"terms[{i}]"
        _check_keys(path, node, where, ("term", "definition", "source"), ("aliases", "except"))
        aliases = _strings(path, node, "aliases", where, words=True)
        name = _text(path, node, "term", where)
        if not any(c.isalnum() for c in name):
            raise _fail(path, node, "term", f"{where}.term '{name}' has no letter or digit")
        term = Term(
            name,
            aliases,
            _text(path, node, "definition", where),
            _url(path, node, "source", where),
            _exceptions(path, node, where),
        )
        if any(t.id == term.id for t in terms):
            raise _fail(path, node, "term", f"{where}: the term '{term.term}' is listed twice")
        terms.append(term)
    return tuple(terms)
