"""Analyse stage: the sentences that invoke a historical event of history.yml, and dated claims to check.

A sentence invokes an event when it names one of the event's aliases (whole words, accents and case
ignored). A dated claim is a year or a full date in such a sentence: when no year or date in the sentence
agrees with the event's record, the article's date is flagged beside its paragraph, with the record and
its citation. A year that agrees with any event the sentence names explains itself, so "Roosevelt … in
1904" is not flagged because 1823 appears nowhere near it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Event, Flag, Invocation, Paragraph
from ..parse import MONTHS
from .mentions import WORD_START, fold
from .quotes import sentence_starts, spans

YEAR_RE = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d])")
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
FULL_DATE_RES = (
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
)


def record(event: Event) -> str:
    """The event's date as the record gives it, at its precision: "2 December 1823", "April 1961"."""
    start = format_date(event.date)
    if not event.end or event.end == event.date:
        return start
    return f"{start} – {format_date(event.end)}"


def format_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = dt.date(2000, int(parts[1]), 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _matcher(events: tuple[Event, ...]) -> tuple[re.Pattern, dict[str, str]]:
    by_alias = {}
    for event in events:
        for alias in (event.name, *event.aliases):
            by_alias.setdefault(" ".join(fold(alias)[0].split()), event.id)
    body = "|".join(r"\s+".join(map(re.escape, a.split())) for a in sorted(by_alias, key=len, reverse=True))
    return re.compile(rf"{WORD_START}({body or '(?!x)x'})(?![\w])"), by_alias


def find_invocations(
    paragraphs: tuple[Paragraph, ...], events: tuple[Event, ...]
) -> tuple[tuple[Invocation, ...], tuple[Flag, ...]]:
    if not events:
        return (), ()
    regex, by_alias = _matcher(events)
    by_id = {e.id: e for e in events}
    invocations: list[Invocation] = []
    flags: list[Flag] = []
    for paragraph in paragraphs:
        text = paragraph.text
        starts = [*sentence_starts(text, spans(text)), len(text)]
        for begin, end in zip(starts, starts[1:], strict=False):
            sentence = text[begin:end].strip()
            folded = fold(sentence)[0]
            named = []
            for match in regex.finditer(folded):
                event = by_alias[" ".join(match.group(1).split())]
                if event not in named:
                    named.append(event)
            for event in named:
                invocations.append(Invocation(event, paragraph.id, sentence))
            flags.extend(_check_dates(sentence, [by_id[e] for e in named], paragraph.id))
    return tuple(invocations), tuple(flags)


def _check_dates(sentence: str, events: list[Event], paragraph: str) -> list[Flag]:
    if not events:
        return []
    full_dates = []
    for pattern in FULL_DATE_RES:
        for m in pattern.finditer(sentence):
            try:
                day = dt.date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
            except ValueError:
                continue
            full_dates.append((m.group(0), day))
    years = [(m.group(1), int(m.group(1))) for m in YEAR_RE.finditer(sentence)]
    if not years:
        return []

    def agrees(event: Event, year: int) -> bool:
        first, last = event.years
        return first <= year <= last

    flags = []
    for event in events:
        if any(agrees(event, y) for _, y in years):
            # A full date in the right year can still be the wrong day.
            if len(event.date) == 10:
                start = dt.date.fromisoformat(event.date)
                stop = dt.date.fromisoformat(event.end) if event.end and len(event.end) == 10 else start
                for said, day in full_dates:
                    if agrees(event, day.year) and not start <= day <= stop:
                        flags.append(
                            Flag(
                                "date-mismatch",
                                event.id,
                                paragraph,
                                said,
                                record(event),
                                event.sources[0].url,
                                sentence,
                            )
                        )
            continue
        unexplained = [s for s, y in years if not any(agrees(e, y) for e in events)]
        if unexplained:
            flags.append(
                Flag(
                    "date-mismatch",
                    event.id,
                    paragraph,
                    ", ".join(unexplained),
                    record(event),
                    event.sources[0].url,
                    sentence,
                )
            )
    return flags
