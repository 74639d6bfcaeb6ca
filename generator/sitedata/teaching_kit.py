"""``teaching.yml``'s classroom kit: rubrics with exemplar answers, the lateral-reading exercise, curated
self-check questions and the names of pages that questions send students to. Each part is optional."""

from __future__ import annotations

import re

from ..errors import SiteDataError
from ..model import CuratedQuestion, LateralReading, Rubric, RubricLevel
from ..yamlfile import Map, Seq
from .common import SLUG_RE, _check_keys, _fail, _seq, _text, _url, _web

ADDRESS_RE = re.compile(r"^/([a-z0-9-]+/)*$")
SEE_RE = re.compile(r"^/([a-z0-9-]+/)*(#p[1-9][0-9]*)?$")
LEVELS = 3  # strongest first: meets the standard, approaching it, beginning


def _texts(path: str, node: Map, key: str, where: str) -> tuple[str, ...]:
    items = _seq(path, node, key, where)
    out = []
    for j, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise _fail(path, items, j, f"{where}.{key}[{j}] must be non-empty text")
        out.append(item.strip())
    return tuple(out)


def parse_rubrics(path: str, node) -> dict[str, Rubric]:
    if node is None:
        return {}
    if not isinstance(node, Seq):
        raise SiteDataError(
            path, "rubrics must be a list of {id, title, prompt, levels}", line=getattr(node, "line", None)
        )
    rubrics = {}
    for i, r in enumerate(node):
        where = f"rubrics[{i}]"
        _check_keys(path, r, where, ("id", "title", "prompt", "levels"))
        rid = _text(path, r, "id", where)
        if not SLUG_RE.match(rid):
            raise _fail(path, r, "id", f"{where}.id '{rid}' must be lower-case letters, digits and hyphens")
        if rid in rubrics:
            raise _fail(path, r, "id", f"{where}.id '{rid}' is used twice")
        levels = _seq(path, r, "levels", where)
        if len(levels) != LEVELS:
            raise _fail(
                path,
                r,
                "levels",
                f"{where}.levels must give {LEVELS} levels, strongest first (it gives {len(levels)})",
            )
        parsed = []
        for j, level in enumerate(levels):
            lw = f"{where}.levels[{j}]"
            _check_keys(path, level, lw, ("name", "criteria", "exemplar"))
            parsed.append(
                RubricLevel(
                    _text(path, level, "name", lw),
                    _text(path, level, "criteria", lw),
                    _text(path, level, "exemplar", lw),
                )
            )
        rubrics[rid] = Rubric(
            rid, _text(path, r, "title", where), _text(path, r, "prompt", where), tuple(parsed)
        )
    return rubrics


def parse_lateral(path: str, node) -> LateralReading | None:
    if node is None:
        return None
    where = "lateral_reading"
    _check_keys(
        path, node, where, ("why", "look_up", "write_down", "compare", "search", "queries"), ("outlets",)
    )
    search = _text(path, node, "search", where)
    if search.count("{query}") != 1:
        raise _fail(
            path, node, "search", f"{where}.search must hold {{query}} once, where the search words go"
        )
    _web(path, node, "search", f"{where}.search", search.replace("{query}", "x"))
    queries = _texts(path, node, "queries", where)
    for j, q in enumerate(queries):
        if "{outlet}" not in q:
            raise _fail(
                path, node["queries"], j, f"{where}.queries[{j}] must hold {{outlet}}, the outlet's name"
            )
    encyclopedia = {}
    outlets = node.get("outlets") or Map()
    if not isinstance(outlets, Map):
        raise _fail(
            path, node, "outlets", f"{where}.outlets must map outlet ids to {{encyclopedia: https://...}}"
        )
    for outlet, entry in outlets.items():
        _check_keys(path, entry, f"{where}.outlets.{outlet}", ("encyclopedia",))
        encyclopedia[str(outlet)] = _url(path, entry, "encyclopedia", f"{where}.outlets.{outlet}")
    return LateralReading(
        _text(path, node, "why", where),
        _texts(path, node, "look_up", where),
        _texts(path, node, "write_down", where),
        _text(path, node, "compare", where),
        search,
        queries,
        encyclopedia,
    )


def parse_quizzes(path: str, node) -> dict[str, tuple[CuratedQuestion, ...]]:
    if node is None:
        return {}
    if not isinstance(node, Map):
        raise SiteDataError(
            path, "quizzes must map page addresses to lists of questions", line=getattr(node, "line", None)
        )
    out = {}
    for address, items in node.items():
        if not isinstance(address, str) or not re.match(
            r"^/(sources/[a-z0-9-]+|compare(/[a-z]+)?)/$", address
        ):
            raise _fail(
                path,
                node,
                address,
                f"quizzes: '{address}' is not an article or comparison page (/sources/x/, /compare/…/)",
            )
        if not isinstance(items, Seq):
            raise _fail(path, node, address, f"quizzes[{address}] must be a list of questions")
        questions = []
        for i, item in enumerate(items):
            where = f"quizzes[{address}][{i}]"
            _check_keys(path, item, where, ("q", "choices", "answer", "why"), ("see",))
            choices = _texts(path, item, "choices", where)
            if len(choices) < 3 or len(set(choices)) != len(choices):
                raise _fail(path, item, "choices", f"{where}.choices must be three or more different answers")
            answer = _text(path, item, "answer", where)
            if answer not in choices:
                raise _fail(path, item, "answer", f"{where}.answer must be one of its choices, word for word")
            see = _text(path, item, "see", where, optional=True)
            if see is not None and not SEE_RE.match(see):
                raise _fail(
                    path,
                    item,
                    "see",
                    f"{where}.see '{see}' must be a site address, optionally with #pN (/sources/x/#p3)",
                )
            questions.append(
                CuratedQuestion(
                    _text(path, item, "q", where),
                    choices,
                    choices.index(answer),
                    _text(path, item, "why", where),
                    see,
                )
            )
        out[address] = tuple(questions)
    return out


def parse_page_names(path: str, node) -> dict[str, str]:
    if node is None:
        return {}
    if not isinstance(node, Map):
        raise SiteDataError(
            path, "page_names must map phrases to site addresses", line=getattr(node, "line", None)
        )
    out = {}
    for phrase, address in node.items():
        if not isinstance(address, str) or not ADDRESS_RE.match(address):
            raise _fail(
                path, node, phrase, f"page_names: '{address}' is not a site address such as /history/"
            )
        out[str(phrase)] = address
    return out


KIT = ("rubrics", "lateral_reading", "quizzes", "page_names")


def kit(path: str, data: Map) -> dict:
    """The kit's parts as keyword arguments of Teaching; a step's task must name one of the rubrics."""
    rubrics = parse_rubrics(path, data.get("rubrics"))
    guide = data.get("guide")
    for i, plan in enumerate(_seq(path, guide, "plans", "guide") if isinstance(guide, Map) else ()):
        for j, step in enumerate(_seq(path, plan, "steps", f"guide.plans[{i}]")):
            task = step.get("task") if isinstance(step, Map) else None
            if task is not None and task not in rubrics:
                raise _fail(
                    path,
                    step,
                    "task",
                    f"guide.plans[{i}].steps[{j}].task '{task}' is not a rubric id "
                    f"(rubrics: {', '.join(rubrics) or 'none yet'})",
                )
    return {
        "rubrics": rubrics,
        "lateral": parse_lateral(path, data.get("lateral_reading")),
        "quizzes": parse_quizzes(path, data.get("quizzes")),
        "page_names": parse_page_names(path, data.get("page_names")),
    }
