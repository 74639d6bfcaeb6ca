"""What the quizzes read from the whole site, worked out once per site into ``quiz_index.SiteIndex``: the
quotations whose speaker the sentence itself decides, every named speaker, everyone the site gives a
statement to, the labels writers use outside quotation marks, how many articles state each fact and use each
word, and the byline values. ``quiz`` and ``quiz_compare`` make their questions from it.
"""

from __future__ import annotations

import re

from .model import Article, Site
from .quiz_index import SiteIndex
from .quiz_index import folded as _folded

QUOTE_MIN_WORDS = 5  # shorter quotations are fragments ("coordination"): too little to recognise


def _speaker(actors: dict, quote) -> str | None:
    if quote.speaker:
        actor = actors.get(quote.speaker)
        return actor.name if actor else None
    return quote.named


def _name_words(names) -> set[str]:
    """The capitalised words of names, folded ("Sen. Marco Rubio" → sen., marco, rubio)."""
    return {_folded(w).strip(".,’'") for n in names if n for w in n.split() if w[:1].isupper()}


def _names_of(actors: dict, quote) -> tuple[str, ...]:
    if quote.speaker:
        actor = actors.get(quote.speaker)
        return (actor.name, *actor.aliases) if actor else ()
    return (quote.named,)


def _unambiguous(actors: dict, article: Article, quote, speaker_words: dict[str, int]) -> bool:
    """Whether the quotation's own sentence names its speaker and no other possible speaker, outside quotation
    marks: no other person of actors.yml and no one else the site quotes by name.

    "In a letter released by Mr. Durbin's office, Mr. Netanyahu said …" names two speakers: whichever the
    attribution chose, a quiz must not rest on it. A quotation carried on from an earlier sentence does not
    pass either: its own sentence does not name the speaker.

    ``speaker_words``: each word of more than three letters in the names of the site's speakers → how many
    of them have it (``_speaker_words``).
    """
    from .analyse.quotes import sentence_starts, spans

    text = next(p.text for p in article.paragraphs if p.id == quote.paragraph)
    quoted = spans(text)
    starts = [*sentence_starts(text, quoted), len(text)]
    begin = max(x for x in starts if x <= quote.start)
    end = min(x for x in starts if x > quote.start)
    outside = list(text[begin:end])
    for span in quoted:
        for i in range(max(span.start, begin), min(span.end, end)):
            outside[i - begin] = " "
    words = {_folded(w).strip(".,’'").removesuffix("'s") for w in "".join(outside).split()}
    mine = _name_words(_names_of(actors, quote))
    if not mine & words:
        return False
    label = _name_words((quote.speaker_label,))
    if label & mine:  # "Foreign Minister Jorge Arreaza": the title is part of how the sentence names him
        mine |= label
    for m in article.mentions:
        actor = actors.get(m.actor)
        if (
            actor
            and actor.kind == "person"
            and m.actor != quote.speaker
            and m.paragraph == quote.paragraph
            and begin <= m.start < end
            and not any(span.start <= m.start < span.end for span in quoted)
        ):
            return False
    # A word of another speaker's name: one that some speaker other than this one has (more than three
    # letters: not "The" of "The New York Times").
    own = _long_words(_speaker(actors, quote))
    return not any(w not in mine and speaker_words.get(w, 0) - (w in own) > 0 for w in words)


def _long_words(name: str | None) -> set[str]:
    return {w for w in _name_words((name,)) if len(w) > 3}


def _speaker_words(speakers) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in speakers:
        for w in _long_words(name):
            counts[w] = counts.get(w, 0) + 1
    return counts


def _decided(actors: dict, article: Article, speaker_words: dict[str, int]) -> list:
    return [
        q
        for q in article.quotes
        if q.kind == "speech"
        and (q.speaker or q.named)
        and len(q.text.split()) >= QUOTE_MIN_WORDS
        and _speaker(actors, q)
        and _unambiguous(actors, article, q, speaker_words)
    ]


def _runs(text: str, size: int = 6) -> set[tuple[str, ...]]:
    """The quotation's runs of six words (all of it when shorter): two quotations sharing one are the same
    statement, as on the voices page."""
    words = [w.strip(".,;:!?“”\"'’‘[]()…") for w in _folded(text).split()]
    words = [w for w in words if w]
    return {tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def _said_by(site: Site, actors: dict) -> dict[tuple[str, ...], set[str]]:
    """Each six-word run of a statement → every name the site gives a statement with that run to."""
    said: dict[tuple[str, ...], set[str]] = {}
    for a in site.articles:
        for q in a.quotes:
            name = _speaker(actors, q)
            if q.kind == "speech" and name:
                for run in _runs(q.text):
                    said.setdefault(run, set()).add(name)
    return said


def _speakers(site: Site, actors: dict) -> list[str]:
    """Every named speaker in the site, most quoted first (ties by name)."""
    counts: dict[str, int] = {}
    for a in site.articles:
        for q in a.quotes:
            name = _speaker(actors, q)
            if q.kind == "speech" and name:
                counts[name] = counts.get(name, 0) + 1
    return [n for n, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


def _outside_quotes(article: Article, paragraph: str, phrase: str) -> bool:
    """Whether every occurrence of ``phrase`` in the paragraph is outside quotation marks (and it occurs)."""
    text = next(p.text for p in article.paragraphs if p.id == paragraph)
    spans = [(q.start, q.start + len(q.text) + 2) for q in article.quotes if q.paragraph == paragraph]
    found = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return bool(found) and not any(a <= at < b for at in found for a, b in spans)


def _labels_of(people: set[str], article: Article) -> list:
    # One word alone is mostly a title ("Mr", "President"): too little to tell outlets apart.
    return [
        label
        for label in article.labels
        if label.actor in people
        and 2 <= len(label.text.split()) <= 6
        and not re.search(r"\b(of|for|to|by|and)$", label.text)
        and _outside_quotes(article, label.paragraph, label.text)
    ]


def _build_index(site: Site) -> SiteIndex:
    """What every article's quiz reads from the whole site (the plain loops, once; see quiz_index)."""
    from .render import long_date

    actors = {a.id: a for a in site.actors}
    speakers = _speakers(site, actors)
    words = _speaker_words(speakers)
    people = {a.id for a in site.actors if a.kind == "person"}
    writer = {a.id: _labels_of(people, a) for a in site.articles}
    label_users: dict = {}
    by_actor: dict = {a.id: [] for a in site.actors}
    stated: dict = {f.id: 0 for f in site.facts}
    term_users: dict = {}
    for a in site.articles:
        for label in writer[a.id]:
            label_users.setdefault((label.actor, _folded(label.text)), set()).add(a.id)
            by_actor[label.actor].append((a.id, label))
        for fact in {c.fact for c in a.coverage if c.status == "stated"}:
            if fact in stated:
                stated[fact] += 1
        for term in {x.term for x in a.framing}:
            term_users[term] = term_users.get(term, 0) + 1
    dates = tuple(sorted({a.published.value for a in site.articles if a.published.known}))
    return SiteIndex(
        actors=actors,
        said=_said_by(site, actors),
        speakers=speakers,
        decided={a.id: _decided(actors, a, words) for a in site.articles},
        writer_labels=writer,
        label_users=label_users,
        labels_by_actor=by_actor,
        stated=stated,
        term_users=term_users,
        authors=tuple(sorted({a.author.value for a in site.articles if a.author.known})),
        dates=dates,
        days=tuple(long_date(d) for d in dates),
        outlets=tuple(sorted({a.outlet.name for a in site.articles})),
    )
