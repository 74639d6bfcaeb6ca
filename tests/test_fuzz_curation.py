"""Property test over the curated files (issue 12): any value in any field of any curated file either stops
the build with an error naming that file (and its line or key), or builds pages that are inert.

test_fuzz.py feeds arbitrary text as an article; this feeds hostile and arbitrary values into the curated YAML
channels instead: every leaf of the tiny site of tests/hostile.py (site, sources, actors, history, glossary,
facts, teaching with the starter's questions and activities) and of the starter's lexicon and cleaning rules,
found by walking the documents, so a field added later is fuzzed without a change here. Values are the
payloads of test_hostile_inputs.py, arbitrary text, and wrong types (a list, a mapping, a number, nothing).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import render
from generator.build import generate
from generator.errors import SiteDataError, SiteDataErrors

from .hostile import CITE, STARTER, documents, inert_problems, replaced, to_html, write_site
from .test_hostile_inputs import TEXT_CHANNELS, TEXTS, URL_CHANNELS, URLS, front_matter_problems


def _documents() -> dict[str, dict]:
    docs = documents()
    for name in ("lexicon.yml", "cleaning.yml"):
        docs[name] = yaml.safe_load((STARTER / name).read_text(encoding="utf-8"))
    return docs


DOCS = _documents()


def _leaves(node, path=()):
    """Paths to every value in a document (mappings, lists and scalars alike)."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))


FIELDS = sorted(
    ((name, path) for name, doc in DOCS.items() for path in _leaves(doc) if path),
    key=lambda f: (f[0], [str(k) for k in f[1]]),
)
VALUES = st.one_of(
    st.sampled_from(sorted(TEXTS.values())),
    st.sampled_from(sorted(given for given, _ in URLS.values())),
    st.text(max_size=80),
    st.sampled_from(["", " ", "index", "2018-02-30", "1823-13", "p99", "(a+)+$", "\x00", "\u202e"]),
    st.sampled_from([[], {}, ["x", ["y"]], {"value": "<b>x</b>"}, 7, None, True]),
    # A value with its citation, as sources.yml's headline, subtitle, country and kind are given.
    st.sampled_from(sorted(TEXTS.values())).map(lambda text: {"value": text, "source": CITE}),
)
# Half the time a field the payload table knows reaches a page (test_hostile_inputs.py's channels), half the
# time any field, a file first, then a field of it (the word lists and rules hold most of the fields).
FIELD = st.one_of(
    st.sampled_from(sorted(set(TEXT_CHANNELS.values()) | set(URL_CHANNELS.values()))),
    st.sampled_from(sorted(DOCS)).flatmap(
        lambda name: st.sampled_from([field for field in FIELDS if field[0] == name])
    ),
)
EDITS = st.lists(st.tuples(FIELD, VALUES), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-curation")


def test_the_fuzzed_fields_cover_every_curated_file():
    assert {name for name, _ in FIELDS} == set(DOCS)
    assert len(FIELDS) > 150, len(FIELDS)  # every leaf, not a hand-picked few


# FUZZ_EXAMPLES=1000 to search longer than CI does.
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(EDITS)
def test_any_value_in_any_curated_field_is_an_error_naming_its_file_or_inert(folder, monkeypatch, edits):
    # The templates are compiled once for the whole run (render makes a new environment per build; that is
    # what costs a build of the tiny site its second, not the data).
    monkeypatch.setattr(render, "environment", _environment)
    docs = DOCS
    for (name, path), value in edits:
        try:
            docs = replaced(docs, name, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit in this example replaced what held this path
    site_data = write_site(folder / "site", docs)
    try:
        result = generate(site_data)
    except (SiteDataError, SiteDataErrors) as exc:
        # Each error names a curated file and the line or key in it (an edited file, or one that refers to
        # what an edit changed: a renamed actor id is an error in history.yml's figures).
        for error in exc.errors if isinstance(exc, SiteDataErrors) else [exc]:
            assert error.path.startswith("site_data/"), (str(error), edits)
            assert error.line is not None or error.key, (f"no line or key: {error}", edits)
        return
    for page_path, page in result.pages.items():
        if not page_path.endswith(".md"):
            continue
        assert "\x00" not in page and "\x1b" not in page, page_path
        assert not front_matter_problems(page), (page_path, front_matter_problems(page))
        problems = inert_problems(to_html(page))
        assert not problems, (page_path, problems, edits)


@functools.cache
def _environment(templates, bytecode=None):
    return _original_environment(templates, bytecode)


_original_environment = render.environment
