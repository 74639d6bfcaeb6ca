"""Source comparison: fact coverage and word choice against hand-checked expectations, and hard cases."""

from __future__ import annotations

import pytest
import yaml

from generator.analyse.compare import coverage, framing, framing_counts
from generator.build import load_site
from generator.model import Fact, FactOverride, FramingCategory, FramingTerm, Paragraph

from .conftest import ROOT, SITE_DATA

COVERAGE = yaml.safe_load((ROOT / "tests/expected/coverage.yml").read_text(encoding="utf-8"))
FRAMING = yaml.safe_load((ROOT / "tests/expected/framing.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return {a.file: a for a in load_site(SITE_DATA).articles}


def _cell(c):
    return {"stated": c.paragraph, "not-mentioned": None}.get(c.status, f"{c.status}:{c.paragraph}")


@pytest.mark.parametrize("file", sorted(COVERAGE))
def test_fact_coverage(articles, file):
    assert {c.fact: _cell(c) for c in articles[file].coverage} == COVERAGE[file]


@pytest.mark.parametrize("file", sorted(FRAMING))
def test_word_choice_counts(articles, file):
    assert framing_counts(articles[file].framing) == FRAMING[file]


def paragraphs(*texts):
    return tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))


FACT = Fact(
    "radios", "The plotters asked for encrypted radios.", "https://x.org", (r"\bencrypted\s+radios\b",)
)


def test_first_matching_sentence_is_the_evidence():
    (cell,) = coverage(
        "a.txt",
        paragraphs("Nothing here.", "They met. They wanted encrypted radios. Again encrypted radios."),
        (FACT,),
    )
    assert (cell.status, cell.paragraph, cell.sentence) == ("stated", "p2", "They wanted encrypted radios.")


def test_override_wins_and_keeps_its_note():
    fact = Fact(
        FACT.id,
        FACT.statement,
        FACT.citation,
        FACT.patterns,
        (FactOverride("a.txt", "disputes", "p1", "Says no radios were asked for."),),
    )
    (cell,) = coverage("a.txt", paragraphs("No encrypted radios were ever requested."), (fact,))
    assert (cell.status, cell.paragraph, cell.note) == ("disputes", "p1", "Says no radios were asked for.")
    (other,) = coverage("b.txt", paragraphs("No encrypted radios were ever requested."), (fact,))
    assert other.status == "stated"


LEXICON = (
    FramingCategory(
        "gov",
        "Government",
        "?",
        (
            FramingTerm("socialist dictator", ("socialist dictator",), None),
            FramingTerm("dictator", ("dictator",), None),
            FramingTerm("regime", ("regime", "regimes"), None),
        ),
    ),
    FramingCategory("plot", "Plotters", "?", (FramingTerm("coup plotters", ("coup plotters",), None),)),
    FramingCategory("event", "Event", "?", (FramingTerm("coup", ("coup", "coups"), None),)),
)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The socialist dictator and the dictator.", {"gov": {"socialist dictator": 1, "dictator": 1}}),
        (
            "Coup plotters planned a coup.",
            {"plot": {"coup plotters": 1}, "event": {"coup": 1}},
        ),  # longest, across categories
        ("Regimes, régime and REGIME.", {"gov": {"regime": 3}}),  # case and accents
        ("Regimental and coupon.", {}),  # whole words only
        ("He asked for ‘regime' change.", {"gov": {"regime": 1}}),  # after a quotation mark
    ],
)
def test_framing_hard_cases(text, counts):
    assert framing_counts(framing(paragraphs(text), LEXICON)) == counts


def test_comparison_pages_link_every_cell(tmp_path):
    from generator.build import generate

    pages = generate(SITE_DATA).pages
    facts_page = pages["compare/facts.md"]
    site = load_site(SITE_DATA)
    for article in site.articles:
        for cell in article.coverage:
            if cell.status == "stated":
                assert f"../sources/{article.id}.md#{cell.paragraph}" in facts_page
    assert "later story" in pages["compare/facts.md"]
    assert "A later story" in pages["compare/index.md"]
    voices = pages["compare/voices.md"]
    assert "The same statement, side by side" in voices and voices.count("dialogue with all Venezuelans") >= 3
