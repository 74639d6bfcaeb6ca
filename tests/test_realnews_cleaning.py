"""Furniture of real news (issue 13 §4): each real-news event made into a site as a new editor makes one
(`new`, then `add FILE.txt --outlet NAME`, so the starter cleaning.yml does the work), against the
hand-written expectations tests/expected/realnews/<event>.yml. `benchmarks/accuracy.py` prints the same
scores as a table (benchmarks/cleaning_accuracy.py computes them for both)."""

from __future__ import annotations

import sys

import pytest
import yaml

from generator.build import load_site

from .sites import REALNEWS, REALNEWS_EVENTS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from cleaning_accuracy import cleaning_rows  # noqa: E402

EXPECTED = ROOT / "tests" / "expected" / "realnews"
EVENTS = [e for e in REALNEWS_EVENTS if (EXPECTED / f"{e}.yml").is_file()]


@pytest.fixture(scope="module")
def results(made_site):
    found = {}
    for event in EVENTS:
        project = made_site(f"realnews-{event}")
        data = yaml.safe_load((EXPECTED / f"{event}.yml").read_text(encoding="utf-8"))
        found[event] = cleaning_rows(load_site(project / "site_data"), project / "site_data", data, REALNEWS)
    return found


def test_every_event_has_expectations_and_every_article_is_scored(results):
    assert len(EVENTS) >= 6
    for event, rows in results.items():
        assert len(rows) == len(list((REALNEWS / event).glob("*.txt"))), event


def test_no_body_line_is_lost(results):
    lost = [
        f"{event} {row.article} {item}"
        for event, rows in results.items()
        for row in rows
        for item in row.lost
    ]
    assert lost == []


def test_no_furniture_is_left(results):
    left = {
        (event, row.article, int(item.split(":")[0].removeprefix("line ")))
        for event, rows in results.items()
        for row in rows
        for item in row.left
    }
    total = sum(row.furniture for rows in results.values() for row in rows)
    assert total >= 60
    # The last three (CNN's gallery of the candidates' announcements: slides written as prose, quotations
    # run in without a space) went with the gallery detector.
    assert left == set()


def test_metadata_lines_give_authors_credits_and_subtitles(results):
    wrong = [
        f"{event} {row.article} {item}"
        for event, rows in results.items()
        for row in rows
        for item in row.metadata_wrong
    ]
    assert wrong == []


def test_subheads_between_paragraphs_are_kept_as_subheadings(results):
    """Every subheading on a line of its own; a live blog's entry headline run into its text (the Post's
    mixed lines) is kept as text, not lost (test_no_body_line_is_lost)."""
    as_text = [
        f"{event} {row.article} {item}"
        for event, rows in results.items()
        for row in rows
        for item in row.subheads_kept_as_text
        if not (event == "2020-05-fauci-senate-testimony" and row.article == "013_washington-post.txt")
    ]
    assert as_text == []
    assert sum(row.subheads for rows in results.values() for row in rows) >= 12
