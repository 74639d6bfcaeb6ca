"""Analyse stage: what each outlet calls an actor at each mention.

Three shapes, all from the words next to a mention:

* the descriptive words just before the name, with its title: "leading socialist Diosdado Cabello",
  "Venezuela’s Foreign Minister Jorge Arreaza", "President Nicolás Maduro";
* a government, regime or administration named after them: "the Maduro regime", "Maduro’s government",
  "the elected government of President Nicolás Maduro";
* an appositive after the name: "Garrett Marquis, a spokesman for the National Security Council,".

The word lists (titles, stop words, heads) come from attribution.yml.
"""

from __future__ import annotations

import re

from ..model import Attribution, Label, Mention, Paragraph
from .people import MAX_SCAN

WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")
GOVERNMENT_OF = r"((?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:%s)\s+of)\s+$"
MAX_WORDS = 12
# How far before and after a mention the label shapes are read: a label is a few words, so a bounded window
# keeps the scan linear in the paragraph's length (issue 12 item 8). Mentions past MAX_SCAN characters of a
# paragraph get no labels; names.long_paragraphs reports such paragraphs to the editor.
WINDOW = 240


def _premodifier(
    text: str, mention: Mention, stop: set[str], places: set[str], prepositions: set[str]
) -> str:
    """Descriptive words right before the mention (its title is already inside the mention)."""
    words: list[str] = []
    before = text[max(0, mention.start - WINDOW) : mention.start]
    while len(words) < 5:
        m = WORD_BEFORE.search(before)
        if not m:
            break
        word = m.group(1)
        bare = word.strip(".").casefold().replace("’", "'")
        if bare in stop or not re.search(r"[a-z]", bare) or (word.endswith(".") and len(word) > 3):
            break
        if any(" ".join(before.casefold().split()).endswith(place) for place in places):
            break  # "welcoming to the Oval Office Lilian Tintori": a place, not a description
        if re.match(r"^(he|she|it|they|we|i|you)'", bare) or before[m.start() - 1 : m.start()] in (
            "“",
            '"',
            "‘",
        ):
            break
        words.insert(0, word)
        before = before[: m.start()]
        if re.search(r"[,;:()“”\"]\s*$", before):
            break
    if not words:
        return ""
    previous = WORD_BEFORE.search(before)
    previous = previous.group(1).casefold() if previous else ""
    # "to oust Maduro", "in ousting Maduro": a verb and its object, not a description.
    if previous == "to" or (len(words) == 1 and words[0].endswith("ing") and previous in prepositions):
        return ""
    return " ".join(words)


def _appositive(text: str, mention: Mention, attribution: Attribution, stop: set[str]) -> str | None:
    after = text[mention.end : mention.end + WINDOW]
    after = re.sub(r"^\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", "", after)  # "Evo Morales of Bolivia"
    after = re.sub(r"^\s*\([^)]{1,12}\)", "", after)  # "Marco Rubio (R-FL)"
    # The phrase runs to the next comma or full stop (not the stop of an initial: "George W. Bush").
    # The comma may close a quotation first ("in honor of Salvador Allende,” a Marxist Chilean leader …").
    m = re.match(r"^,[”\"]?\s+([^,;:()“”\"]+?)(?=,|(?<![A-Z])\.\s|\.$|;|\)|$| who | which )", after)
    if not m:
        return None
    phrase = m.group(1).strip()
    first = phrase.split()[0].casefold()
    verbs = {v.casefold() for v in attribution.speech_verbs}
    if first in verbs or (first in stop and first not in ("a", "an", "the")) or not first.isalpha():
        return None
    if any(w.casefold().strip(".,") in verbs for w in phrase.split()):
        return None  # ", the officials said": a clause, not a description
    if phrase[0].isupper() or len(phrase.split()) > MAX_WORDS or len(phrase.split()) < 2:
        return None  # a list of names ("Maduro, Cabello and …") or a clause, not a description
    return phrase


