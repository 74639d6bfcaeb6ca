"""Actors: mention matching, labels and quotation attribution on hard cases of our own making."""

from __future__ import annotations

import pytest

from generator import sitedata
from generator.analyse.labels import find_labels
from generator.analyse.mentions import counts, find_mentions, matcher
from generator.analyse.quotes import find_quotes, spans
from generator.model import Actor, Paragraph

from .conftest import SITE_DATA

ATTRIBUTION = sitedata.parse_attribution((SITE_DATA / "attribution.yml").read_text(), "attribution.yml")


def actor(aid, name, kind="person", aliases=()):
    return Actor(aid, name, kind, "g", tuple(aliases), (), "bio", "https://example.org", ())


ACTORS = (
    actor("nicolas-maduro", "Nicolás Maduro", aliases=["Maduro"]),
    actor("juan-guaido", "Juan Guaidó"),
    actor("donald-trump", "Donald Trump", aliases=["Trump"]),
    actor("trump-administration", "Trump administration", "government-body"),
    actor("white-house", "White House", "government-body"),
    actor("new-york-times", "The New York Times", "media-outlet", ["New York Times", "the Times"]),
    actor("ana-ruiz", "Ana Ruiz"),
    actor("luis-ruiz", "Luis Ruiz"),
    actor("psuv", "United Socialist Party of Venezuela", "party", ["PSUV"]),
)
MATCHER = matcher(ACTORS, ATTRIBUTION)


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))


def analyse(*texts: str):
    ps = paragraphs(*texts)
    mentions = find_mentions(ps, MATCHER)
    kinds = {a.id: a.kind for a in ACTORS}
    return (
        mentions,
        find_labels(ps, mentions, ATTRIBUTION, kinds),
        find_quotes(ps, mentions, ACTORS, ATTRIBUTION),
    )


# --- mentions -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicolas Maduro spoke.", {"nicolas-maduro": 1}),  # no accent in the text
        ("NICOLÁS MADURO spoke.", {"nicolas-maduro": 1}),
        ("Maduro’s government and Maduro's allies.", {"nicolas-maduro": 2}),  # curly and straight possessives
        (
            "Guaidó’s call came after Juan Guaidó spoke.",
            {"juan-guaido": 1},
        ),  # surname only after a full mention
        ("Juan Guaidó spoke. Later Guaidó’s call came.", {"juan-guaido": 2}),
        ("The Trump administration met them; Trump did not.", {"trump-administration": 1, "donald-trump": 1}),
        ("White House officials said so.", {"white-house": 1}),
        ("It happened at the times when a white house stood.", {}),  # lower case is not the name
        ("The Times reported it, and the Times‘ sources agreed.", {"new-york-times": 2}),
        (
            "The United Socialist Party of Venezuela (PSUV) met.",
            {"psuv": 1},
        ),  # the abbreviation is the same naming
        ("Maduroism is not Maduro.", {"nicolas-maduro": 1}),  # word boundaries
        (
            "Ana Ruiz met Luis Ruiz; Ruiz left.",
            {"ana-ruiz": 1, "luis-ruiz": 1},
        ),  # shared surname: not guessed
    ],
)
def test_mentions(text, expected):
    mentions, _, _ = analyse(text)
    assert counts(mentions) == expected


def test_title_is_part_of_the_mention():
    mentions, _, _ = analyse("Vice President Juan Guaidó and Sen. Donald Trump met Mr Maduro.")
    assert [m.text for m in mentions] == ["Vice President Juan Guaidó", "Sen. Donald Trump", "Mr Maduro"]


# --- labels ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The march was led by socialist dictator Nicolás Maduro on Sunday.", "socialist dictator"),
        ("On Sunday, leading socialist Juan Guaidó spoke.", "leading socialist"),
        ("It was the elected government of President Nicolás Maduro that fell.", "the elected government of"),
        ("Critics say the Maduro regime has failed.", "the Maduro regime"),
        ("Yesterday Ana Ruiz, a spokeswoman for the ministry, said no.", "a spokeswoman for the ministry"),
        # Issue 14: the comma closes a quotation before the description; a title set off before the name.
        (
            "He called “a march in honor of Ana Ruiz,” a Marxist leader overthrown in 1973.",
            "a Marxist leader overthrown in 1973",
        ),
        (
            "They accused the US of plotting against its president, Nicolás Maduro, who denied it.",
            "its president",
        ),
        ("To overthrow our brother Nicolás Maduro is a crime.", "our brother"),
    ],
)
def test_labels(text, label):
    _, labels, _ = analyse(text)
    assert label in [lab.text for lab in labels]


