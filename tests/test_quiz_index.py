"""The quizzes' choice filter in linear time (generator/quiz_index.py) keeps exactly what the plain loop kept:
a wrong choice is left out when it overlaps the right one or one kept before it, as whole words, accents and
case aside. The plain loop is written out here as it was in quiz.py."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyse.mentions import fold
from generator.quiz_index import distinct, distinct_but


def norm(text: str) -> str:
    return " ".join(fold(text)[0].split())


def plain_uses(haystack: str, phrase: str) -> bool:
    needle = norm(phrase)
    return bool(needle) and re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack) is not None


def plain_distinct(right: str, texts: list[str]) -> list[int]:
    unique: dict[str, int] = {}
    for i, text in enumerate(texts):
        key = norm(text)
        if not any(k == key or plain_uses(key, k) or plain_uses(k, key) for k in (norm(right), *unique)):
            unique[key] = i
    return list(unique.values())


def plain_but(texts: tuple[str, ...], right: int, first: int) -> tuple[int, list[int]]:
    others = [i for i in range(len(texts)) if i != right]
    kept = [others[i] for i in plain_distinct(texts[right], [texts[i] for i in others])]
    return len(kept), sorted(kept, key=lambda i: (texts[i].casefold(), i))[:first]


CASES = [
    ("Maduro's government", ["government", "the government", "Maduro", "regime", "socialist regime"]),
    ("Ana Peña", ["Ana Pena", "ANA PEÑA", "Peña", "Ana", "Luis Peña", "Ana Peña Ruiz", "Ruiz"]),
    ("O'Brien", ["Brien", "O'Brien Smith", "Obrien", "o’brien"]),
    ("10 September 2018", ["1 September 2018", "September 2018", "10 September 2019", "2018"]),
    ("x", ["...", "(x)", "x-y", "—", "", " ", "y (x)"]),
    ("The New York Times", ["New York", "Times", "York Times", "The Times", "the new york times"]),
]


@pytest.mark.parametrize("right, texts", CASES)
def test_distinct_keeps_what_the_plain_loop_keeps(right, texts):
    assert distinct(right, texts) == plain_distinct(right, texts)


@pytest.mark.parametrize("right, texts", CASES)
def test_distinct_but_keeps_what_the_plain_loop_keeps_for_each_text(right, texts):
    universe = tuple(sorted({right, *texts}))
    for i in range(len(universe)):
        assert distinct_but(universe, i, 3) == plain_but(universe, i, 3), universe[i]


WORDS = st.sampled_from(
    ["ana", "Ana", "peña", "pena", "de", "la", "x", "(x)", "-", "O'Brien", "brien", "2018"]
)
TEXTS = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_random_choices(texts):
    universe = tuple(sorted(set(texts)))
    for i in range(len(universe)):
        assert distinct_but(universe, i, 3) == plain_but(universe, i, 3)
    assert distinct(texts[0], texts[1:]) == plain_distinct(texts[0], texts[1:])
