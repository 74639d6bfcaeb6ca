"""Cleaning hard cases: each rule and detector, what it must remove and what it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import sitedata
from generator.assemble import make_article
from generator.model import SourceEntry

from .conftest import SITE_DATA

RULES = sitedata.parse_cleaning((SITE_DATA / "cleaning.yml").read_text(), "cleaning.yml")
OUTLETS = {o.id: o for o in sitedata.parse_sources((SITE_DATA / "sources.yml").read_text(), "sources.yml")[0]}
P1 = "The first paragraph of the story is long enough to be running prose for the parser to find."
P2 = "A second paragraph follows it, also written as ordinary sentences, and it ends with a full stop."


def clean(text: str, outlet: str = "the-independent", file: str = "t.txt", rules=RULES):
    entry = SourceEntry(file=file, outlet=outlet, slug=None, language="en", url=None)
    article, _ = make_article(file, text, entry, OUTLETS[outlet], rules)
    return [p.text for p in article.paragraphs], [(r.text, r.rule) for r in article.removed]


def test_caption_printed_twice_is_removed_both_times():
    kept, removed = clean(f"Head\n\nJane Doe\nSeptember 9, 2018\nA photo caption\nA photo caption\n\n{P1}\n")
    assert kept == [P1]
    assert ("A photo caption", "repeated-line") in removed and len(
        [r for r in removed if r[1] == "repeated-line"]
    ) == 2


def test_headline_repeated_as_caption_takes_its_caption_block():
    kept, removed = clean(
        f"Head line\n\nHead line\nLeaders are seen in Caracas in this April photo of the meeting.\n\n{P1}\n"
    )
    assert kept == [P1]
    assert [r for r in removed if r[1] == "repeated-line"] == [
        ("Head line", "repeated-line"),
        ("Leaders are seen in Caracas in this April photo of the meeting.", "repeated-line"),
    ]


def test_photo_credit_takes_caption_above_but_not_the_dateline():
    kept, removed = clean(f"Head\n\nSeptember 9, 2018\nSoldiers on parade\nAFP/Jane DOE\n\n{P1}\n")
    assert ("Soldiers on parade", "photo-credit") in removed
    assert ("September 9, 2018", "dateline") in removed


def test_credit_in_a_long_block_removes_only_itself():
    """In a file without blank lines, the lines above a credit are article text: never guess a caption."""
    text = "\n".join([P1, P2, P1 + " Again.", "Crowds in the square", "AFP/Jane DOE", P2 + " End."])
    kept, removed = clean(text)
    assert [r[0] for r in removed if r[1] == "photo-credit"] == ["AFP/Jane DOE"]
    assert "Crowds in the square" not in kept  # a short line without a full stop: a related headline
    assert len(kept) == 4


def test_embedded_tweet_repeating_a_quote():
    tweet = "We condemn this. The free countries of Latin America will withstand any attacks of the Empire"
    kept, removed = clean(
        f"Head\n\n{P1}\n\nIn a tweet he wrote, “The free countries of Latin America will "
        f"withstand any attacks of the Empire.”\n\n{tweet}\n\n{P2}\n"
    )
    assert (tweet, "repeated-quote") in removed and len(kept) == 3


def test_short_quote_is_not_enough_to_call_a_line_a_repeat():
    line = "Analysts said it was a coup conspiracy without doubt, and many agreed with them on that."
    kept, _ = clean(f"Head\n\n{P1} He called it “a coup conspiracy.”\n\n{line}\n")
    assert line in kept


def test_related_headline_inside_body_but_not_a_sentence():
    kept, removed = clean(
        f"Head\n\n{P1}\n\nDonald Trump 'considered invading Venezuela', reports say\n\n{P2}\n"
    )
    assert ("Donald Trump 'considered invading Venezuela', reports say", "related-headline") in removed
    assert kept == [P1, P2]


def test_paragraph_ending_in_a_quote_is_kept():
    line = "He said the country would “certainly pursue”"
    kept, _ = clean(f"Head\n\n{P1}\n\n{line}\n\n{P2}\n")
    assert line in kept


def test_follow_line_gives_the_byline_even_with_no_break_spaces():
    entry = SourceEntry(file="t.txt", outlet="breitbart", slug=None, language="en", url=None)
    article, _ = make_article(
        "t.txt",
        f"Head\n\n{P1}\n\nFollow Ben\u00a0Kew on Facebook, Twitter at @ben_kew\n",
        entry,
        OUTLETS["breitbart"],
        RULES,
    )
    assert article.author.value == "Ben Kew" and article.author.source == "text line 5"


def test_outlet_scoped_rule_leaves_other_outlets_alone():
    appeal = "Not everyone can pay for the news. But if you can, we need your support."
    kept, _ = clean(f"Head\n\n{P1}\n\n{appeal}\n", outlet="breitbart")
    assert appeal in kept
    kept, removed = clean(f"Head\n\n{P1}\n\n{appeal}\n\n{P2}\n", outlet="truthout")
    assert kept == [P1] and (P2, "donation-appeal") in removed


def test_file_scoped_rule_only_for_its_file():
    line = "Maduro ally named leader of Venezuela's ruling assembly"
    _, removed = clean(f"Head\n\n{line}\n\n{P1}\n", file="000_0cb12d1fd8025dd7.txt", outlet="breitbart")
    assert (line, "embedded-video-title") in removed
    _, removed = clean(f"Head\n\n{line}\n\n{P1}\n", file="other.txt", outlet="breitbart")
    assert (line, "subtitle") in removed  # elsewhere it is a normal subtitle


def test_switching_a_detector_off_keeps_its_lines(tmp_path: Path):
    text = (
        (SITE_DATA / "cleaning.yml")
        .read_text()
        .replace("  related-headline:\n", "  # related-headline:\n")
        .replace("    reason: Headline of a related article", "  #  reason: x")
        .replace("    max_words: 25", "")
    )
    rules = sitedata.parse_cleaning(text, "cleaning.yml")
    kept, _ = clean(f"Head\n\n{P1}\n\nA related headline\n\n{P2}\n", rules=rules)
    assert "A related headline" in kept


@pytest.mark.parametrize(
    "line",
    [
        "Please let us know if you're having issues with commenting.",
        "News ID: 231086",
        "Security Key:",
        "Captcha refresh",
        "Page Generated in 0/2734 sec",
        "View comments",
    ],
)
def test_furniture_patterns(line):
    kept, removed = clean(f"Head\n\n{P1}\n\n{line}\n")
    assert kept == [P1] and removed[-1][0] == line