@pytest.mark.parametrize(
    "text",
    [
        "They plotted to oust Nicolás Maduro, the officials said.",  # a verb and its object
        "According to the Times, the soldiers never asked for help.",  # the comma ends the phrase
        "It was a plot against Nicolás Maduro, starting in the autumn.",
        "“It was a plot against Nicolás Maduro,” the officials said.",  # a quotation closed, then a clause
        "They voted for its president, Nicolás Maduro.",  # no comma after the name: not set off
        "We condemn Trump's coup conspiracy.",  # a subject and its verb (attribution.yml label_stop_words)
        "The White House responded to the report Times by admitting it.",  # Breitbart's garble (000 p6)
    ],
)
def test_no_false_labels(text):
    _, labels, _ = analyse(text)
    assert [lab.text for lab in labels if lab.text not in ("President",)] == []


# --- quotations -----------------------------------------------------------------------------------------
def speakers(*texts):
    return [(q.text, q.kind, q.speaker, q.speaker_label) for q in analyse(*texts)[2]]


def test_quote_split_by_its_attribution():
    assert speakers("“We will win,” Juan Guaidó continued. “Is there any doubt?”") == [
        ("We will win,", "speech", "juan-guaido", "Juan Guaidó"),
        ("Is there any doubt?", "speech", "juan-guaido", "Juan Guaidó"),
    ]


def test_said_x_after_the_quote_and_x_said_before_it():
    assert speakers("“No,” said Ana Ruiz.", "Luis Ruiz said, “Yes, of course we will.”") == [
        ("No,", "speech", "ana-ruiz", "Ana Ruiz"),
        ("Yes, of course we will.", "speech", "luis-ruiz", "Luis Ruiz"),
    ]


def test_pronoun_resolves_to_the_subject_of_the_sentence_before():
    got = speakers(
        "Senator Ana Ruiz, a critic of Nicolás Maduro, spoke on Monday.",
        "“This cannot go on,” she said in an interview.",
    )
    assert got == [("This cannot go on,", "speech", "ana-ruiz", "she")]


def test_institution_speaks():
    assert (
        speakers("The White House said it valued “dialogue with all who want democracy.”")[0][2]
        == "white-house"
    )


def test_anonymous_source_stays_anonymous():
    got = speakers(
        "Juan Guaidó was there. “We only listened to them”, a senior administration official said."
    )
    assert got == [("We only listened to them", "speech", None, "a senior administration official")]


def test_according_to_an_anonymous_source():
    got = speakers(
        "According to the commander, they asked “the United States to supply them with radios so they "
        "could talk.”"
    )
    assert got[0][2] is None and got[0][3] == "the commander"


def test_according_to_opening_the_sentence_names_the_source_of_the_words():
    got = speakers(
        "According to the Times, Juan Guaidó said that he has “instructed his envoy to open "
        "relations at once.”"
    )
    assert got[0][2] == "new-york-times"


def test_scare_quotes_are_terms():
    got = speakers("Protesters marched against “imperialism” and the so-called “military uprising” failed.")
    assert [(t, k) for t, k, _, _ in got] == [("imperialism", "term"), ("military uprising", "term")]


def test_nested_single_quotes_belong_to_the_outer_quote():
    text = "“He asked Ana Ruiz to open ‘direct communications’ with them,” the Times reported."
    assert [s.text for s in spans(text)] == ["He asked Ana Ruiz to open ‘direct communications’ with them,"]
    assert speakers(text)[0][2] == "new-york-times"


def test_british_single_quotes_and_apostrophes():
    text = "Ana Ruiz said the plan was 'not going to work' and Trump’s aides' view didn't matter."
    assert [s.text for s in spans(text)] == ["not going to work"]


def test_straight_double_quotes():
    assert speakers('Luis Ruiz wrote on Twitter: "We stand together."')[0][:3] == (
        "We stand together.",
        "speech",
        "luis-ruiz",
    )


def test_quote_opening_a_paragraph_with_the_speaker_after():
    assert speakers("“It is over,” Donald Trump told reporters.")[0][2] == "donald-trump"


def test_unclosed_quote_runs_to_the_end_of_the_paragraph():
    assert [s.text for s in spans("Ana Ruiz said: “We will not stop.")] == ["We will not stop."]


def test_the_same_quote_twice_counts_once():
    got = speakers(
        "Ana Ruiz said, “We will never give up the fight.”",
        "In a post she wrote, “We will never give up the fight.”",
    )
    assert len(got) == 1


def test_unattributed_statement_has_no_speaker():
    got = speakers(
        "The plan was described as “purely about listening to what they had to say”, without more."
    )
    assert got == [("purely about listening to what they had to say", "speech", None, None)]
