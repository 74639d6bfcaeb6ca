"""Analyse stage: people and bodies the text names that actors.yml does not list, so quotations still get them.

A new site has an empty registry, and "said José Peña" must not then count as unattributed. Names are runs of
capitalised words outside quotations and outside actors.yml's mentions. Read in two passes over an article:

1. Full names (two to four words once titles, sentence openers and acronyms before them are set aside) are
   collected and merged: one person, several spellings. ``nameparser`` splits a name into given names, surname
   and suffix ("Theodore J. Boutrous Jr." has the surname Boutrous); two names with the same surname are one
   person when one's given names are contained in the other's ("Barry Rand" and "A. Barry Rand", "Javad Zarif"
   and "Mohammad Javad Zarif"), initials matching a name's first letter, accents and case aside, and a given
   name matching its listed variants in attribution.yml's ``given_name_variants`` (Bill for William). The
   person's id is the fullest form.
2. Every full name, and every surname alone that belongs to exactly one of them ("Boutrous said",
   "Mr. Boutrous", "Justice Alito"), becomes a mention. A surname after a title that no full name explains
   ("President Trump", "Justice Kennedy") is a person known by that surname. An acronym standing alone
   ("AARP", "NAACP") is a body.

The actor id is ``"?" + name``: never an entry of actors.yml, and shown as "not in the site's list". The kinds
it is sure of are returned too: "person" (a title before the name, "Mr." or "Ms.", a middle initial, an age
"Ana Ortiz, 42,"), "organisation" (its last word is one of ``organisation_words``, an acronym, or "the" before
it: "the Supreme Court"). Any other name may be either. Genders it is sure of (Mr. / Mrs., Ms.) are returned
for pronouns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from nameparser import HumanName
from nameparser.config import CONSTANTS

from ..model import Attribution, Mention
from .mentions import fold
from .quotes import sentence_starts, spans, within

WORD = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z]\.)"  # a capitalised word, or an initial ("Richard N. Haass")
CONNECTOR = r"(?:of|on|for|the|de|del|da|and)"
NAME_RE = re.compile(rf"(?<![\w’'-]){WORD}(?:\s+(?:{CONNECTOR}\s+)?{WORD})*")
PARTICLES = {"de", "da", "del", "van", "von", "la", "le", "bin", "al", "dos", "das"}
CONNECTORS = {"of", "on", "for", "the", "and"}
MALE, FEMALE = {"mr", "mr."}, {"mrs", "mrs.", "ms", "ms.", "miss"}
SUFFIXES = set(CONSTANTS.suffix_not_acronyms) | set(CONSTANTS.suffix_acronyms)
MAX_SCAN = 20_000  # characters of one paragraph read for names (longer paragraphs: the rest is reported)
SUBHEAD_CHARS = 30  # a line of one or two capitalised words this short, with no full stop, is a subhead
HEADLINE_SHARE = 0.7  # a paragraph this much in title case is a headline or subhead, not prose


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    return " ".join(fold(name)[0].replace(".", "").split())


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


@dataclass
class Found:
    """One name run, with the words that are the name and what stood before it."""

    paragraph: str
    start: int  # offset of the mention (title included)
    name_start: int
    end: int
    words: list[str]
    title: str = ""  # the title words before the name, as printed
    the: bool = False  # "the" right before the run
    initial: bool = False  # the run opens a sentence


@dataclass
class Person:
    name: str
    given: list[str]
    surname: str
    kind: str | None = None
    gender: str | None = None
    forms: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)


class Finder:
    def __init__(self, attribution: Attribution):
        self.ignore = {key(n) for n in (*attribution.not_actors, *attribution.titles)}
        self.titles = {key(t) for t in attribution.titles}
        self.openers = self.ignore - self.titles  # words set aside before a name (not its title)
        self.bodies = {key(w) for w in attribution.organisation_words}
        self.verbs = {v.casefold() for v in attribution.speech_verbs}
        self.places = {w.casefold() for w in attribution.place_prepositions}
        naming = "|".join(re.escape(n) for n in sorted(attribution.naming_phrases, key=len, reverse=True))
        self.naming = re.compile(rf"\b(?:{naming})\s+$", re.I) if naming else None
        self.variants: dict[str, set[str]] = {}
        for given, others in attribution.given_name_variants.items():
            group = {key(given), *(key(o) for o in others)}
            for name in group:
                self.variants.setdefault(name, set()).update(group)

    def runs(self, paragraph, covered: list[tuple[int, int]]) -> list[Found]:
        text = paragraph.text[:MAX_SCAN]
        quoted = spans(paragraph.text)
        starts = set(sentence_starts(paragraph.text, quoted))
        quote_bounds = ([s.start for s in quoted], [s.end for s in quoted])
        covered = sorted(covered)
        cover_bounds = ([a for a, _ in covered], [b for _, b in covered])
        found = []
        for match in NAME_RE.finditer(text):
            start, end = match.start(), match.end()
            if within(*cover_bounds, start) is not None or within(*cover_bounds, end - 1) is not None:
                continue
            if within(*quote_bounds, start) is not None:
                continue
            words = [(w.start() + start, w.group()) for w in re.finditer(r"\S+", match.group())]
            # "New York's Trump": a possessive ends a name; what follows is another.
            groups: list[list[tuple[int, str]]] = [[]]
            for i, w in enumerate(words):
                groups[-1].append(w)
                if i + 1 < len(words) and re.search(r"(’s|'s)$", w[1]):
                    groups.append([])
            groups = [part for group in groups for part in self._pair(group)]
            for words in groups:  # each group is read as a run of its own
                start = words[0][0]
                # Words before the name that are not part of it: an opener or place ("On Monday Ana Ortiz"), a
                # hyphenated description ("Sixteen-year-old Mei Lin"), an acronym ("AARP CEO Barry Rand").
                while len(words) > 1 and (
                    (key(words[0][1]) in self.openers and not re.fullmatch(r"[A-Z]\.", words[0][1]))
                    or re.search(r"-[a-z]", words[0][1])
                ):
                    words.pop(0)
                cut = 0
                for i in range(len(words) - 1):  # the last title in the run, of up to four words
                    for size in range(min(4, len(words) - 1 - i), 0, -1):
                        if key(" ".join(w for _, w in words[i : i + size])) in self.titles:
                            cut = max(cut, i + size)
                            break
                cut = min(cut, len(words) - 1)
                title = " ".join(w for _, w in words[:cut])
                mention_start = words[0][0]
                names = words[cut:]
                while len(names) > 2 and _acronym(names[0][1]):
                    names.pop(0)
                # "Ann Lee of Nebraska", "Anna K. Berg of Sweden": a person and a place; "Bank of America" is a body.
                of = next((i for i, (_, w) in enumerate(names) if w in ("of", "from")), None)
                if of is not None and of >= 2 and key(names[of - 1][1]) not in self.bodies:
                    names = names[:of]
                if (
                    not title
                ):  # "Council member Ray Lin", "said Gen. Hossein Salami": the title is the mention's
                    window = max(0, start - 40)
                    before = re.search(r"(\w[\w.]*(?:\s+\w[\w.]*)?)\s+$", text[window:start])
                    if before and key(before.group(1)) in self.titles:
                        title, mention_start = before.group(1), window + before.start(1)
                    elif before and key(before.group(1).split()[-1]) in self.titles:
                        title = before.group(1).split()[-1]
                        mention_start = window + before.end(1) - len(title)
                while names and (names[-1][1].casefold() in CONNECTORS or key(names[-1][1]) in self.ignore):
                    names.pop()
                if not names:
                    continue
                last = names[-1][1]
                tail = re.search(r"(’s|'s|’|')$", last)
                words_out = [w for _, w in names]
                if tail:
                    words_out[-1] = last[: -len(tail.group())]
                words_out[-1] = words_out[-1].rstrip(".") if len(words_out[-1]) > 2 else words_out[-1]
                name_end = names[-1][0] + len(words_out[-1])
                if key(words_out[-1]) in SUFFIXES and text[name_end : name_end + 1] == ".":
                    words_out[-1] += "."  # "Boutrous Jr."
                    name_end += 1
                the = bool(re.search(r"\b[Tt]he\s+$", text[max(0, mention_start - 5) : mention_start]))
                initial = names[0][0] in starts or text[
                    max(0, names[0][0] - 4) : names[0][0]
                ].rstrip().endswith(("“", '"', "("))
                found.append(
                    Found(
                        paragraph.id,
                        mention_start if title else names[0][0],
                        names[0][0],
                        name_end,
                        words_out,
                        title,
                        the,
                        initial,
                    )
                )
        return found

    def _pair(self, words: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
        """ "Donald Trump and Hillary Clinton", "Trump and Clinton": two names joined by "and" are two runs,
        when neither side holds another connector or ends in a body's word ("Department of Health and Human
        Services", "the Committee and Council" stay whole) and both sides are full names or both surnames."""
        ands = [i for i, (_, w) in enumerate(words) if w == "and"]
        if len(ands) != 1:
            return [words]
        left, right = words[: ands[0]], words[ands[0] + 1 :]
        if not left or not right or (len(left) == 1) != (len(right) == 1):
            return [words]
        if any(w.casefold() in CONNECTORS for _, w in left + right):
            return [words]
        if key(left[-1][1]) in self.bodies or key(right[-1][1]) in self.bodies:
            return [words]
        return [left, right]

    def named_so(self, text: str, f: Found) -> str | None:
        """ "who identified himself only as Saeed": the word is a person's name ("male", "female" or
        "person"), or None."""
        if self.naming is None:
            return None
        phrase = self.naming.search(text, max(0, f.start - 60), f.start)
        if not phrase:
            return None
        words = phrase.group().casefold().split()
        return (
            "male"
            if {"himself", "his"} & set(words)
            else "female"
            if {"herself", "her"} & set(words)
            else "person"
        )

    def _same(self, a: Person, given: list[str]) -> bool:
        """One person: the given names of one are among the other's (initials match a first letter)."""
        mine = [key(g) for g in a.given]
        theirs = [key(g) for g in given]
        short, long = sorted((mine, theirs), key=len)
        return all(any(self._given_match(s, o) for o in long) for s in short)

    def _given_match(self, a: str, b: str) -> bool:
        if a == b or b in self.variants.get(a, ()):
            return True
        return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))

    def person_of(self, words: list[str]) -> tuple[list[str], str] | None:
        first, middle, last = _parts(" ".join(words))
        surname = last or words[-1]
        given = [w for w in (first, *middle.split()) if w]
        if not given and len(words) > 1:
            given = words[:-1]
        return given, surname


