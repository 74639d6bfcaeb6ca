"""No repetition (issue 15 §8): a label once with its count, no bare courtesy titles, side by side only across
outlets and each article once, an outlet once per table, and nobody listed as named who is not.

Expectations from reading the articles (tests/expected/labels.yml): Breitbart calls Maduro "the Maduro regime"
three times (8 Sep ¶13, 10 Sep ¶7 and ¶9); The Independent writes "Mr Maduro" (¶4), "Mr Trump" (¶6) and
"Mr Obama" (¶12); only Breitbart quotes Marco Rubio, in both its articles.
"""

from __future__ import annotations

import re

import pytest

from generator.build import generate
from generator.views import _label_uses

from .conftest import SITE_DATA


@pytest.fixture(scope="module")
def pages():
    return generate(SITE_DATA).pages


def _row(page: str, first_cell: str, section: str = "## What each outlet calls them") -> str:
    after = page.split(section, 1)[1]
    return next(line for line in after.splitlines() if line.startswith(f"| {first_cell} |"))


def test_a_label_said_again_is_counted_not_repeated(pages):
    breitbart = _row(pages["actors/nicolas-maduro.md"], "Breitbart News")
    assert breitbart.count("the Maduro regime") == 1
    assert "“the Maduro regime” ×3 (" in breitbart
    # The places say which article each paragraph is in: ¶13 of 8 Sep, then ¶7 and ¶9 of 10 Sep.
    places = re.findall(r"¶(\d+)\]\(\.\./sources/([a-z-]+)\.md", breitbart.split("the Maduro regime")[1])[:3]
    assert places == [
        ("13", "report-trump-administration-discussed-socialist-regime"),
        ("7", "venezuela-calls-for-massive-march-against-u-s-amid-talk-of"),
        ("9", "venezuela-calls-for-massive-march-against-u-s-amid-talk-of"),
    ]


def test_a_courtesy_title_alone_is_not_a_label(pages):
    for actor in ("nicolas-maduro", "donald-trump", "barack-obama"):
        row = _row(pages[f"actors/{actor}.md"], "The Independent")
        assert "“Mr”" not in row, row
    # A label that only begins with one is still a label.
    assert "“Mr Maduro’s government”" in _row(pages["actors/nicolas-maduro.md"], "The Independent")


def test_label_uses_keep_order_and_articles():
    from types import SimpleNamespace as NS

    a, b = NS(id="a"), NS(id="b")
    said = [
        NS(article=a, paragraph="p1", label=NS(text="regime")),
        NS(article=a, paragraph="p2", label=NS(text="dictator")),
        NS(article=b, paragraph="p7", label=NS(text="regime")),
        NS(article=a, paragraph="p9", label=NS(text="regime")),
    ]
    uses = _label_uses(said)
    assert [(u.text, u.count) for u in uses] == [("regime", 3), ("dictator", 1)]
    assert [(art.id, ps) for art, ps in uses[0].places] == [("a", ("p1", "p9")), ("b", ("p7",))]


def test_side_by_side_needs_two_outlets_and_shows_each_article_once(pages):
    part = pages["compare/voices.md"].split("## The same statement, side by side", 1)[1].split("<p class=")[0]
    groups = re.split(r"\n### ", part)[1:]
    # A heading's attributes ("{ data-search-exclude }": out of the search index) are not its text.
    titles = [re.sub(r"\s*\{[^}]*\}$", "", g.splitlines()[0]) for g in groups]
    assert titles == ["White House"]  # Rubio: Breitbart twice, one outlet
    items = re.findall(r"^- \*\*([^*]+)\*\*", groups[0], re.M)
    assert items == [
        "Breitbart News, 8 Sep 2018",
        "The Independent, 8 Sep 2018",
        "Breitbart News, 10 Sep 2018",
    ]


def test_an_outlet_once_in_the_outlets_table(pages):
    hub = pages["compare/index.md"]
    table = hub.split("## The outlets", 1)[1].split("\n\n")[1]
    outlets = [line.split(" | ")[0].lstrip("| ") for line in table.splitlines()[2:]]
    assert sorted(outlets) == ["Breitbart News", "Iran Daily", "The Independent", "Truthout"]
    assert _row(hub, "Breitbart News", "## The outlets").split(" | ")[3] == "2"  # its two articles


def test_only_people_the_articles_name_are_listed_as_named(pages):
    index = pages["actors/index.md"]
    named, unnamed = index.split("## Not named in the articles", 1)
    # George W. Bush has a page (actors.yml) but no article names him.
    assert "George W. Bush](george-w-bush.md)" in unnamed and "george-w-bush.md" not in named
    assert "none of the articles" not in named
    for mentions in re.findall(r"^\| \[[^\]]+\]\([^)]+\) \| [^|]+ \| (\d+) \|", named, re.M):
        assert int(mentions) > 0
