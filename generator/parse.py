"""Parse a scraped article: decode it, split it into line units, and find what the text says about itself.

The header of a scraped page (before the first paragraph of prose) may hold the headline, a subtitle (dek),
the byline, a place and a dateline, in the forms seen in scraped news pages:
``Saturday 08 September 2018 23:49`` or ``Published: 0102 GMT September 09, 2018``. The parser only reports
what it finds and on which line; ``sources.yml`` fills gaps and overrides (see ``assemble``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import SiteDataError
from .model import Unit

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_TIME = r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
_LABEL = r"(?:(?:Published|Updated|Posted|Last updated|Date)\s*:?\s*)?"
_CLOCK = r"(?:\d{3,4}\s+[A-Z]{2,4}\s+)?"  # "0102 GMT " before the date
DATELINE_RES = (
    # Saturday 08 September 2018 23:49
    re.compile(
        rf"^{_LABEL}{_CLOCK}{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I
    ),
    # Published: 0102 GMT September 09, 2018 / September 9, 2018 4:30 pm
    re.compile(
        rf"^{_LABEL}{_CLOCK}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_TIME}$", re.I
    ),
    # 2018-09-08 or 2018-09-08 23:49
    re.compile(
        rf"^{_LABEL}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}})?Z?)?$"
    ),
)
TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
NAME_RE = re.compile(
    r"^(?:[A-Z][\w’'.-]*|de|da|del|van|von|la|le|bin|al)(?:\s+(?:[A-Z][\w’'.-]*|de|da|del|van|von|la|le|bin|al)){0,4}$"
)


# "By Ann Lee and Tom Hale, USA TODAY", "By Jane Doe | Riverton Gazette": names, then optionally the outlet.
BYLINE_RE = re.compile(
    r"^[Bb][Yy]\s+(?P<names>[^,|/–—]+(?:,\s*[^,|/–—]+)*?)(?:\s*[,|/–—]\s*(?P<outlet>[^,|/–—]{2,60}))?$"
)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a corpus file, or an error naming the line with the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SiteDataError(
            path,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the article as UTF-8 (for example with `iconv -f cp1252 -t utf-8`)",
            line=line,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def units(text: str) -> tuple[Unit, ...]:
    """Split text into line units; a block is a run of lines between blank lines.

    Each line is a unit, except that hard-wrapped prose is joined: a line that does not end a sentence
    followed in the same block by a line that starts in lower case is one paragraph broken by the scraper.
    """
    result: list[Unit] = []
    block = 0
    previous_blank = True
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()  # inner spacing is kept as published (the browser collapses it anyway)
        if not line:
            previous_blank = True
            continue
        if previous_blank:
            block += 1
        elif (
            result
            and result[-1].block == block
            and not TERMINAL_RE.search(result[-1].text)
            and line[0].islower()
        ):
            last = result[-1]
            result[-1] = Unit(last.line, number, block, f"{last.text} {line}")
            previous_blank = False
            continue
        result.append(Unit(number, number, block, line))
        previous_blank = False
    return tuple(result)


def parse_dateline(text: str) -> str | None:
    """ISO date of a line that is only a date (with optional label, weekday and time), else None."""
    for pattern in DATELINE_RES:
        m = pattern.match(text.strip())
        if not m:
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else MONTHS.get(month.lower())
        if not month_no:
            continue
        try:
            return dt.date(int(m.group("year")), month_no, int(m.group("day"))).isoformat()
        except ValueError:
            return None
    return None


def words(text: str) -> int:
    return len(text.split())


def is_prose(unit: Unit) -> bool:
    """A paragraph of running text: a dozen words or more and a sentence end."""
    return words(unit.text) >= 12 and bool(SENTENCE_END_RE.search(unit.text))


# Scripts written without spaces between words (Japanese kana, Chinese and Japanese ideographs).
UNSPACED_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_running_text(text: str) -> bool:
    """A line of running text: a dozen words, or thirty characters of a script written without spaces."""
    return words(text) >= 12 or len(UNSPACED_RE.findall(text)) >= 30


def is_headline(text: str, max_words: int = 40) -> bool:
    """Headline-like: short and not ending a sentence with a full stop."""
    return 1 <= words(text) <= max_words and not re.search(r"[.:;,][\"'”’)]*$", text)


def is_name(text: str) -> bool:
    return 1 <= words(text) <= 5 and bool(NAME_RE.match(text)) and not any(ch.isdigit() for ch in text)


def split_names(text: str) -> tuple[str, ...]:
    """The names of a byline's list: "Ann Lee, Tom Hale and Jo Roe" → three names; () unless every part is a
    name (so that "By contrast, 45% saw …" is no byline)."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", text.strip()) if p.strip()]
    names = tuple(dict.fromkeys(parts))
    return names if names and all(is_name(n) and words(n) >= 2 for n in names) else ()


