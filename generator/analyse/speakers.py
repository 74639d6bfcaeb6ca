"""Analyse stage: who said each quotation, or "not attributed" when the text does not make it sure.

For each quoted span, in order (the first rule that finds a speaker wins):

1. the attribution right after it in the same sentence: “…,” Cabello said / “…,” said Richard N. Haass /
   “…”, a senior administration official said / “…,” he said;
2. a speech verb before it in the same sentence: the speaker is the *agent of that verb*, the person, body,
   pronoun or description right before it ("Sen. John Hill, …, Moss said that “…”" is Moss's; "the ire of
   Justice Scalia, who said “…”" is Scalia's), or, when none stands there, the subject opening the clause;
   a participle ("…, the official said, adding that the city “will not…”") belongs to the agent of the
   verb before it in the sentence, else to the clause's subject;
3. "According to X," opening the sentence;
4. the quotation it continues: an earlier one in the same sentence or paragraph with no other speaker named
   between (a quotation split by its attribution), or the last one of the paragraph before when that one
   was left open at the paragraph's end (the newspaper convention for a quotation running on);
5. "according to X" earlier in the paragraph.

Pronouns (he, she; it for bodies) go to the nearest earlier sentence's referent, preferring the agent of a
speech verb in it, then its subject, skipping names whose kind or gender does not agree; a pronoun opening
that sentence is resolved first, so chains hold ("He said … “…,” he said"). Definite descriptions ("the chief
justice", "the senator") go to the nearest person the text gave that title or appositive; a description
whose head is an anonymous noun ("a spokeswoman for Mr. Hale", "the official") stays anonymous, never the
name inside it. When nothing is sure the quotation is not attributed, and `check` lists it.
"""

from __future__ import annotations

import bisect
import re

from ..model import Quote
from .quotes import TERM_MAX_WORDS, TERM_WORDS, Span
from .references import UNSURE, References, Who

PARTICIPLE = re.compile(r"\w+ing\b")
WINDOW = 400  # characters before a speech verb read for its agent (a bound that keeps the scan linear)
POSTS_BACK = 50  # earlier statements an embedded post is compared with


def _plain(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).strip(" .,;:!?\"'")


# Words that may stand between a subject and its speech verb ("Moss also said", "Rand later issued").
BETWEEN = re.compile(
    r"(?:\s*,?\s+(?:\w+ly|also|later|then|again|first|once|still|has|have|had|was|is|were|would|will|did|"
    r"does|do|not|never|on\s+[A-Z]\w*day|[A-Z]\w*day|in\s+(?:a|an|the|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?))+\s*$"
)
APPOSITION = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?"
    r"(?:,\s+(?:a|an|the|[a-z0-9])[^,;:]{0,80},?)?\s*"
)


