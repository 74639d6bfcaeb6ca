"""`add PAGE.html` on real saved pages (issue 13 §4): the body the project publishes from the 91 pages of the
ScrapingHub article-extraction benchmark (tests/fixtures/extraction/) scores at least plain trafilatura's F1
with the benchmark's own evaluate.py, both measured in this run, and no page is refused.
`benchmarks/accuracy.py` prints the same table (benchmarks/extraction_accuracy.py computes it)."""

from __future__ import annotations

import sys

import pytest

from .sites import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from accuracy import PUBLISHED_DEV_F1, PUBLISHED_F1  # noqa: E402
from extraction_accuracy import extraction_scores  # noqa: E402


@pytest.fixture(scope="module")
def scores():
    return extraction_scores()


def test_no_page_is_refused(scores):
    assert scores["project"].refused == ()
    assert len(scores["project"].per_page) == 91


def test_project_scores_at_least_trafilatura(scores):
    ours, theirs = scores["project"], scores["trafilatura"]
    assert ours.f1 >= theirs.f1, (ours, theirs)
    # The project's cleaning is on top of trafilatura: more precise, and it must not lose body text for it.
    assert ours.precision >= theirs.precision
    assert ours.recall >= theirs.recall - 0.01


def test_project_scores_at_least_trafilatura_as_published(scores):
    """Against the benchmark's own trafilatura 2.0.0 figures: 0.958 on all 181 pages, and 0.963 for the same
    output on these 91 (the fair one here; tests/fixtures/extraction/README.md)."""
    assert scores["project"].f1 >= max(PUBLISHED_F1, PUBLISHED_DEV_F1)
