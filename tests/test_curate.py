"""`check`'s to-do list: what an editor should curate next, on the second corpus (made with `new` and `add`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import load_site
from generator.curate import next_steps

from .conftest import run_cli
from .sites import site_once


@pytest.fixture(scope="module")
def story2(tmp_path_factory) -> Path:
    """The second corpus, the session's one copy (sites.site_once); tests that change it copy its site_data."""
    return site_once("story2", tmp_path_factory)


def sections(todos) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for todo in todos:
        out.setdefault(todo.section, []).append(todo.text)
    return out


def test_outlets_without_a_profile_are_listed(story2):
    todo = sections(next_steps(load_site(story2 / "site_data")))
    listed = todo["Outlets without a profile"]
    assert len(listed) == 6  # five pages and the radio station, none with a profile yet
    assert any(t.startswith("riverton-radio (Riverton Radio): add country, kind, ratings") for t in listed)


def test_a_profiled_outlet_is_not_listed(story2, tmp_path):
    site_data = tmp_path / "site_data"
    shutil.copytree(story2 / "site_data", site_data)
    sources = (site_data / "sources.yml").read_text(encoding="utf-8")
    sources = sources.replace(
        "name: Riverton Radio",
        "name: Riverton Radio\n    country: {value: United States, source: 'inferred: test'}\n"
        "    kind: {value: Public radio, source: 'inferred: test'}\n    ratings: not rated",
    )
    (site_data / "sources.yml").write_text(sources, encoding="utf-8")
    listed = sections(next_steps(load_site(site_data)))["Outlets without a profile"]
    assert len(listed) == 5 and not any("riverton-radio" in t for t in listed)


def test_unknown_names_most_used_first(story2):
    names = sections(next_steps(load_site(story2 / "site_data")))[
        "Names not in actors.yml (add as actors, or as not_actors in attribution.yml)"
    ]
    # The mayor is named in all six articles; she comes before anyone named in one.
    assert names[0].startswith("Ana Ortiz — in 6 articles"), names[:3]
    assert any(n.startswith("Keisha Moore — in 1 article;") for n in names)


def test_facts_no_article_covers(story2, tmp_path):
    site_data = tmp_path / "site_data"
    shutil.copytree(story2 / "site_data", site_data)
    (site_data / "facts.yml").write_text(
        "facts:\n"
        "  - id: vote-count\n    statement: The council voted 5–4.\n"
        "    citation: https://www.example.org/minutes\n    patterns: ['\\b5[–-]4\\b']\n"
        "  - id: opened-1999\n    statement: The branch opened in 1999.\n"
        "    citation: https://www.example.org/history\n    patterns: ['\\bopened in 1999\\b']\n"
        "  - id: moon\n    statement: The library is on the Moon.\n"
        "    citation: https://www.example.org/moon\n    patterns: ['\\bon the Moon\\b']\n",
        encoding="utf-8",
    )
    uncovered = sections(next_steps(load_site(site_data)))["Facts no article covers"]
    assert uncovered == ["moon: no article states or disputes it; check its patterns, or remove it"]


def test_check_prints_the_list_and_add_the_counts(story2):
    proc = run_cli("check", cwd=story2)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "What to curate next" in out
    for heading in ("Outlets without a profile:", "Names not in actors.yml", "The story in brief:"):
        assert heading in out
    assert "site_data/sources.yml: riverton-radio (Riverton Radio)" in out


def test_voices_give_the_most_quoted_unlisted_speakers_a_row_and_group_the_rest(story2):
    from dataclasses import replace

    from generator.views import NAMED_ROWS, comparison_view

    site = load_site(story2 / "site_data")
    # Fourteen more speakers, one quotation each, in the first article: more names than rows.
    first = site.articles[0]
    extra = tuple(
        replace(first.quotes[0], named=f"Person {chr(65 + i)}", speaker=None, kind="speech")
        for i in range(14)
    )
    site = replace(site, articles=(replace(first, quotes=first.quotes + extra), *site.articles[1:]))
    view = comparison_view(site, site.articles)
    names = [row.name for row in view.voices]
    own_rows = [n for n in names if n.endswith("(not in the site's list of people)")]
    assert len(own_rows) == NAMED_ROWS
    assert own_rows[0].startswith("Ana Ortiz")  # the most quoted first
    others = next(row for row in view.voices if row.name == "Others named, not in the site's list of people")
    # Every quotation of a named speaker is counted once: in its own row or in the shared one.
    rows = [row for row in view.voices if row.name in own_rows] + [others]
    counted = sum(len(cell) for row in rows for cell in row.quotes)
    assert counted == sum(1 for a in site.articles for q in a.quotes if q.kind == "speech" and q.named)
    assert sum(len(cell) for cell in others.quotes) > 0
