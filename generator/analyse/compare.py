"""Analyse stage: how each article covers the story's key facts (facts.yml) and which framing words of the
lexicon (lexicon.yml) it uses.

Facts: a fact is stated in an article when one of the editor's patterns matches one of its sentences; the
first such sentence is the evidence. An editor's override (stated, disputes, not-mentioned) wins.
Framing: the forms of every term, matched as whole words with accents, case and apostrophe style ignored;
at each position only the longest form counts, across all categories, and matches never overlap.
"""

from __future__ import annotations

import re

from ..model import Coverage, Fact, FramingCategory, FramingHit, Paragraph
from .mentions import WORD_START, fold
from .quotes import sentence_starts, spans


def sentences(paragraph: Paragraph) -> list[str]:
    text = paragraph.text
    starts = [*sentence_starts(text, spans(text)), len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False) if text[a:b].strip()]


def coverage(file: str, paragraphs: tuple[Paragraph, ...], facts: tuple[Fact, ...]) -> tuple[Coverage, ...]:
    result = []
    for fact in facts:
        override = next((o for o in fact.overrides if o.file == file), None)
        found = None
        patterns = [re.compile(p, re.I) for p in fact.patterns]
        for paragraph in paragraphs:
            for sentence in sentences(paragraph):
                if any(p.search(sentence) for p in patterns):
                    found = (paragraph.id, sentence)
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


def framing(
    paragraphs: tuple[Paragraph, ...], lexicon: tuple[FramingCategory, ...]
) -> tuple[FramingHit, ...]:
    if not lexicon:
        return ()
    regex, by_form = framing_matcher(lexicon)
    hits = []
    for paragraph in paragraphs:
        folded, index = fold(paragraph.text)
        for m in regex.finditer(folded):
            category, term = by_form[" ".join(m.group(1).split())]
            hits.append(FramingHit(category, term, paragraph.id, index[m.start(1)], index[m.end(1) - 1] + 1))
    return tuple(hits)


def framing_counts(hits: tuple[FramingHit, ...]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {}
    for hit in hits:
        terms = result.setdefault(hit.category, {})
        terms[hit.term] = terms.get(hit.term, 0) + 1
    return result
