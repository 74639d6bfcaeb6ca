"""The lesson plans taken apart for the teachers' pages: lessons and their steps, the pages and readings each
plan uses, the words to pre-teach, and the teacher notes grouped by lesson with each default said once.

Pure functions over the model; ``teach`` renders what they return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analyse.glossary import Finder
from .model import Article, Plan, Question, Teaching, Term

LESSON_PREFIX = re.compile(r"^Lesson (\d+):\s*")


@dataclass(frozen=True)
class LessonStep:
    number: int  # the step's number in its lesson, from 1
    minutes: int
    text: str  # without its "Lesson N:" prefix
    pages: tuple[str, ...]  # site addresses
    task: str | None  # the rubric of the step's written task, if it has one


@dataclass(frozen=True)
class Lesson:
    number: int
    steps: tuple[LessonStep, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


def lessons(plan: Plan) -> tuple[Lesson, ...]:
    """The plan's lessons in order: steps of a plan of several lessons start "Lesson N:" (teaching.yml says
    so); a step without the prefix belongs to the lesson before it (the first, in a one-lesson plan)."""
    grouped: dict[int, list] = {}
    current = 1
    for step in plan.steps:
        m = LESSON_PREFIX.match(step.text)
        if m:
            current = int(m.group(1))
        text = LESSON_PREFIX.sub("", step.text)
        steps = grouped.setdefault(current, [])
        steps.append(LessonStep(len(steps) + 1, step.minutes, text, step.pages, getattr(step, "task", None)))
    return tuple(Lesson(n, tuple(s)) for n, s in sorted(grouped.items()))


def plan_addresses(plan: Plan) -> list[str]:
    """Every address the plan uses, in the order it first uses them."""
    return list(dict.fromkeys(a for step in plan.steps for a in step.pages))


def readings(plan: Plan, articles: dict[str, Article]) -> list[Article]:
    """The articles the plan has students read (``articles``: address → article), in the plan's order."""
    return [articles[a] for a in plan_addresses(plan) if a in articles]


@dataclass(frozen=True)
class Word:
    term: Term
    article: Article  # where students first meet it
    paragraph: str


def vocabulary(texts: list[Article], terms: tuple[Term, ...]) -> list[Word]:
    """The glossary terms the readings use, each once, in the order a student reading them meets them."""
    if not terms:
        return []
    finder, done, words = Finder(terms), set(), []
    for article in texts:
        for paragraph in article.paragraphs:
            for _, _, term in finder.find(paragraph.text, done):
                words.append(Word(term, article, paragraph.id))
    return words


# --------------------------------------------------------------------------- teacher notes


@dataclass(frozen=True)
class NotesPage:
    address: str
    kind: str  # page type
    questions: tuple[Question, ...] | None  # its own questions; None: it uses the defaults of its type
    seen_in: int | None = None  # a page already given in an earlier lesson: that lesson's number


@dataclass(frozen=True)
class NotesSection:
    lesson: int | None  # None: pages no lesson uses
    pages: tuple[NotesPage, ...]


@dataclass(frozen=True)
class Notes:
    plan: Plan | None  # the plan whose lessons group the pages
    defaults: tuple[
        tuple[str, tuple[Question, ...], tuple[str, ...]], ...
    ]  # (type, questions, pages using them)
    sections: tuple[NotesSection, ...]


def notes(teaching: Teaching, kinds: dict[str, str]) -> Notes:
    """The notes' structure: each page type's default questions once, with the pages that use them; then the
    pages by lesson of the plan that uses the most pages, each page once (its own questions in full, or a
    line saying it uses the defaults), then the pages no lesson uses.

    ``kinds``: address → page type, for every page that has questions.
    """

    def page(address: str, seen: int | None = None) -> NotesPage:
        own = teaching.pages.get(address)
        return NotesPage(address, kinds[address], own if own else None, seen)

    uses_defaults: dict[str, list[str]] = {}
    for address, kind in sorted(kinds.items()):
        if not teaching.pages.get(address) and teaching.defaults.get(kind):
            uses_defaults.setdefault(kind, []).append(address)
    defaults = tuple(
        (kind, questions, tuple(uses_defaults.get(kind, ())))
        for kind, questions in teaching.defaults.items()
        if questions
        and kind in uses_defaults  # a type whose every page has its own questions: nothing to say
    )
    plan = max(teaching.plans, key=lambda p: len(plan_addresses(p)), default=None)
    sections, placed = [], {}
    for lesson in lessons(plan) if plan else ():
        pages = []
        for address in dict.fromkeys(a for s in lesson.steps for a in s.pages):
            if address not in kinds:
                continue
            if address in placed:
                if placed[address] != lesson.number:
                    pages.append(page(address, placed[address]))
                continue
            placed[address] = lesson.number
            pages.append(page(address))
        sections.append(NotesSection(lesson.number, tuple(pages)))
    rest = [page(a) for a in sorted(kinds) if a not in placed and teaching.pages.get(a)]
    if rest:
        sections.append(NotesSection(None, tuple(rest)))
    return Notes(plan, defaults, tuple(sections))
