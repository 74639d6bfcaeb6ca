"""History: sentences that invoke an event, and the claim check on dated statements, on corpora of our own."""

from __future__ import annotations

import re

import pytest

from generator.analyse.glossary import Finder, mark_text
from generator.analyse.history import find_invocations, record
from generator.escape import escape_text
from generator.model import Event, FramingException, Paragraph, Reference, Term

SRC = (Reference("Record", "https://history.example/monroe", "primary"),)


def event(eid, name, date, end=None, aliases=()):
    return Event(eid, name, "t", date, end, "Somewhere", "Summary.", (), tuple(aliases), SRC, "Why.")


EVENTS = (
    event("monroe-doctrine", "The Monroe Doctrine", "1823-12-02", aliases=["Monroe Doctrine"]),
    event("roosevelt-corollary", "The Roosevelt Corollary", "1904-12-06", aliases=["Roosevelt Corollary"]),
    event("bay-of-pigs", "The Bay of Pigs invasion", "1961-04-17", "1961-04-20", aliases=["Bay of Pigs"]),
    event("chile-coup", "The coup in Chile", "1973-09-11", aliases=["Pinochet"]),
)


def check(*texts):
    paragraphs = tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))
    return find_invocations(paragraphs, EVENTS)


@pytest.mark.parametrize(
    "text",
    [
        "In 1823 President Monroe set out what became known as the Monroe Doctrine.",
        "The Roosevelt Corollary of 1904 extended the Monroe Doctrine of 1823.",
        "The Bay of Pigs invasion began on 17 April 1961 and failed.",
        "The Bay of Pigs landings of April 19, 1961 were a disaster.",  # inside the event's span
        "General Pinochet took power in Chile.",  # no date: nothing to check
    ],
)
def test_right_dates_are_not_flagged(text):
    _, flags = check(text)
    assert flags == ()


@pytest.mark.parametrize(
    ("text", "says", "event"),
    [
        (
            "Starting in 1812, President James Monroe declared what became the Monroe Doctrine.",
            "1812",
            "monroe-doctrine",
        ),
        ("The Bay of Pigs invasion of 1962 failed.", "1962", "bay-of-pigs"),
        ("The Bay of Pigs invasion began on 12 April 1961.", "12 April 1961", "bay-of-pigs"),
        ("Pinochet seized power on September 11, 1972.", "1972", "chile-coup"),
    ],
)
def test_wrong_dates_are_flagged_with_the_record(text, says, event):
    _, flags = check(text)
    assert [(f.event, f.says) for f in flags] == [(event, says)]
    assert flags[0].citation == SRC[0].url and flags[0].record == record(
        EVENTS[[e.id for e in EVENTS].index(event)]
    )


def test_invocations_are_per_sentence_and_whole_word():
    invocations, _ = check("The Monroe Doctrine was old. Nobody said Pinochetist. Then came Pinochet.")
    assert [(i.event, i.sentence) for i in invocations] == [
        ("monroe-doctrine", "The Monroe Doctrine was old."),
        ("chile-coup", "Then came Pinochet."),
    ]


def test_record_keeps_the_precision_of_the_date():
    assert record(event("a", "A", "1933")) == "1933"
    assert record(event("a", "A", "1961-04")) == "April 1961"
    assert record(EVENTS[2]) == "17 April 1961 – 20 April 1961"


def test_glossary_marks_the_first_use_only_and_escapes():
    finder = Finder(
        (Term("coup d'état", ("coup", "coups"), "A sudden <illegal> seizure of power.", "https://x.org"),)
    )
    done: set[str] = set()
    first = mark_text("A coup <b>failed</b>; another coup came.", finder, done, escape_text)
    assert first.count('class="ms-term"') == 1
    assert "&#60;illegal&#62;" in first and "&#60;b&#62;" in first
    assert mark_text("The coup again.", finder, done, escape_text).count("ms-term") == 0


def test_glossary_extension_marks_markdown_pages_but_not_headings_or_links():
    import markdown

    from generator.analyse.glossary import GlossaryExtension

    terms = (
        Term("regime", (), "A government, often one that rules by force.", "https://x.org"),
        Term("sanctions", ("sanction",), "Penalties one country puts on another.", "https://x.org"),
    )
    html = markdown.markdown(
        "# The regime\n\nA [regime](x.md) and sanctions, then the regime again and a regime.",
        extensions=[GlossaryExtension(terms)],
    )
    assert html.count('class="ms-term"') == 2
    assert "<h1>The regime</h1>" in html and '<a href="x.md">regime</a>' in html
    # The definition is the glossary's text, not the page's: search leaves it out.
    definition = re.search(r"sanctions<span ([^>]*)> \(sanctions: Penalties", html)
    assert definition, html
    assert set(definition.group(1).split()) == {
        'class="ms-term__def"',
        'role="tooltip"',
        'data-search-exclude=""',
    }


