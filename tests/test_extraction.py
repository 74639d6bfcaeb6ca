"""Extraction from the real corpus against hand-checked expectations (tests/expected/articles.yml)."""

from __future__ import annotations

import pytest
import yaml

from generator.build import load_site

from .conftest import ROOT, SITE_DATA

EXPECTED = yaml.safe_load((ROOT / "tests/expected/articles.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return {a.file: a for a in load_site(SITE_DATA).articles}


def test_every_corpus_file_has_expectations(articles):
    assert sorted(articles) == sorted(EXPECTED)


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_metadata(articles, file):
    article, want = articles[file], EXPECTED[file]
    assert article.id == want["id"]
    assert article.title.value == want["title"]
    assert article.subtitle.value == want["subtitle"]
    assert article.author.value == want["author"]
    assert article.published.value == want["published"]
    assert article.dateline_place == want.get("dateline_place")


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_body(articles, file):
    article, want = articles[file], EXPECTED[file]
    # Compared with spacing collapsed (the corpus mixes no-break spaces in); test_kept_text_is_verbatim
    # checks the exact characters.
    texts = [" ".join(p.text.split()) for p in article.paragraphs]
    assert len(texts) == want["paragraphs"]
    assert texts[0] == want["first"]
    assert texts[-1] == want["last"]
    assert [p.id for p in article.paragraphs] == [f"p{i}" for i in range(1, len(texts) + 1)]
    if "contains" in want:
        assert any(want["contains"] in t for t in texts)
    for pid, text in want.get("paragraph_text", {}).items():  # a paragraph that must be kept whole
        assert texts[int(pid[1:]) - 1] == text


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_removed_lines(articles, file):
    article, want = articles[file], EXPECTED[file]
    assert [[r.line, r.rule] for r in article.removed] == want["removed"]


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_no_line_is_lost(articles, file):
    """Every non-blank line of the file is either kept (unchanged) or recorded as removed."""
    raw = (SITE_DATA / "corpus" / file).read_text(encoding="utf-8")
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    article = articles[file]
    accounted = [p.text for p in article.paragraphs] + [r.text for r in article.removed]
    assert sorted(lines) == sorted(accounted)


def test_kept_text_is_verbatim(articles):
    """Cleaning never edits kept text: each paragraph is a line of its file, character for character."""
    for file, article in articles.items():
        raw = (SITE_DATA / "corpus" / file).read_text(encoding="utf-8").splitlines()
        for p in article.paragraphs:
            assert raw[p.line - 1].strip() == p.text