def join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def byline_names(text: str, outlet: str | None = None) -> tuple[str, ...]:
    """The authors a byline line names ("By A and B, OUTLET"), or ()."""
    m = BYLINE_RE.match(" ".join(text.split()))
    if not m:
        return ()
    names = split_names(m.group("names"))
    if not names and m.group("outlet") is None:
        return ()
    tail = m.group("outlet")
    if tail and not (outlet and _norm(tail) == _norm(outlet)) and split_names(f"{m.group('names')}, {tail}"):
        names = split_names(f"{m.group('names')}, {tail}")  # "By Ann Lee, Tom Hale": no outlet after all
    return names


@dataclass(frozen=True)
class Header:
    """What the head of the page gives, each with the unit it came from."""

    title: Unit | None = None
    subtitle: Unit | None = None
    byline: Unit | None = None
    byline_outlet: Unit | None = None  # "USA TODAY" on the line under the byline's name
    authors: tuple[str, ...] = ()  # the names the byline gives
    place: Unit | None = None
    dateline: Unit | None = None
    date: str | None = None


def header(kept: tuple[Unit, ...], outlet: str | None = None) -> Header:  # noqa: C901 - a handful of lines
    """Find headline, subtitle, byline, place and dateline among the units before the first prose paragraph.

    ``outlet``: the outlet's name, so that a byline's outlet line ("Alan Gomez" / "USA TODAY") is known.
    """
    head: list[Unit] = []
    for unit in kept:
        if is_prose(unit) and not parse_dateline(unit.text):
            break
        head.append(unit)
    found: dict = {}
    for i, unit in enumerate(head[1:], 1):
        names = byline_names(unit.text, outlet)
        following = head[i + 1] if i + 1 < len(head) else None
        if names:
            found.update(byline=unit, authors=names)
        elif (
            outlet
            and following is not None
            and is_name(unit.text)
            and words(unit.text) >= 2
            and _norm(following.text) == _norm(outlet)
        ):
            found.update(byline=unit, byline_outlet=following, authors=(unit.text,))
        else:
            continue
        break
    for unit in head:
        date = parse_dateline(unit.text)
        if date:
            found.update(dateline=unit, date=date)
            # "Author / Place / date" in one block: name-like lines just before the dateline.
            names = [u for u in head if u.block == unit.block and u.line < unit.line]
            names = names[-2:] if len(names) >= 2 and all(is_name(u.text) for u in names[-2:]) else names[-1:]
            names = [u for u in names if is_name(u.text)]
            if names and "byline" not in found:
                found["byline"] = names[0]
                if len(names) == 2:
                    found["place"] = names[1]
            break
    taken = {u.line for u in found.values() if isinstance(u, Unit)}
    rest = [u for u in head if u.line not in taken]
    if rest and is_headline(rest[0].text):
        title = rest[0]
        found["title"] = title
        after = rest[1] if len(rest) > 1 else None
        alone = after is not None and sum(1 for u in kept if u.block == after.block) == 1
        if (
            after
            and alone
            and after.block != title.block
            and is_headline(after.text, 60)
            and _norm(after.text) != _norm(title.text)
        ):
            found["subtitle"] = after
    return Header(**found)


def _norm(text: str) -> str:
    """Compare lines ignoring case, quote style and punctuation."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


normalise = _norm
