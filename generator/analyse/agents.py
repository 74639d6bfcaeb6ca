"""Analyse stage, for speakers: the agent of a speech verb, the one who does what it says.

``Agents`` builds on ``references.References`` (pronouns, descriptions, subjects) and answers, for a speech
verb at an offset of a paragraph: the reference right before it ("Sen. John Hill, …, Moss said" is Moss's;
"the ire of Justice Scalia, who said" is Scalia's), else the subject opening its clause; for a participle
("…, the official said, adding that …") the agent of the verb before it, else the clause's subject; for a
coordinated verb ("… but at the same time acknowledged", "“…,” but cautioned") the subject or agent it shares.
Two names joined as one subject ("Ford and Fry replied") are no one speaker: ``UNSURE``. ``speakers.Reader``
uses these answers with its rules for where an attribution stands.
"""

from __future__ import annotations

import bisect
import re

from .quotes import Span
from .references import UNSURE, References, Who

PARTICIPLE = re.compile(r"\w+ing\b")
WINDOW = 400  # characters before a speech verb read for its agent (a bound that keeps the scan linear)
# Words that may stand between a subject and its speech verb ("Moss also said", "Rand later issued").
BETWEEN = re.compile(
    r"(?:\s*,?\s+(?:[a-z]\w*ly|also|later|then|again|first|once|still|has|have|had|was|is|were|would|will|did|"
    r"does|do|not|never|on\s+[A-Z]\w*day|[A-Z]\w*day|in\s+(?:a|an|the|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?))+\s*$"
)
# A verb after "and" / "but" and at most an adverbial, with no subject of its own ("…, and in a combative
# exchange, told", "-- but at the same time acknowledged").
COORDINATED = re.compile(
    r"(?:^|[\s,;—–-])(?:and|but|yet)(?:\s+(?:(?:at|in|on|during|after|before|with|for|by|over|under)\s"
    r"[^,;:“”\"]{1,40}?,?|[a-z]\w*ly|then|also|later|again|still|soon))?$"
)
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")  # "after the ruling was issued"
CLAUSE_OPENER = re.compile(r"\b(?:as|while|when|after|because|since|and|but|that|before|until)\s+")
CLAUSE_BEFORE = re.compile(r"(?:,|\b(?:as|while|when|after|because|since|and|but|that|before|until))\s*$")
APPOSITION = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?"
    r"(?:,\s+[RDI]-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?)?"  # "Sen. Ann Lee, R-Texas, said"
    r"(?:,\s+(?:a|an|the|[a-z0-9])[^,;:]{0,120},?)?"
    r"(?:,\s+who\s[^;:]{1,150})?\s*"  # "Ann Lee, who on Monday unveiled her plan, said"
)


