"""Names actors.yml does not list: found in the text so that quotations still get their speaker (hard cases).

Uses the starter attribution.yml that `new` gives every site (titles, organisation words, speech verbs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.people import discovered_mentions
from generator.analyse.quotes import find_quotes
from generator.model import Paragraph
from generator.sitedata import parse_attribution

STARTER = Path(__file__).resolve().parent.parent / "templates" / "new" / "site_data" / "attribution.yml"
ATTRIBUTION = parse_attribution(STARTER.read_text(encoding="utf-8"), "attribution.yml")


def speakers(*texts: str) -> list[tuple[str, str | None]]:
    paragraphs = tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))
    found, kinds, genders = discovered_mentions(paragraphs, (), ATTRIBUTION)
    quotes = find_quotes(paragraphs, found, (), ATTRIBUTION, kinds, genders)
    return [(q.text, q.speaker[1:] if q.speaker else None) for q in quotes if q.kind == "speech"]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # The title is part of the mention, not of the name.
        (["“We have to modernise, whatever it costs,” said Mayor Ana Ortiz."], "Ana Ortiz"),
        (
            ["“No one is being laid off as a result of the vote,” said Finance Director Gerald Fink."],
            "Gerald Fink",
        ),
        # A pronoun goes to the nearest subject, even one whose kind is unknown, not to a titled name further back.
        (
            [
                "“This is the beginning of a library open to everyone,” said Mayor Ana Ortiz.",
                "Council member José Peña led the opposition. “You are taking the one public building we have,” he said.",
            ],
            "José Peña",
        ),
        # After a full name, the surname alone.
        (
            ["Keisha Moore lives nearby.", "“We have neither a car nor a laptop at home,” Moore said."],
            "Keisha Moore",
        ),
        # A description before the name is not the name.
        (
            [
                "Sixteen-year-old Mei Lin said she goes there daily. “Downtown is not my neighborhood,” she said."
            ],
            "Mei Lin",
        ),
        (["On Monday Ana Ortiz spoke. “We will add more shuttle runs if needed,” she said."], "Ana Ortiz"),
    ],
)
def test_speaker_found(texts, want):
    got = speakers(*texts)
    assert got and got[-1][1] == want, got


def test_a_body_is_not_a_persons_antecedent_and_lends_no_surname():
    got = speakers(
        "The Riverton Town Council met on Monday.",
        "Council member José Peña, who voted against, told residents he would ask the council to reconsider. "
        "“This is not over, and we will be back,” he said.",
    )
    assert got[-1][1] == "José Peña", got


def test_anonymous_source_stays_anonymous():
    paragraphs = (
        Paragraph("p1", 1, "“Staff were told to look at every building we own,” a city official said."),
    )
    found, kinds, genders = discovered_mentions(paragraphs, (), ATTRIBUTION)
    (quote,) = find_quotes(paragraphs, found, (), ATTRIBUTION, kinds, genders)
    assert quote.speaker is None and quote.speaker_label == "a city official"


def test_names_inside_quotations_are_not_speakers():
    got = speakers("“Ask Dana Whitfield about the union, she will tell you the same thing,” the mayor said.")
    assert got[0][1] is None, got


def _names_listed(*articles: list[str]) -> dict[str, str]:
    """check's unknown names over made-up articles: name → its message."""
    from types import SimpleNamespace

    from generator.analyse.names import unknown_names

    made = [
        SimpleNamespace(
            file=f"a{n}.txt",
            mentions=(),
            paragraphs=tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1)),
            discovered=None,  # not analysed: unknown_names reads the names itself
        )
        for n, texts in enumerate(articles)
    ]
    return {w.subject: w.message for w in unknown_names(tuple(made), ATTRIBUTION, "corpus")}


def test_one_person_across_articles_is_listed_once():
    listed = _names_listed(
        ["Mayor Dana Ng opened the fair on Monday."], ["“It rained,” Mayor Ng said.", "Ng left early."]
    )
    assert "Ng" not in listed and "'Ng'" in listed["Dana Ng"], listed


def test_a_surname_of_two_people_stays_apart():
    listed = _names_listed(
        ["Dana Ng and Lee Ng opened the fair on Monday."], ["“It rained,” Mayor Ng said.", "Ng left early."]
    )
    assert {"Dana Ng", "Lee Ng", "Ng"} <= set(listed), listed
