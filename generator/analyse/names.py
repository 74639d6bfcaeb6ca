"""Analyse stage: capitalised names in the text that actors.yml does not cover, for the editor to curate.

Reported by ``check`` (and the build log) with article and paragraph; never turned into actors.
Names listed under ``not_actors`` in attribution.yml (places, days, months, events) are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Attribution, Warning
from .mentions import fold
from .people import MAX_SCAN, Finder, discovered_mentions, headline_like


def unknown_names(
    articles: tuple[Article, ...], attribution: Attribution, corpus: str
) -> tuple[Warning, ...]:
    """Each person or body the text names that actors.yml lacks, once, with its other spellings (the same
    reading as people.discovered_mentions: "Mrs. Clinton" and "Clinton" are Hillary Clinton); then other
    capitalised names in running text, leaving out sentence-initial words, headlines and subheads ("Cancel the
    Summit"), and names only ever read as places ("in Tehran")."""
    finder = Finder(attribution)
    locative = {w.casefold() for w in attribution.place_prepositions}
    longest_first = sorted(finder.ignore, key=len, reverse=True)
    if _READINGS and _READINGS[0] != attribution:
        _READINGS.clear()  # another attribution.yml: every article is read again
    last = _READINGS[1] if _READINGS else {}
    readings: dict[int | str, tuple[Article, _Reading]] = {}  # by id and by file
    entities: dict[str, tuple[Article, str, set[str]]] = {}  # name → first article, paragraph, spellings
    others: dict[str, tuple[Article, str]] = {}
    places: set[str] = set()
    modifiers: dict[str, list[int]] = {}  # single word → [uses, uses before a lower-case word]
    lists: list[list[str]] = []  # names in one list ("Pennsylvania, Connecticut and Maryland"): one kind
    for article in articles:
        # The same frozen article (held, so its id is not reused), or an equal one (quote overrides copy it).
        cached = last.get(id(article)) or last.get(article.file)
        if cached is not None and (cached[0] is article or cached[0] == article):
            reading = cached[1]
        else:
            reading = _read(article, attribution, finder, locative, longest_first)
        readings[id(article)] = readings[article.file] = (article, reading)
        for name, paragraph, text in reading.entities:
            entry = entities.setdefault(name, (article, paragraph, set()))
            entry[2].add(text)
        for name, paragraph, modifier, counted, place, joined in reading.runs:
            if modifier is not None:
                uses = modifiers.setdefault(name, [0, 0])
                uses[0] += 1
                uses[1] += modifier
            if not counted:
                continue
            if place:
                places.add(name)
            if joined and lists:
                lists[-1].append(name)
            else:
                lists.append([name])
            others.setdefault(name, (article, paragraph))
    _READINGS[:] = [attribution, readings]  # the last call's only: `mkdocs serve` reads again what changed
    for group in lists:
        if places.intersection(group):
            places.update(group)
    _merge_surnames(entities)
    warnings = []
    for name, (article, paragraph, forms) in entities.items():
        variants = sorted(f for f in forms if f != name)
        also = f" (also written {', '.join(repr(v) for v in variants)})" if variants else ""
        warnings.append(
            Warning(
                f"{corpus}/{article.file}",
                f"{paragraph}: '{name}'{also} is not in actors.yml; add it as an actor (or an alias), or list "
                "it under not_actors in attribution.yml if it is a place or not an actor",
                kind="unknown-name",
                subject=name,
            )
        )
    known = {_key(n) for n in entities} | {_key(f) for _, _, forms in entities.values() for f in forms}
    for name, (article, paragraph) in others.items():
        if name in places or _key(name) in known:
            continue
        if name in modifiers and modifiers[name][0] == modifiers[name][1]:
            continue
        warnings.append(
            Warning(
                f"{corpus}/{article.file}",
                f"{paragraph}: '{name}' is not in actors.yml; add it as an actor (or an alias), or list it "
                "under not_actors in attribution.yml if it is a place or not an actor",
                kind="unknown-name",
                subject=name,
            )
        )
    return tuple(sorted(warnings, key=lambda w: (w.path, w.subject)))


@dataclass(frozen=True)
class _Reading:
    """What unknown_names reads in one article, in order: a pure function of the article and attribution.yml,
    kept between calls (``_READINGS``) so that a live reload reads only the articles an edit changed."""

    entities: tuple[tuple[str, str, str], ...]  # (name, paragraph, spelling) of each discovered mention
    # (name, paragraph, before a lower-case word? (one-word names only, else None), reported?, after a place
    # preposition?, joined to the run before it by a comma or "and"?), for each name run of running text
    runs: tuple[tuple[str, str, bool | None, bool, bool, bool], ...]


_READINGS: list = []  # [attribution, {id or file of an article: (article, _Reading)}] of the last call


def reading_of(article: Article) -> _Reading | None:
    """The last call's reading of this very article (for the disk cache, analysis_cache.py), or None."""
    cached = _READINGS[1].get(id(article)) if _READINGS else None
    return cached[1] if cached is not None and cached[0] is article else None


def remember(attribution: Attribution, known: list[tuple[Article, _Reading]]) -> None:
    """Readings of articles made earlier (kept on disk with the article), for the next call with this
    attribution.yml: they are what ``_read`` would give, a pure function of the two."""
    if _READINGS and _READINGS[0] != attribution:
        _READINGS.clear()
    if not _READINGS:
        _READINGS[:] = [attribution, {}]
    for article, reading in known:
        _READINGS[1][id(article)] = _READINGS[1][article.file] = (article, reading)


def _read(
    article: Article, attribution: Attribution, finder: Finder, locative: set[str], longest_first: list[str]
) -> _Reading:
    ignore = finder.ignore
    found = article.discovered  # the analysis's reading (with the same attribution and mentions)
    if found is None:
        found, _, _ = discovered_mentions(article.paragraphs, article.mentions, attribution)
    entities = tuple((m.actor[1:], m.paragraph, m.text) for m in found)
    runs = []
    covered: dict[str, list[tuple[int, int]]] = {}
    for m in (*article.mentions, *found):
        covered.setdefault(m.paragraph, []).append((m.start, m.end))
    for paragraph in article.paragraphs:
        if headline_like(paragraph.text):
            continue  # a headline or subhead in the body: every word is capitalised
        previous_end = -1
        for f in finder.runs(paragraph, covered.get(paragraph.id, [])):
            joined = previous_end >= 0 and re.fullmatch(
                r",?\s+(?:and\s+|or\s+)?|,\s*", paragraph.text[previous_end : f.start]
            )
            previous_end = f.end
            name = _strip_known_prefix(" ".join(f.words), longest_first)
            parts = name.split()
            if not parts or re.search(r"-[a-z]+$|[’'](m|re|ve|ll|d)$", name):
                continue  # "Latin American", "U.S.-backed", "We're"
            if len(parts) == 1 and (f.initial or len(name) < 3):
                continue
            if " and " in name or re.match(r"[A-Z]-", name):
                continue  # "Trump and Clinton": two names, each listed on its own; "R-Texas": party, state
            modifier = None
            if len(parts) == 1 and not name.isupper():
                # "American officials", "Democratic candidates": a word that always modifies a noun after
                # it is an adjective, not a name.
                modifier = re.match(r"(?:’s|'s)?\s+[a-z]", paragraph.text[f.end : f.end + 4]) is not None
            if _key(name) in ignore or all(_key(w) in ignore for w in parts):
                runs.append((name, paragraph.id, modifier, False, False, False))
                continue
            before = re.search(r"(\w+)\s+(?:the\s+)?$", paragraph.text[max(0, f.start - 20) : f.start])
            place = bool(before and before.group(1).casefold() in locative)
            runs.append((name, paragraph.id, modifier, True, place, bool(joined)))
    return _Reading(entities, tuple(runs))


def _merge_surnames(entities: dict[str, tuple[Article, str, set[str]]]) -> None:
    """Across articles, one person: "Trump" (an article that names him only by title and surname) is a spelling
    of "Donald Trump" when exactly one full name ends in that surname ("Clinton" stays apart when the articles
    name both Hillary and Bill Clinton)."""
    full: dict[str, list[str]] = {}
    for name in entities:
        if len(name.split()) > 1:
            full.setdefault(_key(name.split()[-1]), []).append(name)
    for name in [n for n in entities if len(n.split()) == 1]:
        owners = full.get(_key(name), [])
        if len(owners) == 1:
            article, paragraph, forms = entities.pop(name)
            entities[owners[0]][2].update(forms | {name})


def long_paragraphs(articles: tuple[Article, ...], corpus: str) -> tuple[Warning, ...]:
    """Paragraphs longer than the name and label scans read: said, not silently cut (issue 12 item 8)."""
    return tuple(
        Warning(
            f"{corpus}/{article.file}",
            f"{p.id} is {len(p.text):,} characters long: names and labels were read in its first "
            f"{MAX_SCAN:,} characters only; split the paragraph in the corpus file if it is several",
            kind="long-paragraph",
            subject=p.id,
        )
        for article in articles
        for p in article.paragraphs
        if len(p.text) > MAX_SCAN
    )


def _key(name: str) -> str:
    return " ".join(fold(name)[0].replace(".", "").split())


def _strip_known_prefix(name: str, known: list[str]) -> str:
    """'The White House' → 'White House', 'Oval Office Lilian Tintori' → 'Lilian Tintori'."""
    changed = True
    while changed and name:
        changed = False
        words = name.split()
        for size in range(min(3, len(words) - 1), 0, -1):
            if _key(" ".join(words[:size])) in known:
                # "Secretary of Trump" is not a name "of Trump": a connector left in front goes too.
                name = re.sub(r"^(?:of|on|for|the|de|del|da|and)\s+", "", " ".join(words[size:]))
                changed = True
                break
            if _key(" ".join(words[-size:])) in known:  # "Juan Guaidó on Saturday"
                name = re.sub(r"\s+(?:of|on|for|the|de|del|da|and)$", "", " ".join(words[:-size]))
                changed = True
                break
    return name


def unattributed_quotes(articles: tuple[Article, ...], corpus: str) -> tuple[Warning, ...]:
    """Statements the rules could not give a speaker, with article and paragraph: the editor reads them (the
    pages say "not attributed in the text"; a wrong speaker would teach something false)."""
    return tuple(
        Warning(
            f"{corpus}/{article.file}",
            f"{q.paragraph}: “{q.text[:60]}{'…' if len(q.text) > 60 else ''}” is not attributed: the rules "
            "could not make its speaker sure; read the paragraph (the page says 'not attributed in the text')",
            kind="unattributed-quote",
            subject=q.paragraph,
        )
        for article in articles
        for q in article.quotes
        if q.kind == "speech" and not q.speaker and not q.named and not q.speaker_label
    )
