"""Rendering's fast paths (issue 18) give exactly what the straightforward code they replaced gave.

Each reference function below is the old definition, written out as it was; each test feeds both the hard
cases (case folding, accents, words at the edges of the text, repeated words, words inside other words, empty
inputs) and compares. The expectations written by hand say what the text says, so that a reference that
drifted would be caught too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse.glossary import Finder
from generator.analyse.mentions import fold
from generator.model import Quote, Term
from generator.quiz_index import folded, uses
from generator.render import by_date, plain_text

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------ quiz_index.uses: a word set first


def plain_uses(haystack: str, phrase: str) -> bool:
    needle = " ".join(fold(phrase)[0].split())
    return bool(needle) and re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack) is not None


TEXT = folded("Élan: the Regime's “socialist dictator” spoke; regime-change, re-gime. Coup")
USES = [
    (TEXT, "regime", True),  # a word inside the text, before an apostrophe
    (TEXT, "REGIME", True),  # case
    (TEXT, "élan", True),  # accents, at the start of the text
    (TEXT, "Elan", True),
    (TEXT, "coup", True),  # at the very end
    (TEXT, "socialist dictator", True),  # two words in a row
    (TEXT, "socialist  dictator", True),  # the phrase's own spaces folded
    (TEXT, "dictator socialist", False),  # both words there, not in this order
    (TEXT, "socialist spoke", False),  # both words there, not next to each other
    (TEXT, "gime", True),  # "re-gime": a word after the hyphen
    (TEXT, "gim", False),
    (TEXT, "regim", False),  # the start of a word only
    (TEXT, "change", True),  # after a hyphen
    (TEXT, "regime-change", True),
    (TEXT, "regime change", False),
    (TEXT, "spoke;", True),  # with its punctuation
    (TEXT, "spoke.", False),
    (TEXT, "dictator”", True),
    (TEXT, "", False),  # empty phrase
    (TEXT, "   ", False),
    ("", "regime", False),  # empty text
    ("", "", False),
    (TEXT, "“", False),  # no word character: searched as it is (followed by a letter here)
    (folded("a - b"), "-", True),
    (TEXT, ";", False),  # after a letter: not a whole word
    (TEXT, "!", False),
    (folded("a a a regime a"), "a regime a", True),  # repeated words
    (folded("coup coups"), "coups", True),
    (folded("coups"), "coup", False),  # a word inside a longer word
]


@pytest.mark.parametrize(("haystack", "phrase", "expected"), USES)
def test_uses_is_the_plain_search(haystack, phrase, expected):
    assert plain_uses(haystack, phrase) is expected
    assert uses(haystack, phrase) is expected


# ------------------------------------------------------------------ glossary: stop once every term is found


def plain_find(finder, text, done, skip=()):
    from generator.analyse.compare import _excepted

    if len(done) == finder.count:
        return []
    folded_text, index = fold(text)
    found = []
    for m in finder.regex.finditer(folded_text):
        term = finder.by_form[" ".join(m.group(1).split())]
        at, end = index[m.start(1)], index[m.end(1) - 1] + 1
        if term.id in done or any(a <= at < b for a, b in skip):
            continue
        if term.exceptions and _excepted(term, text, at, end):
            continue
        done.add(term.id)
        found.append((at, end, term))
    return found


def term(word, *aliases):
    return Term(term=word, aliases=aliases, definition=f"{word} defined.", source="https://example.org/")


TERMS = (term("coup", "coup d'état"), term("junta"), term("régime"))
C, J, R = (t.id for t in TERMS)
FIND = [
    ("A coup, a junta, a regime. Coup again, junta again.", set(), (), ["coup", "junta", "régime"]),
    ("The Junta. The COUP d'ÉTAT.", set(), (), ["junta", "coup"]),  # the longest form first
    ("coups and juntas", set(), (), []),  # words inside longer words
    ("junta coup junta", {J}, (), ["coup"]),  # a term done before
    (
        "junta coup régime coup",
        {"other"},
        (),
        ["junta", "coup", "régime"],
    ),  # an id of no term of this glossary
    ("coup junta coup", set(), [(0, 4)], ["junta", "coup"]),  # the first coup is link text
    ("", set(), (), []),
    ("coup", {C, J, R}, (), []),  # everything done already
]


@pytest.mark.parametrize(("text", "done", "skip", "expected"), FIND)
def test_find_is_the_plain_loop(text, done, skip, expected):
    finder = Finder(TERMS)
    mine, theirs = set(done), set(done)
    found = finder.find(text, mine, skip)
    assert [t.term for _, _, t in found] == expected
    assert found == plain_find(finder, text, theirs, skip)
    assert mine == theirs


# ------------------------------------------------------------------ plain_text: compiled, no template


def plain_plain_text(markdown_page: str) -> str:
    import html

    body = markdown_page.split("\n---\n", 1)[-1]
    body = re.sub(r"<[^>]+>", " ", body)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"[|#*>`]|^-{3,}|^\s*[-:|]+\s*$|\{[^}]*\}", " ", body, flags=re.M)
    return html.unescape(body)


PAGES = [
    (
        "---\ntitle: x\n---\n# Head\n\nSee [the page](../p/#p3) and [](empty) and [a]()",
        "Head See the page and  and a",
    ),
    ("| a | b |\n|---|:-:|\n| [x](y) | <b>bold</b> &amp; |", "a b --- :-: x bold &"),
    ("", ""),
    ("no front matter [link](x)\n---\nafter", "after"),
    ("[[nested]](x) [a] (b) {: .class } `code`", "[[nested]](x) [a] (b) code"),
]


@pytest.mark.parametrize(("page", "words"), PAGES)
def test_plain_text_is_the_plain_subs(page, words):
    assert plain_text(page) == plain_plain_text(page)
    assert plain_text(page).split() == words.split()


# ------------------------------------------------------------------ views: indexes built once per site


@pytest.fixture(scope="module")
def site():
    from generator.build import load_site

    return load_site(ROOT / "site_data")


def plain_actor_views(site, articles):
    """views.actor_views as it was: every article filtered for every actor."""
    from collections import Counter

    from generator import views as v

    by_id = {a.id: a for a in site.actors}
    outlets = tuple(o for o in site.outlets if any(a.outlet.id == o.id for a in articles))
    out = []
    for actor in site.actors:
        per_outlet, per_article, together = Counter(), [], Counter()
        for article in articles:
            mine = [m for m in article.mentions if m.actor == actor.id]
            if not mine:
                continue
            per_outlet[article.outlet.id] += len(mine)
            per_article.append((article, len(mine)))
            paragraphs = {m.paragraph for m in mine}
            others = {(m.actor, m.paragraph) for m in article.mentions if m.paragraph in paragraphs}
            together.update(a for a, _ in others if a != actor.id)
        out.append(
            v.ActorView(
                actor=actor,
                group=next(g for g in site.groups if g.id == actor.group),
                total=sum(per_outlet.values()),
                per_outlet=tuple(v.OutletCount(o, per_outlet[o.id]) for o in outlets),
                labels=tuple(
                    v.OutletLabels(
                        o,
                        v._label_uses(
                            v.Said(a, lab.paragraph, label=lab)
                            for a in articles
                            if a.outlet.id == o.id
                            for lab in a.labels
                            if lab.actor == actor.id
                        ),
                    )
                    for o in outlets
                ),
                quotes=tuple(
                    v.Said(a, q.paragraph, quote=q)
                    for a in articles
                    for q in a.quotes
                    if q.kind == "speech" and q.speaker == actor.id
                ),
                appears_with=tuple(
                    (by_id[a], n)
                    for a, n in sorted(together.items(), key=lambda x: (-x[1], x[0]))
                    if a in by_id
                )[:12],
                articles=tuple(per_article),
                related=tuple(by_id[r] for r in actor.related if r in by_id),
                in_history=any(actor.id in e.figures for e in site.events),
            )
        )
    return tuple(
        v.GroupView(
            g,
            tuple(sorted((x for x in out if x.actor.group == g.id), key=lambda x: (-x.total, x.actor.name))),
        )
        for g in site.groups
    )


def plain_voices(site, columns):
    """The voices rows as _comparison_view made them: every row's test over every quotation."""
    from collections import Counter

    from generator.views import NAMED_ROWS, Said, VoiceRow

    group_of = {a.id: a.group for a in site.actors}
    named = Counter(q.named for col in columns for q in col.article.quotes if q.kind == "speech" and q.named)
    ranked = [who for who, _ in sorted(named.items(), key=lambda x: (-x[1], x[0]))]
    top = set(ranked[:NAMED_ROWS])
    rows = (
        [(g.name, lambda q, g=g: q.speaker and group_of.get(q.speaker) == g.id) for g in site.groups]
        + [
            (f"{w} (not in the site's list of people)", lambda q, w=w: q.speaker is None and q.named == w)
            for w in ranked[:NAMED_ROWS]
        ]
        + [
            (
                "Others named, not in the site's list of people",
                lambda q: q.speaker is None and q.named and q.named not in top,
            ),
            ("Anonymous sources", lambda q: q.speaker is None and not q.named and q.speaker_label),
            (
                "Not attributed in the text",
                lambda q: q.speaker is None and not q.named and not q.speaker_label,
            ),
        ]
    )
    voices = []
    for name, test in rows:
        per = tuple(
            tuple(
                Said(c.article, q.paragraph, quote=q)
                for q in c.article.quotes
                if q.kind == "speech" and test(q)
            )
            for c in columns
        )
        if any(per):
            voices.append(VoiceRow(name, per))
    return tuple(voices)


