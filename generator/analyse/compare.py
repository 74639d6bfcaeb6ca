"""Analyse stage: how each article covers the story's key facts (facts.yml) and which framing words of the
lexicon (lexicon.yml) it uses.

Facts: a fact is stated in an article when one of the editor's patterns matches one of its sentences; the
first such sentence is the evidence. An editor's override (stated, disputes, not-mentioned) wins.
Framing: the forms of every term, matched as whole words with accents, case and apostrophe style ignored;
at each position only the longest form counts, across all categories, and matches never overlap. A form in
one of its term's `except` contexts (a pattern right before or after it, or in its sentence) is not counted.
A form inside a quotation is the speaker's word, not the outlet's: the hit says whose (``quoted``), and
``framing_counts`` counts the outlet's own words apart from those (``quoted=True``).
"""

from __future__ import annotations

import re

from ..model import Coverage, Fact, FramingCategory, FramingHit, FramingTerm, Paragraph
from ..patterns import Bounded
from .mentions import WORD_START, fold
from .quotes import sentence_starts, spans, within

CONTEXT = 120  # characters before and after a form that its `except` patterns read


def sentences(paragraph: Paragraph) -> list[str]:
    text = paragraph.text
    starts = [*sentence_starts(text, spans(text)), len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False) if text[a:b].strip()]


def coverage(file: str, paragraphs: tuple[Paragraph, ...], facts: tuple[Fact, ...]) -> tuple[Coverage, ...]:
    result = []
    # Every paragraph split into sentences once, not once per fact (the patterns run over the same sentences).
    split = [(paragraph.id, sentences(paragraph)) for paragraph in paragraphs]
    for fact in facts:
        override = next((o for o in fact.overrides if o.file == file), None)
        found = None
        # Editors' patterns, with a time bound (patterns.py): one that backtracks stops with an error.
        origins = fact.origins or (None,) * len(fact.patterns)
        patterns = [
            Bounded(p, True, o, f"a sentence of {file}") for p, o in zip(fact.patterns, origins, strict=True)
        ]
        for paragraph_id, paragraph_sentences in split:
            for sentence in paragraph_sentences:
                if any(p.search(sentence) for p in patterns):
                    found = (paragraph_id, sentence)
                    break
            if found:
                break
        if override is not None:
            sentence = None
            if override.paragraph:
                para = next((p for p in paragraphs if p.id == override.paragraph), None)
                sentence = (
                    found[1] if found and found[0] == override.paragraph else (para.text if para else None)
                )
            result.append(Coverage(fact.id, override.status, override.paragraph, sentence, override.note))
        elif found:
            result.append(Coverage(fact.id, "stated", found[0], found[1]))
        else:
            result.append(Coverage(fact.id, "not-mentioned", None, None))
    return tuple(result)


def framing_matcher(lexicon: tuple[FramingCategory, ...]) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    by_form: dict[str, tuple[str, str]] = {}
    for category in lexicon:
        for term in category.terms:
            for form in term.forms:
                by_form.setdefault(" ".join(fold(form)[0].split()), (category.id, term.term))
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(by_form, key=len, reverse=True))
    return re.compile(rf"{WORD_START}({body or '(?!x)x'})(?![\w])"), by_form


def _excepted(term: FramingTerm, text: str, start: int, end: int) -> bool:
    """Is the form at text[start:end] in one of the term's `except` contexts?"""
    for rule in term.exceptions:
        # Editors' patterns, with a time bound (patterns.py): one that backtracks stops with an error.
        def bounded(key: str, pattern: str, r=rule) -> Bounded:
            origin = (r.origin[0], r.origin[1], f"{r.origin[2]}.{key}", key) if r.origin else None
            return Bounded(pattern, True, origin, f"the words around '{text[start:end]}'", getattr(r, key))

        if rule.before and bounded("before", rf"(?:{rule.before})\s*$").search(
            text[max(0, start - CONTEXT) : start]
        ):
            return True
        if rule.after and bounded("after", rf"\A\s*(?:{rule.after})").search(text[end : end + CONTEXT]):
            return True
        if rule.sentence:
            starts = [*sentence_starts(text, spans(text)), len(text)]
            first = max(s for s in starts if s <= start)
            last = min(s for s in starts if s >= end)
            if bounded("sentence", rule.sentence).search(text[first:last]):
                return True
    return False


def framing(
    paragraphs: tuple[Paragraph, ...],
    lexicon: tuple[FramingCategory, ...],
    whose: dict[tuple[str, int], str] | None = None,
) -> tuple[FramingHit, ...]:
    """``whose``: (paragraph, offset of a quotation's opening mark) → whose words they are, for the hits
    inside quotations; a quotation not in it is "a quoted term"."""
    if not lexicon:
        return ()
    regex, by_form = framing_matcher(lexicon)
    terms = {(c.id, t.term): t for c in lexicon for t in c.terms}
    whose = whose or {}
    hits = []
    for paragraph in paragraphs:
        text = paragraph.text
        folded, index = fold(text)
        quoted = spans(text)
        bounds = ([s.start for s in quoted], [s.end for s in quoted])
        for m in regex.finditer(folded):
            category, term = by_form[" ".join(m.group(1).split())]
            start, end = index[m.start(1)], index[m.end(1) - 1] + 1
            if terms[(category, term)].exceptions and _excepted(terms[(category, term)], text, start, end):
                continue
            inside = within(*bounds, start)
            speaker = whose.get((paragraph.id, -1))  # a whole paragraph that is an embedded post
            if inside is not None:
                speaker = whose.get((paragraph.id, quoted[inside].start), "a quoted term")
            hits.append(FramingHit(category, term, paragraph.id, start, end, speaker))
    return tuple(hits)


def framing_counts(hits: tuple[FramingHit, ...], quoted: bool | None = None) -> dict[str, dict[str, int]]:
    """category → term → count: every word as printed (``quoted=None``), the outlet's own (False), or the
    words inside quotations (True)."""
    result: dict[str, dict[str, int]] = {}
    for hit in hits:
        if quoted is not None and (hit.quoted is not None) != quoted:
            continue
        terms = result.setdefault(hit.category, {})
        terms[hit.term] = terms.get(hit.term, 0) + 1
    return result
