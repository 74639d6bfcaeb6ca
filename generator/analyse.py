"""Analyse stage: figures computed from the cleaned text (word count, reading time, reading grade)."""

from __future__ import annotations

import math
from dataclasses import replace

import textstat

from .model import Article, Stats


def stats(text: str, words_per_minute: int) -> Stats:
    words = len(text.split())
    return Stats(
        words=words,
        reading_minutes=max(1, math.ceil(words / words_per_minute)),
        # Flesch–Kincaid grade: US school grade; rounded to one decimal, since more precision is noise.
        grade=round(float(textstat.flesch_kincaid_grade(text)), 1) if words else 0.0,
    )


def analyse_article(article: Article, words_per_minute: int) -> Article:
    text = "\n\n".join(p.text for p in article.paragraphs)
    return replace(article, stats=stats(text, words_per_minute))
