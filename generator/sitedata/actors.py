"""``actors.yml`` (people and organisations) and ``attribution.yml`` (the word lists that read names and quotations)."""

from __future__ import annotations

from ..model import Actor, Attribution, Group, Role
from ..yamlfile import Map, Seq
from .common import (
    RESERVED,
    SLUG_RE,
    _check_keys,
    _document,
    _fail,
    _range,
    _seq,
    _strings,
    _suggest,
    _text,
    _url,
)

KINDS = ("person", "government-body", "party", "media-outlet", "organisation")


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
        if aid in RESERVED:
            raise _fail(
                path,
                node,
                "id",
                f"actor id '{aid}' is reserved: /actors/{aid}/ is the list of all actors; choose another id",
            )
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
        aliases = _strings(path, node, "aliases", where, words=True)
        roles: list[Role] = []
        for j, role in enumerate(_seq(path, node, "roles", where)):
            rw = f"{where}.roles[{j}]"
            _check_keys(path, role, rw, ("title", "citation"), ("from", "to"))
            roles.append(
                Role(
                    _text(path, role, "title", rw),
                    *_range(path, role, "from", "to", rw),
                    _url(path, role, "citation", rw),
                )
            )
        related = _seq(path, node, "related", where)
        related_at.append((i, related))
        related_ids = _strings(path, node, "related", where)
        actors.append(
            Actor(
                aid,
                _text(path, node, "name", where),
                kind,
                group,
                aliases,
                tuple(roles),
                _text(path, node, "bio", where),
                _url(path, node, "citation", where),
                related_ids,
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
        "courtesy_titles",
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
        "place_prepositions",
        "naming_phrases",
        "title_nouns",
    )
    _check_keys(
        path, data, "attribution.yml", (), (*lists, "pronouns", "possessive_pronouns", "given_name_variants")
    )
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
    possessives = data.get("possessive_pronouns") or Map()
    if not isinstance(possessives, Map) or not all(str(v) in pronouns for v in possessives.values()):
        raise _fail(
            path,
            data,
            "possessive_pronouns",
            "possessive_pronouns must map each possessive to one of pronouns",
        )
    variants = data.get("given_name_variants") or Map()
    if not isinstance(variants, Map):
        raise _fail(
            path, data, "given_name_variants", "given_name_variants must map a given name to a list of names"
        )
    given: dict[str, tuple[str, ...]] = {}
    for name, others in variants.items():
        if not isinstance(others, list) or not all(isinstance(o, str) and o.strip() for o in others):
            raise _fail(path, variants, name, f"given_name_variants.{name} must be a list of names")
        given[str(name)] = tuple(o.strip() for o in others)
    return Attribution(
        pronouns=dict(pronouns),
        possessive_pronouns={str(k): str(v) for k, v in possessives.items()},
        given_name_variants=given,
        **values,
    )