def test_glossary_extension_leaves_raw_html_links_alone():
    """A link the template writes as raw HTML (<a href>…</a>) is still a link: no focusable term inside it."""
    import markdown

    from generator.analyse.glossary import GlossaryExtension

    terms = (Term("dictator", (), "A ruler with absolute power.", "https://x.org"),)
    html = markdown.markdown(
        '- <a href="https://x.org/a">Rebels drive out the *dictator*</a> (a source)\n'
        '- <a href="https://x.org/b">The dictator</a>, then a dictator.',
        extensions=[GlossaryExtension(terms)],
    )
    assert html.count('class="ms-term"') == 1, html
    assert re.search(r'</a>, then a <span class="ms-term"', html), html


def test_glossary_extension_leaves_tables_alone():
    """A table cell is no place for a pop-up (and a phone restacks the table): the first use outside it is marked."""
    import markdown

    from generator.analyse.glossary import GlossaryExtension

    terms = (Term("regime", (), "A government, often one that rules by force.", "https://x.org"),)
    html = markdown.markdown(
        "| Word |\n|---|\n| regime |\n\nThe regime fell.",
        extensions=["tables", GlossaryExtension(terms)],
    )
    assert html.count('class="ms-term"') == 1
    assert "<td>regime</td>" in html and 'The <span class="ms-term"' in html


def test_real_corpus_invocations_and_flags():
    import yaml

    from generator.build import load_site

    from .conftest import ROOT, SITE_DATA

    want = yaml.safe_load((ROOT / "tests/expected/history.yml").read_text(encoding="utf-8"))
    site = load_site(SITE_DATA)
    got = {a.file: [[i.paragraph, i.event] for i in a.invocations] for a in site.articles if a.invocations}
    assert got == want["invocations"]
    flags = {
        a.file: [[f.paragraph, f.event, f.says, f.record] for f in a.flags] for a in site.articles if a.flags
    }
    assert flags == want["flags"]


def test_every_event_has_a_source_and_valid_dates():
    import datetime as dt

    from generator.build import load_site

    from .conftest import SITE_DATA

    site = load_site(SITE_DATA)
    assert {"monroe-doctrine", "roosevelt-corollary", "bay-of-pigs", "chile-coup-1973"} <= {
        e.id for e in site.events
    }
    for e in site.events:
        assert e.sources and all(
            s.url.startswith("https://") or s.url.startswith("http://") for s in e.sources
        )
        for value in (e.date, e.end):
            if value and len(value) == 10:
                dt.date.fromisoformat(value)
        assert e.topic in {t.id for t in site.topics}


def test_glossary_terms_are_not_marked_inside_raw_html_links():
    # A focusable term inside a link is invalid HTML (the Nu checker): link text is left alone, and the term's
    # first use outside the link is marked instead.
    import markdown

    from generator.analyse.glossary import GlossaryExtension
    from generator.model import Term

    term = Term("coup", (), "a seizure of power", "https://example.org/")
    html = markdown.Markdown(extensions=[GlossaryExtension((term,))]).convert(
        'See <a href="https://x.example/">the coup of 1973</a> and a coup later.'
    )
    assert '<a href="https://x.example/">the coup of 1973</a>' in html
    assert html.count('class="ms-term"') == 1 and 'a <span class="ms-term"' in html


OPPOSITION = Term(
    "opposition",
    ("opposition",),
    "The parties and groups against the government.",
    "https://x.org",
    (FramingException("resistance to an idea", before=r"\bmet\s+(?:\w+\s+){0,3}with\s+"),),
)


@pytest.mark.parametrize(
    "texts, marked",
    [
        # Issue 14: a word in its ordinary sense is not marked; the next use in the glossary's sense is.
        (["Leaders met the idea with opposition."], None),
        (["Leaders met the idea with opposition. The opposition marched."], "The "),
        (["Leaders met the idea with opposition.", "The opposition marched."], "The "),
        (["The opposition met the plan with anger."], "The "),
    ],
)
def test_glossary_term_not_marked_in_its_except_contexts(texts, marked):
    finder, done = Finder((OPPOSITION,)), set()
    html = "".join(mark_text(t, finder, done, escape_text) for t in texts)
    assert html.count('class="ms-term"') == (0 if marked is None else 1)
    if marked is not None:
        assert f'{marked}<span class="ms-term"' in html


def test_glossary_except_needs_a_pattern_and_says_where():
    from generator.errors import SiteDataError
    from generator.sitedata import parse_glossary

    text = (
        "terms:\n  - term: opposition\n    aliases: [opposition]\n    except:\n      - why: ordinary sense\n"
        "    definition: The parties against the government.\n    source: https://x.org/\n"
    )
    with pytest.raises(SiteDataError, match=r"glossary\.yml:5.*terms\[0\]\.except\[0\] needs a pattern"):
        parse_glossary(text, "glossary.yml")