def odd_quotes(article, actors):
    """Quotations of every kind the voices rows tell apart, on the article's first paragraph: by an actor of
    each group, by an id actors.yml lacks, with an empty speaker, named people (more than the named rows),
    anonymous and unattributed ones, and terms."""
    p = article.paragraphs[0].id
    quotes = [Quote(f"said by {a.id}", "speech", a.id, None, p, 0) for a in actors]
    quotes += [
        Quote("no such actor", "speech", "nobody-listed", None, p, 0),
        Quote("empty speaker", "speech", "", "he", p, 0),
        Quote("anonymous", "speech", None, "an official", p, 0),
        Quote("unattributed", "speech", None, None, p, 0),
        Quote("a term", "term", None, None, p, 0),
        Quote("a term by someone", "term", actors[0].id, None, p, 0),
    ]
    quotes += [Quote(f"named {i}", "speech", None, None, p, 0, named=f"Person {i % 15}") for i in range(40)]
    return (*article.quotes, *quotes)


def test_actor_views_are_the_plain_loops(site):
    from generator.views import actor_views

    articles = tuple(by_date(site.articles))
    odd = tuple(replace(a, quotes=odd_quotes(a, site.actors)) for a in articles)
    for group in (articles, odd, articles[:1], ()):
        assert actor_views(site, group) == plain_actor_views(site, group)


