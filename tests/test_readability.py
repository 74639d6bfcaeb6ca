"""The site's own prose and its reading grade (issue 15 §5): what counts as prose, and that every page of the
sites we ship reads at Flesch–Kincaid grade 9 or lower.

What counts is decided by hand for each case below (from the module docstring's rules), not by running it.
"""

from __future__ import annotations

import re

import pytest

from generator.build import generate
from generator.readability import TARGET, grade, page_grade, prose, reading_report

from .conftest import SITE_DATA

PAGE = """---
title: "A page"
---

# A page with a heading that is not prose

Intro sentence one is prose. Intro sentence two is prose too.

| Word | Why it matters |
|---|---|
| regime | A table cell is not prose. |

<table>
<tr><td>A raw table cell is not prose either.</td></tr>
</table>

<p class="ms-para" id="p1"><a href="#p1">1</a> The article's own text is not the site's prose.</p>

> A block quote is not prose.

- [A headline in a list](../sources/a.md) — Breitbart News, 8 September 2018
- **The Independent**, [paragraph 8](../sources/b.md#p8): “The White House said “dialogue” matters.”
- Only **Iran Daily** reported: the plotters were arrested.

!!! example "Activity: not prose, a title"

    Work in pairs. Read <a href="https://example.org/x">the source</a> at https://example.org/y today.

<figure class="ms-fig"><div role="img" aria-label="A chart.">Breitbart 13.</div></figure>

<p class="ms-reading">Reading: about 3 min · reading grade 9.9 (Flesch–Kincaid)</p>

<div class="ms-assign"><p><strong>Assign this page.</strong> Its address will not change: <a href="./">/x/</a></p><p><button>Copy link</button> · <a href="h">Printable handout</a></p></div>
"""


def test_what_counts_as_prose():
    assert prose(PAGE).splitlines() == [
        "Intro sentence one is prose. Intro sentence two is prose too.",
        "Only Iran Daily reported: the plotters were arrested.",
        "Work in pairs. Read the source at today.",
        "Assign this page.",
    ]


@pytest.mark.parametrize(
    "block,expected",
    [
        ("Look at “What each outlet calls them”. Which are judgments?", "Look at . Which are judgments?"),
        ('Read "The story in brief". What happened?', "Read . What happened?"),  # straight quotes too
        ("¶6 Donald Trump: “We have many options.”", ""),  # a speaker and a quotation: no prose left
        ("Named in the same paragraph as: White House (6), Trump (5)", ""),  # a list, no sentence
    ],
)
def test_quotations_and_labels_are_not_prose(block, expected):
    assert prose(block) == expected


def test_grade_of_plain_and_hard_sentences():
    # Short words, short sentences: an early grade. Long words in one long sentence: college level.
    assert grade("The cat sat on the mat. The dog ran to the park.").grade < 3
    hard = (
        "Intergovernmental organisations characteristically institutionalise multilateral "
        "deliberation, notwithstanding considerable administrative complications."
    )
    assert grade(hard).grade > 16
    assert grade("").grade == 0.0


@pytest.fixture(scope="module")
def result():
    return generate(SITE_DATA)


def test_every_page_of_the_site_reads_at_grade_9_or_lower(result):
    report = reading_report(result.pages, result.site)
    assert len(report.pages) == sum(p.endswith(".md") for p in result.pages)
    assert not report.over, "over grade 9: " + ", ".join(f"{a} ({g.grade})" for a, g in report.over)


def test_the_grade_shown_is_the_prose_grade(result):
    # The People page said "reading grade 37.4": its tables and name lists were read as one long sentence.
    for path in ("actors/index.md", "compare/facts.md", "history.md"):
        shown = float(result.pages[path].split("the site's own words: reading grade ")[1].split(" ")[0])
        assert shown == page_grade(result.pages[path]).grade <= TARGET


@pytest.mark.parametrize("name", ["new", "story2"])
def test_every_page_of_a_new_site_reads_at_grade_9_or_lower(made_site, name):
    """The starter's words (templates/new/site_data/) on a fresh site and on the second corpus."""
    made = generate(made_site(name) / "site_data")
    over = reading_report(made.pages, made.site).over
    assert not over, "over grade 9: " + ", ".join(f"{a} ({g.grade})" for a, g in over)


@pytest.mark.parametrize(
    "source,words",
    [
        ("text line 1", "from the article's first line"),
        ("text line 23", "from the article itself"),
        ("text lines 5, 7", "from the article itself"),
        ("https://mediabiasfactcheck.com/x/", "from the site's editors, with a citation"),
        ("inferred: the date in the article's address (/2018/09/08/)", "worked out by the site's editors"),
        (
            'inferred: <meta property="og:title"> of the saved page a.html, read by trafilatura 2.3.1',
            "worked out from the saved web page",
        ),
        (
            "not given in the text or in sources.yml",
            "not in the article, and the site's editors have not added it",
        ),
        ("sources.yml", "from the site's editors"),
    ],
)
def test_provenance_in_plain_words(source, words):
    from generator.views import provenance

    assert provenance(source).words == words
    assert source in provenance(source).record  # the editors' record is kept for "How we know"


EDITOR_WORDS = ("sources.yml", "text line", "government-body", "media-outlet", "site_data/")


def test_students_do_not_see_editor_words(result):
    """Outside the collapsed notes for editors ("How we know", the removed lines) and the teachers' pages."""
    for path, text in result.pages.items():
        if not path.endswith(".md") or path.startswith("teachers/"):
            continue
        shown = re.sub(r'\?\?\? note "(How we know|Removed from)[^\n]*\n(\n|    [^\n]*\n)*', "", text)
        for word in EDITOR_WORDS:
            assert word not in shown, f"{path}: {word!r}"
