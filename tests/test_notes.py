"""Teacher notes without repetition: each default question once, each page's own questions once, grouped by
lesson, and nothing lost: read back, the notes give every page exactly the questions and guidance it asks."""

from __future__ import annotations

import html
import posixpath
import re

from generator.build import generate
from generator.render import page_type, url_of

from .conftest import SITE_DATA

RESULT = generate(SITE_DATA)
RESULT_PATHS = {"/" + url_of(p): p for p in RESULT.pages if p.endswith(".md")}
NOTES = RESULT.pages["teachers/notes.md"]
TEACHING = RESULT.site.teaching
KIND_TITLES = {
    "home": "The home page",
    "sources": "The list of articles",
    "source": "Article pages",
    "actors": "The list of people and organisations",
    "actor": "People and organisations",
    "history": "Historical context",
    "glossary": "The glossary",
    "compare": "Comparison pages",
}


def plain(text: str) -> str:
    return " ".join(html.unescape(text).split())


def link_address(target: str) -> str:
    return "/" + url_of(posixpath.normpath(posixpath.join("teachers", target)))


def items(block: str) -> list[tuple[str, str]]:
    """The numbered questions of a block: (question, guidance)."""
    return [(plain(q), plain(g)) for q, g in re.findall(r"^\d+\. \*\*(.+?)\*\*<br>\n {3}(.+)$", block, re.M)]


def read_back() -> dict[str, list[tuple[str, str]]]:
    """Per address, the questions the notes give it, read from the Markdown alone."""
    defaults_part, _, pages_part = NOTES.partition("\n## Lesson 1\n")
    by_kind, users = {}, {}
    for block in re.split(r"^### ", defaults_part, flags=re.M)[1:]:
        title = block.splitlines()[0].strip()
        kind = next(k for k, t in KIND_TITLES.items() if t == title)
        by_kind[kind] = items(block)
        asked = re.search(r"^Asked on: (.+)$", block, re.M).group(1)
        users[kind] = [link_address(t) for t in re.findall(r"\]\(([^)]+)\)", asked)]
    found: dict[str, list] = {}
    for kind, addresses in users.items():
        for address in addresses:
            assert address not in found, f"{address} listed twice among the defaults"
            found[address] = by_kind[kind]
    for block in re.split(r"^### ", pages_part, flags=re.M)[1:]:
        address = link_address(re.match(r"\[.*?\]\(([^)]+)\)", block).group(1))
        said = re.search(r"^Asks the questions for (.+) \(above\)\.$", block, re.M)
        if said:  # a pointer to its type's defaults, which must list it
            kind = next(k for k, t in KIND_TITLES.items() if t.lower() == said.group(1))
            assert address in users[kind], (address, kind)
        else:
            assert address not in found, f"{address} has questions in two places"
            found[address] = items(block)
    return found


def expected() -> dict[str, list[tuple[str, str]]]:
    """What every page asks, from teaching.yml: its own questions, or its type's defaults."""
    out = {}
    for path in RESULT.pages:
        kind = (
            page_type(path)
            if path.endswith(".md") and not path.startswith(("handouts/", "teachers/"))
            else None
        )
        if kind is None:
            continue
        address = "/" + url_of(path)
        questions = TEACHING.pages.get(address) or TEACHING.defaults.get(kind, ())
        if questions:
            out[address] = [(plain(q.q), plain(q.guidance)) for q in questions]
    return out


def test_every_page_keeps_every_question_and_its_guidance():
    assert read_back() == expected()


def test_each_question_is_said_once():
    text = plain(NOTES)
    asked = {page_type(p) for p in RESULT.pages if p.endswith(".md") and "/" + url_of(p) in expected()}
    for kind, questions in TEACHING.defaults.items():
        pages_on_defaults = [
            a for a in expected() if a not in TEACHING.pages and page_type(RESULT_PATHS[a]) == kind
        ]
        for q in questions:
            assert text.count(plain(q.guidance)) == (1 if pages_on_defaults else 0), (kind, q.q)
    assert asked
    for address, questions in TEACHING.pages.items():
        for q in questions:
            assert text.count(plain(q.guidance)) == 1, (address, q.q)


def test_pages_are_grouped_by_the_lessons_of_the_longest_plan():
    headings = re.findall(r"^## (.+)$", NOTES, re.M)
    assert headings[:1] == ["Questions a type of page shares"]
    assert [h for h in headings if h.startswith("Lesson")] == ["Lesson 1", "Lesson 2", "Lesson 3"]
    lesson2 = NOTES.split("\n## Lesson 2\n")[1].split("\n## Lesson 3\n")[0]
    assert "[Facts kept and left out](../compare/facts.md)" in lesson2


def test_notes_are_much_shorter_than_one_section_per_page():
    words = len(plain(re.sub(r"\]\([^)]*\)", "]", NOTES)).split())
    assert words < 8_000, words  # 17,525 words in the rendered page when each page had a section of its own
