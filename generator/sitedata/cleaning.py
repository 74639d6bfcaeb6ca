"""``cleaning.yml``: the pattern rules that remove page furniture, and the built-in detectors' settings."""

from __future__ import annotations

from .. import patterns as patterns_module
from ..model import CleaningRules, Rule
from ..yamlfile import Map
from .common import _check_keys, _document, _fail, _seq, _suggest, _text

DETECTORS = (
    "repeated-headline",
    "repeated-line",
    "gallery",
    "repeated-quote",
    "subheads",
    "related-headline",
)
# Detectors that need a pattern of the editor's (what a line of theirs looks like): never on by default.
PATTERN_DETECTORS = ("gallery",)


EXTENTS = ("line", "with-caption-above", "with-headlines-below", "rest")
PARTS = ("line", "end")
ROLES = ("byline", "credit")


# A site with no cleaning.yml still loses the furniture the detectors find: they need no editing to be right.
DEFAULT_DETECTORS = {
    "repeated-line": Rule(
        "repeated-line", "Photo caption (a repeated line, or the text under a repeated headline)"
    ),
    "repeated-quote": Rule(
        "repeated-quote", "Embedded social-media post repeating a quotation the article already gives"
    ),
    "repeated-headline": Rule("repeated-headline", "The headline printed again in the page"),
    # A short line between paragraphs is kept as a subheading: keeping a related article's headline loses
    # nothing, removing a subheading would (a site's cleaning.yml can switch on related-headline).
    "subheads": Rule("subheads", "The article's own subheading", max_words=10),
}


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
            path,
            node,
            where,
            ("id", "pattern", "reason"),
            ("extent", "ignore_case", "outlets", "files", "part", "role"),
        )
        rid = _text(path, node, "id", where)
        if rid in ids:
            raise _fail(path, node, "id", f"rule id '{rid}' is used twice; rule ids must be unique")
        ids.add(rid)
        pattern = _text(path, node, "pattern", where)
        ignore_case = node.get("ignore_case", False)
        if not isinstance(ignore_case, bool):
            raise _fail(path, node, "ignore_case", f"{where}.ignore_case must be true or false")
        origin = (path, node.line_of("pattern"), f"{where}.pattern", "pattern")
        compiled = patterns_module.check(pattern, ignore_case, origin)  # valid, and not one that backtracks
        if set(compiled.groupindex) - {"author"}:
            raise _fail(path, node, "pattern", f"{where}.pattern may name only one group, (?P<author>…)")
        extent = node.get("extent", "line")
        if extent not in EXTENTS:
            raise _fail(path, node, "extent", f"{where}.extent must be one of: {', '.join(EXTENTS)}")
        part = node.get("part", "line")
        if part not in PARTS:
            raise _fail(path, node, "part", f"{where}.part must be one of: {', '.join(PARTS)}")
        if part == "end" and extent != "line":
            raise _fail(
                path,
                node,
                "extent",
                f"{where}: a rule with part: end cuts a piece of one line; leave out extent",
            )
        role = node.get("role")
        if role is not None and role not in ROLES:
            raise _fail(path, node, "role", f"{where}.role must be one of: {', '.join(ROLES)} (or left out)")
        scopes = _scopes(path, node, where)
        patterns.append(
            Rule(
                rid,
                _text(path, node, "reason", where),
                pattern,
                extent,
                ignore_case,
                scopes["outlets"],
                scopes["files"],
                part=part,
                role=role,
                origin=origin,
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
        needs_pattern = name in PATTERN_DETECTORS
        _check_keys(
            path,
            node,
            where,
            ("reason", "pattern") if needs_pattern else ("reason",),
            ("min_words", "max_words", "new_words", "outlets", "files"),
        )
        pattern, origin = None, None
        if needs_pattern:
            pattern = _text(path, node, "pattern", where)
            origin = (path, node.line_of("pattern"), f"{where}.pattern", "pattern")
            patterns_module.check(pattern, False, origin)  # valid, and not one that backtracks
        numbers = {}
        for key, default in (("min_words", 6), ("max_words", 10 if name == "subheads" else 25)):
            value = node.get(key, default)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _fail(path, node, key, f"{where}.{key} must be a whole number of at least 1")
            numbers[key] = value
        if "new_words" in node:
            value = node["new_words"]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise _fail(
                    path, node, "new_words", f"{where}.new_words must be a whole number of at least 0"
                )
            numbers["new_words"] = value
        scopes = _scopes(path, node, where)
        detectors[name] = Rule(
            name,
            _text(path, node, "reason", where),
            pattern,
            outlets=scopes["outlets"],
            files=scopes["files"],
            origin=origin,
            **numbers,
        )
    max_lines = data.get("caption_block_max_lines", 3)
    if not isinstance(max_lines, int) or isinstance(max_lines, bool) or max_lines < 1:
        raise _fail(
            path, data, "caption_block_max_lines", "caption_block_max_lines must be a whole number ≥ 1"
        )
    return CleaningRules(tuple(patterns), detectors, max_lines)


def _scopes(path: str, node, where: str) -> dict[str, tuple[str, ...]]:
    scopes = {}
    for key in ("outlets", "files"):
        items = _seq(path, node, key, where)
        if any(not isinstance(x, str) for x in items):
            raise _fail(path, node, key, f"{where}.{key} must be a list of names")
        scopes[key] = tuple(items)
    return scopes
