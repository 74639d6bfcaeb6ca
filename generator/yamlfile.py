"""YAML loading that remembers line numbers, so validation errors can name ``file:line``.

PyYAML's SafeLoader is used (never the unsafe loader: curated files are edited by people and may be copied
from anywhere). Mappings come back as :class:`Map` and sequences as :class:`Seq`, plain ``dict``/``list``
subclasses that also record the line of each key or item. Duplicate keys are an error, not a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .errors import SiteDataError


class Map(dict):
    """A YAML mapping that knows the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A YAML sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _make_loader(path: str):
    # libyaml's parser when PyYAML has it (several times faster on a large sources.yml); the constructors
    # and resolvers below are Python either way, and nodes carry their line marks in both.
    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    # Dates stay text, so that validation can say which key holds an impossible date such as 2018-09-31
    # (PyYAML's own date parsing fails without a line number).
    # Likewise yes/no/on/off stay words (YAML 1.2): an editor's word list may well contain "on" or "no".
    Loader.yaml_implicit_resolvers = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )

    def construct_mapping(loader, node, deep=False):
        loader.flatten_mapping(node)
        result = Map()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool | dt.date) or key is None:
                raise SiteDataError(path, "keys must be plain text", line=key_node.start_mark.line + 1)
            if key in result:
                raise SiteDataError(
                    path,
                    f"duplicate key '{key}' (first given on line {result.key_lines[key]}); "
                    "give each key once",
                    line=key_node.start_mark.line + 1,
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader, node, deep=False):
        result = Seq(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


def load_yaml(text: str, path: str):
    """Parse YAML text; a syntax error becomes a :class:`SiteDataError` naming ``path`` and the line."""
    try:
        return yaml.load(text, Loader=_make_loader(path))  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise SiteDataError(path, f"not valid YAML: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise SiteDataError(path, f"not valid YAML: {exc}") from None
