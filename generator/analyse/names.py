"""Analyse stage: capitalised names in the text that actors.yml does not cover, for the editor to curate.

Reported by ``check`` (and the build log) with article and paragraph; never turned into actors.
Names listed under ``not_actors`` in attribution.yml (places, days, months, events) are not reported.
"""

from __future__ import annotations

import re

from ..model import Article, Attribution, Warning
from .mentions import fold
from .quotes import sentence_starts, spans

WORD = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z]\.)"  # a capitalised word, or an initial ("Richard N. Haass")
NAME_RE = re.compile(rf"(?<![\w’'-]){WORD}(?:\s+(?:(?:of|on|for|the|de|del|da|and)\s+)?{WORD})*")


def unknown_names(
    articles: tuple[Article, ...], attribution: Attribution, corpus: str
) -> tuple[Warning, ...]:
    ignore = {_key(n) for n in (*attribution.not_actors, *attribution.titles)}
    longest_first = sorted(ignore, key=len, reverse=True)
    first_seen: dict[str, tuple[Article, str]] = {}
    for article in articles:
        for paragraph in article.paragraphs:
            text = paragraph.text
            starts = set(sentence_starts(text, spans(text)))
            covered = [(m.start, m.end) for m in article.mentions if m.paragraph == paragraph.id]
            for match in NAME_RE.finditer(text):
                if any(a <= match.start() < b or a < match.end() <= b for a, b in covered):
                    continue
                name = re.sub(r"(’s|'s|’|')$", "", match.group()).rstrip(".")
                if _key(name) in ignore or re.search(r"-[a-z]+$", name):  # "Latin American", "U.S.-backed"
                    continue
                name = _strip_known_prefix(name, longest_first)
                words = name.split()
                if not words or re.search(r"[’'](m|re|ve|ll|d)$", name):
                    continue
                at_start = match.start() in starts or text[: match.start()].rstrip().endswith(("“", '"', "("))
                if len(words) == 1 and (at_start or len(name) < 3):
                    continue
                if _key(name) in ignore or all(_key(w) in ignore for w in words):
                    continue
                first_seen.setdefault(name, (article, paragraph.id))
    return tuple(
        Warning(
            f"{corpus}/{article.file}",
            f"{paragraph}: '{name}' is not in actors.yml; add it as an actor (or an alias), or list it "
            "under not_actors in attribution.yml if it is a place or not an actor",
            kind="unknown-name",
            subject=name,
        )
        for name, (article, paragraph) in sorted(first_seen.items(), key=lambda x: (x[1][0].file, x[0]))
    )


def _key(name: str) -> str:
    return " ".join(fold(name)[0].replace(".", "").split())


def _strip_known_prefix(name: str, known: list[str]) -> str:
    """'The White House' → 'White House', 'Oval Office Lilian Tintori' → 'Lilian Tintori'."""
    changed = True
    while changed and name:
        changed = False
        words = name.split()
        for size in range(min(3, len(words) - 1), 0, -1):
            if _key(" ".join(words[:size])) in known:
                name = " ".join(words[size:])
                changed = True
                break
            if _key(" ".join(words[-size:])) in known:  # "Juan Guaidó on Saturday"
                name = re.sub(r"\s+(?:of|on|for|the|de|del|da|and)$", "", " ".join(words[:-size]))
                changed = True
                break
    return name
