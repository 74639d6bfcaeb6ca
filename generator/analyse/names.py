"""Analyse stage: capitalised names in the text that actors.yml does not cover, for the editor to curate.

Reported by ``check`` (and the build log) with article and paragraph; never turned into actors.
Names listed under ``not_actors`` in attribution.yml (places, days, months, events) are not reported.
"""

from __future__ import annotations

import re

from ..model import Article, Attribution, Mention, Warning
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


PARTICLES = {"de", "da", "del", "van", "von", "la", "le", "bin", "al", "dos", "das"}


def discovered_mentions(
    paragraphs, mentions, attribution: Attribution
) -> tuple[tuple[Mention, ...], dict[str, str]]:
    """Mentions of people and bodies actors.yml does not know, so a quotation can still be given to them.

    A new site has an empty registry, and "said José Peña" must not then count as unattributed. Only full
    names are taken (two to four capitalised words once known titles are set aside, outside quotations),
    and after one, its last word alone in the same article ("Peña said"), unless two such names share it.
    The actor id is ``"?" + name``: never an entry of actors.yml, and shown as "not in actors.yml".
    Also returns the kinds it is sure of: "person" when a title stood before the name ("Mayor Ana Ortiz"),
    "organisation" when it ends in one of attribution.yml's organisation_words ("Riverton Town Council").
    Any other found name may be either: as the nearest subject it can be the antecedent of any pronoun, so
    that "Council member José Peña led the opposition. “…,” he said" is not given to someone further back.
    """
    ignore = {_key(n) for n in (*attribution.not_actors, *attribution.titles)}
    titles = {_key(t) for t in attribution.titles}
    bodies = {_key(w) for w in attribution.organisation_words}
    bodies_found: set[str] = set()
    found: list[Mention] = []
    surnames: dict[str, set[str]] = {}
    people: set[str] = set()
    for paragraph in paragraphs:
        text = paragraph.text
        quoted = spans(text)
        covered = [(m.start, m.end) for m in mentions if m.paragraph == paragraph.id]
        for match in NAME_RE.finditer(text):
            start, end = match.start(), match.end()
            if any(a <= start < b or a < end <= b for a, b in covered):
                continue
            if any(s.start <= start < s.end for s in quoted):
                continue
            words = [
                (w.start() + start, w.end() + start, w.group()) for w in re.finditer(r"\S+", match.group())
            ]
            # Words before the name that are not part of it: a sentence opener or place from not_actors
            # ("On Monday Ana Ortiz"), a hyphenated description ("Sixteen-year-old Mei Lin").
            while len(words) > 1 and (
                _key(words[0][2]) in ignore - titles or re.search(r"-[a-z]", words[0][2])
            ):
                words.pop(0)
                start = words[0][0]
            # "Mayor Ana Ortiz", "Finance Director Gerald Fink": the name is what follows the last title word;
            # the mention keeps the title (as for actors.yml's), so "said Mayor Ana Ortiz" names her.
            cut = max((i + 1 for i, w in enumerate(words[:-1]) if _key(w[2]) in titles), default=0)
            titled = cut > 0
            span_start = start
            words = words[cut:]
            if not titled:
                before = re.search(r"(\w[\w.]*(?:\s+\w[\w.]*)?)\s+$", text[:start])
                titled = bool(
                    before
                    and (_key(before.group(1)) in titles or _key(before.group(1).split()[-1]) in titles)
                )  # "Council member Ray Lin"
            while words and (
                words[-1][2].casefold() in ("of", "on", "for", "the", "and") or _key(words[-1][2]) in ignore
            ):
                words.pop()
            if not words:
                continue
            tail = re.search(r"(’s|'s|’|')$", words[-1][2])
            first, last = words[0][0], words[-1][1] - (len(tail.group()) if tail else 0)
            name = text[first:last].rstrip(".")
            last = first + len(name)
            first = span_start if titled and cut else first
            parts = name.split()
            if len(parts) == 1:
                owners = surnames.get(parts[0], set())
                if len(owners) == 1:
                    found.append(
                        Mention("?" + next(iter(owners)), paragraph.id, first, last, text[first:last])
                    )
                continue
            if not 2 <= len(parts) <= 4 or any(
                w.casefold() in ("of", "on", "for", "the", "and") for w in parts
            ):
                continue
            if _key(name) in ignore or any(_key(w) in ignore for w in parts if w.casefold() not in PARTICLES):
                continue
            found.append(Mention("?" + name, paragraph.id, first, last, text[first:last]))
            if _key(parts[-1]) in bodies:
                bodies_found.add("?" + name)
                continue
            surnames.setdefault(parts[-1], set()).add(name)
            if titled:
                people.add("?" + name)
    return tuple(found), {**dict.fromkeys(people, "person"), **dict.fromkeys(bodies_found, "organisation")}
