"""Validate the curated files of ``site_data/`` and turn them into model objects.

Pure functions from (text, display path) to frozen dataclasses; the build reads the files. Every error names
the file, the line and the key, says what is wrong and what would be valid, and suggests the nearest valid key
when a key looks misspelled.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from .errors import SiteDataError
from .model import (
    Activity,
    Actor,
    Attribution,
    CleaningRules,
    Event,
    Fact,
    FactOverride,
    FramingCategory,
    FramingTerm,
    Group,
    Objective,
    Outlet,
    Plan,
    Question,
    Rating,
    Reference,
    Role,
    Rule,
    SiteInfo,
    Sourced,
    SourceEntry,
    Step,
    StoryEvent,
    StoryParagraph,
    Teaching,
    Term,
    Topic,
)
from .yamlfile import Map, Seq, load_yaml

SOURCE_RE = re.compile(r"^(https?://\S+|text line \d+\b.*|inferred: .+)$", re.S)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DETECTORS = ("repeated-line", "repeated-quote", "related-headline")
EXTENTS = ("line", "with-caption-above", "rest")
# The title of a site with no site.yml and no site_name in mkdocs.yml: says what the site is, claims nothing.
DEFAULT_TITLE = "News articles side by side"
# A site with no cleaning.yml still loses the furniture the detectors find: they need no editing to be right.
DEFAULT_DETECTORS = {
    "repeated-line": Rule(
        "repeated-line", "Photo caption (a repeated line, or the text under a repeated headline)"
    ),
    "repeated-quote": Rule(
        "repeated-quote", "Embedded social-media post repeating a quotation the article already gives"
    ),
    "related-headline": Rule(
        "related-headline",
        "Headline of a related article dropped into the text (a short line without closing punctuation)",
    ),
}


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


def _url(path: str, node: Map, key: str, where: str, *, optional: bool = False) -> str | None:
    value = _text(path, node, key, where, optional=optional)
    if value is not None and not re.match(r"^https?://[^\s/]+", value):
        raise _fail(path, node, key, f"'{key}' in {where} must be a web address starting with https://")
    return value


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
            f"'source' of {where}.{key} must be a citation URL (https://…), \"text line N: <what the line says>\" "
            'or "inferred: <from what, and how>"',
        )
    raw = value.get("value")
    if raw is None:
        return Sourced(None, source.strip())
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
        return Sourced(raw.isoformat(), source.strip())
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(
            path, value, "value", f"{where}.{key} must be non-empty text (or leave 'value' out for none)"
        )
    return Sourced(raw.strip(), source.strip())


def default_site(site_name: str | None = None) -> SiteInfo:
    """The site's name and nothing else, for a site without site.yml (mkdocs.yml's site_name when given)."""
    return SiteInfo(title=(site_name or "").strip() or DEFAULT_TITLE)


def parse_site(text: str, path: str) -> SiteInfo:
    data = _document(text, path)
    # description and story may wait: a new site has no cited story in brief yet.
    _check_keys(path, data, "site.yml", ("title",), ("description", "story", "reading_words_per_minute"))
    story = []
    items = _seq(path, data, "story", "site.yml")
    for i, item in enumerate(items):
        where = f"story[{i}]"
        _check_keys(path, item, where, ("text", "citations"))
        cites = _seq(path, item, "citations", where)
        if not cites:
            raise _fail(path, item, "citations", f"{where} needs at least one citation URL")
        for j, cite in enumerate(cites):
            if not isinstance(cite, str) or not re.match(r"^https?://", cite):
                raise _fail(path, cites, j, f"{where}.citations[{j}] must be a URL starting with https://")
        story.append(StoryParagraph(_text(path, item, "text", where), tuple(cites)))
    wpm = data.get("reading_words_per_minute", 200)
    if not isinstance(wpm, int) or isinstance(wpm, bool) or not 50 <= wpm <= 1000:
        raise _fail(
            path, data, "reading_words_per_minute", "reading_words_per_minute must be a whole number 50–1000"
        )
    return SiteInfo(
        title=_text(path, data, "title", "site.yml"),
        description=(
            "" if data.get("description") in (None, "") else _text(path, data, "description", "site.yml")
        ),
        story=tuple(story),
        words_per_minute=wpm,
    )


def parse_sources(text: str, path: str) -> tuple[tuple[Outlet, ...], tuple[SourceEntry, ...]]:
    data = _document(text, path)
    _check_keys(path, data, "sources.yml", ("outlets", "articles"))
    outlets: list[Outlet] = []
    for i, node in enumerate(_seq(path, data, "outlets", "sources.yml")):
        where = f"outlets[{i}]"
        # The profile (country, kind, ratings) may be curated later: a key left out means "not yet", which the
        # pages say; it is never filled with a guess.
        _check_keys(path, node, where, ("id", "name"), ("homepage", "country", "kind", "ratings"))
        oid = _text(path, node, "id", where)
        if not SLUG_RE.match(oid):
            raise _fail(path, node, "id", f"outlet id '{oid}' must be lowercase letters, digits and hyphens")
        if any(o.id == oid for o in outlets):
            raise _fail(path, node, "id", f"outlet id '{oid}' is used twice; each outlet needs its own id")
        ratings = node.get("ratings")
        parsed: list[Rating] | None = []
        if ratings is None:
            parsed = None
        elif ratings == "not rated":
            pass
        elif isinstance(ratings, Seq) and ratings:
            for j, r in enumerate(ratings):
                rw = f"{where}.ratings[{j}]"
                _check_keys(path, r, rw, ("by", "rating", "date", "url"))
                date = r["date"]
                if isinstance(date, dt.date):
                    date = date.isoformat()
                if not isinstance(date, str) or not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", date):
                    raise _fail(path, r, "date", f"{rw}.date must be YYYY, YYYY-MM or YYYY-MM-DD")
                parsed.append(
                    Rating(
                        _text(path, r, "by", rw), _text(path, r, "rating", rw), date, _url(path, r, "url", rw)
                    )
                )
        else:
            raise _fail(
                path,
                node,
                "ratings",
                f"{where}.ratings must be a list of ratings ({{by, rating, date, url}}) or the words 'not rated' "
                "(checked: nobody rates it); leave it out until someone has checked",
            )
        country = _sourced(path, node, "country", where)
        kind = _sourced(path, node, "kind", where)
        for key, fact in (("country", country), ("kind", kind)):
            if fact is not None and not fact.known:
                raise _fail(path, node[key], "source", f"{where}.{key} needs a value as well as its source")
        outlets.append(
            Outlet(
                oid,
                _text(path, node, "name", where),
                _url(path, node, "homepage", where, optional=True),
                country,
                kind,
                None if parsed is None else tuple(parsed),
            )
        )
    entries: list[SourceEntry] = []
    known = {o.id for o in outlets}
    for i, node in enumerate(_seq(path, data, "articles", "sources.yml")):
        where = f"articles[{i}]"
        _check_keys(
            path,
            node,
            where,
            ("file", "outlet", "language"),
            ("slug", "url", "title", "subtitle", "author", "published"),
        )
        file = _text(path, node, "file", where)
        if any(e.file == file for e in entries):
            raise _fail(path, node, "file", f"'{file}' has two entries; give each corpus file one entry")
        outlet = _text(path, node, "outlet", where)
        if outlet not in known:
            hint = _suggest(outlet, sorted(known), " ")
            raise _fail(
                path,
                node,
                "outlet",
                f"{where}.outlet '{outlet}' is not one of the outlets listed above ({', '.join(sorted(known))}).{hint}",
            )
        slug = _text(path, node, "slug", where, optional=True)
        if slug is not None and not SLUG_RE.match(slug):
            raise _fail(path, node, "slug", f"slug '{slug}' must be lowercase letters, digits and hyphens")
        language = _text(path, node, "language", where)
        if not re.match(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$", language):
            raise _fail(path, node, "language", f"language '{language}' must be a language code such as 'en'")
        entries.append(
            SourceEntry(
                file=file,
                outlet=outlet,
                slug=slug,
                language=language,
                url=_url(path, node, "url", where, optional=True),
                title=_sourced(path, node, "title", where),
                subtitle=_sourced(path, node, "subtitle", where),
                author=_sourced(path, node, "author", where),
                published=_sourced(path, node, "published", where, date=True),
                line=node.line,
            )
        )
    return tuple(outlets), tuple(entries)


def default_cleaning() -> CleaningRules:
    """For a site without cleaning.yml: no pattern rules, every built-in detector on with its defaults."""
    return CleaningRules((), dict(DEFAULT_DETECTORS))


def parse_cleaning(text: str, path: str) -> CleaningRules:
    # A cleaning.yml that is there decides everything, detectors included (leaving one out switches it off).
    data = _document(text, path)
    _check_keys(path, data, "cleaning.yml", (), ("rules", "detectors", "caption_block_max_lines"))
    patterns: list[Rule] = []
    ids: set[str] = set()
    for i, node in enumerate(_seq(path, data, "rules", "cleaning.yml")):
        where = f"rules[{i}]"
        _check_keys(
            path, node, where, ("id", "pattern", "reason"), ("extent", "ignore_case", "outlets", "files")
        )
        rid = _text(path, node, "id", where)
        if rid in ids:
            raise _fail(path, node, "id", f"rule id '{rid}' is used twice; rule ids must be unique")
        ids.add(rid)
        pattern = _text(path, node, "pattern", where)
        ignore_case = node.get("ignore_case", False)
        if not isinstance(ignore_case, bool):
            raise _fail(path, node, "ignore_case", f"{where}.ignore_case must be true or false")
        try:
            compiled = re.compile(pattern, re.I if ignore_case else 0)
        except re.error as exc:
            raise _fail(
                path, node, "pattern", f"{where}.pattern is not a valid regular expression: {exc}"
            ) from None
        if set(compiled.groupindex) - {"author"}:
            raise _fail(path, node, "pattern", f"{where}.pattern may name only one group, (?P<author>…)")
        extent = node.get("extent", "line")
        if extent not in EXTENTS:
            raise _fail(path, node, "extent", f"{where}.extent must be one of: {', '.join(EXTENTS)}")
        scopes = {}
        for key in ("outlets", "files"):
            items = _seq(path, node, key, where)
            if any(not isinstance(x, str) for x in items):
                raise _fail(path, node, key, f"{where}.{key} must be a list of names")
            scopes[key] = tuple(items)
        patterns.append(
            Rule(
                rid,
                _text(path, node, "reason", where),
                pattern,
                extent,
                ignore_case,
                scopes["outlets"],
                scopes["files"],
            )
        )
    detectors: dict[str, Rule] = {}
    det_node = data.get("detectors") or Map()
    if not isinstance(det_node, Map):
        raise _fail(path, data, "detectors", "detectors must be a mapping of detector name to its settings")
    for name, node in det_node.items():
        if name not in DETECTORS:
            hint = _suggest(str(name), DETECTORS, " ")
            raise _fail(
                path,
                det_node,
                name,
                f"unknown detector '{name}'. Built-in detectors: {', '.join(DETECTORS)}.{hint}",
            )
        where = f"detectors.{name}"
        _check_keys(path, node, where, ("reason",), ("min_words", "max_words"))
        numbers = {}
        for key, default in (("min_words", 6), ("max_words", 25)):
            value = node.get(key, default)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _fail(path, node, key, f"{where}.{key} must be a whole number of at least 1")
            numbers[key] = value
        detectors[name] = Rule(name, _text(path, node, "reason", where), **numbers)
    max_lines = data.get("caption_block_max_lines", 3)
    if not isinstance(max_lines, int) or isinstance(max_lines, bool) or max_lines < 1:
        raise _fail(
            path, data, "caption_block_max_lines", "caption_block_max_lines must be a whole number ≥ 1"
        )
    return CleaningRules(tuple(patterns), detectors, max_lines)


KINDS = ("person", "government-body", "party", "media-outlet", "organisation")


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


def parse_actors(text: str, path: str) -> tuple[tuple[Group, ...], tuple[Actor, ...]]:
    """actors.yml: groups (in display order) and the actors, each with a cited biography and roles."""
    data = _document(text, path)
    _check_keys(path, data, "actors.yml", (), ("groups", "actors"))
    groups: list[Group] = []
    for i, node in enumerate(_seq(path, data, "groups", "actors.yml")):
        where = f"groups[{i}]"
        _check_keys(path, node, where, ("id", "name"))
        gid = _text(path, node, "id", where)
        if any(g.id == gid for g in groups):
            raise _fail(path, node, "id", f"group id '{gid}' is used twice")
        groups.append(Group(gid, _text(path, node, "name", where)))
    group_ids = [g.id for g in groups]
    actors: list[Actor] = []
    related_at: list[tuple[int, Seq]] = []
    for i, node in enumerate(_seq(path, data, "actors", "actors.yml")):
        where = f"actors[{i}]"
        _check_keys(
            path,
            node,
            where,
            ("id", "name", "kind", "group", "bio", "citation"),
            ("aliases", "roles", "related"),
        )
        aid = _text(path, node, "id", where)
        if not SLUG_RE.match(aid):
            raise _fail(path, node, "id", f"actor id '{aid}' must be lowercase letters, digits and hyphens")
        if any(a.id == aid for a in actors):
            raise _fail(path, node, "id", f"actor id '{aid}' is used twice; each actor needs its own id")
        where = f"actors[{i}] ({aid})"
        kind = _text(path, node, "kind", where)
        if kind not in KINDS:
            raise _fail(path, node, "kind", f"{where}.kind '{kind}' must be one of: {', '.join(KINDS)}")
        group = _text(path, node, "group", where)
        if group not in group_ids:
            hint = _suggest(group, group_ids, " ")
            raise _fail(
                path,
                node,
                "group",
                f"{where}.group '{group}' is not a group listed above ({', '.join(group_ids)}).{hint}",
            )
        aliases = _seq(path, node, "aliases", where)
        for j, alias in enumerate(aliases):
            if not isinstance(alias, str) or not alias.strip():
                raise _fail(path, aliases, j, f"{where}.aliases[{j}] must be non-empty text")
        roles: list[Role] = []
        for j, role in enumerate(_seq(path, node, "roles", where)):
            rw = f"{where}.roles[{j}]"
            _check_keys(path, role, rw, ("title", "citation"), ("from", "to"))
            roles.append(
                Role(
                    _text(path, role, "title", rw),
                    _date_text(path, role, "from", rw),
                    _date_text(path, role, "to", rw),
                    _url(path, role, "citation", rw),
                )
            )
        related = _seq(path, node, "related", where)
        related_at.append((i, related))
        actors.append(
            Actor(
                aid,
                _text(path, node, "name", where),
                kind,
                group,
                tuple(a.strip() for a in aliases),
                tuple(roles),
                _text(path, node, "bio", where),
                _url(path, node, "citation", where),
                tuple(str(r) for r in related),
            )
        )
    ids = {a.id for a in actors}
    for (i, related), actor in zip(related_at, actors, strict=True):
        for j, rid in enumerate(related):
            if rid not in ids:
                hint = _suggest(str(rid), sorted(ids), " ")
                raise _fail(
                    path, related, j, f"actors[{i}] ({actor.id}).related: no actor with id '{rid}'.{hint}"
                )
    return tuple(groups), tuple(actors)


def parse_attribution(text: str, path: str) -> Attribution:
    data = _document(text, path)
    lists = (
        "titles",
        "speech_verbs",
        "according_to",
        "anonymous_nouns",
        "term_markers",
        "label_stop_words",
        "label_heads",
        "not_actors",
        "prepositions",
        "determiners",
        "organisation_words",
        "byline_roles",
    )
    _check_keys(path, data, "attribution.yml", (), (*lists, "pronouns"))
    values = {}
    for key in lists:
        items = _seq(path, data, key, "attribution.yml")
        for j, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise _fail(path, items, j, f"{key}[{j}] must be non-empty text")
        values[key] = tuple(x.strip() for x in items)
    pronouns = data.get("pronouns") or Map()
    if not isinstance(pronouns, Map):
        raise _fail(path, data, "pronouns", "pronouns must map each pronoun to 'person' or 'organisation'")
    for word, kind in pronouns.items():
        if kind not in ("person", "organisation"):
            raise _fail(path, pronouns, word, f"pronouns.{word} must be 'person' or 'organisation'")
    return Attribution(pronouns=dict(pronouns), **values)


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
        topics.append(Topic(_text(path, node, "id", where), _text(path, node, "name", where)))
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
        date = _date_text(path, node, "date", where)
        if date is None:
            raise _fail(path, node, "date", f"{where} needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        end = _date_text(path, node, "end", where)
        if end is not None and end < date:
            raise _fail(path, node, "end", f"{where}.end {end} is before its date {date}")
        figures = _seq(path, node, "figures", where)
        for j, fid in enumerate(figures):
            if actor_ids is not None and fid not in actor_ids:
                hint = _suggest(str(fid), sorted(actor_ids), " ")
                raise _fail(
                    path, figures, j, f"{where}.figures: no actor with id '{fid}' in actors.yml.{hint}"
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
        aliases = _seq(path, node, "aliases", where)
        events.append(
            Event(
                eid,
                _text(path, node, "name", where),
                topic,
                date,
                end,
                _text(path, node, "place", where),
                _text(path, node, "summary", where),
                tuple(figures),
                tuple(str(a) for a in aliases),
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
        _check_keys(path, node, where, ("term", "definition", "source"), ("aliases",))
        aliases = _seq(path, node, "aliases", where)
        term = Term(
            _text(path, node, "term", where),
            tuple(str(a) for a in aliases),
            _text(path, node, "definition", where),
            _url(path, node, "source", where),
        )
        if any(t.id == term.id for t in terms):
            raise _fail(path, node, "term", f"{where}: the term '{term.term}' is listed twice")
        terms.append(term)
    return tuple(terms)


STATUSES = ("stated", "disputes", "not-mentioned")


def parse_facts(text: str, path: str) -> tuple[StoryEvent | None, tuple[Fact, ...]]:
    """facts.yml: the event in brief and the key facts, each with a citation and the editor's patterns."""
    data = _document(text, path)
    _check_keys(path, data, "facts.yml", (), ("facts", "event"))
    story = None
    if data.get("event") is not None:
        node = data["event"]
        _check_keys(path, node, "event", ("summary", "citations"), ("date",))
        cites = _seq(path, node, "citations", "event")
        for j, cite in enumerate(cites):
            if not isinstance(cite, str) or not re.match(r"^https?://", cite):
                raise _fail(path, cites, j, f"event.citations[{j}] must be a URL starting with https://")
        story = StoryEvent(
            _text(path, node, "summary", "event"), tuple(cites), _date_text(path, node, "date", "event")
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
        patterns = _seq(path, node, "patterns", where)
        if not patterns:
            raise _fail(path, node, "patterns", f"{where} needs at least one pattern")
        for j, pattern in enumerate(patterns):
            try:
                re.compile(str(pattern), re.I)
            except re.error as exc:
                raise _fail(
                    path, patterns, j, f"{where}.patterns[{j}] is not a valid regular expression: {exc}"
                ) from None
        overrides: list[FactOverride] = []
        for j, o in enumerate(_seq(path, node, "overrides", where)):
            ow = f"{where}.overrides[{j}]"
            _check_keys(path, o, ow, ("file", "status", "note"), ("paragraph",))
            if o["status"] not in STATUSES:
                raise _fail(path, o, "status", f"{ow}.status must be one of: {', '.join(STATUSES)}")
            paragraph = _text(path, o, "paragraph", ow, optional=True)
            if paragraph is not None and not re.match(r"^p[1-9]\d*$", paragraph):
                raise _fail(path, o, "paragraph", f"{ow}.paragraph must be a paragraph id such as p3")
            overrides.append(
                FactOverride(_text(path, o, "file", ow), o["status"], paragraph, _text(path, o, "note", ow))
            )
        facts.append(
            Fact(
                fid,
                _text(path, node, "statement", where),
                _url(path, node, "citation", where),
                tuple(str(p) for p in patterns),
                tuple(overrides),
            )
        )
    return story, tuple(facts)


def parse_lexicon(text: str, path: str) -> tuple[FramingCategory, ...]:
    data = _document(text, path)
    _check_keys(path, data, "lexicon.yml", (), ("categories",))
    categories: list[FramingCategory] = []
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
            _check_keys(path, t, tw, ("term", "forms"), ("note",))
            forms = _seq(path, t, "forms", tw)
            if not forms or any(not isinstance(f, str) or not f.strip() for f in forms):
                raise _fail(path, t, "forms", f"{tw}.forms must list the words or phrases to count")
            terms.append(
                FramingTerm(
                    _text(path, t, "term", tw), tuple(forms), _text(path, t, "note", tw, optional=True)
                )
            )
        categories.append(
            FramingCategory(
                cid, _text(path, node, "name", where), _text(path, node, "question", where), tuple(terms)
            )
        )
    return tuple(categories)


def parse_redirects(text: str, path: str) -> dict[str, str]:
    """redirects.yml: old address → new address, for pages that moved (both site paths like /sources/x/)."""
    data = load_yaml(text, path)
    if data is None:
        return {}
    if not isinstance(data, Map):
        raise SiteDataError(
            path, "must map each old address to its new one, e.g. /sources/old/: /sources/new/"
        )
    result = {}
    for old, new in data.items():
        for value in (old, new):
            if not isinstance(value, str) or not re.match(r"^/([a-z0-9-]+/)*$", value):
                raise _fail(
                    path, data, old, f"'{value}' is not a site address such as /sources/some-article/"
                )
        result[old] = new
    return result


def parse_addresses(text: str) -> tuple[str, ...]:
    """addresses.txt: every published address, one per line; '#' starts a comment."""
    return tuple(line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip())


PAGE_TYPES = ("home", "sources", "source", "actors", "actor", "history", "glossary", "compare")


def _questions(path: str, node, where: str) -> tuple[Question, ...]:
    if not isinstance(node, Seq):
        raise SiteDataError(
            path, f"{where} must be a list of {{q: ..., guidance: ...}}", line=getattr(node, "line", None)
        )
    result = []
    for i, item in enumerate(node):
        _check_keys(path, item, f"{where}[{i}]", ("q", "guidance"))
        result.append(
            Question(_text(path, item, "q", f"{where}[{i}]"), _text(path, item, "guidance", f"{where}[{i}]"))
        )
    return tuple(result)


def _mapping(path: str, parent: Map, key: str, where: str) -> Map:
    """parent[key] as a mapping (an empty one when left out), or an error saying a mapping is needed."""
    node = parent.get(key)
    if node is None:
        node = Map()
        node.line, node.key_lines = parent.line_of(key), {}
    if not isinstance(node, Map):
        raise _fail(path, parent, key, f"'{key}' in {where} must be a mapping of keys to values")
    return node


def parse_teaching(text: str, path: str) -> Teaching:
    data = _document(text, path)
    # The guide is optional: a new site starts with generic questions per page type and writes its guide (which
    # names the site's own pages) once it has articles. A guide that is given must be complete.
    _check_keys(path, data, "teaching.yml", (), ("guide", "questions"))
    guide = _mapping(path, data, "guide", "teaching.yml")
    if "guide" in data:
        _check_keys(
            path, guide, "guide", ("intro", "objectives", "plans", "reading_route"), ("standards_sources",)
        )
    objectives = []
    for i, o in enumerate(_seq(path, guide, "objectives", "guide")):
        _check_keys(path, o, f"guide.objectives[{i}]", ("text", "standards"))
        objectives.append(
            Objective(
                _text(path, o, "text", f"guide.objectives[{i}]"),
                tuple(str(s) for s in _seq(path, o, "standards", f"guide.objectives[{i}]")),
            )
        )
    sources = _seq(path, guide, "standards_sources", "guide")
    for j, url in enumerate(sources):
        if not isinstance(url, str) or not re.match(r"^https?://", url):
            raise _fail(path, sources, j, f"guide.standards_sources[{j}] must be a URL")
    plans = []
    for i, p in enumerate(_seq(path, guide, "plans", "guide")):
        pw = f"guide.plans[{i}]"
        _check_keys(path, p, pw, ("id", "name", "steps"))
        steps = []
        for j, st in enumerate(_seq(path, p, "steps", pw)):
            sw = f"{pw}.steps[{j}]"
            _check_keys(path, st, sw, ("minutes", "text"), ("pages",))
            if not isinstance(st["minutes"], int) or isinstance(st["minutes"], bool) or st["minutes"] < 1:
                raise _fail(path, st, "minutes", f"{sw}.minutes must be a whole number of minutes")
            steps.append(
                Step(
                    st["minutes"],
                    _text(path, st, "text", sw),
                    tuple(str(x) for x in _seq(path, st, "pages", sw)),
                )
            )
        plans.append(Plan(_text(path, p, "id", pw), _text(path, p, "name", pw), tuple(steps)))
    route = []
    for i, r in enumerate(_seq(path, guide, "reading_route", "guide")):
        _check_keys(path, r, f"guide.reading_route[{i}]", ("path", "why"))
        route.append(
            (
                _text(path, r, "path", f"guide.reading_route[{i}]"),
                _text(path, r, "why", f"guide.reading_route[{i}]"),
            )
        )
    questions = _mapping(path, data, "questions", "teaching.yml")
    _check_keys(path, questions, "questions", (), ("defaults", "activities", "pages"))
    defaults_node = _mapping(path, questions, "defaults", "questions")
    defaults = {}
    for kind, node in defaults_node.items():
        if kind not in PAGE_TYPES:
            hint = _suggest(str(kind), PAGE_TYPES, " ")
            raise _fail(
                path,
                defaults_node,
                kind,
                f"questions.defaults.{kind}: not a page type ({', '.join(PAGE_TYPES)}).{hint}",
            )
        defaults[kind] = _questions(path, node, f"questions.defaults.{kind}")
    activities = {}
    for kind, node in _mapping(path, questions, "activities", "questions").items():
        if kind not in PAGE_TYPES:
            raise _fail(
                path,
                questions["activities"],
                kind,
                f"questions.activities.{kind}: not a page type ({', '.join(PAGE_TYPES)})",
            )
        _check_keys(path, node, f"questions.activities.{kind}", ("title", "text"))
        activities[kind] = Activity(_text(path, node, "title", kind), _text(path, node, "text", kind))
    pages = {}
    for address, node in _mapping(path, questions, "pages", "questions").items():
        if not isinstance(address, str) or not re.match(r"^/([a-z0-9-]+/)*$", address):
            raise _fail(
                path,
                questions["pages"],
                address,
                f"questions.pages: '{address}' is not a site address such as /sources/x/",
            )
        pages[address] = _questions(path, node, f"questions.pages[{address}]")
    return Teaching(
        _text(path, guide, "intro", "guide") if "guide" in data else "",
        tuple(objectives),
        tuple(sources),
        tuple(plans),
        tuple(route),
        defaults,
        activities,
        pages,
    )
