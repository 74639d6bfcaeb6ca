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


def test_comparison_pages_link_every_cell(pages):
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


@pytest.fixture(scope="module")
def pages():
    from generator.build import generate

    return generate(SITE_DATA).pages


def test_every_overridden_cell_shows_its_editors_note(pages):
    """Issue 14: an override's note is the reason a student sees a cell the patterns would not give; the cell links
    to it and the note is printed under the table (so it survives print and handouts)."""
    import re

    from markupsafe import escape

    page = pages["compare/facts.md"]
    table = page.split("## Side by side")[0]
    # The notes are a paragraph of their own, never a row of a table (the grid is HTML; the line before is blank).
    assert re.search(r"\n\n\*\*Editor's notes\.\*\*", table) and not re.search(
        r"\|\n\*\*Editor's notes", table
    )
    site = load_site(SITE_DATA)
    noted = [(a, c) for a in site.articles for c in a.coverage if c.note]
    overrides = sum(len(f.overrides) for f in site.facts)
    assert len(noted) == overrides >= 4
    # The fact grid's cell: a superscript number linked to the note, "editor's note" said to screen readers.
    links = [
        (b, a)
        for a, b in re.findall(
            r'<a href="#editors-note-(\d+)"><span class="ms-sr">editor&#39;s note </span>(\d+)</a>', table
        )
    ]
    assert [int(a) for a, b in links] == list(range(1, len(noted) + 1)) and all(a == b for a, b in links)
    for _article, cell in noted:
        assert f"{escape(cell.note)}\n{{ #editors-note-" in table
    assert len(re.findall(r"\{ #editors-note-\d+ \}", table)) == len(noted)


def test_corrected_fact_cells():
    """Issue 14: Iran Daily's "has not commented" disputes the White House statement; The Independent's invasion
    sentence is CNN's report, and the cell says so; Breitbart 10 Sep states the meetings with plotters in p6."""
    site = load_site(SITE_DATA)
    cells = {(a.file[:3], c.fact): c for a in site.articles for c in a.coverage}
    assert (
        cells["002", "white-house-statement"].status,
        cells["002", "white-house-statement"].paragraph,
    ) == (
        "disputes",
        "p8",  # p7 is Morales's tweet, kept since issue 14
    )
    assert "according to CNN" in cells["004", "invasion-question"].sentence
    assert "CNN" in cells["004", "invasion-question"].note
    assert (
        cells["000", "met-plotters"].paragraph == "p6"
        and "ousting Maduro" in cells["000", "met-plotters"].sentence
    )


def test_history_names_the_date_of_an_outlets_two_articles(pages):
    """Issue 14: "Breitbart News ¶2" is ambiguous when Breitbart has two articles; the history page names the date."""
    history = pages["history.md"]
    assert "- Breitbart News, 10 Sep 2018, [paragraph 2](sources/venezuela-calls-for-massive-march" in history
    assert "- Breitbart News, [paragraph" not in history


def test_glossary_contexts_of_the_real_corpus(pages):
    """000 p7 "met the idea with opposition" and 001 p5 "urged the military to intervene" are ordinary senses."""
    march = pages["sources/venezuela-calls-for-massive-march-against-u-s-amid-talk-of.md"]
    p7 = next(line for line in march.splitlines() if 'id="p7"' in line)
    assert "with opposition." in p7 and "ms-term" not in p7.split("reportedly met the idea")[1]
    report = pages["sources/report-trump-administration-discussed-socialist-regime.md"]
    p5 = next(line for line in report.splitlines() if 'id="p5"' in line)
    assert "urged the military to intervene and" in p5
