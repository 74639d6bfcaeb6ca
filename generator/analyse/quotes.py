"""Analyse stage: direct quotations, whether each is a statement or a quoted term, and who said it.

Spans: text in double quotation marks (curly or straight; an unclosed one runs to the end of the
paragraph); single-quoted spans count only outside double quotes (inside, they are the speaker quoting
someone). Attribution, in order, for each span:

1. a speaker right after it in the same sentence: “…,” Cabello continued / “…?” said Richard N. Haass /
   “…”, a senior administration official said;
2. a speech verb before it in the same sentence ("X announced “…”", "he said that …“…”"): the speaker is
   the sentence's subject, the first actor named in it who is not the object of a preposition;
3. "According to X," opening the sentence;
4. another quotation earlier in the same sentence or paragraph with no new speaker between (a quote split by
   its attribution, "…” and that “…”");
5. "according to X" earlier in the paragraph.

Pronouns resolve to the subject of the nearest earlier sentence that names a person (for he/she) or an
organisation (for it). Anonymous descriptions ("a senior administration official") stay anonymous: no
actor. A short quotation with no speaker, or after "so-called", is a quoted term, not a statement.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..model import Quote

OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
TERM_WORDS = 3  # an unattributed quotation this short is a quoted term ("imperialism")
TERM_MAX_WORDS = 5  # … or up to this long when it stands as a noun phrase ("an unnamed “former … commander”")


@dataclass(frozen=True)
class Span:
    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark (or the paragraph's end)
    text: str


@functools.lru_cache(maxsize=8192)
def spans(text: str) -> tuple[Span, ...]:
    """Quoted spans in a paragraph, in order; single quotes inside double quotes are not spans. (Cached: the
    same paragraphs are split into sentences by several analyses.)

    Real text mixes its marks, and a reader still sees where a quotation ends: a curly opening mark may close
    with a straight one or with two apostrophes (“…'' she asked, “…’’ he said), a straight one with a curly one; a closing
    mark typed where an opening one belongs (his ”illegal presence”) opens; and an opening mark met again
    before the first is closed (“We agree, Lee said. “It is late.”) means the first lost its closing mark: it
    ends at its last comma (see ``_close_double``)."""
    found: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in (OPEN_DOUBLE, '"') and (ch == OPEN_DOUBLE or _opens(text, i)) or _misprinted_open(text, i):
            close, end = _close_double(text, i)
            found.append(Span(i, end, text[i + 1 : close]))
            i = end
            continue
        if _misspaced_open(text, i, found):
            close, end = _close_double(text, i)
            found.append(Span(i, end, text[i + 2 : close]))
            i = end
            continue
        if ch in ("‘", "'") and _opens(text, i):
            close = _single_close(text, i + 1)
            if close is not None:
                found.append(Span(i, close + 1, text[i + 1 : close]))
                i = close + 1
                continue
        i += 1
    return tuple(found)


def _close_double(text: str, i: int) -> tuple[int, int]:
    """Where the double-quoted span opening at i ends: (offset of its words' end, offset past its mark). One
    pass from i to that end, so that splitting a paragraph stays linear in its length."""
    inner = False  # a quotation in straight marks inside a curly one (“he said "no" then”)
    straight = text[i] == '"'
    for j in range(i + 1, len(text)):
        c = text[j]
        if c == CLOSE_DOUBLE:
            return j, j + 1
        if c == '"':
            if not straight and (inner or text[j - 1].isspace()):
                inner = not inner
                continue
            return j, j + 1
        if c in "'’" and text.startswith(c * 2, j) and not text[j - 1].isspace():
            return j, j + 2  # two apostrophes typed for a closing mark (“…'' / “…’’)
        if c == OPEN_DOUBLE and text[j - 1].isspace() and not straight:
            # An opening mark again: the first quotation lost its closing mark. It ends at its last comma
            # ("…, Mr. Lee said. “…"), else just before the new mark.
            comma = text.rfind(",", i + 1, j)
            end = comma + 1 if comma != -1 and len(text[comma + 1 : j].split()) <= 8 else j
            return end, end
    return len(text), len(text)  # never closed: it runs to the paragraph's end


def _misprinted_open(text: str, i: int) -> bool:
    """A closing mark where an opening one belongs ("over his ”illegal presence” at"): after a space, before a
    letter, and closed by another one later in the sentence."""
    if text[i] != CLOSE_DOUBLE or not _opens(text, i) or not text[i + 1 : i + 2].isalnum():
        return False
    later = text.find(CLOSE_DOUBLE, i + 1, i + 1 + 300)
    return later != -1 and OPEN_DOUBLE not in text[i + 1 : later]


def _misspaced_open(text: str, i: int, found: list[Span]) -> bool:
    """A straight mark typed against the comma before it instead of the words after it, resuming a quotation
    split by its attribution (`"This one," Lee told supporters," is personal."`): a comma before, a space and
    a lower-case word after, a straight-quoted span closed just before, and another straight mark later."""
    if text[i] != '"' or not i or text[i - 1] != "," or not re.match(r" [a-z]", text[i + 1 : i + 3]):
        return False
    if not found or text[found[-1].start] != '"' or i - found[-1].end > 80:
        return False
    return '"' in text[i + 1 : i + 1 + 300]


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _single_close(text: str, start: int) -> int | None:
    for j in range(start, len(text)):
        if text[j] in "’'" and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum():  # an apostrophe has letters on both sides ("Trump’s")
                return j
        if text[j] in '“”"':
            return None
    return None


# A full stop after these is not a sentence's end (English abbreviations before a name or number; the titles
# an editor adds in attribution.yml are names' parts, these are spelling).
SENTENCE_END = re.compile(r"([.!?…])([”\"’')\]]*)\s+(?=[“\"‘A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bU\.S|\bU\.K|\bU\.N|\bMr|\bMrs|\bMs|\bDr|\bSens?|\bGen|\bReps?|\bSt|\bJr|\bSr|\bGov|"
    r"\bLt|\bCol|\bCapt|\bSgt|\bMaj|\bAdm|\bProf|\bRev|\bAtty|\bSupt|\bNo|\bInc|\bCorp|\bCo|\bLtd|\bvs?|"
    r"\bJan|\bFeb|\bAug|\bSept?|\bOct|\bNov|\bDec)$"
)


def within(starts: list[int], ends: list[int], pos: int) -> int | None:
    """Index of the interval (sorted, not overlapping) that holds pos, or None: a bisection, so that scans
    over a long paragraph stay linear in its length (issue 12 item 8)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < ends[i] else None


@functools.lru_cache(maxsize=8192)
def sentence_starts(text: str, quoted: tuple[Span, ...]) -> tuple[int, ...]:
    """Offsets where sentences start, ignoring full stops inside quotations and after abbreviations.
    (Cached like spans.)"""
    starts = [0]
    # A stop inside a quotation does not end the sentence; one just before the closing mark does.
    inner_starts = [s.start + 1 for s in quoted]
    inner_ends = [s.end - 2 for s in quoted]
    for m in SENTENCE_END.finditer(text):
        pos = m.start(1)
        if within(inner_starts, inner_ends, pos) is not None:
            continue
        if m.group(1) == "." and ABBREVIATION.search(text, max(0, pos - 8), pos):
            continue
        starts.append(m.end())
    return tuple(starts)


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(s for s in starts if s <= offset)


def _drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """The same statement twice in one article (an embedded post repeating it) counts once."""
    seen: set[str] = set()
    kept = []
    for quote in quotes:
        key = " ".join(quote.text.casefold().split()).strip(" ,.")
        if quote.kind == "speech" and key in seen:
            continue
        seen.add(key)
        kept.append(quote)
    return kept


def find_quotes(
    paragraphs,
    mentions,
    actors,
    attribution,
    kinds: dict[str, str] | None = None,
    genders: dict[str, str] | None = None,
) -> tuple[Quote, ...]:
    """``kinds``, ``genders``: what names not in actors.yml are known to be (see people.discovered_mentions)."""
    from .speakers import Reader  # speakers reads sentences with this module's spans

    return tuple(_drop_repeats(Reader(paragraphs, mentions, actors, attribution, kinds, genders).read()))
