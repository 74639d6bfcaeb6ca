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

The agent of a speech verb is ``agents.Agents``'s answer; quotations that go on with a speaker named in
another sentence or paragraph (rule 4 and the run-on, block-quotation and heading cases) are
``continuation.Continuations``'s. This module holds where an attribution stands and the reading order.
"""

from __future__ import annotations

import bisect
import re

from ..model import Quote
from .agents import PARTICIPLE, WINDOW
from .continuation import Continuations, echoes
from .quotes import TERM_MAX_WORDS, TERM_WORDS, Span
from .references import UNSURE, Who

# A quotation that ends its clause: punctuation inside its marks (“…,” / “…?”) or right after them (“…”, / “…” —).
QUOTE_ENDS = re.compile(r"[,.?!…;:—–-][’'\"]?\s*$")
PUNCTUATION_AFTER = re.compile(r"\s*[,;:—–]|\s+-+\s")
# An appositive set off by commas ("Ann Lee, the Republican chairman of the committee, said"): not counted
# among the words between a quotation and its attribution.
APPOSITIVE = re.compile(r",\s+(?:a|an|the|[a-z0-9])[^,;:]{0,100},")
# Words that make what follows a speech verb a clause of its own ("Lee said he regretted it").
OWN_CLAUSE = re.compile(
    r"\b(?:that|he|she|it|they|we|I|you|his|her|their|its|this|there|and|but|because|if)\b"
)
# What may follow a name in a heading before a colon ("Lee on the budget:", "Lee with a rebuke of Hale:").
LABEL_TAIL = re.compile(r"\s+(?:on|with|about|to|in|at|after|before|for|against)\b")


class Reader(Continuations):
    """Attribution over one article: remembers speakers and subjects across paragraphs for pronouns."""

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
                return self._description(number, phrase.group(1), at + phrase.end(1))
            return None
        if not (QUOTE_ENDS.search(span.text) or PUNCTUATION_AFTER.match(text, span.end)):
            # “…” inside a clause (a “destructive” force in …, adding …): a verb later in it is not this
            # quotation's attribution.
            return None
        verb = self.verb_re.search(rest)
        if not verb or len(APPOSITIVE.sub(" ", rest[: verb.start()]).split()) > 8:
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
        who = self._agent(number, start, verb.start(), quoted)
        if who is None and start > sentence:
            who = self._coordinated_after_quote(number, sentence, start, verb.start(), quoted)
        return who

    def _own_sentence(
        self, number: int, span: Span, at: int, starts: list[int], quoted: tuple[Span, ...]
    ) -> Who | None:
        """“…?” Justice Lee asked. — the sentence after a quotation that ends its own sentence, when all it says
        is who spoke (a name, pronoun or description, a speech verb, a few words of place or time)."""
        text = self.paragraphs[number].text
        if at >= len(starts) or not QUOTE_ENDS.search(span.text) or text[span.end : starts[at]].strip():
            return None
        begin = starts[at]
        end = starts[at + 1] if at + 1 < len(starts) else len(text)
        following = bisect.bisect_left(self._bounds(quoted)[0], begin)
        if following < len(quoted) and quoted[following].start < end:
            return None  # a sentence with a quotation of its own
        verb = self.verb_re.search(text, begin, end)
        if not verb or not 1 <= len(text[begin : verb.start()].split()) <= 6:
            return None
        tail = text[verb.end() : end].strip()
        if len(tail.split()) > 6 or not tail.endswith((".", "!")) or OWN_CLAUSE.search(tail):
            return None  # "Lee said he regretted it.": a statement of its own, not an attribution
        who = self._agent(number, begin, verb.start(), quoted)
        return who if who and who is not UNSURE else None

    def _label(self, number: int, span: Span, sentence: int, quoted: tuple[Span, ...]) -> Who | None:
        """'Sen. Ann Lee: “…”', 'LEE: “…”', 'Lee on the budget: “…”': a sentence that opens with a name and a
        colon gives what follows to that name (transcripts, live blogs, posts, their headings)."""
        text = self.paragraphs[number].text
        colon = text.find(":", sentence, span.start)
        if (
            colon == -1
            or len(text[sentence:colon].split()) > 12
            or self.verb_re.search(text, sentence, colon)
        ):
            return None
        first = bisect.bisect_left(self._bounds(quoted)[0], sentence)
        if first < len(quoted) and quoted[first].start < colon:
            return None  # a quotation before the colon: not a label
        named = [
            m
            for m in self._mentions_in(self.paragraphs[number].id, sentence, colon)
            if not self._possessive(text, m)
        ]
        if not named:
            return None
        last = named[-1]  # "FDA head Hahn:", "Sen. Ann Lee (R-Neb.):"
        if (
            re.fullmatch(r"\s*(?:\([^)]{1,30}\))?\s*", text[last.end : colon])
            and len(text[sentence : last.start].split()) <= 3
        ):
            return Who(last.actor, last.text)
        head = named[0]  # "Lee with a rebuke of the mayor:"
        if not text[sentence : head.start].strip(" \t\"“‘'") and LABEL_TAIL.match(text, head.end):
            return Who(head.actor, head.text)
        return None

    def _closing(
        self, number: int, span: Span, sentence: int, end: int, quoted: tuple[Span, ...]
    ) -> Who | None:
        """ "… failed for want of a “second opinion” and had ten seconds, he said.": an attribution closing the
        sentence, after a comma, is every quotation's in it that has none of its own. Its pronoun refers to
        someone before the sentence: what the sentence reports is not who reports it."""
        text = self.paragraphs[number].text
        comma = text.rfind(",", span.end, end)
        if comma == -1 or self._quoted_at(quoted, comma):
            return None
        verb = self.verb_re.search(text, comma, end)
        if not verb or not 1 <= len(text[comma + 1 : verb.start()].split()) <= 6:
            return None
        if self.verb_re.search(text, span.end, comma):
            return None  # another speech verb between: the closing attribution may be its clause's
        tail = text[verb.end() : end].strip()
        if len(tail.split()) > 5 or not tail.endswith((".", "!")) or OWN_CLAUSE.search(tail):
            return None
        pronoun = text[comma + 1 : verb.start()].strip()
        if pronoun.casefold() in self.pronouns:
            found = self._resolve(number, sentence, pronoun)
            return Who(found.actor, pronoun) if found and found.actor else None
        who = self._agent(number, comma + 1, verb.start(), quoted)
        return who if who and who is not UNSURE else None

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
        """ "told CBS’ “Face the Nation”", "on the “Charlie Rose” show", "the program “Charlie Rose”": a name in
        title case after a preposition, a possessive, "the" or one of ``title_nouns`` is the title of a
        programme or work, not a statement."""
        words = re.findall(r"[\w’'-]+", span.text)
        before = re.search(r"([\w’'-]+)[\s,—–-]*$", text[max(0, span.start - 30) : span.start])
        word = before.group(1).casefold() if before else ""
        # A title named by its noun may be long ("the theme of the hearing — “Safely Getting Back to Work
        # and Back to School”"); without one, a long quotation in title case is more likely a statement.
        longest = 14 if word in self.title_nouns else 8
        if not 1 <= len(words) <= longest or not words[0][:1].isupper():
            return False
        if not all(w[:1].isupper() for w in words if len(w) > 4):  # short words may be lower case
            return False
        if word in self.title_nouns:  # "the PBS program “Charlie Rose”", "the theme of the hearing — “…”"
            return True
        return word in self.prepositions or word in ("the", "on") or word.endswith(("’s", "'s", "s’", "s'"))

    def read(self) -> list[Quote]:
        quotes: list[Quote] = []
        carried: Quote | None = None  # a quotation left open at the end of the paragraph before
        last_said: Who | None = (
            None  # the speaker of a quotation in the last sentence of the paragraph before
        )
        introduced: Who | None = None  # "He writes:" ending the paragraph before: a block quotation follows
        doubtful: set[tuple[str, int]] = set()  # quotations whose attribution the reader could not resolve
        for number, p in enumerate(self.paragraphs):
            text = p.text
            quoted, starts = self._structure(number)
            previous: Quote | None = None
            block = introduced if introduced and not self._speaks(number, quoted) else None
            resumed = self._resumed(text, quoted) if carried is not None else None
            if resumed is not None:  # it goes on with the quotation left open at the paragraph before
                quotes.append(
                    Quote(text[:resumed], "speech", carried.speaker, carried.speaker_label, p.id, 0)
                )
                previous = quotes[-1]
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
                if who is None:
                    who = (
                        self._own_sentence(number, span, at, starts, quoted)
                        or self._label(number, span, sentence, quoted)
                        or self._closing(number, span, sentence, sentence_end, quoted)
                    )
                unsure = who is UNSURE
                if unsure:
                    who = None
                    doubtful.add((p.id, span.start))
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
                if who is None and not unsure and previous is None and at >= 2 and span.start == sentence:
                    who = self._reported_before(number, span, starts[at - 2], quoted)
                if who is None and not unsure and carried is not None and span.start == 0:
                    who = Who(carried.speaker, carried.speaker_label or "")
                if who is None and span.start == 0 and span.end >= length and last_said is not None:
                    who = last_said  # a paragraph that is only a quotation goes on with the one just quoted
                if (
                    who is None
                    and not unsure
                    and index == 0
                    and last_said is not None
                    and len(span.text.split()) > TERM_WORDS
                    and not self._names_anyone(number, quoted)
                ):
                    # "As a result, the nation’s efforts … should be “focused on …”" after a paragraph that ends
                    # quoting Fauci: a paragraph that names nobody and reports no speech goes on with him.
                    who = last_said
                if who is None and not unsure and block is not None:
                    who = block  # a quotation inside the block quotation is its speaker's (quoting someone)
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
            if not quoted and resumed is None:
                post = self._post(p, quotes)
                if post is not None:
                    quotes.append(post)
            introduced = self._introduces(number, quoted, starts)
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
        return echoes(quotes, doubtful)
