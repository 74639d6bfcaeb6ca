"""Analyse stage: find where each actor of actors.yml is named in an article's paragraphs.

Matching ignores accents and letter case except that a capitalised word of an alias must be capitalised in
the text ("the Times" is the newspaper, "the times" is not). Possessives count ("Maduro's", "Guaidó’s"), a
title just before a name is part of its mention ("Sen. Marco Rubio"), the longest alias wins ("the Trump
administration" is the administration, not Donald Trump), and after a person's first mention in an article
their surname alone also counts.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..model import Actor, Attribution, Mention, Paragraph

LONGER_NAME = re.compile(r"\s+[A-Z]")
APOSTROPHES = {"’": "'", "‘": "'", "`": "'"}
# A word starts after a non-word character, or after a quotation mark ("‘coordination'"), but not after a
# letter and an apostrophe ("O'Brien" does not contain "Brien").
WORD_START = r"(?<![\w])(?<!\w')"


def _fold_char(ch: str) -> str:
    """What one character folds to (often one character; none for a combining mark, two for "ß")."""
    ch = APOSTROPHES.get(ch, ch)
    if ch.isascii():
        return ch.lower()
    return "".join(
        part.casefold() for part in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(part)
    )


class _FoldTable(dict):
    """str.translate's table for fold, filled in as characters are met (a text holds few distinct ones)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Lower-case, accent-free text with straight apostrophes, and each character's offset in ``text``.

    Cached: every analysis (names, history, word choice, glossary) folds the same paragraphs. Each character
    folds on its own (``_fold_char``), so the text is translated in one pass and the offsets are worked out
    only around the few characters that do not fold to exactly one.
    """
    if text.isascii():  # the common fast path: one character in, one out
        return text.replace("`", "'").lower(), tuple(range(len(text)))
    folded = text.translate(_FOLD)
    odd = [c for c in set(text) if len(_FOLD[ord(c)]) != 1]
    if not odd:
        return folded, tuple(range(len(text)))
    index: list[int] = []
    at = 0
    for m in re.finditer("[" + "".join(map(re.escape, odd)) + "]", text):
        index.extend(range(at, m.start()))
        index.extend([m.start()] * len(_FOLD[ord(m.group())]))
        at = m.end()
    index.extend(range(at, len(text)))
    return folded, tuple(index)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Matcher:
    """Compiled aliases of every actor: one regular expression, longest alias first."""

    regex: re.Pattern
    by_alias: dict[str, str]  # folded alias → actor id
    capitals: dict[str, tuple[bool, ...]]  # folded alias → which words must start with a capital
    titles: tuple[str, ...]  # folded titles, longest first
    people: dict[str, str]  # actor id → folded surname, for people


def _alias_pattern(folded: str) -> str:
    return r"\s+".join(re.escape(word) for word in folded.split())


def matcher(actors: tuple[Actor, ...], attribution: Attribution) -> Matcher:
    by_alias: dict[str, str] = {}
    capitals: dict[str, tuple[bool, ...]] = {}
    for actor in actors:
        for alias in (actor.name, *actor.aliases):
            folded = " ".join(fold(alias)[0].split())
            by_alias.setdefault(folded, actor.id)
            capitals[folded] = tuple(_strip_accents(w)[:1].isupper() for w in alias.split())
    ordered = sorted(by_alias, key=len, reverse=True)
    body = "|".join(_alias_pattern(a) for a in ordered) or r"(?!x)x"
    regex = re.compile(rf"{WORD_START}({body})(?:'s\b|'(?=\W|$))?(?![\w])")
    titles = tuple(sorted((" ".join(fold(t)[0].split()) for t in attribution.titles), key=len, reverse=True))
    people = {a.id: fold(a.name)[0].split()[-1] for a in actors if a.kind == "person"}
    return Matcher(regex, by_alias, capitals, titles, people)


def _capitalised_as_required(text: str, start: int, end: int, pattern: tuple[bool, ...]) -> bool:
    words = text[start:end].split()
    return all(
        not must or (w[:1].isupper() or not w[:1].isalpha()) for w, must in zip(words, pattern, strict=False)
    )


def _with_title(text: str, folded: str, index: list[int], fstart: int, titles: tuple[str, ...]) -> int:
    """Offset where the mention starts, moved back over a title just before the name."""
    for title in titles:
        at = fstart - len(title) - 1
        if at >= 0 and folded.startswith(title + " ", at) and (at == 0 or not folded[at - 1].isalnum()):
            return index[at]
    return index[fstart] if fstart < len(index) else len(text)


def find_mentions(paragraphs: tuple[Paragraph, ...], m: Matcher) -> tuple[Mention, ...]:
    """Every mention in reading order; surname-only mentions of a person count after their first full one."""
    found: list[Mention] = []
    first_seen: dict[str, tuple[int, int]] = {}  # actor → (paragraph number, offset) of first mention
    spans_of: dict[int, tuple[list[int], list[int]]] = {}  # paragraph number → sorted starts, their ends

    def cover(number: int, start: int, end: int) -> None:
        starts, ends = spans_of.setdefault(number, ([], []))
        at = bisect.bisect_right(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)

    def covered(number: int, offset: int) -> bool:
        starts, ends = spans_of.get(number, ([], []))
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < ends[at]

    folded_paragraphs = []
    for number, paragraph in enumerate(paragraphs):
        folded, index = fold(paragraph.text)
        folded_paragraphs.append((folded, index))
        for match in m.regex.finditer(folded):
            alias = " ".join(match.group(1).split())
            start, end = index[match.start(1)], index[match.end() - 1] + 1
            if not _capitalised_as_required(paragraph.text, start, end, m.capitals[alias]):
                continue
            actor = m.by_alias[alias]
            start = _with_title(paragraph.text, folded, index, match.start(1), m.titles)
            found.append(Mention(actor, paragraph.id, start, end, paragraph.text[start:end]))
            cover(number, start, end)
            first_seen.setdefault(actor, (number, start))
    shared = {
        s for s in m.people.values() if sum(1 for a, t in m.people.items() if t == s and a in first_seen) > 1
    }
    for actor, surname in m.people.items():
        if actor not in first_seen or surname in shared:
            continue  # "Ruiz" after both Ana and Luis Ruiz: ambiguous, so not counted for either
        pattern = re.compile(rf"{WORD_START}{re.escape(surname)}(?:'s\b|'(?=\W|$))?(?![\w])")
        for number, paragraph in enumerate(paragraphs):
            folded, index = folded_paragraphs[number]
            for match in pattern.finditer(folded):
                start, end = index[match.start()], index[match.end() - 1] + 1
                if (number, start) <= first_seen[actor] or not paragraph.text[start].isupper():
                    continue
                if LONGER_NAME.match(paragraph.text, end):
                    continue  # part of a longer name: "the Monroe Doctrine" is not James Monroe
                if covered(number, start):
                    continue
                start = _with_title(paragraph.text, folded, index, match.start(), m.titles)
                found.append(Mention(actor, paragraph.id, start, end, paragraph.text[start:end]))
                cover(number, start, end)
    found = _drop_parenthetical(found, {p.id: p.text for p in paragraphs})
    order = {p.id: n for n, p in enumerate(paragraphs)}
    return tuple(sorted(found, key=lambda x: (order[x.paragraph], x.start)))


def _drop_parenthetical(found: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """ "United Socialist Party of Venezuela (PSUV)" names the party once: the abbreviation is not a second mention."""
    ends: dict[tuple[str, str], set[int]] = {}
    for m in found:
        ends.setdefault((m.paragraph, m.actor), set()).add(m.end)
    kept = []
    for mention in found:
        text = texts[mention.paragraph]
        if text[mention.end : mention.end + 1] == ")":
            opening = text.rfind("(", max(0, mention.start - 8), mention.start)
            if opening != -1 and text[opening + 1 : mention.start].strip() == "":
                before = opening
                while before > 0 and text[before - 1].isspace():
                    before -= 1
                if before in ends.get((mention.paragraph, mention.actor), ()):
                    continue
        kept.append(mention)
    return kept


def counts(mentions: tuple[Mention, ...]) -> dict[str, int]:
    result: dict[str, int] = {}
    for mention in mentions:
        result[mention.actor] = result.get(mention.actor, 0) + 1
    return dict(sorted(result.items()))