def test_voice_rows_and_fact_cells_are_the_plain_loops(site):
    from generator.views import _comparison_view

    articles = tuple(by_date(site.articles))
    # Each fact's cell is the article's first coverage of it: a second one (none is made today) is not it.
    odd = tuple(
        replace(
            a,
            quotes=odd_quotes(a, site.actors),
            coverage=a.coverage + tuple(replace(c, status="disputes", note="second") for c in a.coverage),
        )
        for a in articles
    )
    for group in (articles, odd, odd[:1], ()):
        view = _comparison_view(site, group)
        assert view.voices == plain_voices(site, view.columns)
        cells = [
            tuple(next(c for c in col.article.coverage if c.fact == fact.id) for col in view.columns)
            for fact in site.facts
        ]
        assert [row.cells for row in view.facts] == cells
        assert {r.name for r in _comparison_view(site, odd).voices} >= {
            "Anonymous sources",
            "Not attributed in the text",
            "Others named, not in the site's list of people",
            "Person 0 (not in the site's list of people)",
        }


# ------------------------------------------------------------------ title_of: a quoted title read without YAML


def plain_title_of(markdown_page: str) -> str:
    import html

    import yaml

    if not markdown_page.startswith("---\n"):
        return ""
    front = markdown_page.split("---\n", 2)[1]
    lines = front.split("\n")
    at = next((i for i, x in enumerate(lines) if x.startswith("title:")), None)
    if at is not None and lines[at + 1 : at + 2] != [] and lines[at + 1][:1] not in (" ", "\t"):
        front = lines[at]
    return html.unescape(str((yaml.safe_load(front) or {}).get("title", "")))


