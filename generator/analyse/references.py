"""Analyse stage: what pronouns, surnames and descriptions refer to, for the speakers of quotations.

``References`` holds one article's paragraphs and names (mentions of actors.yml's actors and of names found in
the text) and answers: who is the subject of this clause, whom does this "he" or "she" stand for, whom does
"the chief justice" or "the court" describe. ``speakers.Reader`` builds on it. Every answer may be "not sure"
(None, or ``UNSURE`` to stop a search): a wrong referent gives a quotation to the wrong person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Actor, Attribution, Mention, Paragraph
from .quotes import Span, sentence_starts, spans, within

SENTENCES_BACK = (
    6  # sentences of one paragraph a pronoun looks back over (a bound: linear time, and nearness)
)
TITLED_BACK = 12  # paragraphs "the president" looks back over for the person titled so
BODY_NOUN_BACK = 4  # paragraphs "the report" looks back over for "a … Service report"
NAMES_BACK = 40  # names a description looks back over ("the senator": the nearest one titled so)
SUBORDINATE = re.compile(
    r"\W*(?:as|while|when|after|before|if|although|though|because|since|until|once|whereas|even though)\b",
    re.I,
)
# Words that open another clause: a subject before them is not the subject of a verb after them.
CLAUSE = re.compile(
    r"\b(?:that|what|which|who|whom|whose|when|where|while|because|if|as|after|before|since|until|and|but|or)\b",
    re.I,
)
COUNTS = ("one", "two", "three", "four", "five", "several", "some", "many", "other", "dozens", "hundreds")
COUNTS += ("thousands", "scores")
NUMBER_WORDS = rf"(?:a|an|the|{'|'.join(COUNTS)}|\d+)"
# A group the text counts or describes without a determiner ("protesters in the capital", "authorities there",
# "Demonstrators"), after the last clause word of the phrase: anonymous when its head is an anonymous noun.
BARE_GROUP = re.compile(
    r"(?:^|\b(?:what|that|as|when|while|where|and|but|which|who)\s+|[,;]\s*)"
    r"((?:[\w’'-]+\s+){0,2}?([A-Za-z][\w-]*s))"
    r"((?:\s+(?:in|at|from|outside|near|across|of|on)\s+[^,;]{1,60}?)?)(?:\s+(?:there|here))?\s*$"
)


@dataclass(frozen=True)
class Who:
    actor: str | None  # None: anonymous (label is the description)
    label: str


UNSURE = Who(None, "")  # a sentence whose speaker the text does not name: a pronoun after it is not resolved


class References:
    """Names, subjects and referents over one article (see the module docstring)."""

    def __init__(
        self,
        paragraphs: tuple[Paragraph, ...],
        mentions: tuple[Mention, ...],
        actors: tuple[Actor, ...],
        attribution: Attribution,
        kinds: dict[str, str] | None = None,
        genders: dict[str, str] | None = None,
    ):
        self.paragraphs = paragraphs
        self.by_paragraph: dict[str, list[Mention]] = {}
        for m in mentions:
            self.by_paragraph.setdefault(m.paragraph, []).append(m)
        for found in self.by_paragraph.values():
            found.sort(key=lambda m: m.start)
        self.mention_starts = {pid: [m.start for m in found] for pid, found in self.by_paragraph.items()}
        self.kind = {a.id: a.kind for a in actors} | (kinds or {})
        self.gender = genders or {}
        self.verbs = {v.casefold() for v in attribution.speech_verbs}
        self.pronouns = {k.casefold(): v for k, v in attribution.pronouns.items()}
        self.anonymous = {w.casefold() for w in attribution.anonymous_nouns}
        self.prepositions = {w.casefold() for w in attribution.prepositions}
        self.determiners = {w.casefold() for w in attribution.determiners}
        self.term_markers = [t.casefold() for t in attribution.term_markers]
        self.title_nouns = {t.casefold() for t in attribution.title_nouns}
        self.according = [a.casefold() for a in attribution.according_to]
        self.possessives = {k.casefold(): v.casefold() for k, v in attribution.possessive_pronouns.items()}
        self.titles = {t.casefold().rstrip(".") for t in attribution.titles}
        self.abbreviations = {t.casefold().rstrip(".") for t in attribution.titles if t.endswith(".")}
        verbs = "|".join(re.escape(v) for v in sorted(self.verbs, key=len, reverse=True)) or r"(?!x)x"
        # Case matters: "States" in "the United States" is a name, not the verb. After a determiner or a count
        # the word is a noun ("distributed to several states", "the reports said"); "that" and "this" stay out
        # ("a law that states").
        nouns = sorted({d for d in self.determiners if d not in ("this", "that")} | {*COUNTS, "all", "both"})
        after = "".join(rf"(?<!\b{w} )(?<!\b{w.capitalize()} )" for w in nouns)
        # After "of" only a gerund is a verb ("a flood of claims", but "accused him of saying").
        after += r"(?:(?<!\bof )|(?=\w+ing\b))"
        self.verb_re = re.compile(rf"\b(?<!\d )(?<!\d\d ){after}({verbs})\b")
        self.sentences: dict[str, tuple[tuple[Span, ...], list[int]]] = {}
        self.said: dict[str, list[tuple[int, Who]]] = {}  # paragraph → (quotation offset, its speaker)
        self.depth = 0
        self.bounds: dict[int, tuple[list[int], list[int]]] = {}

    # -- text structure
    def _structure(self, number: int) -> tuple[tuple[Span, ...], list[int]]:
        p = self.paragraphs[number]
        if p.id not in self.sentences:
            quoted = spans(p.text)
            self.sentences[p.id] = (quoted, sentence_starts(p.text, quoted))
        return self.sentences[p.id]

    def _mentions_in(self, pid: str, start: int, end: int) -> list[Mention]:
        found = self.by_paragraph.get(pid)
        if not found:
            return []
        offsets = self.mention_starts[pid]
        return found[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)]

    def _kind_of(self, actor: str) -> str:
        if actor.startswith("?") and actor not in self.kind:
            return "unknown"  # a name found in the text whose kind the words around it did not tell
        return "person" if self.kind.get(actor) == "person" else "organisation"

    def _fits(self, actor: str, pronoun: str) -> bool:
        kind = self.pronouns.get(pronoun.casefold())
        if kind and self._kind_of(actor) not in (kind, "unknown"):
            return False
        gender = self.gender.get(actor)
        word = pronoun.casefold()
        return not gender or (gender == "male") == (word == "he") or word not in ("he", "she")

    def _quoted_at(self, quoted: tuple[Span, ...], pos: int) -> bool:
        return within(*self._bounds(quoted), pos) is not None

    def _bounds(self, quoted: tuple[Span, ...]) -> tuple[list[int], list[int]]:
        # Keyed by identity: the tuples live in self.sentences for the whole article (hashing one is as long).
        if id(quoted) not in self.bounds:
            self.bounds[id(quoted)] = ([s.start for s in quoted], [s.end for s in quoted])
        return self.bounds[id(quoted)]

    def _outside(self, m: Mention, quoted: tuple[Span, ...]) -> bool:
        return within(*self._bounds(quoted), m.start) is None

    def _free(self, text: str, start: int, m: Mention) -> bool:
        """Not the object of a preposition and not a possessive modifier ("Maduro’s government")."""
        before = re.findall(r"[\w’'-]+", text[start : m.start])
        while before and before[-1].casefold() in self.determiners:
            before.pop()
        if before and before[-1].casefold() in self.prepositions:
            return False
        partner = self._partner_before(text, m)
        if partner is not None:  # "a protégé of John Bolton and Dick Cheney": "of" governs both names
            return self._free(text, start, partner) if partner.start >= start else True
        return not self._possessive(text, m)

    def _partner_before(self, text: str, m: Mention) -> Mention | None:
        """The name joined to m by "and" / "or" right before it ("Ford and Fry": Ford), or None."""
        earlier = self._mentions_in(m.paragraph, max(0, m.start - 80), m.start)
        if earlier and re.fullmatch(r"\s+(?:and|or|&)\s+", text[earlier[-1].end : m.start]):
            return earlier[-1]
        return None

    def _coordinated(self, text: str, m: Mention) -> bool:
        """ "Ford and Fry replied": one of two names joined as one subject, so neither is the speaker alone."""
        # Also when the other is a name the reader could not tell apart ("Ford and Fry" with two Fords).
        return bool(
            re.search(r"\b[A-Z][\w’'.-]*\s+(?:and|or|&)\s+$", text[max(0, m.start - 40) : m.start])
            or re.match(r"(?:’s|'s)?\s+(?:and|or|&)\s+[A-Z]", text[m.end : m.end + 12])
        )

    def _possessive(self, text: str, m: Mention) -> bool:
        return m.text.endswith(("’s", "'s", "’", "'")) or text[m.end : m.end + 2] in ("’s", "'s")

    # -- references: pronouns, descriptions, names
    def _subject(self, number: int, start: int, end: int, kind: str | None = None) -> Mention | None:
        """The first actor named in text[start:end] that is free (not after a preposition, not in a quote)."""
        p = self.paragraphs[number]
        quoted, _ = self._structure(number)
        for m in self._mentions_in(p.id, start, end):
            if not self._outside(m, quoted) or not self._free(p.text, start, m):
                continue
            if kind and not self._fits(m.actor, kind):
                continue
            return m
        return None

    def _referent(self, number: int, s: int, end: int, pronoun: str, same: bool = False) -> Who | None:
        """Whom one sentence is about, for a pronoun: a speech verb's agent, else its subject."""
        p = self.paragraphs[number]
        quoted, _ = self._structure(number)
        for start, who in reversed(self.said.get(p.id, [])):  # a speaker quoted in that sentence
            if s <= start < end and who.actor and self._fits(who.actor, pronoun):
                return who
        lead = re.match(r"\W*(?:(?:but|and|yet|so|then|later|still)\s+)?(\w+)\b", p.text[s:end], re.I)
        word = lead.group(1).casefold() if lead else ""
        word = self.possessives.get(word, word)  # "Her office claims …": about the one "she" is
        if word in self.pronouns and s + lead.end(1) < end:
            found = self._resolve(number, s + lead.start(1), word)
            if found and found.actor and self._fits(found.actor, pronoun):
                return found
        # The subject opening the sentence ("Fauci didn’t waste any time … a question Alexander asked"), then
        # the agent of a speech verb in it ("… drew the ire of Justice Scalia, who said …"), then other names.
        subject = self._opening_subject(number, s, end, pronoun, verb=False)
        if subject is None:
            for verb in self.verb_re.finditer(p.text, s, end):
                if self._quoted_at(quoted, verb.start()):
                    continue
                who = self._agent(number, s, verb.start(), quoted, resolve=False)
                if who and who.actor and self._fits(who.actor, pronoun):
                    return who
                if not (who and who.actor) and not re.match(r"\w+ing\b", verb.group()):
                    # "Another individual, who identified himself only as Saeed, said …": someone spoke whom
                    # the text does not name here; a "he" after it is theirs, not someone's further back.
                    lead_word = re.search(r"(\w+)\W*$", p.text[s : verb.start()])
                    if not (lead_word and lead_word.group(1).casefold() in self.pronouns):
                        return UNSURE
            subject = self._known_subject(number, s, end, pronoun) or self._possessor(number, s, end, pronoun)
        if subject is None:
            # "the Republican front-runner surrounded himself …": the sentence is about someone it describes.
            described = re.match(
                r"\W*(?:[^,]{0,60},\s+)?((?:the|a|an|another)\s+(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+(?:\w+ly\s+)?[a-z]",
                p.text[s:end],
                re.I,
            )
            if (
                described
                # "the White House" is a name; "the Republican front-runner" (read as far as "the Republican")
                # is a description.
                and not self._mentions_in(p.id, s + described.start(1), s + described.end(1))
                and not self._quoted_at(
                    quoted, s + described.start(1)
                )  # a quotation's words are not its subject
            ):
                found = self._description(number, described.group(1), s + described.end(1))
                return found if found and found.actor else UNSURE
            return None
        # "Judge Roger Gregory cited Ann Lee’s comments, where she …": another person between the subject and
        # the pronoun in its own sentence leaves it unsure.
        if same and any(
            m.actor != subject.actor
            and self._outside(m, quoted)
            and self._fits(m.actor, pronoun)
            and self._kind_of(m.actor) != "organisation"
            for m in self._mentions_in(p.id, subject.end, end)
        ):
            return UNSURE
        return Who(subject.actor, subject.text)

    def _known_subject(self, number: int, s: int, end: int, pronoun: str) -> Mention | None:
        """The first free name in the sentence whose kind is known to agree ("That did not satisfy Justice
        Scalia."): a name of unknown kind is taken only as the sentence's opening subject."""
        subject = self._subject(number, s, end, pronoun)
        if subject is None or self._kind_of(subject.actor) == "unknown":
            return None
        p = self.paragraphs[number]
        quoted, _ = self._structure(number)
        others = {
            m.actor
            for m in self._mentions_in(p.id, s, end)
            if self._outside(m, quoted) and m.actor != subject.actor and self._kind_of(m.actor) == "person"
        }
        # "chief judge Roger Gregory cited Trump’s comments, where he had called …": two people, no sure one.
        return None if others else subject

    def _possessor(self, number: int, s: int, end: int, pronoun: str) -> Mention | None:
        """ "Hutchison's plan does not include …": the sentence is about Hutchison."""
        p = self.paragraphs[number]
        first = next(iter(self._mentions_in(p.id, s, end)), None)
        if first and self._possessive(p.text, first) and len(p.text[s : first.start].split()) <= 1:
            return first if self._fits(first.actor, pronoun) else None
        return None

    def _resolve(self, number: int, offset: int, pronoun: str) -> Who | None:
        """The referent of a pronoun: the nearest earlier sentence (this paragraph, then two before)."""
        if self.depth > 4:
            return None
        self.depth += 1
        try:
            for back in range(0, 3):
                if number - back < 0:
                    break
                _, starts = self._structure(number - back)
                limit = offset if back == 0 else len(self.paragraphs[number - back].text)
                at = bisect.bisect_left(starts, limit)  # the sentences before limit, nearest first
                for i in range(at - 1, max(-1, at - 1 - SENTENCES_BACK), -1):
                    s = starts[i]
                    end = min(starts[i + 1], limit) if i + 1 < len(starts) else limit
                    found = self._referent(number - back, s, end, pronoun, same=back == 0 and end == limit)
                    if found is UNSURE:
                        return None
                    if found:
                        return found
            return None
        finally:
            self.depth -= 1

    def _description(self, number: int, phrase: str, at: int) -> Who | None:
        """ "a spokeswoman for Mr. Hale" (anonymous), "the chief justice" (the person titled so before). The
        phrase ends at offset ``at`` of the paragraph."""
        m = re.search(
            rf"\b({NUMBER_WORDS}\s+(?:[\w’'.-]+\s+){{0,5}}?([\w-]+))((?:\s+(?:for|of|at|with|from|in)\s+[^,;]{{1,60}}?)?)\s*$",
            phrase,
            re.I,
        )
        if not m:
            return self._bare_group(phrase)
        head = m.group(2).casefold()
        det = m.group(1).split()[0].casefold()
        words = [w.casefold().rstrip(".") for w in m.group(1).split()[1:]]
        if det == "the" and not m.group(3):
            begin = at - len(phrase) + m.start(1)  # where the description starts: names before it count
            named = self._titled(number, begin, words) or self._body(number, begin, words)
            if named:
                return named
        # "a group of Iranian protesters": a counted or indefinite group of people the text does not name.
        member = m.group(3).split()[-1].casefold() if m.group(3).strip().startswith("of ") else ""
        if det != "the" and member in self.anonymous:
            return Who(None, (m.group(1) + m.group(3)).strip())
        if head in self.anonymous or (det not in ("a", "an", "the") and head.endswith("s")):
            # "a spokeswoman for Mr. Hale", "40 senators": people the text counts or describes, not names
            return Who(None, (m.group(1) + m.group(3)).strip())
        return self._bare_group(phrase)

    def _bare_group(self, phrase: str) -> Who | None:
        """ "protesters in the capital", "for what authorities there called": an unnamed group, anonymous."""
        bare = BARE_GROUP.search(phrase)
        if bare and bare.group(2).casefold() in self.anonymous:
            return Who(None, (bare.group(1) + bare.group(3)).strip())
        return None

    def _body(self, number: int, offset: int, words: list[str]) -> Who | None:
        """ "the court", "the ministry": the nearest body before offset whose name ends in that noun."""
        if len(words) != 1:
            return None
        for back in range(0, TITLED_BACK):  # as far back as "the president" looks for its person
            if number - back < 0:
                break
            p = self.paragraphs[number - back]
            limit = offset if back == 0 else len(p.text)
            for m in reversed(self._mentions_in(p.id, 0, limit)[-NAMES_BACK:]):
                name = m.actor[1:] if m.actor.startswith("?") else m.text
                if (
                    self._kind_of(m.actor) == "organisation"
                    and name.split()[-1].casefold().strip("’'s") == words[0]
                ):
                    return Who(m.actor, m.text)
                # "a Congressional Research Service report … said the report": the body whose report it is
                # (near only: "a UK man" ten paragraphs back is not whom "the man" describes).
                if (
                    back < BODY_NOUN_BACK
                    and self._kind_of(m.actor) != "person"
                    and re.match(rf"\s+{re.escape(words[0])}\b", p.text[m.end : m.end + 40], re.I)
                ):
                    return Who(m.actor, m.text)
        return None

    def _titled(self, number: int, offset: int, words: list[str]) -> Who | None:
        """The nearest person before offset whose title or appositive holds these words ("the chief justice")."""
        # The head must be a title ("the senator", "the chief justice"); "the Republican front-runner" is not.
        if not words or words[-1] not in self.titles:
            return None
        for back in range(0, TITLED_BACK):
            if number - back < 0:
                break
            p = self.paragraphs[number - back]
            limit = offset if back == 0 else len(p.text)
            for m in reversed(self._mentions_in(p.id, 0, limit)[-NAMES_BACK:]):
                # Its title and what follows it up to the sentence's end, but not the description itself.
                role = (m.text + " " + p.text[m.end : min(m.end + 80, limit)].split(".")[0]).casefold()
                tokens = [t.rstrip(".,") for t in role.split()]
                # "Sen. Ann Lee" is "the senator": an abbreviated title stands for the word it begins.
                if all(
                    any(t == w or (t in self.abbreviations and w.startswith(t)) for t in tokens)
                    for w in words
                ):
                    return Who(m.actor, m.text)
        return None

    def _opening_subject(
        self, number: int, start: int, end: int, kind: str | None = None, verb: bool = True
    ) -> Mention | None:
        text = self.paragraphs[number].text
        # "As Trump declares victory …, Fauci made clear …": the subject follows the subordinate clause.
        opener = SUBORDINATE.match(text, start, end)
        if opener:
            comma = text.find(", ", opener.end(), end)
            if comma != -1:
                start = comma + 2
        subject = self._subject(number, start, end, kind)
        if subject is None:
            return None
        lead = text[start : subject.start]
        if len(lead.split()) > 3 and not lead.rstrip().endswith(","):
            return None
        between = text[subject.end : end]
        if verb and (len(between.split()) > 12 or CLAUSE.search(between)):
            return None
        return subject
