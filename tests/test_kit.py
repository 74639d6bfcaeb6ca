"""The classroom kit: a packet per lesson plan (its readings, questions, words to pre-teach, tasks), a teacher
edition (guidance, answer keys, rubrics), handouts with marks, definitions and the addresses their questions
send students to, lateral reading per outlet, and teaching.yml's kit validated with clear errors."""

from __future__ import annotations

import html
import re

import pytest

from generator.build import generate
from generator.errors import SiteDataError
from generator.sitedata import parse_teaching

from .conftest import SITE_DATA

RESULT = generate(SITE_DATA)
PAGES = RESULT.pages
BREITBART_8 = "report-trump-administration-discussed-socialist-regime"
INDEPENDENT = "trump-administration-officials-met-with-venezuelan-rebels"


def test_one_packet_and_teacher_edition_per_plan():
    plans = [p.id for p in RESULT.site.teaching.plans]
    assert plans == ["one-lesson", "two-lessons", "three-lessons"]
    for plan in plans:
        assert f"teachers/packet/{plan}.md" in PAGES and f"teachers/packet/{plan}-teacher.md" in PAGES
    index = PAGES["teachers/packet.md"]
    assert all(f"(packet/{p}.md)" in index and f"(packet/{p}-teacher.md)" in index for p in plans)


def test_packet_has_the_plans_articles_with_numbered_paragraphs_and_marks():
    one = PAGES["teachers/packet/one-lesson.md"]
    # The one-lesson plan reads Breitbart's 8 September article and The Independent's, in that order.
    readings = re.findall(r"<h2>Reading ([A-Z]): (.+?)</h2>", one)
    assert [r[0] for r in readings] == ["A", "B"]
    assert readings[0][1].startswith("Report: Trump Administration Discussed")
    assert readings[1][1].startswith("Trump administration officials")
    reading_b = one.split("<h2>Reading B:")[1]
    # Its paragraph 10, numbered, with its 1812 as published.
    assert re.search(r'<span class="ms-para__number">10</span> Starting in 1812', reading_b)
    # Marks in the article text itself, not only in the legend (which shows one of each).
    assert 'class="ms-legend"' in reading_b and 'class="ms-frame ' in _without_legend(reading_b)
    # Articles the plan does not use are not printed.
    assert "<h2>Reading C" not in one
    assert (
        "Venezuela and one of its allies accused the United States" not in one
    )  # Iran Daily's first sentence


def test_packet_prints_the_plans_questions_and_its_written_task():
    one = PAGES["teachers/packet/one-lesson.md"]
    own = RESULT.site.teaching.pages
    for q in own["/compare/facts/"] + own[f"/sources/{INDEPENDENT}/"]:
        assert q.q.replace('"', "&#34;").replace("'", "&#39;") in one, q.q
    assert "Exit ticket, two points of view." in one  # the step's task, with space to write
    assert one.count('class="ms-lines"') >= 20


def test_words_to_pre_teach_are_in_reading_order():
    one = PAGES["teachers/packet/one-lesson.md"]
    words = re.findall(r"<dt>(.+?)</dt>", one.split('<dl class="ms-vocab">')[1].split("</dl>")[0])
    # Read by hand: Breitbart's first sentence has "socialist dictator"; The Independent alone has the Monroe
    # Doctrine (paragraph 10) and Communism (paragraph 11), read after Breitbart's article.
    assert words[:2] == ["socialism", "dictator"]
    assert words.index("doctrine") < words.index("communism")
    assert words.index("regime") < words.index("doctrine")
    assert len(words) == len(set(words))
    teacher = PAGES["teachers/packet/one-lesson-teacher.md"]
    assert "<tr><td><dfn>dictator</dfn></td><td>A ruler with total power" in teacher
    assert "<td>Reading A, paragraph 1</td>" in teacher


def test_teacher_edition_defines_its_words_once_no_glossary_tooltips_beside():
    # Printed, a glossary mark shows its definition beside the word: the teacher edition's table of words to
    # pre-teach already gives them, so the page is left unmarked (it measured 3.5 of 12 Letter pages).
    import markdown

    from generator.analyse.glossary import GlossaryExtension

    terms = RESULT.site.terms
    marked = markdown.Markdown(extensions=["tables", GlossaryExtension(terms)])
    teacher = marked.convert(PAGES["teachers/packet/one-lesson-teacher.md"].split("---", 2)[2])
    assert "<dfn>dictator</dfn>" in teacher and 'class="ms-term"' not in teacher
    notes = markdown.Markdown(extensions=["tables", GlossaryExtension(terms)])
    assert 'class="ms-term"' in notes.convert(PAGES["teachers/notes.md"].split("---", 2)[2])


def test_teacher_edition_has_guidance_answer_keys_and_rubrics():
    teacher = PAGES["teachers/packet/one-lesson-teacher.md"]
    facts = RESULT.site.teaching.pages["/compare/facts/"]
    assert facts[0].guidance[:60].replace("'", "&#39;").replace('"', "&#34;") in teacher
    assert "## Self-check answer keys" in teacher
    assert "**1812; the record says 2 December 1823.**" in teacher
    assert "..**" not in teacher  # an answer that is a sentence keeps one full stop
    assert "**Rubric: Exit ticket, two points of view.**" in teacher
    assert teacher.count("| Meets the standard |") == 1


