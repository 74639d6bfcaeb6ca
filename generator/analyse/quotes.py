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

import functools
import re
from dataclasses import dataclass

from ..model import Actor, Attribution, Mention, Paragraph, Quote

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
    same paragraphs are split into sentences by several analyses.)"""
    found: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in (OPEN_DOUBLE, '"') and (ch == OPEN_DOUBLE or _opens(text, i)):
            close = text.find(CLOSE_DOUBLE if ch == OPEN_DOUBLE else '"', i + 1)
            end = close + 1 if close != -1 else n
            found.append(Span(i, end, text[i + 1 : close if close != -1 else n]))
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


ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bU\.S|\bU\.K|\bMr|\bMrs|\bMs|\bDr|\bSen|\bGen|\bRep|\bSt|\bJr|\bGov|\bLt|\bCol)$"
)


def sentence_starts(text: str, quoted: tuple[Span, ...]) -> list[int]:
    """Offsets where sentences start, ignoring full stops inside quotations and after abbreviations."""
    starts = [0]
    inside = [(s.start, s.end) for s in quoted]
    for m in re.finditer(r"([.!?…])([”\"’')\]]*)\s+(?=[“\"‘A-Z0-9])", text):
        pos = m.start(1)
        if any(a < pos < b - 1 for a, b in inside):
            continue
        if m.group(1) == "." and ABBREVIATION.search(text[:pos]):
            continue
        starts.append(m.end())
    return starts


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(s for s in starts if s <= offset)


@dataclass(frozen=True)
class Who:
    actor: str | None
    label: str


class Reader:
    """Attribution over one article: remembers speakers and subjects across paragraphs for pronouns."""

    def __init__(
        self,
        paragraphs: tuple[Paragraph, ...],
        mentions: tuple[Mention, ...],
        actors: tuple[Actor, ...],
        attribution: Attribution,
        kinds: dict[str, str] | None = None,
    ):
        self.paragraphs = paragraphs
        self.mentions = mentions
        self.kind = {a.id: a.kind for a in actors} | (kinds or {})
        self.verbs = {v.casefold() for v in attribution.speech_verbs}
        self.pronouns = {k.casefold(): v for k, v in attribution.pronouns.items()}
        self.anonymous = {w.casefold() for w in attribution.anonymous_nouns}
        self.prepositions = {w.casefold() for w in attribution.prepositions}
        self.determiners = {w.casefold() for w in attribution.determiners}
        self.term_markers = [t.casefold() for t in attribution.term_markers]
        self.according = [a.casefold() for a in attribution.according_to]
        verbs = "|".join(re.escape(v) for v in sorted(self.verbs, key=len, reverse=True)) or r"(?!x)x"
        self.verb_re = re.compile(rf"\b({verbs})\b", re.I)

    # -- who is named where
    def _mentions_in(self, pid: str, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.paragraph == pid and start <= m.start < end]

    def _subject(
        self, pid: str, text: str, start: int, end: int, quoted: tuple[Span, ...], kind: str | None = None
    ) -> Mention | None:
        """First actor named in text[start:end] that is not the object of a preposition or inside a quote."""
        for m in self._mentions_in(pid, start, end):
            if any(s.start <= m.start < s.end for s in quoted):
                continue
            if kind and self._kind_of(m.actor) not in (kind, "unknown"):
                continue
            before = re.findall(r"[\w’'-]+", text[start : m.start])
            while before and before[-1].casefold() in self.determiners:
                before.pop()
            if before and before[-1].casefold() in self.prepositions:
                continue
            if m.text.endswith(("’s", "'s", "’", "'")):
                continue  # "Maduro’s government": the government, not Maduro
            return m
        return None

    def _kind_of(self, actor: str) -> str:
        if actor.startswith("?") and actor not in self.kind:
            return "unknown"  # a name found in the text, not in actors.yml (names.discovered_mentions)
        return "person" if self.kind.get(actor) == "person" else "organisation"

    def _antecedent(self, number: int, offset: int, kind: str) -> Who | None:
        """The subject of the nearest earlier sentence (this paragraph, then up to two before) of that kind."""
        for back in range(0, 3):
            if number - back < 0:
                break
            p = self.paragraphs[number - back]
            quoted = spans(p.text)
            starts = sentence_starts(p.text, quoted)
            limit = offset if back == 0 else len(p.text)
            for s in sorted((s for s in starts if s < limit), reverse=True):
                end = min([x for x in starts if x > s] + [limit])
                subject = self._subject(p.id, p.text, s, end, quoted, kind)
                if subject:
                    return Who(subject.actor, subject.text)
        return None

    def _noun_phrase(self, phrase: str) -> str | None:
        """An anonymous description such as "a senior administration official"."""
        m = re.search(
            r"\b((?:a|an|the|one|two|three|several|some)\s+(?:[\w-]+\s+){0,5}?([\w-]+))\s*$", phrase, re.I
        )
        if m and m.group(2).casefold() in self.anonymous:
            return m.group(1)
        return None

    def _who_before_verb(
        self, number: int, text: str, start: int, verb_at: int, quoted: tuple[Span, ...]
    ) -> Who | None:
        p = self.paragraphs[number]
        clause = text[start:verb_at]
        pron = re.search(r"\b(\w+)\s+(?:\w+ly\s+)?$", clause)
        if pron and pron.group(1).casefold() in self.pronouns:
            word = pron.group(1)
            found = self._antecedent(number, start + pron.start(1), self.pronouns[word.casefold()])
            return Who(found.actor if found else None, word)
        if re.match(r"\w+ing\b", text[verb_at:]) and not re.search(r"\bby\s+$", text[:verb_at]):
            # ("by admitting" belongs to the sentence's subject, like a finite verb.)
            # A participle ("…, saying", "remarks by X saying") belongs to the nearest actor before it.
            nearest = [
                m
                for m in self._mentions_in(p.id, start, verb_at)
                if not any(s.start <= m.start < s.end for s in quoted)
            ]
            if nearest:
                return Who(nearest[-1].actor, nearest[-1].text)
        subject = self._subject(p.id, text, start, verb_at, quoted)
        if subject:
            return Who(subject.actor, subject.text)
        anonymous = self._noun_phrase(re.sub(r"\s+(?:\w+ly|on \w+day|also)\s*$", "", clause.rstrip(" ,")))
        if anonymous:
            return Who(None, anonymous)
        return None

    # -- the rules, in order
    def _after(self, number: int, text: str, span: Span, end: int, quoted: tuple[Span, ...]) -> Who | None:
        after = text[span.end : end]
        m = re.match(r"^[\s,]*", after)
        rest_at = span.end + m.end()
        rest = text[rest_at:end]
        verb = self.verb_re.match(rest)
        if verb:  # “…,” said X
            subject = self._mentions_in(self.paragraphs[number].id, rest_at + verb.end(), end)
            if subject and text[rest_at + verb.end() : subject[0].start].strip() == "":
                return Who(subject[0].actor, subject[0].text)
            return None
        verb = self.verb_re.search(rest)
        if not verb or len(rest[: verb.start()].split()) > 8:
            return None
        return self._who_before_verb(number, text, rest_at, rest_at + verb.start(), quoted)

    def _before(self, number: int, text: str, span: Span, start: int, quoted: tuple[Span, ...]) -> Who | None:
        before = text[start : span.start]
        # Only text outside other quotations can hold the attribution.
        verbs = [
            v
            for v in self.verb_re.finditer(before)
            if not any(q.start <= start + v.start() < q.end for q in quoted)
        ]
        if not verbs:
            return None
        return self._who_before_verb(number, text, start, start + verbs[-1].start(), quoted)

    def _according(self, number: int, text: str, start: int, end: int) -> Who | None:
        for phrase in self.according:
            for m in re.finditer(rf"\b{re.escape(phrase)}\s+", text[start:end], re.I):
                at = start + m.end()
                named = self._mentions_in(self.paragraphs[number].id, at, at + 60)
                if named and text[at : named[0].start].strip().casefold() in ("", "the"):
                    return Who(named[0].actor, named[0].text)
                anonymous = re.match(r"((?:the|a|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+)", text[at:end], re.I)
                if anonymous and anonymous.group(1).split()[-1].casefold() in self.anonymous:
                    return Who(None, anonymous.group(1))
        return None

    def read(self) -> tuple[Quote, ...]:
        quotes: list[Quote] = []
        for number, p in enumerate(self.paragraphs):
            text = p.text
            quoted = spans(text)
            starts = sentence_starts(text, quoted)
            previous: Quote | None = None
            for span in quoted:
                sentence = _sentence_of(starts, span.start)
                next_starts = [s for s in starts if s > span.start]
                sentence_end = min(next_starts) if next_starts else len(text)
                later = [q.start for q in quoted if q.start >= span.end]
                after_end = min([sentence_end, *later]) if later else sentence_end
                earlier = [q.end for q in quoted if q.end <= span.start and q.end > sentence]
                before_start = max([sentence, *earlier])
                lead = text[max(sentence, span.start - 40) : span.start].casefold()
                who = None
                if any(re.search(rf"\b{re.escape(t)}\s*$", lead) for t in self.term_markers):
                    quote = Quote(span.text, "term", None, None, p.id, span.start)
                    quotes.append(quote)
                    continue
                who = self._after(number, text, span, after_end, quoted) or self._before(
                    number, text, span, before_start, quoted
                )
                opening = self._according(number, text, sentence, sentence + 80)
                if opening and text[sentence:].casefold().startswith(tuple(self.according)):
                    who = opening
                if who is None and previous is not None and previous.kind == "speech":
                    who = Who(previous.speaker, previous.speaker_label or "")
                if who is None:
                    who = self._according(number, text, 0, span.start)
                words = len(span.text.split())
                noun_phrase = re.search(r"\b(?:a|an|the|unnamed|anonymous)\s*$", text[: span.start], re.I)
                if who is None and (words <= TERM_WORDS or (noun_phrase and words <= TERM_MAX_WORDS)):
                    quote = Quote(span.text, "term", None, None, p.id, span.start)
                elif who is None:
                    quote = Quote(span.text, "speech", None, None, p.id, span.start)
                else:
                    quote = Quote(span.text, "speech", who.actor, who.label or None, p.id, span.start)
                quotes.append(quote)
                if quote.kind == "speech":
                    previous = quote
        return tuple(_drop_repeats(quotes))


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
    paragraphs, mentions, actors, attribution, kinds: dict[str, str] | None = None
) -> tuple[Quote, ...]:
    """``kinds``: what names not in actors.yml are known to be (see names.discovered_mentions)."""
    return Reader(paragraphs, mentions, actors, attribution, kinds or {}).read()