def read(title_of, page):
    try:
        return title_of(page)
    except Exception as exc:  # YAML refuses some characters: the fast path must refuse them too
        return type(exc)


ODD = [0x85, 0xA0, 0x2028, 0x2029, 0xD800, 0xDFFF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0x10FFFF]


@pytest.mark.parametrize(
    "codes", [range(0, 0x100), range(0x100, 0x3000, 61), ODD], ids=["latin-1", "sample", "odd"]
)
def test_title_of_is_yaml(codes):
    from generator.escape import yaml_string
    from generator.render import title_of

    for code in codes:
        c = chr(code)
        for value in (f'"{c}"', f'"a {c} b"', f'"{c}{c}"', f"'{c}'", f"a{c}", yaml_string(f"x{c}&amp;{c}")):
            page = f"---\ntitle: {value}\ndescription: d\n---\n# T\n"
            assert read(title_of, page) == read(plain_title_of, page), (code, value)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ('title: "Maduro &amp; the “coup”"', "Maduro & the “coup”"),
        ('title: "a \\"quoted\\" word"', 'a "quoted" word'),
        ('title:  "two spaces"', "two spaces"),
        ('title: "x" # comment', "x"),
        ("title: 2018", "2018"),
        ('title: ""', ""),
    ],
)
def test_title_of_by_hand(line, title):
    from generator.render import title_of

    page = f"---\n{line}\nsearch: x\n---\n"
    assert title_of(page) == plain_title_of(page) == title


# ------------------------------------------------------------------ escape_text: Markup made without its constructor


class Html(str):
    def __html__(self):
        return "<b>its own markup</b>"


@pytest.mark.parametrize("value", ["", "plain words", "a < b & c", "- a list?", "1. one", " lead", Html("x")])
def test_escape_text_makes_the_same_markup(value):
    from markupsafe import Markup

    from generator.escape import escape_text

    made = escape_text(value)
    assert type(made) is Markup
    expected = {
        "": "",
        "plain words": "plain words",
        "a < b & c": "a &#60; b &#38; c",
        "- a list?": "&#45; a list?",
    }
    expected |= {
        "1. one": "1&#46; one",
        " lead": "&#32;lead",
        "<b>its own markup</b>": "<b>its own markup</b>",
    }
    assert made == expected[str(Markup(value)) if isinstance(value, Html) else value]


# ------------------------------------------------------------------ relative links without the working directory

RELPATHS = [
    ("sources/a.md", "sources", "a.md"),
    ("sources/a.md", ".", "sources/a.md"),
    ("index.md", "sources/x", "../../index.md"),
    ("sources/a.md", "sources/a.md", "."),  # itself
    ("sources/a", "sources/a/b", ".."),
    ("sources/ab.md", "sources/a", "../ab.md"),  # a part that starts like another
    ("a/b/c.md", "a/x/y", "../../b/c.md"),
    (".", ".", "."),
    (".", "compare", ".."),
    ("compare", ".", "compare"),
    ("", ".", None),  # odd inputs: posixpath's own answer (or its error)
    ("a//b.md", "a", None),
    ("a/./b.md", "a", None),
    ("a/../b.md", "a", None),
    ("sources/", "sources", None),
    ("/abs/a.md", "/abs", None),
    ("a.md", "b/..", None),
]


@pytest.mark.parametrize(("path", "start", "expected"), RELPATHS)
def test_relpath_is_posixpath(path, start, expected):
    import posixpath

    from generator.render import _relpath

    def answer(f):
        try:
            return f(path, start)
        except ValueError as exc:
            return type(exc)

    assert answer(_relpath) == answer(posixpath.relpath)
    if expected is not None:
        assert _relpath(path, start) == expected


@pytest.mark.parametrize("value", ["", "words", "a < b", "- x", Html("x"), None, 3, 2.5, True])
def test_escape_inline_makes_the_same_markup(value):
    from markupsafe import Markup

    from generator.escape import escape_inline

    expected = {"": "", "words": "words", "a < b": "a &#60; b", "- x": "- x", "x": "x"}  # str() of a subclass
    expected |= {"None": "", "3": "3", "2.5": "2.5", "True": "True"}
    made = escape_inline(value)
    assert type(made) is Markup
    assert made == expected[str(value)]