def test_guide_links_packets_and_shows_rubrics_and_no_python_instruction():
    guide = PAGES["teachers/index.md"]
    assert "[student packet](packet/one-lesson.md)" in guide
    assert "### Writing task, two accounts of one event" in guide
    assert "python" not in guide.lower()


def _without_legend(text: str) -> str:
    return re.sub(r'<p class="ms-legend".*?</p>', "", text, flags=re.S)


def test_handout_prints_marks_definitions_and_the_pages_questions_send_to():
    handout = PAGES[f"handouts/sources-{INDEPENDENT}.md"]
    assert 'class="ms-legend"' in handout and 'class="ms-frame ' in _without_legend(handout)
    assert "<dt>sanctions</dt>" in handout  # "under US sanctions", paragraph 3
    # Its questions send students to Facts kept and left out, by that page's title.
    assert 'href="../../compare/facts/">/compare/facts/</a>' in handout
    cabello = PAGES["handouts/actors-diosdado-cabello.md"]
    sent = cabello.split('class="ms-sent-to"')[1].split("</div>")[0] if "ms-sent-to" in cabello else ""
    for q in RESULT.site.teaching.pages["/actors/diosdado-cabello/"]:
        if "history page" in q.q:
            assert "/history/" in sent


def test_lateral_reading_per_outlet_on_its_articles_pages():
    page = PAGES[f"sources/{BREITBART_8}.md"]
    box = html.unescape(page.split('<details class="ms-lateral">')[1].split("</details>")[0])
    assert "Read laterally: Breitbart News" in box
    assert 'href="https://en.wikipedia.org/wiki/Breitbart_News"' in box
    assert 'href="https://duckduckgo.com/?q=Breitbart+News+owner"' in box
    assert "AllSides, “Right”" in box  # the ratings the site shows, to compare with


def test_curated_quiz_question_comes_first():
    index = PAGES["compare/index.md"]
    first = index.split('<fieldset class="ms-quiz__q"')[1]
    assert "published on the same day" in first


KIT = """
rubrics:
  - id: exit
    title: Exit
    prompt: Write.
    levels:
      - {name: A, criteria: a, exemplar: a}
      - {name: B, criteria: b, exemplar: b}
      - {name: C, criteria: c, exemplar: c}
"""


@pytest.mark.parametrize(
    "text, says",
    [
        (KIT.replace("      - {name: C, criteria: c, exemplar: c}\n", ""), "must give 3 levels"),
        (KIT.replace("id: exit", "id: Exit Ticket"), "lower-case letters"),
        (
            KIT + "guide:\n  intro: x\n  objectives: []\n  reading_route: [{path: /, why: x}]\n  plans:\n"
            "    - {id: p, name: P, steps: [{minutes: 5, text: t, task: essay}]}\n",
            "task 'essay' is not a rubric id",
        ),
        (
            "quizzes:\n  /compare/:\n    - {q: Q, choices: [a, b, c], answer: d, why: w}\n",
            "must be one of its choices",
        ),
        ("quizzes:\n  /compare/:\n    - {q: Q, choices: [a, b], answer: a, why: w}\n", "three or more"),
        (
            "quizzes:\n  /history/:\n    - {q: Q, choices: [a, b, c], answer: a, why: w}\n",
            "not an article or comparison",
        ),
        (
            "lateral_reading: {why: w, look_up: [a], write_down: [b], compare: c, search: 'https://x.org/', "
            "queries: ['{outlet} owner']}\n",
            "must hold {query}",
        ),
        ("page_names:\n  the history page: history\n", "not a site address"),
    ],
)
def test_bad_kit_says_what_is_wrong_and_where(text, says):
    with pytest.raises(SiteDataError) as err:
        parse_teaching(text, "site_data/teaching.yml")
    assert says in str(err.value) and "site_data/teaching.yml" in str(err.value)


HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)" [x](javascript:alert(3)) {: onclick=alert(4)}'


def test_kit_text_from_teaching_yml_renders_inert(tmp_path):
    """Every text of the kit (rubrics, lateral reading, curated quiz questions) is printed as text."""
    import shutil

    data = tmp_path / "site_data"
    shutil.copytree(SITE_DATA, data)
    text = (data / "teaching.yml").read_text(encoding="utf-8")
    quoted = f"'{HOSTILE}'"  # a single-quoted YAML scalar: the payload has no single quote
    for line, new in (
        ("    title: Exit ticket, two points of view\n", f"    title: {quoted}\n"),
        (
            "    - q: Which two articles were published on the same day, the day of the New York Times report?\n",
            f"    - q: {quoted}\n",
        ),
        ('  queries: ["{outlet} owner", "{outlet} funding"]\n', f"  queries: ['{{outlet}} {HOSTILE}']\n"),
    ):
        assert text.count(line) == 1, line
        text = text.replace(line, new)
    (data / "teaching.yml").write_text(text, encoding="utf-8")
    pages = generate(data).pages
    checked = 0
    for path in (
        "teachers/index.md",
        "teachers/packet/one-lesson.md",
        "teachers/packet/one-lesson-teacher.md",
        f"sources/{BREITBART_8}.md",
        "compare/index.md",
    ):
        page = pages[path]
        assert "<script>alert" not in page and 'onmouseover="' not in page and "](javascript:" not in page, (
            path
        )
        checked += "alert(1)" in page
    assert checked >= 4  # the payload is there, as text
