"""Self-check quizzes: every right answer is right and every other choice wrong, judged against the data
itself (not against the quiz code's own reasoning), plus hand-checked answers for the real corpus and for the
real-news corpora (tests/expected/realnews, written by reading the texts).
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from generator.analyse.mentions import fold
from generator.build import generate, load_site
from generator.quiz import article_quiz
from generator.quiz_compare import comparison_quiz
from generator.teach import quizzes_of
from generator.views import comparison_view

from .conftest import ROOT, SITE_DATA

SITE = load_site(SITE_DATA)
ARTICLES = sorted(SITE.articles, key=lambda a: (a.published.value or "9999", a.outlet.name, a.id))
VIEW = comparison_view(SITE, tuple(ARTICLES))
BY_ID = {a.id: a for a in SITE.articles}
LABEL = {col.article.id: col.label for col in VIEW.columns}


def norm(text: str) -> str:
    return " ".join(fold(text)[0].split())


def contains(haystack: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(norm(phrase))}(?!\w)", norm(haystack)) is not None


def whole(article) -> str:
    return " ".join(
        [article.title.value or "", article.subtitle.value or ""] + [p.text for p in article.paragraphs]
    )


def para(article, pid: str) -> str:
    return next(p.text for p in article.paragraphs if p.id == pid)


def name_of(quote) -> str | None:
    if quote.speaker:
        return next(a.name for a in SITE.actors if a.id == quote.speaker)
    return quote.named


def quoted_text(question: str) -> str:
    return question.split("“", 1)[1].rsplit("”", 1)[0].removesuffix(" …")


def all_questions():
    for article in ARTICLES:
        for q in article_quiz(SITE, article):
            yield f"/sources/{article.id}/", article, q
    for name in ("index", "facts", "words", "voices"):
        for q in comparison_quiz(SITE, VIEW, name):
            yield f"/compare/{name}/", None, q


QUESTIONS = list(all_questions())


def test_every_article_and_comparison_page_has_three_to_five_questions():
    pages = quizzes_of(SITE)
    assert set(pages) == {f"sources/{a.id}.md" for a in ARTICLES} | {
        f"compare/{n}.md" for n in ("index", "facts", "words", "voices")
    }
    for path, questions in pages.items():
        assert 3 <= len(questions) <= 5, (path, [q.kind for q in questions])
        for q in questions:
            assert sum(c.right for c in q.choices) == 1, q
            assert len(q.choices) >= 3, q
            assert len({norm(c.text) for c in q.choices}) == len(q.choices), q


@pytest.mark.parametrize(
    "where,article,q", QUESTIONS, ids=[f"{w}:{q.kind}:{i}" for i, (w, _, q) in enumerate(QUESTIONS)]
)
def test_right_answer_is_right_and_every_other_choice_wrong(where, article, q):
    right, wrong = q.answer, [c for c in q.choices if not c.right]
    ev = q.evidence
    target = BY_ID[ev.article] if ev else article
    if q.kind == "quote":
        text = quoted_text(q.q)
        said = [x for x in target.quotes if x.kind == "speech" and norm(x.text).startswith(norm(text))]
        assert said and said[0].paragraph == ev.paragraph, q.q
        assert name_of(said[0]) == right.text  # never an anonymous or unattributed quotation: it has a name
        for c in wrong:  # nobody offered as wrong is given these words anywhere in the site
            assert not any(
                name_of(x) == c.text and norm(text)[:40] in norm(x.text)
                for a in SITE.articles
                for x in a.quotes
            ), (q.q, c.text)
    elif q.kind == "quoted":
        speaker = q.q.removeprefix("Which of these articles quotes ").removesuffix("?")
        by_label = {v: BY_ID[k] for k, v in LABEL.items()}
        assert any(name_of(x) == speaker for x in by_label[right.text].quotes if x.kind == "speech")
        for c in wrong:
            quotes = [x for x in by_label[c.text].quotes if x.kind == "speech"]
            assert all(name_of(x) and name_of(x) != speaker for x in quotes), c.text
    elif q.kind == "fact":
        facts = {f.statement: f.id for f in SITE.facts}
        if article is not None:  # on the article's page: which fact does it state?
            cell = {c.fact: c.status for c in article.coverage}
            assert cell[facts[right.text]] == "stated"
            assert all(cell[facts[c.text]] == "not-mentioned" for c in wrong)
        else:  # on the facts page: which article states the fact?
            fact = facts[quoted_text(q.q)]
            by_label = {v: BY_ID[k] for k, v in LABEL.items()}
            status = {
                lab: next(c.status for c in a.coverage if c.fact == fact) for lab, a in by_label.items()
            }
            assert status[right.text] == "stated"
            assert all(status[c.text] == "not-mentioned" for c in wrong)
    elif q.kind == "label":
        if article is not None:
            assert right.text in para(article, ev.paragraph)
            assert all(not contains(whole(article), c.text) for c in wrong), q
        else:
            phrase = quoted_text(q.q)
            by_label = {v: BY_ID[k] for k, v in LABEL.items()}
            assert contains(whole(by_label[right.text]), phrase)
            assert all(not contains(whole(by_label[c.text]), phrase) for c in wrong)
    elif q.kind == "word":
        terms = {t.term: t for cat in SITE.lexicon for t in cat.terms}
        if article is not None:
            assert any(h.term == right.text for h in article.framing)
            for c in wrong:
                assert not any(h.term == c.text for h in article.framing)
                assert not any(contains(whole(article), f) for f in (c.text, *terms[c.text].forms))
        else:
            term = terms[quoted_text(q.q)]
            by_label = {v: BY_ID[k] for k, v in LABEL.items()}
            assert any(h.term == term.term for h in by_label[right.text].framing)
            for c in wrong:
                assert not any(contains(whole(by_label[c.text]), f) for f in (term.term, *term.forms))
    elif q.kind == "flag":
        flag = article.flags[0]
        assert right.text == f"{flag.says}; the record says {flag.record}"
        assert all(
            c.text.split(";")[0].split(",")[0] != flag.says or "as the record says" in c.text for c in wrong
        )
    elif q.kind in ("author", "date", "outlet"):
        value = {
            "author": article.author.value,
            "date": article.published.value,
            "outlet": article.outlet.name,
        }[q.kind]
        from generator.render import long_date

        shown = long_date(value) if q.kind == "date" else value
        assert right.text == shown and all(c.text != shown for c in wrong)
    elif q.kind == "headline":
        title = quoted_text(q.q)
        assert any(a.title.value == title and a.outlet.name == right.text for a in SITE.articles)
        assert not any(
            a.title.value == title and a.outlet.name == c.text for a in SITE.articles for c in wrong
        )
    elif q.kind == "country":
        country = q.q.rsplit(" is ", 1)[1].rstrip("?")
        outlets = {o.name: o for o in SITE.outlets}
        assert outlets[right.text].country.value == country
        assert all(outlets[c.text].country and outlets[c.text].country.value != country for c in wrong)
    elif q.kind == "rating":
        rater, rating = re.match(r"Which outlet does (.+) rate “(.+)”\?", q.q).groups()
        outlets = {o.name: o for o in SITE.outlets}
        mine = sorted((r for r in outlets[right.text].ratings if r.by == rater), key=lambda r: r.date)
        assert mine[-1].rating == rating  # its latest rating from that rater
        for c in wrong:  # rated by that rater, otherwise, at every date
            theirs = [r.rating for r in outlets[c.text].ratings or () if r.by == rater]
            assert theirs and rating not in theirs
    else:
        pytest.fail(f"no check for kind {q.kind}")


def test_hand_checked_answers_of_the_real_corpus():
    """Answers written from reading the articles (and the teachers' guidance, itself written by hand)."""
    independent = next(
        q
        for w, _, q in QUESTIONS
        if w == "/sources/trump-administration-officials-met-with-venezuelan-rebels/" and q.kind == "flag"
    )
    assert independent.answer.text == "1812; the record says 2 December 1823"
    assert independent.evidence.paragraph == "p10"
    march = [
        q
        for w, _, q in QUESTIONS
        if w.startswith("/sources/venezuela-calls-for-massive-march") and q.kind == "quote"
    ]
    assert {(quoted_text(q.q)[:30], q.answer.text, q.evidence.paragraph) for q in march} >= {
        ("a march against imperialism an", "Diosdado Cabello", "p2")
    }
    sanctioned = next(q for w, _, q in QUESTIONS if w == "/compare/facts/" and "sanctions list" in q.q)
    assert sanctioned.answer.text == "The Independent, 8 Sep 2018" and sanctioned.evidence.paragraph == "p3"


def test_no_question_rests_on_an_anonymous_or_unattributed_quotation():
    for _, _, q in QUESTIONS:
        if q.kind != "quote":
            continue
        article = BY_ID[q.evidence.article]
        quote = next(x for x in article.quotes if norm(x.text).startswith(norm(quoted_text(q.q))))
        assert quote.speaker or quote.named, q.q


def test_feedback_explains_and_names_the_answer():
    for _, _, q in QUESTIONS:
        for c in q.choices:
            said = q.feedback(c)
            assert said.strip() and (c.right or q.answer.text.rstrip(".") in said), (q.q, c.text)


def test_a_site_with_only_a_corpus_and_sources_has_quizzes_on_its_source_pages(made_site, tmp_path):
    project = made_site("story2")
    data = tmp_path / "site_data"
    data.mkdir()
    shutil.copytree(project / "site_data" / "corpus", data / "corpus")
    shutil.copy(project / "site_data" / "sources.yml", data / "sources.yml")
    result = generate(data)
    sources = [p for p in result.pages if p.startswith("sources/") and p != "sources/index.md"]
    assert sources
    for path in sources:
        assert result.pages[path].count('class="ms-quiz__q"') >= 3, path


def _same(a: str, b: str) -> bool:
    """Two forms of one name ("Susan Rice", "Susan E. Rice"; "AARP CEO Barry Rand", "A. Barry Rand"): they
    share the surname (a suffix is no surname: "Samuel A. Alito Jr." is not "Theodore J. Boutrous Jr.")."""

    def surname(name: str) -> str:
        words = [w.strip(".,") for w in norm(name).split()]
        while len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii", "iv"):
            words.pop()
        return words[-1]

    return surname(a) == surname(b) or norm(a) in norm(b)


@pytest.mark.parametrize(
    "event", sorted(p.stem for p in (ROOT / "tests" / "expected" / "realnews").glob("*.yml"))
)
def test_quotation_questions_agree_with_hand_checked_speakers(made_site, event):
    """On the real-news sites (no actors.yml), each quotation question's answer is the speaker the
    expectations give, by reading, and no wrong choice is that speaker under another form of the name."""
    expected = yaml.safe_load((ROOT / "tests" / "expected" / "realnews" / f"{event}.yml").read_text("utf-8"))
    aliases = {**(expected.get("people") or {}), **(expected.get("organisations") or {})}
    project = made_site(f"realnews-{event}")
    site = load_site(project / "site_data")
    files = sorted(a.file for a in site.articles)
    keys = sorted(expected["articles"])  # the corpus files are numbered in the order they were added
    hand = {files[i]: expected["articles"][k].get("quotes") or [] for i, k in enumerate(keys)}
    checked = 0
    for article in site.articles:
        for q in article_quiz(site, article):
            if q.kind != "quote":
                continue
            text = norm(quoted_text(q.q))
            found = [e for e in hand[article.file] if text.startswith(norm(e["starts"])[:40])]
            if not found:  # a quotation in a line the readers marked as furniture (a repeated caption)
                continue
            who = found[0]["speaker"]
            forms = [who, *(aliases.get(who) or [])]
            assert any(_same(q.answer.text, f) for f in forms), (article.file, q.q, q.answer.text, who)
            for c in q.choices:
                if not c.right:
                    assert not any(_same(c.text, f) for f in forms), (article.file, q.q, c.text, who)
            checked += 1
    assert checked, f"no quotation question checked for {event}"
