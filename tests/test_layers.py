"""A source page's article text in layers (generator/layers.py, render.linked_paragraphs): a person linked at
the first mention in the article, a history event once per article, word-choice categories told apart by
pattern and name as well as number. The buttons are tested in the browser (tests/browser/test_layers.py)."""

from __future__ import annotations

import re

import pytest

from generator.build import generate
from generator.layers import article_layers, frame_pattern, history_links

from .conftest import SITE_DATA

RESULT = generate(SITE_DATA)
IRAN_DAILY = "venezuela-accuses-us-of-plotting-coup-against-maduro"


def _article(slug):
    return next(a for a in RESULT.site.articles if a.id == slug)


def _page(slug):
    return RESULT.pages[f"sources/{slug}.md"]


@pytest.mark.parametrize(
    ("number", "pattern"), [(1, "p1"), (2, "p2"), (5, "p5"), (6, "p6"), (7, "p1"), (13, "p1")]
)
def test_each_category_has_a_pattern_and_a_seventh_reuses_the_first(number, pattern):
    assert frame_pattern(number) == pattern


def test_a_person_is_linked_at_the_first_mention_in_the_article():
    """Iran Daily names Maduro in paragraphs 1, 2, 3, 4, 5, 9, 12 and 13 (read from the article): one link, in ¶1."""
    page = _page(IRAN_DAILY)
    links = re.findall(r'<a class="ms-actor" href="[^"]*/nicolas-maduro/">', page)
    assert len(links) == 1
    first = page.index('href="../../actors/nicolas-maduro/"')
    assert page.rfind('id="p1"', 0, first) > page.rfind('id="p2"', 0, first)
    assert "capture Maduro and his lieutenants" in page  # ¶4: the name as plain text


def test_a_history_event_is_linked_once_per_article():
    """¶2 and ¶3 of Iran Daily both refer to the New York Times report (read from the article): linked after ¶2."""
    article = _article(IRAN_DAILY)
    assert {i.paragraph for i in article.invocations if i.event == "nyt-report-2018"} >= {"p2", "p3"}
    links = history_links(article)
    assert links["p2"] == ["nyt-report-2018"] and "p3" not in links
    page = _page(IRAN_DAILY)
    assert page.count('href="../../history/#nyt-report-2018"') == 1
    for article in RESULT.site.articles:
        events = [e for es in history_links(article).values() for e in es]
        assert len(events) == len(set(events)) == len({i.event for i in article.invocations}), article.id


def test_marks_carry_their_pattern_and_their_questions_name():
    page = _page(IRAN_DAILY)
    assert (
        '<mark class="ms-frame ms-frame--p4" title="Word choice 4 (Coup, uprising or transition?)">plotting'
        in page
    )
    assert (
        'class="ms-frame ms-frame--p3 ms-frame--quoted" title="Word choice 3 (How US power is described), inside a quotation: the words of Jorge Arreaza">intervention'
        in page
    )
    # The legend draws each question with the same pattern as its words.
    assert '<mark class="ms-frame ms-frame--p5">How the crisis inside Venezuela is described<sup' in page


def test_the_buttons_count_what_the_article_shows():
    text = {
        "p1": '<a class="ms-actor" href="x">A</a> <mark class="ms-frame ms-frame--p1" title="t">w</mark>',
        "p2": '<mark class="ms-frame ms-frame--p2 ms-frame--quoted" title="t">v</mark> <span class="ms-term" tabindex="0">t</span>',
    }
    layers = article_layers(text, {"p1": ["e1", "e2"]})
    assert [(layer.key, layer.words, layer.shown, layer.count) for layer in layers] == [
        ("frames", "Word choices", False, 2),
        ("actors", "People", True, 1),
        ("history", "History links", True, 2),
        ("terms", "Glossary words", True, 1),
    ]
    assert article_layers({"p1": "plain"}, {}) == ()  # nothing to show or hide: no buttons
    assert "ms-layers" not in RESULT.pages["index.md"]
    assert 'data-layer="frames" data-shown="no" aria-pressed="false">Word choices (' in _page(IRAN_DAILY)