def find_labels(
    paragraphs: tuple[Paragraph, ...],
    mentions: tuple[Mention, ...],
    attribution: Attribution,
    kinds: dict[str, str] | None = None,
) -> tuple[Label, ...]:
    kinds = kinds or {}
    stop = {w.casefold() for w in attribution.label_stop_words}
    places = {w.casefold() for w in attribution.not_actors if " " in w}
    prepositions = {w.casefold() for w in attribution.prepositions}  # multi-word places
    stop |= {v.casefold() for v in attribution.speech_verbs}
    heads = "|".join(re.escape(h) for h in attribution.label_heads) or r"(?!x)x"
    verbs = "|".join(re.escape(v) for v in attribution.speech_verbs) or r"(?!x)x"
    # Titles in lower case as a description's head ("its president"), one word each.
    titles = (
        "|".join(sorted({re.escape(t.casefold()) for t in attribution.titles if " " not in t})) or r"(?!x)x"
    )
    text_of = {p.id: p.text for p in paragraphs}
    labels: list[Label] = []
    seen: set[Label] = set()
    ends = {(m.paragraph, m.end) for m in mentions}

    def add(actor: str, text: str, paragraph: str) -> None:
        label = Label(actor, " ".join(text.split()), paragraph)
        if label.text and label not in seen:
            seen.add(label)
            labels.append(label)

    for mention in mentions:
        if mention.start >= MAX_SCAN:
            continue
        text = text_of[mention.paragraph]
        after = text[mention.end : mention.end + WINDOW]
        window = max(0, mention.start - WINDOW)
        # An organisation's name used as a modifier ("a former top State Department official") describes
        # the official, not the organisation.
        next_word = after.split()[0].casefold() if after.split() else ""
        if (
            kinds.get(mention.actor) != "person"
            and re.match(r"^\s+[a-z]", after)
            and next_word not in stop
            and not re.match(rf"^\s+(?:{heads}|{verbs})\b", after)
        ):
            continue
        pre = _premodifier(text, mention, stop, places, prepositions)
        head_start = text.rfind(pre, window, mention.start) if pre else mention.start
        before = re.findall(r"[\w’'-]+", text[max(0, head_start - 40) : head_start])
        while before and before[-1].casefold() in ("the", "a", "an"):
            before.pop()
        object_of_preposition = bool(before) and before[-1].casefold() in prepositions
        label = " ".join(x for x in (pre, _title_of(mention.text, attribution)) if x)
        # Words before the name that are themselves another mention ("Maduro ally") are not a label.
        if label and (mention.paragraph, mention.start - 1) not in ends:
            add(mention.actor, label, mention.paragraph)
        gov = re.search(GOVERNMENT_OF % heads, text[window : mention.start], re.I)
        if gov:
            add(mention.actor, gov.group(1), mention.paragraph)
        head = re.match(rf"^\s+({heads})\b", after)
        if head:
            article = re.search(r"(?:\bthe|\bThe)\s+$", text[window : mention.start])
            start = window + article.start() if article else mention.start
            add(mention.actor, text[start : mention.end] + " " + head.group(1), mention.paragraph)
        # After "according to X," or "against X," the comma ends a phrase: what follows is not about X; unless
        # the comma closes a quotation and an article opens a description ("… of Salvador Allende,” a Marxist …").
        closes_quote = bool(re.match(r"^,[”\"]\s+(?:a|an)\s", after))
        appositive = (
            None
            if object_of_preposition and not closes_quote
            else _appositive(text, mention, attribution, stop)
        )
        if appositive:
            add(mention.actor, appositive, mention.paragraph)
        # A title set off before the name: "plotting against its president, Nicolás Maduro, who …".
        before_title = _title_before(text[window : mention.start], titles) if after.startswith(",") else None
        if before_title:
            add(mention.actor, before_title, mention.paragraph)
    return tuple(labels)


def _title_before(before: str, titles: str) -> str | None:
    """'its president, ' or 'the senator, ' right before a name that a comma follows: the title in apposition."""
    m = re.search(
        rf"\b((?:its|his|her|their|our|the)\s+(?:[a-z][\w’'-]*\s+){{0,2}}(?:{titles})),\s+$", before
    )
    return m.group(1) if m else None


def _title_of(surface: str, attribution: Attribution) -> str:
    for title in sorted(attribution.titles, key=len, reverse=True):
        if surface.startswith(title + " "):
            return title
    return ""
