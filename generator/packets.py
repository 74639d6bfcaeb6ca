"""One packet per lesson plan: the readings the plan uses, its questions lesson by lesson, its words to
pre-teach; and a teacher edition with the guidance, the quizzes' answer keys and the rubrics.

Pure: the structure of a packet from the plan and the pages' questions; ``teach`` renders it with
``packet.md.j2`` (students) and ``packet_teacher.md.j2`` (teachers).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from .lessons import Lesson, LessonStep, Word, lessons, plan_addresses, readings, vocabulary
from .model import Article, Plan, Question, Term


@dataclass(frozen=True)
class Item:
    """A page a step uses: its questions the first time the packet meets it, a pointer after that."""

    address: str
    reading: str | None  # the letter of its reading, for an article
    questions: tuple[Question, ...]
    again: bool  # the packet met it in an earlier step


@dataclass(frozen=True)
class StepView:
    step: LessonStep
    items: tuple[Item, ...]


@dataclass(frozen=True)
class LessonView:
    lesson: Lesson
    steps: tuple[StepView, ...]


@dataclass(frozen=True)
class Reading:
    letter: str  # "A", "B", …
    address: str
    article: Article
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Packet:
    plan: Plan
    lessons: tuple[LessonView, ...]
    readings: tuple[Reading, ...]
    words: tuple[Word, ...]
    quiz_pages: tuple[str, ...]  # addresses of the plan's pages that have a self-check quiz, in order


def letter(n: int) -> str:
    """A, B, … Z, then AA, AB, … (a plan may use many articles)."""
    letters = string.ascii_uppercase
    return letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]


def packet(
    plan: Plan,
    questions_of: dict[str, tuple[Question, ...]],
    articles: dict[str, Article],
    terms: tuple[Term, ...],
    quizzed: set[str],
) -> Packet:
    """``questions_of``: address → the questions the page asks; ``articles``: address → article;
    ``quizzed``: addresses with a self-check quiz. Pages the site does not have are left out."""
    texts = readings(plan, articles)
    letters = {a.site_path: letter(i) for i, a in enumerate(texts)}
    seen: set[str] = set()
    views = []
    for lesson in lessons(plan):
        steps = []
        for step in lesson.steps:
            items = []
            for address in step.pages:
                if address not in questions_of:
                    continue  # a page the site leaves out (see teach.left_out)
                items.append(
                    Item(
                        address,
                        letters.get(address),
                        () if address in letters else questions_of[address],
                        address in seen,
                    )
                )
                seen.add(address)
            steps.append(StepView(step, tuple(items)))
        views.append(LessonView(lesson, tuple(steps)))
    return Packet(
        plan,
        tuple(views),
        tuple(Reading(letters[a.site_path], a.site_path, a, questions_of[a.site_path]) for a in texts),
        tuple(vocabulary(texts, terms)),
        tuple(a for a in plan_addresses(plan) if a in quizzed),
    )
