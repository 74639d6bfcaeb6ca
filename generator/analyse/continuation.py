"""Analyse stage, for speakers: quotations that go on with a speaker named elsewhere.

Continuations over paragraphs: another speaker between two quotations ends one; a quotation opening its
sentence after one that reports someone's speech, a paragraph with only a closing mark after a quotation left
open, the marked phrases of a block quotation introduced by "He writes:", a paragraph that names nobody after
one that ended quoting someone, an embedded post repeating a statement, and a heading that echoes an attributed
quotation (``echoes``) go on with that speaker. ``speakers.Reader`` applies them after its sentence rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Quote
from .agents import PARTICIPLE, PASSIVE, WINDOW, Agents
from .quotes import Span
from .references import UNSURE, Who

POSTS_BACK = 50  # earlier statements an embedded post is compared with
ECHO_WORDS = 4  # a quotation this long found inside another attributed one is that speaker's


def _plain(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).strip(" .,;:!?\"'")


def echoes(quotes: list[Quote], doubtful: set[tuple[str, int]]) -> list[Quote]:
    """A heading or teaser that repeats words of a quotation the article attributes ("CDC director: ‘not out of
    the woods yet’" before "“… we’re not out of the woods yet,” Redfield said") is that speaker's, when every
    quotation near it that holds those words has one speaker. Looks POSTS_BACK quotations either way. Not a
    quotation with an attribution of its own the reader could not resolve (``doubtful``: "After hitting “Takin’
    It to the Streets,” the singer told …" is no echo of a later speaker's words)."""
    plain = [_plain(q.text).replace("...", "…") for q in quotes]
    out = list(quotes)
    for i, q in enumerate(quotes):
        if q.kind != "speech" or q.speaker or q.speaker_label or len(plain[i].split()) < ECHO_WORDS:
            continue
        if (q.paragraph, q.start) in doubtful:
            continue
        low = max(0, i - POSTS_BACK)
        holders = [
            o
            for j, o in enumerate(quotes[low : i + POSTS_BACK], low)
            if j != i and o.kind == "speech" and (o.speaker or o.speaker_label) and plain[i] in plain[j]
        ]
        # One speaker: the same actor, or (anonymous) the same description.
        if (
            holders
            and len({o.speaker or "" for o in holders}) == 1
            and (holders[0].speaker or len({o.speaker_label for o in holders}) == 1)
        ):
            out[i] = replace(q, speaker=holders[0].speaker, speaker_label=holders[0].speaker_label)
    return out


class Continuations(Agents):
    """Quotations that go on with a speaker (see the module docstring); ``_before`` is speakers.Reader's."""

    def _other_speaker_between(self, number: int, a: int, b: int, speaker: str | None) -> bool:
        """A speech verb between two quotations whose agent is someone else: the second is not a continuation."""
        quoted, starts = self._structure(number)
        text = self.paragraphs[number].text
        ends = [q.end for q in quoted]
        for verb in self.verb_re.finditer(text, a, b):
            if self._quoted_at(quoted, verb.start()):
                continue
            sentence = starts[bisect.bisect_right(starts, verb.start()) - 1]
            before = bisect.bisect_right(ends, verb.start())
            start = max(sentence, a, ends[before - 1] if before else 0)
            who = self._agent(number, start, verb.start(), quoted) or self._inverted(number, verb.end(), b)
            if who and who.actor != speaker:
                return True
            passive = PASSIVE.search(text, max(0, verb.start() - 30), verb.start())
            if not who and not PARTICIPLE.match(verb.group()) and not passive:
                return True  # "The army had said that “…”": someone the reader cannot name spoke between
        return False

    def _reported_before(self, number: int, span: Span, before: int, quoted: tuple[Span, ...]) -> Who | None:
        """ "Dukes walked out … saying she feels no anger. “Wal-Mart may be a big company …”" — a quotation
        opening its sentence, with no attribution of its own, right after a sentence that reports what someone
        said (a speech verb, no quotation of its own): it goes on with that speaker, when the reporting
        sentence names them for sure and nobody else is named between."""
        text = self.paragraphs[number].text
        before = max(before, span.start - 2 * WINDOW)  # a bound: linear time
        first = bisect.bisect_left(self._bounds(quoted)[0], before)
        if first < len(quoted) and quoted[first].start < span.start:
            return None  # the sentence before has a quotation: the continuation rule decides
        verbs = [
            v
            for v in self.verb_re.finditer(text, before, span.start)
            if not self._quoted_at(quoted, v.start())
        ]
        if not verbs:
            return None
        who = self._before(number, span, before, before, quoted)
        if not who or who is UNSURE or not who.actor:
            return None
        others = [
            m
            for m in self._mentions_in(self.paragraphs[number].id, verbs[-1].end(), span.start)
            if m.actor != who.actor
        ]
        return None if any(self._kind_of(m.actor) != "organisation" for m in others) else who

    def _introduces(self, number: int, quoted: tuple[Span, ...], starts: list[int]) -> Who | None:
        """ "Thomas argued the stays should be issued in full. He writes:" — a paragraph ending in a speech verb
        and a colon, with no quotation after it, introduces a block quotation: its speaker, when sure."""
        text = self.paragraphs[number].text.rstrip()
        if not text.endswith(":") or (quoted and quoted[-1].end >= len(text) - 1):
            return None
        sentence = starts[-1] if starts else 0
        verbs = [v for v in self.verb_re.finditer(text, sentence) if not self._quoted_at(quoted, v.start())]
        if not verbs or len(text[verbs[-1].end() : -1].split()) > 4:
            return None  # "He writes:", "Thomas wrote in his dissent:"
        who = self._agent(number, sentence, verbs[-1].start(), quoted)
        return who if who and who is not UNSURE and (who.actor or who.label) else None

    @staticmethod
    def _resumed(text: str, quoted: tuple[Span, ...]) -> int | None:
        """A paragraph after one whose quotation was left open that opens with no mark but has a closing one
        ("But they are not big enough … the greatest of us.\""): where the quotation's words end, or None."""
        limit = quoted[0].start if quoted else len(text)
        close = re.search(r"[^\s][”\"](?=\s|$)", text[:limit])
        if not close or (quoted and quoted[0].start == 0):
            return None
        return close.start() + 1

    def _names_anyone(self, number: int, quoted: tuple[Span, ...]) -> bool:
        """A person or body named outside quotation marks, or a speech verb: the paragraph may say who speaks
        in it, so it does not simply go on with the last speaker."""
        p = self.paragraphs[number]
        if any(self._outside(m, quoted) for m in self._mentions_in(p.id, 0, len(p.text))):
            return True
        return self._speaks(number, quoted)

    def _speaks(self, number: int, quoted: tuple[Span, ...]) -> bool:
        """A speech verb outside quotation marks: the paragraph attributes something itself."""
        text = self.paragraphs[number].text
        return any(not self._quoted_at(quoted, v.start()) for v in self.verb_re.finditer(text))

    def _post(self, p, quotes: list[Quote]) -> Quote | None:
        """A paragraph without quotation marks that repeats an earlier statement is an embedded post kept for
        its other sentences (cleaning's repeated-quote, new_words): all of it is that speaker's."""
        text = _plain(p.text)
        for q in reversed(quotes[-POSTS_BACK:]):
            said = q.kind == "speech" and (q.speaker or q.speaker_label) and len(q.text.split()) >= 6
            if said and _plain(q.text) in text:
                return Quote(p.text, "speech", q.speaker, q.speaker_label, p.id, 0)
        return None