class Reader(References):
    """Attribution over one article: remembers speakers and subjects across paragraphs for pronouns."""

    def _agent(
        self, number: int, start: int, verb_at: int, quoted: tuple[Span, ...], resolve: bool = True
    ) -> Who | None:
        """Who does what the verb at verb_at says: the reference right before it, else the clause's subject."""
        p = self.paragraphs[number]
        text = p.text
        start = max(start, verb_at - WINDOW)
        phrase = text[start:verb_at]
        trimmed = BETWEEN.sub("", phrase).rstrip().rstrip(",").rstrip()
        relative = re.search(r",?\s+(?:who|which)$", trimmed)
        if relative:
            trimmed = trimmed[: relative.start()]
        end = start + len(trimmed)
        last = re.search(r"(\w+)$", trimmed)
        if last and last.group(1).casefold() in self.pronouns and not relative:
            if not resolve:
                return None
            found = self._resolve(number, start + last.start(1), last.group(1))
            return Who(found.actor, last.group(1)) if found and found.actor else None
        described = self._description(number, trimmed, start + len(trimmed))
        candidates = [
            m for m in self._mentions_in(p.id, start, end) if self._outside(m, quoted) and m.end <= end
        ]
        # Between a name and its verb may stand a party and state, a place, an appositive:
        # "Sen. Ann Lee (R-Neb.)", "Evo Morales of Bolivia, a longtime ally of Maduro, who", "Cruz, a senator, said".
        matches = []
        for m in reversed(candidates):
            # "the ire of Justice Scalia who said": a relative pronoun's antecedent may follow a preposition.
            free = self._free(text, start, m) or (relative and not self._possessive(text, m))
            if re.fullmatch(APPOSITION, text[m.end : end]) and free:
                matches.append(m)
        if matches:
            # "Evo Morales of Bolivia, an ally of Maduro, who said": after a comma, "who" is the head's.
            heads = [m for m in matches if "," in text[m.end : end] and self._free(text, start, m)]
            chosen = heads[-1] if relative and relative.group().startswith(",") and heads else matches[0]
            return Who(chosen.actor, chosen.text)
        if described:
            return described
        if PARTICIPLE.match(text, verb_at) and not re.search(
            r"\bby\s+$", text[max(0, verb_at - 6) : verb_at]
        ):
            return None  # a participle with no agent of its own: see _participle ("by admitting" is the subject's)
        # The subject opening the clause, when little stands before it ("On Monday, X told …") and no other
        # clause begins between it and the verb ("X wants … for what authorities there called").
        subject = self._opening_subject(number, start, end)
        return Who(subject.actor, subject.text) if subject else None

    def _participle(self, number: int, sentence: int, verb_at: int, quoted: tuple[Span, ...]) -> Who | None:
        """ "…, the official said, adding that …": the agent of the speech verb before it, else the subject."""
        text = self.paragraphs[number].text
        for verb in reversed(list(self.verb_re.finditer(text, sentence, verb_at))):
            if self._quoted_at(quoted, verb.start()) or PARTICIPLE.match(verb.group()):
                continue
            who = self._agent(number, sentence, verb.start(), quoted)
            if who:
                return who
        first = bisect.bisect_left([q.start for q in quoted], sentence)
        for q in quoted[first:]:  # “…,” X said, adding “…”
            if q.end > verb_at:
                break
            if sentence <= q.start:
                found = self._after(number, q, verb_at, quoted)
                if found and found is not UNSURE:
                    return found
        if text[max(0, verb_at - 8) : verb_at].rstrip().endswith(","):
            # "X turned down the invitation …, saying": the clause's subject, when it opens the sentence.
            subject = self._opening_subject(number, sentence, verb_at, verb=False)
            return Who(subject.actor, subject.text) if subject else None
        # "remarks by President Trump saying …": the participle describes the name right before it.
        nearest = [
            m
            for m in self._mentions_in(self.paragraphs[number].id, sentence, verb_at)
            if self._outside(m, quoted)
        ]
        return Who(nearest[-1].actor, nearest[-1].text) if nearest else None

    # -- the rules, in order
    def _after(self, number: int, span: Span, end: int, quoted: tuple[Span, ...]) -> Who | None:
        text = self.paragraphs[number].text
        m = re.match(r"^[\s,]*", text[span.end : end])
        rest_at = span.end + m.end()
        rest = text[rest_at:end]
        verb = self.verb_re.match(rest)
        if verb:  # “…,” said X
            at = rest_at + verb.end()
            after = text[at:end]
            named = self._mentions_in(self.paragraphs[number].id, at, end)
            if named and text[at : named[0].start].strip() == "":
                return Who(named[0].actor, named[0].text)
            pron = re.match(r"\s+(\w+)\b", after)
            if pron and pron.group(1).casefold() in self.pronouns:
                found = self._resolve(number, at, pron.group(1))
                return Who(found.actor, pron.group(1)) if found and found.actor else None
            phrase = re.match(r"\s+([^,.;:]{1,80})", after)
            if phrase:
                return self._description(number, phrase.group(1), at)
            return None
        verb = self.verb_re.search(rest)
        if not verb or len(rest[: verb.start()].split()) > 8:
            return None
        if re.match(r"(?:and|while|but|whereas|as)\b", rest, re.I):
            return None  # “Shame,” and the daily said “…”: that verb is the next quotation's
        # “…,” the Canadian PM said: the text says who, in words this reader cannot resolve: not someone else.
        return self._agent(number, rest_at, rest_at + verb.start(), quoted) or UNSURE

    def _before(
        self, number: int, span: Span, start: int, sentence: int, quoted: tuple[Span, ...]
    ) -> Who | None:
        text = self.paragraphs[number].text
        verbs = [
            v
            for v in self.verb_re.finditer(text, start, span.start)
            if not self._quoted_at(quoted, v.start())
        ]
        if not verbs:
            return None
        verb = verbs[-1]
        named = self._mentions_in(self.paragraphs[number].id, verb.end(), span.start)
        if (  # "Her comments, said Josh Earnest, …, are “…”": the subject after the verb, set off by commas
            named
            and text[max(0, verb.start() - 8) : verb.start()].rstrip().endswith(",")
            and text[verb.end() : named[0].start].strip() == ""
            and self._outside(named[0], quoted)
            and re.compile(r"\s*[,.;]").match(text, named[0].end)
        ):
            return Who(named[0].actor, named[0].text)
        if PARTICIPLE.match(verb.group()) and not re.search(
            r"\bby\s+$", text[max(0, verb.start() - 10) : verb.start()]
        ):
            return self._participle(number, sentence, verb.start(), quoted)
        return self._agent(number, start, verb.start(), quoted)

    def _according(self, number: int, start: int, end: int) -> Who | None:
        text = self.paragraphs[number].text
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

    def _title_of_work(self, text: str, span: Span) -> bool:
        """ "told CBS’ “Face the Nation”", "on the “Charlie Rose” show": a name in title case after a
        preposition, a possessive or "the" is the title of a programme or work, not a statement."""
        words = re.findall(r"[\w’'-]+", span.text)
        if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
            return False
        if not all(w[:1].isupper() for w in words if len(w) > 4):  # short words may be lower case
            return False
        before = re.search(r"([\w’'-]+)\s*$", text[max(0, span.start - 30) : span.start])
        word = before.group(1).casefold() if before else ""
        return word in self.prepositions or word in ("the", "on") or word.endswith(("’s", "'s", "s’", "s'"))

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
            who = self._agent(number, start, verb.start(), quoted)
            if who and who.actor != speaker:
                return True
        return False

    def _post(self, p, quotes: list[Quote]) -> Quote | None:
        """A paragraph without quotation marks that repeats an earlier statement is an embedded post kept for
        its other sentences (cleaning's repeated-quote, new_words): all of it is that speaker's."""
        text = _plain(p.text)
        for q in reversed(quotes[-POSTS_BACK:]):
            said = q.kind == "speech" and (q.speaker or q.speaker_label) and len(q.text.split()) >= 6
            if said and _plain(q.text) in text:
                return Quote(p.text, "speech", q.speaker, q.speaker_label, p.id, 0)
        return None

    def read(self) -> list[Quote]:
        quotes: list[Quote] = []
        carried: Quote | None = None  # a quotation left open at the end of the paragraph before
        last_said: Who | None = (
            None  # the speaker of a quotation in the last sentence of the paragraph before
        )
        for number, p in enumerate(self.paragraphs):
            text = p.text
            quoted, starts = self._structure(number)
            previous: Quote | None = None
            length = len(text.rstrip())
            for index, span in enumerate(quoted):
                at = bisect.bisect_right(starts, span.start)
                sentence = starts[at - 1]
                sentence_end = starts[at] if at < len(starts) else len(text)
                after_end = (
                    min(sentence_end, quoted[index + 1].start) if index + 1 < len(quoted) else sentence_end
                )
                after_end = min(after_end, span.end + WINDOW)
                before_start = max(sentence, quoted[index - 1].end if index else 0, span.start - 2 * WINDOW)
                lead = text[max(sentence, span.start - 40) : span.start].casefold()
                if any(
                    re.search(rf"\b{re.escape(t)}\s*$", lead) for t in self.term_markers
                ) or self._title_of_work(text, span):
                    quotes.append(Quote(span.text, "term", None, None, p.id, span.start))
                    continue
                who = self._after(number, span, after_end, quoted) or self._before(
                    number, span, before_start, sentence, quoted
                )
                unsure = who is UNSURE
                if unsure:
                    who = None
                opening = self._according(number, sentence, sentence + 80)
                if opening and text[sentence : sentence + 40].casefold().startswith(tuple(self.according)):
                    who = opening
                if (
                    who is None
                    and not unsure
                    and previous is not None
                    and previous.kind == "speech"
                    and (previous.speaker or previous.speaker_label)
                    and not self._other_speaker_between(
                        number, previous.start + len(previous.text) + 1, span.start, previous.speaker
                    )
                ):
                    who = Who(previous.speaker, previous.speaker_label or "")
                if who is None and not unsure and carried is not None and span.start == 0:
                    who = Who(carried.speaker, carried.speaker_label or "")
                if who is None and span.start == 0 and span.end >= length and last_said is not None:
                    who = last_said  # a paragraph that is only a quotation goes on with the one just quoted
                if who is None:  # "According to the Times, …" opening an earlier sentence of the paragraph
                    who = self._according(number, sentence, span.start) or next(
                        (
                            self._according(number, s, s + 80)
                            for s in reversed(starts)
                            if s < sentence and text[s : s + 40].casefold().startswith(tuple(self.according))
                        ),
                        None,
                    )
                words = len(span.text.split())
                noun_phrase = re.search(
                    r"\b(?:a|an|the|unnamed|anonymous)\s*$", text[max(0, span.start - 12) : span.start], re.I
                )
                if who is None and (words <= TERM_WORDS or (noun_phrase and words <= TERM_MAX_WORDS)):
                    quote = Quote(span.text, "term", None, None, p.id, span.start)
                elif who is None:
                    quote = Quote(span.text, "speech", None, None, p.id, span.start)
                else:
                    quote = Quote(span.text, "speech", who.actor, who.label or None, p.id, span.start)
                quotes.append(quote)
                if quote.kind == "speech":
                    previous = quote
                    if quote.speaker:
                        self.said.setdefault(p.id, []).append(
                            (span.start, Who(quote.speaker, quote.speaker_label or ""))
                        )
            if not quoted:
                post = self._post(p, quotes)
                if post is not None:
                    quotes.append(post)
            last = quoted[-1] if quoted else None
            ending = starts[-1] if starts else 0
            last_said = (
                Who(previous.speaker, previous.speaker_label or "")
                if previous is not None and previous.speaker and previous.start >= ending
                else None
            )
            open_at_end = (
                last is not None and last.end == len(text) and not text.rstrip().endswith(("”", '"'))
            )
            carried = (
                previous if open_at_end and previous is not None and previous.start == last.start else None
            )
        return quotes
