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
from .quotes import find_quotes, spans


def stats(text: str, words_per_minute: int) -> Stats:
    words = len(text.split())
    return Stats(
        words=words,
        reading_minutes=max(1, math.ceil(words / words_per_minute)),
        # Flesch–Kincaid grade: US school grade; rounded to one decimal, since more precision is noise.
        grade=round(float(textstat.flesch_kincaid_grade(text)), 1) if words else 0.0,
    )


def word_stats(text: str, words_per_minute: int) -> Stats:
    """``stats`` without the grade (0.0), for text whose grade is measured otherwise."""
    words = len(text.split())
    return Stats(words=words, reading_minutes=max(1, math.ceil(words / words_per_minute)), grade=0.0)


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
    names = {a.id: a.name for a in actors}
    whose = {}
    texts = {p.id: p.text for p in article.paragraphs}
    for q in quotes:
        # An embedded post kept whole (speakers.Reader._post) is its speaker's words from end to end.
        whose[(q.paragraph, -1 if q.text == texts[q.paragraph] and q.start == 0 else q.start)] = _whose(
            q, names
        )
    by_text = {}
    for q in quotes:
        by_text.setdefault(q.text, q)
    for p in article.paragraphs:  # a statement the article repeats (counted once) is still its speaker's
        for span in spans(p.text):
            if (p.id, span.start) not in whose:
                same = by_text.get(span.text)
                whose[(p.id, span.start)] = _whose(same, names) if same else "a quoted term"
    return replace(
        article,
        stats=stats(text, words_per_minute),
        mentions=mentions,
        labels=tuple(
            label  # a courtesy title alone ("Mr") says nothing about the person: not a label
            for label in find_labels(
                article.paragraphs, mentions, attribution, {a.id: a.kind for a in actors}
            )
            if label.text not in attribution.courtesy_titles
        ),
        quotes=quotes,
        invocations=invocations,
        flags=flags,
        coverage=coverage(article.file, article.paragraphs, facts),
        framing=framing(article.paragraphs, lexicon, whose),
        discovered=found,
    )


def _whose(quote, names: dict[str, str]) -> str:
    """Whose words a quotation is, as the pages say it."""
    if quote.kind != "speech":
        return "a quoted term"
    if quote.speaker:
        return names.get(quote.speaker, quote.speaker)
    if quote.named:
        return quote.named
    return "an unnamed source" if quote.speaker_label else "a speaker the text does not name"
