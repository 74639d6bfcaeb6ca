"""Remove page furniture from a scraped article, recording every removed line with its rule and reason.

Two kinds of rules, both configured in ``site_data/cleaning.yml``:

* pattern rules: a regular expression per line (comment prompts, donation appeals, captcha lines, photo
  credits…), optionally scoped to outlets or files, removing the line, the line with the caption above it,
  or everything from the line to the end;
* built-in detectors, which need context a pattern cannot see: a line repeating an earlier line (a caption
  printed twice, the headline repeated above a photo caption), a line of unquoted text that repeats a quotation
  already given (an embedded tweet), and a headline-like line inside the body (a related-article link).

Kept lines are never edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CleaningRules, Removed, Rule, Unit
from .parse import TERMINAL_RE, Header, is_prose, normalise, parse_dateline, words

QUOTE_RE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


@dataclass(frozen=True)
class Furniture:
    kept: tuple[Unit, ...]
    removed: tuple[Removed, ...]
    author: tuple[str, int] | None  # a name captured by a rule's (?P<author>…) group, and its line


def _applies(rule: Rule, file: str, outlet: str) -> bool:
    return (not rule.files or file in rule.files) and (not rule.outlets or outlet in rule.outlets)


def _removed(unit: Unit, rule: Rule) -> Removed:
    return Removed(unit.line, unit.text, rule.id, rule.reason)


def remove_furniture(units: tuple[Unit, ...], rules: CleaningRules, file: str, outlet: str) -> Furniture:
    """Apply the pattern rules, in file order; the first rule that matches a line removes it."""
    active = [
        (r, re.compile(r.pattern, re.I if r.ignore_case else 0))
        for r in rules.patterns
        if _applies(r, file, outlet)
    ]
    verdict: dict[int, Rule] = {}
    author = None
    for index, unit in enumerate(units):
        if index in verdict:
            continue
        # Patterns see spacing collapsed (scraped text mixes no-break and double spaces); the text is kept as is.
        flat = " ".join(unit.text.split())
        for rule, regex in active:
            m = regex.search(flat)
            if not m:
                continue
            verdict[index] = rule
            if "author" in regex.groupindex and m.group("author") and author is None:
                author = (m.group("author").strip(), unit.line)
            if rule.extent == "rest":
                for later in range(index + 1, len(units)):
                    verdict.setdefault(later, rule)
            elif (
                rule.extent == "with-caption-above"
                and _block_size(units, unit) <= rules.caption_block_max_lines
            ):
                # A photo credit closes its caption: the lines just above it in its (small) block. In a long
                # block (a file without blank lines) the lines above are article text, so only the credit goes.
                above = index - 1
                while (
                    above >= 0
                    and units[above].block == unit.block
                    and above not in verdict
                    and not parse_dateline(units[above].text)
                ):
                    verdict[above] = rule
                    above -= 1
            break
    kept = tuple(u for i, u in enumerate(units) if i not in verdict)
    removed = tuple(_removed(units[i], rule) for i, rule in sorted(verdict.items()))
    return Furniture(kept, removed, author)


def _block_size(units: tuple[Unit, ...] | list[Unit], unit: Unit) -> int:
    return sum(1 for u in units if u.block == unit.block)


def _quotations(unit: Unit, min_words: int) -> list[str]:
    found = []
    for m in QUOTE_RE.finditer(unit.text):
        quoted = normalise(m.group(1) or m.group(2))
        if words(quoted) >= min_words:
            found.append(quoted)
    return found


def remove_repeats(
    units: tuple[Unit, ...], head: Header, rules: CleaningRules
) -> tuple[tuple[Unit, ...], tuple[Removed, ...]]:  # noqa: C901
    """Apply the built-in detectors to the units left after the header fields were taken."""
    detectors = rules.detectors
    metadata = {u.line for u in (head.title, head.subtitle, head.byline, head.place, head.dateline) if u}
    body = [u for u in units if u.line not in metadata]
    verdict: dict[int, Rule] = {}
    seen: dict[str, int] = {}  # normalised text → index in body of its first occurrence
    title_norm = normalise(head.title.text) if head.title else None
    started = False  # past the first paragraph of prose
    quotes: list[str] = []
    for index, unit in enumerate(body):
        norm = normalise(unit.text)
        rule = None
        if "repeated-line" in detectors and (norm in seen or norm == title_norm):
            rule = detectors["repeated-line"]
            verdict[index] = rule
            first = seen.get(norm)
            if first is not None and first == index - 1 and body[first].block == unit.block:
                verdict[first] = rule  # a caption printed twice: both copies are the caption
            elif norm == title_norm and _block_size(body, unit) <= rules.caption_block_max_lines:
                # The headline repeated above a photo: the rest of its small block is the caption.
                for j in range(index + 1, len(body)):
                    if body[j].block == unit.block:
                        verdict[j] = rule
        elif (
            "repeated-quote" in detectors
            and not QUOTE_RE.search(unit.text)
            and any(q in norm for q in quotes)
        ):
            rule = detectors["repeated-quote"]
        elif (
            "related-headline" in detectors
            and started
            and words(unit.text) <= detectors["related-headline"].max_words
            and not TERMINAL_RE.search(unit.text)
        ):
            rule = detectors["related-headline"]
        if rule is not None:
            verdict.setdefault(index, rule)
        elif index not in verdict:
            started = started or is_prose(unit)
            if "repeated-quote" in detectors:
                quotes.extend(_quotations(unit, detectors["repeated-quote"].min_words))
        seen.setdefault(norm, index)
    kept = tuple(u for i, u in enumerate(body) if i not in verdict)
    removed = tuple(_removed(body[i], rule) for i, rule in sorted(verdict.items()))
    return kept, removed