_FINDER: list = []  # [(attribution, finder)] of the last call (held, so that its id is not reused)


def finder_for(attribution: Attribution) -> Finder:
    """The Finder of these word lists, made once per load_site rather than once per article (a Finder holds
    nothing but what it reads from them)."""
    if not (_FINDER and _FINDER[0][0] is attribution):
        _FINDER[:] = [(attribution, Finder(attribution))]
    return _FINDER[0][1]


@functools.lru_cache(maxsize=16384)
def _parts(name: str) -> tuple[str, str, str]:
    """nameparser's first, middle and last names of ``name``: a pure function of the string (its constants are
    never changed here), and the same names come back in article after article."""
    parsed = HumanName(name)
    return parsed.first, parsed.middle, parsed.last


def discovered_mentions(
    paragraphs, mentions, attribution: Attribution
) -> tuple[tuple[Mention, ...], dict[str, str], dict[str, str]]:
    """Mentions of people and bodies actors.yml does not know; their kinds and genders where sure (see above)."""
    finder = finder_for(attribution)
    runs: list[tuple[object, Found]] = []
    by_paragraph: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        by_paragraph.setdefault(m.paragraph, []).append((m.start, m.end))
    for paragraph in paragraphs:
        if headline_like(paragraph.text):
            continue  # a subhead in title case ("New York's Trump State of Mind") names nobody new
        runs += [(paragraph, f) for f in finder.runs(paragraph, by_paragraph.get(paragraph.id, []))]
    speakers = _speaking_words(runs, finder)
    people: list[Person] = []
    by_form: dict[str, Person] = {}
    by_surname: dict[str, list[Person]] = {}
    forms = {key(" ".join(f.words)) for _, f in runs}
    lower = {w for p in paragraphs for w in re.findall(r"\b[a-z][a-z’'-]+\b", p.text[:MAX_SCAN])}
    for _, f in runs:
        # "Businessman Donald Trump" opening a sentence: the first word is a common word when the name without
        # it is elsewhere, or the article writes that word in lower case ("the Queens-born businessman").
        if (
            f.initial
            and len(f.words) >= 3
            and not f.title
            and not re.fullmatch(r"[A-Z]\.", f.words[0])
            and (key(" ".join(f.words[1:])) in forms or f.words[0].casefold() in lower)
        ):
            f.words = f.words[1:]
    for _, f in runs:  # pass 1: full names, merged
        if not 2 <= len(f.words) <= 4 or any(w.casefold() in CONNECTORS for w in f.words):
            continue
        if _acronym(f.words[-1]):
            continue  # "Canadian PM": a description, not a name
        if f.the and key(f.words[-1]) not in finder.bodies:
            continue  # "the Ohio Democrat", "the Canadian PM": a description of someone, not a name
        if key(" ".join(f.words)) in finder.ignore or any(
            key(w) in finder.ignore
            for w in f.words
            if w.casefold() not in PARTICLES and not re.fullmatch(r"[A-Z]\.", w)
        ):
            continue
        given, surname = finder.person_of(f.words)
        same = [p for p in by_surname.get(key(surname), []) if finder._same(p, given)]
        person = same[0] if len(same) == 1 else None
        if person is None:
            person = Person(" ".join(f.words), given, surname)
            people.append(person)
            by_surname.setdefault(key(surname), []).append(person)
        elif len(given) > len(person.given):
            person.given = given
        person.forms.add(key(" ".join(f.words)))
        person.counts[" ".join(f.words)] = person.counts.get(" ".join(f.words), 0) + 1
        by_form[key(" ".join(f.words))] = person
        _evidence(person, f, finder)
    for person in people:  # its name: the form the article uses most, the fullest of those
        person.name = max(person.counts, key=lambda form: (person.counts[form], len(form)))
    found: list[Mention] = []
    for paragraph, f in runs:  # pass 2: mentions
        full = " ".join(f.words)
        person = by_form.get(key(full))
        if person is None and len(f.words) == 1:
            owners = by_surname.get(key(f.words[0]), [])
            if len(owners) == 1:
                person = owners[0]
                _evidence(person, f, finder)
            elif not owners and f.title and not f.the:
                person = Person(f.words[0], [], f.words[0])  # "President Trump", "Justice Kennedy"
                people.append(person)
                by_surname[key(f.words[0])] = [person]
                person.forms.add(key(f.words[0]))
                _evidence(person, f, finder)
            elif not owners and key(f.words[0]) in speakers:
                person = Person(f.words[0], [], f.words[0])  # "Kasich said", "Trump told reporters"
                people.append(person)
                by_surname[key(f.words[0])] = [person]
                person.forms.add(key(f.words[0]))
            elif not owners and (gender := finder.named_so(paragraph.text, f)):
                person = Person(
                    f.words[0], [], f.words[0], kind="person"
                )  # "identified himself only as Saeed"
                person.gender = gender if gender in ("male", "female") else None
                people.append(person)
                by_surname[key(f.words[0])] = [person]
                person.forms.add(key(f.words[0]))
            elif (
                not owners
                and _acronym(f.words[0])
                and key(f.words[0]) not in finder.ignore
                and paragraph.text[f.end : f.end + 1] != ":"  # "UPDATE:" is a label, not a body
            ):
                person = Person(f.words[0], [], f.words[0], kind="organisation")  # "AARP said"
                people.append(person)
                by_surname[key(f.words[0])] = [person]
                person.forms.add(key(f.words[0]))
        if person is None:
            continue
        found.append(Mention("?" + person.name, f.paragraph, f.start, f.end, paragraph.text[f.start : f.end]))
    kinds = {"?" + p.name: p.kind for p in people if p.kind}
    genders = {"?" + p.name: p.gender for p in people if p.gender}
    return tuple(found), kinds, genders