class Agents(References):
    """Who does what a speech verb says (see the module docstring); ``_after`` is speakers.Reader's."""

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
            # "Ann Lee, who met Tom Hale, said": the name the others are set off from by commas is the head.
            # The appositive is closed by a comma before the verb (or before "who"): "Iceberg Passages, after
            # the novelist Jo Walton explained" is no appositive of the first name, Walton explained.
            heads = [m for m in matches if "," in text[m.end : end] and self._free(text, start, m)]
            closed = (
                relative.group().startswith(",")
                if relative
                else BETWEEN.sub("", phrase).rstrip().endswith(",")
            )
            chosen = heads[-1] if heads and closed else matches[0]
            if self._coordinated(text, chosen):
                return UNSURE  # "Ford and Fry replied that “…”": two speakers, not one
            return Who(chosen.actor, chosen.text)
        if described:
            return described
        if PARTICIPLE.match(text, verb_at) and not re.search(
            r"\bby\s+$", text[max(0, verb_at - 6) : verb_at]
        ):
            return None  # a participle with no agent of its own: see _participle ("by admitting" is the subject's)
        # The subject opening the clause, when little stands before it ("On Monday, X told …") and no other
        # clause begins between it and the verb ("X wants … for what authorities there called").
        coordinated = COORDINATED.search(trimmed)
        if coordinated:
            # "The AARP pushed back … but at the same time acknowledged “…”": a second verb of the same subject.
            subject = self._opening_subject(number, start, start + coordinated.start(), verb=False)
            if subject and self._coordinated(text, subject):
                return UNSURE
            if subject is None:  # "She didn’t give a date …, but said …": the pronoun opening the sentence
                lead = re.match(r"\W*(\w+)\b", text[start:verb_at])
                if lead and lead.group(1).casefold() in self.pronouns and resolve:
                    found = self._resolve(number, start + lead.start(1), lead.group(1))
                    return Who(found.actor, lead.group(1)) if found and found.actor else UNSURE
            return Who(subject.actor, subject.text) if subject else None
        subject = self._opening_subject(number, start, end)
        if subject and self._coordinated(text, subject):
            return UNSURE  # "Dale and Martha disputed that …, saying": two speakers, not one
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
        first = bisect.bisect_left(self._bounds(quoted)[0], sentence)
        for q in quoted[first:]:  # “…,” X said, adding “…”
            if q.end > verb_at:
                break
            if sentence <= q.start:
                found = self._after(number, q, verb_at, quoted)
                if found and found is not UNSURE:
                    return found
        if text[max(0, verb_at - 8) : verb_at].rstrip().endswith(","):
            # "X turned down the invitation …, saying": the clause's subject, when it opens the sentence; else
            # the subject of the nearest clause ("… came as X turned down …, saying"); else a description
            # opening the sentence ("Dozens of protesters gathered …, chanting").
            subject = self._opening_subject(number, sentence, verb_at, verb=False)
            if subject:
                return UNSURE if self._coordinated(text, subject) else Who(subject.actor, subject.text)
            return self._clause_subject(number, sentence, verb_at, quoted) or self._opening_description(
                number, sentence, verb_at
            )
        # "remarks by President Trump saying …": the participle describes the name right before it.
        nearest = [
            m
            for m in self._mentions_in(self.paragraphs[number].id, sentence, verb_at)
            if self._outside(m, quoted)
        ]
        return Who(nearest[-1].actor, nearest[-1].text) if nearest else None

    def _clause_subject(
        self, number: int, sentence: int, verb_at: int, quoted: tuple[Span, ...]
    ) -> Who | None:
        """The name right after the last clause word before verb_at ("as X turned down …"), when no other
        person opens a clause between it and the verb."""
        text = self.paragraphs[number].text
        openers = list(CLAUSE_OPENER.finditer(text, max(sentence, verb_at - WINDOW), verb_at))
        if not openers:
            return None
        opener = openers[-1]
        named = [
            m
            for m in self._mentions_in(self.paragraphs[number].id, opener.end(), verb_at)
            if self._outside(m, quoted)
        ]
        if not named or named[0].start != opener.end() or self._possessive(text, named[0]):
            return None
        if self._coordinated(text, named[0]):
            return UNSURE
        # Another person opening a clause of its own between ("as X met Y, and Z left, saying"): not sure.
        if any(
            m.actor != named[0].actor
            and self._kind_of(m.actor) != "organisation"
            and CLAUSE_BEFORE.search(text, max(0, m.start - 12), m.start)
            for m in named[1:]
        ):
            return None
        return Who(named[0].actor, named[0].text)

    def _opening_description(self, number: int, sentence: int, limit: int) -> Who | None:
        """A description opening the sentence ("Dozens of hard-liners later gathered …"), of up to six words."""
        words = list(re.finditer(r"[\w’'.-]+", self.paragraphs[number].text[sentence:limit]))[:6]
        for k in range(2, len(words) + 1):
            phrase = self.paragraphs[number].text[sentence : sentence + words[k - 1].end()]
            found = self._description(number, phrase, sentence + len(phrase))
            if found:
                return found
        return None

    def _inverted(self, number: int, at: int, end: int) -> Who | None:
        """The agent after a speech verb ("said Jack Lew", "said the official"), or None."""
        text = self.paragraphs[number].text
        named = self._mentions_in(self.paragraphs[number].id, at, end)
        if named and not text[at : named[0].start].strip():
            return Who(named[0].actor, named[0].text)
        phrase = re.match(r"\s+([^,.;:“”\"]{1,80})", text[at:end])
        if not phrase:
            return None
        word = phrase.group(1).split()[0]
        if word.casefold() in self.pronouns:
            return self._resolve(number, at, word)
        return self._description(number, phrase.group(1), at + phrase.end(1))

    def _coordinated_after_quote(
        self, number: int, sentence: int, start: int, verb_at: int, quoted: tuple[Span, ...]
    ) -> Who | None:
        """ "He describes them as “exciting,” but cautions that “…”", "Volker said he never used the term “…”
        and added, “…”": a verb after "and" / "but" with no subject of its own, right after a quotation, is
        done by the agent of the speech verb before in the sentence, when nobody else is named between."""
        text = self.paragraphs[number].text
        trimmed = BETWEEN.sub("", text[start:verb_at]).rstrip().rstrip(",").rstrip()
        joined = COORDINATED.search(trimmed)
        if not joined or trimmed[: joined.start()].strip(" ,”’\"'"):
            return None  # only the quotation's closing mark and "and" / "but" stand between
        verbs = [
            v for v in self.verb_re.finditer(text, sentence, start) if not self._quoted_at(quoted, v.start())
        ]
        if not verbs or PARTICIPLE.match(verbs[-1].group()):
            return None
        who = self._agent(number, sentence, verbs[-1].start(), quoted)
        if not who or who is UNSURE or not who.actor:
            return None
        between = self._mentions_in(self.paragraphs[number].id, verbs[-1].end(), verb_at)
        if any(m.actor != who.actor and self._outside(m, quoted) for m in between):
            return None
        return who
