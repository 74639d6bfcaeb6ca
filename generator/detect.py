"""Built-in cleaning detectors: furniture and structure that need more than one line to see.

Each is switched on (with its reason) in ``cleaning.yml``'s ``detectors``:

* ``repeated-headline``: the headline printed again in the text (and, in a small block, the photo caption
  under it); without it, ``repeated-line`` takes the repeated headline;
* ``repeated-line``: a line printed twice in a row (a caption printed twice): both copies;
* ``gallery``: the other slides of the gallery such a caption belongs to: the lines next to the pair, up
  and down, as long as each matches the editor's pattern (what a slide's caption looks like);
* ``repeated-quote``: a line of unquoted text that repeats a quotation already given (an embedded post);
* ``subheads``: a short line without closing punctuation between paragraphs is the article's own subheading:
  kept, and marked as one;
* ``related-headline``: such a line is the headline of a related article dropped into the text: removed.
  With ``subheads`` on, only lines longer than a subheading, or of the outlets it names, are taken for one.

Kept lines are never edited.
"""

from __future__ import annotations

import re

from .clean import applies
from .model import CleaningRules, Removed, Rule, Unit
from .parse import SENTENCE_END_RE, TERMINAL_RE, Header, is_prose, normalise, words
from .patterns import Bounded

QUOTE_RE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def _quotations(unit: Unit, min_words: int) -> list[str]:
    found = []
    for m in QUOTE_RE.finditer(unit.text):
        quoted = normalise(m.group(1) or m.group(2))
        if words(quoted) >= min_words:
            found.append(quoted)
    return found


def _repeats(norm: str, quotes: list[str], new_words: int | None) -> bool:
    """Does the line only repeat quotations already given? With ``new_words``, a line that says more than
    that many words besides them is kept: an embedded post repeating one sentence of its author's quotation
    keeps its other sentences (issue 13 §6)."""
    found = [q for q in quotes if q in norm]
    if not found:
        return False
    if new_words is None:
        return True
    rest = norm
    for q in sorted(found, key=len, reverse=True):
        rest = rest.replace(q, " ")
    return words(rest) <= new_words


def _post(text: str) -> bool:
    """A quotation in double quotes or a social-media handle: an embedded post or a quotation, never the
    headline of another article (headlines quote with single marks)."""
    return bool(re.search(r"[\"“”]|(?<!\w)@\w", text))


def _block_size(units: list[Unit], unit: Unit) -> int:
    return sum(1 for u in units if u.block == unit.block)


def remove_repeats(  # noqa: C901 - one pass over the body, each detector a branch
    units: tuple[Unit, ...], head: Header, rules: CleaningRules, file: str = "", outlet: str = ""
) -> tuple[tuple[Unit, ...], tuple[Removed, ...], frozenset[int]]:
    """Apply the built-in detectors to the units left after the header fields were taken.

    Returns the kept units, the removed lines, and the lines of the kept units that are subheadings.
    """
    detectors = {name: rule for name, rule in rules.detectors.items() if applies(rule, file, outlet)}
    metadata = {
        u.line
        for u in (head.title, head.subtitle, head.byline, head.byline_outlet, head.place, head.dateline)
        if u
    }
    body = [u for u in units if u.line not in metadata]
    verdict: dict[int, Rule] = {}
    seen: dict[str, int] = {}  # normalised text → index in body of its first occurrence
    title_norm = normalise(head.title.text) if head.title else None
    started = False  # past the first paragraph of prose
    quotes: list[str] = []
    subheads: set[int] = set()
    sub = detectors.get("subheads")
    related = detectors.get("related-headline")
    repeated = detectors.get("repeated-line")
    pairs: list[int] = []  # index of the second copy of each line printed twice in a row
    headline = detectors.get("repeated-headline") or repeated
    for index, unit in enumerate(body):
        norm = normalise(unit.text)
        rule = None
        short = not TERMINAL_RE.search(unit.text) and not is_prose(unit)
        if headline and norm == title_norm:
            rule = headline
            verdict[index] = rule
            if _block_size(body, unit) <= rules.caption_block_max_lines:
                # The headline repeated above a photo: the rest of its small block is the caption.
                for j in range(index + 1, len(body)):
                    if body[j].block == unit.block:
                        verdict[j] = repeated or headline
        elif repeated and seen.get(norm) == index - 1:
            # A caption printed twice in a row (a photo and its enlarged copy): both copies are the caption. An
            # article does not print a paragraph twice running; a page's photo or carousel does. A line repeated
            # further on is kept: a list, a recipe or a plan repeats its own lines.
            rule = repeated
            verdict[index] = rule
            verdict[index - 1] = rule
            pairs.append(index)
        elif (
            "repeated-quote" in detectors
            and not QUOTE_RE.search(unit.text)
            and _repeats(norm, quotes, detectors["repeated-quote"].new_words)
        ):
            rule = detectors["repeated-quote"]
        elif (
            sub
            and started
            and short
            and words(unit.text) <= sub.max_words
            # An editor who scoped related-headline to this outlet says its short lines are other articles'.
            and not (related and related.outlets)
            # A subheading introduces sentences; a run of short lines is a list (tour dates, a recipe), kept as text.
            and index + 1 < len(body)
            and SENTENCE_END_RE.search(body[index + 1].text)
        ):
            subheads.add(unit.line)
        elif related and started and short and words(unit.text) <= related.max_words and not _post(unit.text):
            rule = related
        if rule is not None:
            verdict.setdefault(index, rule)
        elif index not in verdict:
            started = started or is_prose(unit)
            if "repeated-quote" in detectors:
                quotes.extend(_quotations(unit, detectors["repeated-quote"].min_words))
        seen.setdefault(norm, index)
    if "gallery" in detectors and pairs:
        _slides(body, pairs, detectors["gallery"], verdict, file)
    kept = tuple(u for i, u in enumerate(body) if i not in verdict)
    removed = tuple(
        Removed(body[i].line, body[i].text, rule.id, rule.reason) for i, rule in sorted(verdict.items())
    )
    return kept, removed, frozenset(subheads - {body[i].line for i in verdict})


def _slides(body: list[Unit], pairs: list[int], rule: Rule, verdict: dict[int, Rule], file: str) -> None:
    """A caption printed twice in a row is a photo gallery's (the slide shown and its enlarged copy); the
    gallery's other slides are scraped as lines beside it. From each pair, up and then down, every line that
    matches the gallery pattern is a slide; the first that does not (or that another rule took) ends the
    gallery, so article text around it is never reached."""
    slide = Bounded(rule.pattern, False, rule.origin, f"a line of {file}")
    for second in pairs:
        for step, start in ((-1, second - 2), (1, second + 1)):
            j = start
            while 0 <= j < len(body) and j not in verdict and slide.search(body[j].text):
                verdict[j] = rule
                j += step
