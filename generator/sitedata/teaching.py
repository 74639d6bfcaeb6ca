"""``teaching.yml`` (the teachers' guide and questions), ``redirects.yml`` and ``addresses.txt``."""

from __future__ import annotations

import re

from ..errors import SiteDataError
from ..model import Activity, Objective, Plan, Question, Step, Teaching
from ..yamlfile import Map, Seq, load_yaml
from .common import _check_keys, _document, _fail, _seq, _strings, _suggest, _text, _unique, _urls
from .teaching_kit import KIT, kit


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
    return tuple(address for _, address in parse_address_lines(text))


def parse_address_lines(text: str, path: str | None = None) -> tuple[tuple[int, str], ...]:
    """(line, address) of each address in addresses.txt; with ``path``, each must be a site address."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        address = line.split("#")[0].strip()
        if not address:
            continue
        if path is not None and not re.match(r"^/([a-z0-9-]+/)*$", address):
            raise SiteDataError(
                path, f"'{address}' is not a site address such as /sources/some-article/", line=number
            )
        found.append((number, address))
    return tuple(found)


PAGE_TYPES = ("home", "sources", "source", "actors", "actor", "history", "glossary", "compare")


def _questions(path: str, node, where: str) -> tuple[Question, ...]:
    if not isinstance(node, Seq):
        line = getattr(node, "line", None)  # text has no line of its own: named by its place instead
        raise SiteDataError(
            path,
            f"{where} must be a list of {{q: ..., guidance: ...}}",
            line=line,
            key=where if line is None else None,
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
    _check_keys(path, data, "teaching.yml", (), ("guide", "questions", *KIT))
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
                _strings(path, o, "standards", f"guide.objectives[{i}]"),
            )
        )
    sources = _urls(path, guide, "standards_sources", "guide")
    plans = []
    for i, p in enumerate(_seq(path, guide, "plans", "guide")):
        pw = f"guide.plans[{i}]"
        _check_keys(path, p, pw, ("id", "name", "steps"))
        steps = []
        for j, st in enumerate(_seq(path, p, "steps", pw)):
            sw = f"{pw}.steps[{j}]"
            _check_keys(path, st, sw, ("minutes", "text"), ("pages", "task"))
            if not isinstance(st["minutes"], int) or isinstance(st["minutes"], bool) or st["minutes"] < 1:
                raise _fail(path, st, "minutes", f"{sw}.minutes must be a whole number of minutes")
            steps.append(
                Step(
                    st["minutes"],
                    _text(path, st, "text", sw),
                    _strings(path, st, "pages", sw),
                    _text(path, st, "task", sw, optional=True),
                )
            )
        pid = _unique(path, p, "id", pw, _text(path, p, "id", pw), {x.id for x in plans}, "plan id")
        plans.append(Plan(pid, _text(path, p, "name", pw), tuple(steps)))
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
        **kit(path, data),
    )
