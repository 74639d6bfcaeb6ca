"""Remove page furniture from a scraped article, recording every removed line with its rule and reason.

The pattern rules of ``site_data/cleaning.yml``: a regular expression per line (comment prompts, donation
appeals, captions with their photo credits, video-player text …), optionally scoped to outlets or files,
removing the line, the line with the caption above it, a heading with the related headlines listed under it,
or everything from the line to the end. A rule with ``part: end`` cuts a piece off the end of a line instead
("… By Jane Doe AD AD" at the end of a live blog's entry), and one with a ``role`` says the text is metadata:
a byline gives the article's author, a credit ("Additional reporting by …") is shown with the metadata.

The built-in detectors, which need more than one line, are in ``detect``. Kept text is never edited: a line
is kept whole, removed whole, or loses a recorded piece at its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CleaningRules, Removed, Rule, Unit
from .parse import is_headline, is_prose, join_names, normalise, parse_dateline, split_names, words
from .patterns import Bounded


@dataclass(frozen=True)
class Meta:
    """Metadata that a removed line (or piece of a line) gives: a byline's names, or a credit."""

    role: str  # "byline" | "credit"
    value: str  # the names of a byline ("Ann Lee and Tom Hale"); the credit's text
    line: int
    text: str  # the text removed


@dataclass(frozen=True)
class Furniture:
    kept: tuple[Unit, ...]
    removed: tuple[Removed, ...]
    metadata: tuple[Meta, ...] = ()

    @property
    def bylines(self) -> tuple[Meta, ...]:
        return tuple(m for m in self.metadata if m.role == "byline")

    @property
    def credits(self) -> tuple[Meta, ...]:
        return tuple(m for m in self.metadata if m.role == "credit")


def applies(rule: Rule, file: str, outlet: str) -> bool:
    return (not rule.files or file in rule.files) and (not rule.outlets or outlet in rule.outlets)


def _compiled(rules: CleaningRules, file: str, outlet: str) -> list[tuple[Rule, Bounded]]:
    # Editors' patterns run with a time bound (patterns.py): one that backtracks stops with an error.
    return [
        (r, Bounded(r.pattern, r.ignore_case, r.origin, f"a line of {file}"))
        for r in rules.patterns
        if applies(r, file, outlet)
    ]


def _meta(rule: Rule, m: re.Match, line: int, text: str) -> Meta | None:
    """What a match says about the article: a byline (the ``author`` group, or the text after "By") or a
    credit. A rule with an ``author`` group and no role is a byline rule ("Follow Jane Doe on X")."""
    named = "author" in m.re.groupindex and m.group("author")
    role = rule.role or ("byline" if named else None)
    if role == "byline":
        names = split_names(m.group("author") if named else re.sub(r"^\W*by\s+", "", text, flags=re.I))
        if names:
            return Meta("byline", join_names(names), line, text)
        return None
    if role == "credit":
        return Meta("credit", text, line, text)
    return None


def remove_furniture(units: tuple[Unit, ...], rules: CleaningRules, file: str, outlet: str) -> Furniture:
    """Apply the pattern rules, in file order; the first rule that matches a line removes it.

    Patterns see spacing collapsed (scraped text mixes no-break and double spaces). A line's end pieces are
    cut off one at a time (the last first), so that a line ending "… By Jane Doe AD AD" loses both.
    """
    active = _compiled(rules, file, outlet)
    whole = [(r, x) for r, x in active if r.part == "line"]
    ends = [(r, x) for r, x in active if r.part == "end"]
    verdict: dict[int, Rule] = {}
    texts = [u.text for u in units]  # a line's text once its end pieces are cut off
    pieces: list[Removed] = []
    metadata: list[Meta] = []
    for index, unit in enumerate(units):
        if index in verdict:
            continue
        while texts[index]:
            flat = " ".join(texts[index].split())
            hit = next(((r, m) for r, x in whole if (m := x.search(flat))), None)
            if hit is not None:
                rule, m = hit
                verdict[index] = rule
                meta = _meta(rule, m, unit.line, flat)
                if meta:
                    metadata.append(meta)
                _extend(units, index, rule, rules, verdict)
                break
            text = texts[index]
            cut = next(((r, m) for r, x in ends if (m := x.search(text)) and m.end() == len(text)), None)
            if cut is None or not cut[1].group(0).strip():
                break
            rule, m = cut
            piece = " ".join(m.group(0).split())
            pieces.append(Removed(unit.line, piece, rule.id, rule.reason))
            meta = _meta(rule, m, unit.line, piece)
            if meta:
                metadata.append(meta)
            texts[index] = texts[index][: m.start()].rstrip()
        if not texts[index] and index not in verdict:
            verdict[index] = None  # every piece of the line was cut off (each is recorded)
    _same_caption(units, texts, verdict)
    kept = tuple(
        u if texts[i] == u.text else Unit(u.line, u.end_line, u.block, texts[i])
        for i, u in enumerate(units)
        if i not in verdict
    )
    removed = [Removed(units[i].line, texts[i], r.id, r.reason) for i, r in verdict.items() if r is not None]
    removed.sort(key=lambda r: r.line)
    return Furniture(kept, tuple(sorted(pieces + removed, key=lambda r: r.line)), tuple(metadata))


def _extend(units: tuple[Unit, ...], index: int, rule: Rule, rules: CleaningRules, verdict: dict) -> None:
    """The lines a rule's extent takes with the line it matched."""
    unit = units[index]
    if rule.extent == "rest":
        for later in range(index + 1, len(units)):
            verdict.setdefault(later, rule)
    elif rule.extent == "with-caption-above" and _block_size(units, unit) <= rules.caption_block_max_lines:
        # A photo credit closes its caption: the lines just above it in its (small) block. In a long block
        # (a file without blank lines) the lines above are article text, so only the credit goes.
        above = index - 1
        while (
            above >= 0
            and units[above].block == unit.block
            and above not in verdict
            and not parse_dateline(units[above].text)
        ):
            verdict[above] = rule
            above -= 1
    elif rule.extent == "with-headlines-below":
        # "Read more:" / "MORE:" and the related articles' headlines listed under it, up to the next line
        # that is not a headline (a sentence of the article).
        for later in range(index + 1, len(units)):
            text = units[later].text
            if later in verdict or not is_headline(text, 25) or is_prose(units[later]):
                break
            verdict[later] = rule


def _same_caption(units: tuple[Unit, ...], texts: list[str], verdict: dict) -> None:
    """A caption printed twice, once with its photo credit and once without: the copy without it goes too."""
    captions = [
        (normalise(texts[i]), rule)
        for i, rule in verdict.items()
        if rule is not None and rule.extent == "with-caption-above"
    ]
    if not captions:
        return
    for index, text in enumerate(texts):
        if index in verdict or words(text) < 6:
            continue
        norm = normalise(text)
        rule = next((r for caption, r in captions if caption.startswith(norm + " ")), None)
        if rule is not None:
            verdict[index] = rule


def _block_size(units: tuple[Unit, ...] | list[Unit], unit: Unit) -> int:
    return sum(1 for u in units if u.block == unit.block)