def headline_like(text: str) -> bool:
    """A line in title case (most of its words capitalised): a headline or subhead, not running prose."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text[:MAX_SCAN])
    if re.search(r"[.!?:;\"”’)]\s*$", text[-5:]):
        return False  # prose ends its sentences
    if (
        len(words) < 3
    ):  # "1) Momentum", "Math": a numbered or one-word subhead, when every word is capitalised
        return bool(words) and len(text) <= SUBHEAD_CHARS and all(w[0].isupper() for w in words)
    return sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _speaking_words(runs, finder: Finder) -> set[str]:
    """Single capitalised words the text makes speak: used at least twice inside sentences, at least once
    right before or after a speech verb ("Kasich said", "said Kasich"), and never after a place's preposition
    ("in Iran"). A well-known person named by surname alone; anything less sure stays unnamed."""
    uses: dict[str, list[int]] = {}  # key → [uses inside sentences, next to a speech verb, after "in"/"to"…]
    for paragraph, f in runs:
        if len(f.words) != 1 or f.title or _acronym(f.words[0]) or key(f.words[0]) in finder.ignore:
            continue
        text = paragraph.text
        count = uses.setdefault(key(f.words[0]), [0, 0, 0])
        count[0] += not f.initial
        after = re.match(r"(?:’s|'s)?\s+(\w+)", text[f.end : f.end + 30])
        before = re.search(r"(\w+)\s+$", text[max(0, f.start - 30) : f.start])
        count[1] += bool(after and after.group(1) in finder.verbs) or bool(
            before and before.group(1) in finder.verbs
        )
        count[2] += bool(before and before.group(1).casefold() in finder.places)
    return {
        word for word, (inside, speaking, placed) in uses.items() if inside >= 2 and speaking and not placed
    }


def _evidence(person: Person, f: Found, finder: Finder) -> None:
    """What the words around a name say about who it is."""
    title = key(f.title)
    if key(f.words[-1]) in finder.bodies or (f.the and len(f.words) > 1):
        person.kind = person.kind or "organisation"
        return
    if f.title:
        person.kind = "person"
        last = title.split()[-1] if title else ""
        if last in {t.rstrip(".") for t in MALE}:
            person.gender = "male"
        elif last in {t.rstrip(".") for t in FEMALE}:
            person.gender = "female"
    if any(re.fullmatch(r"[A-Z]\.?", w) for w in f.words[1:-1]):
        person.kind = "person"  # a middle initial
