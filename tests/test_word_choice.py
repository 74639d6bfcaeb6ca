"""Word choice on real-news shapes (issue 13 §6): words inside quotations are the speaker's, not the outlet's;
a lexicon term's `except` contexts; an embedded post that repeats only part of a quotation keeps the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.analyse.compare import framing, framing_counts
from generator.analyse.people import discovered_mentions
from generator.analyse.quotes import find_quotes
from generator.errors import SiteDataError
from generator.model import Paragraph
from generator.sitedata import parse_attribution, parse_cleaning, parse_lexicon

from .test_clean import P1, P2, clean

STARTER = Path(__file__).resolve().parent.parent / "templates" / "new" / "site_data"
LEXICON = parse_lexicon((STARTER / "lexicon.yml").read_text("utf-8"), "lexicon.yml")
ATTRIBUTION = parse_attribution((STARTER / "attribution.yml").read_text("utf-8"), "attribution.yml")


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))


def test_a_word_inside_a_quotation_is_the_speakers():
    text = "The minister claimed the vote was fair. “We insist that nobody was turned away,” she said."
    hits = framing(paragraphs(text), LEXICON, {("p1", text.index("“")): "Ana Ortiz"})
    assert framing_counts(hits, quoted=False) == {"judging-verbs": {"claimed": 1}}
    assert framing_counts(hits, quoted=True) == {"judging-verbs": {"insisted": 1}}
    assert [h.quoted for h in hits] == [None, "Ana Ortiz"]
    assert framing_counts(hits) == {"judging-verbs": {"claimed": 1, "insisted": 1}}  # as printed


def test_a_quotation_nobody_is_said_to_have_said_is_not_the_outlets_either():
    (hit,) = framing(paragraphs("Critics call it an “allegedly independent” panel."), LEXICON)
    assert hit.quoted == "a quoted term"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The crash claimed 176 lives.", 0),
        ("The fire claimed the lives of nine people.", 0),
        ("The storm claimed hundreds of lives.", 0),
        ("He claimed the vote was rigged.", 1),
        ("She claims 176 ballots were lost.", 1),
    ],
)
def test_except_contexts_of_the_starter_lexicon(text, counted):
    counts = framing_counts(framing(paragraphs(text), LEXICON))
    assert counts.get("judging-verbs", {}).get("claimed", 0) == counted


LEXICON_WITH_SENTENCE = """
categories:
  - id: coup
    name: Coup words
    question: Q?
    terms:
      - term: overthrow
        forms: [overthrow, overthrown]
        except:
          - {sentence: '\\b(?:1973|Allende|Pinochet)\\b', why: 'the 1973 coup in Chile, another event'}
"""


def test_a_term_that_names_another_event_does_not_count():
    lexicon = parse_lexicon(LEXICON_WITH_SENTENCE, "lexicon.yml")
    text = "Allende was overthrown in 1973. Now the officers want to overthrow the president."
    hits = framing(paragraphs(text), lexicon)
    assert [text[h.start : h.end] for h in hits] == ["overthrow"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("{after: '(unclosed', why: x}", "except[0].after is not a valid pattern"),
        ("{why: no pattern}", "needs a pattern: before, after or sentence"),
        ("{before: x}", "why"),
    ],
)
def test_bad_except_rules_name_file_and_key(rule, message):
    text = LEXICON_WITH_SENTENCE.replace(
        "{sentence: '\\b(?:1973|Allende|Pinochet)\\b', why: 'the 1973 coup in Chile, another event'}", rule
    )
    with pytest.raises(SiteDataError, match=re.escape(message)) as error:
        parse_lexicon(text, "site_data/lexicon.yml")
    assert "site_data/lexicon.yml" in str(error.value)


TWEET = (
    "We condemn the coup conspiracy of secret meetings with military traitors to overthrow our brother. "
    "The free countries of Latin America will "
    "withstand any attacks of the Empire"
)
QUOTED = (
    "In a tweet he wrote, “The free countries of Latin America will withstand any attacks of the Empire.”"
)


def test_an_embedded_post_with_new_sentences_is_kept_with_the_starter_rules():
    starter = parse_cleaning((STARTER / "cleaning.yml").read_text("utf-8"), "cleaning.yml")
    kept, removed = clean(f"Head\n\n{P1}\n\n{QUOTED}\n\n{TWEET}\n\n{P2}\n", rules=starter)
    assert TWEET in kept and not [r for r in removed if r[1] == "repeated-quote"]
    signed = "The free countries of Latin America will withstand any attacks of the Empire — Evo Morales (@evo) 9 Sept"
    kept, removed = clean(f"Head\n\n{P1}\n\n{QUOTED}\n\n{signed}\n\n{P2}\n", rules=starter)
    assert (signed, "repeated-quote") in removed


def test_the_kept_post_is_its_authors_statement():
    texts = paragraphs("President Evo Morales of Bolivia spoke on Saturday. " + QUOTED, TWEET)
    found, kinds, genders = discovered_mentions(texts, (), ATTRIBUTION)
    quotes = find_quotes(texts, found, (), ATTRIBUTION, kinds, genders)
    post = next(q for q in quotes if q.paragraph == "p2")
    assert (post.text, post.kind, post.speaker) == (TWEET, "speech", "?Evo Morales")
