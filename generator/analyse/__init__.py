"""Analyse stage: what is computed from the cleaned text: figures (words, reading time and grade), who is
named where (``mentions``), what they are called (``labels``) and who is quoted saying what (``quotes``)."""

from __future__ import annotations

import math
from dataclasses import replace

import textstat

from ..model import Actor, Article, Attribution, Event, Fact, FramingCategory, Stats
from .compare import coverage, framing
from .history import find_invocations
from .labels import find_labels
from .mentions import Matcher, find_mentions
from .people import discovered_mentions
from .quotes import find_quotes


def stats(text: str, words_per_minute: int) -> Stats:
    words = len(text.split())
    return Stats(
        words=words,
        reading_minutes=max(1, math.ceil(words / words_per_minute)),
        # Flesch–Kincaid grade: US school grade; rounded to one decimal, since more precision is noise.
        grade=round(float(textstat.flesch_kincaid_grade(text)), 1) if words else 0.0,
    )


def analyse_article(
    article: Article,
    words_per_minute: int,
    matcher: Matcher | None = None,
    actors: tuple[Actor, ...] = (),
    attribution: Attribution | None = None,
    events: tuple[Event, ...] = (),
    facts: tuple[Fact, ...] = (),
    lexicon: tuple[FramingCategory, ...] = (),
) -> Article:
    text = "\n\n".join(p.text for p in article.paragraphs)
    attribution = attribution or Attribution()
    mentions = find_mentions(article.paragraphs, matcher) if matcher else ()
    # Names actors.yml does not know still let a quotation be given to "José Peña" (never to an actor entry).
    found, kinds, genders = discovered_mentions(article.paragraphs, mentions, attribution)
    everyone = tuple(sorted(mentions + found, key=lambda m: (int(m.paragraph[1:]), m.start)))
    quotes = tuple(
        replace(q, speaker=None, named=q.speaker[1:]) if q.speaker and q.speaker.startswith("?") else q
        for q in find_quotes(article.paragraphs, everyone, actors, attribution, kinds, genders)
    )
    invocations, flags = find_invocations(article.paragraphs, events)
    return replace(
        article,
        stats=stats(text, words_per_minute),
        mentions=mentions,
        labels=find_labels(article.paragraphs, mentions, attribution, {a.id: a.kind for a in actors}),
        quotes=quotes,
        invocations=invocations,
        flags=flags,
        coverage=coverage(article.file, article.paragraphs, facts),
        framing=framing(article.paragraphs, lexicon),
    )
