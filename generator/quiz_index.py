"""What the quizzes read from the whole site, worked out once per site instead of once per article, and the
choice filter of ``quiz._question`` in time linear in the number of choices.

A quiz question on one article compares it with every other article (people quoted elsewhere, labels other
writers use, other bylines). Done per article that is quadratic in the size of the corpus, and the filter
that drops a wrong choice overlapping an earlier one (``distinct``) was quadratic in the number of choices:
a 1,000-article corpus has a thousand authors and dates to choose from, for every article. The results are
exactly those of the plain loops (``tests/test_quiz_index.py`` compares them on hard cases).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .analyse.mentions import fold

WORD = re.compile(r"\w+")
SMALL = 12  # up to this many choices, distinct() compares each with each


@functools.lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """The text folded (``mentions.fold``), its whitespace runs one space: cached, since a quiz folds the same
    phrases (terms, labels, names) for every article."""
    return " ".join(fold(text)[0].split())


@functools.lru_cache(maxsize=65536)
def _whole_words(needle: str) -> re.Pattern:
    """The pattern of ``needle`` as whole words, compiled once (re's own cache holds only 512)."""
    return re.compile(rf"(?<![\w]){re.escape(needle)}(?![\w])")


@functools.lru_cache(maxsize=4096)
def _words_in(haystack: str) -> frozenset[str]:
    """Every word (``\\w+`` run) of a haystack, once per haystack: an article's whole text is searched for
    dozens of words and labels."""
    return frozenset(WORD.findall(haystack))


def uses(haystack: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in the folded ``haystack`` as whole words.

    An occurrence as whole words has each word of the needle as a whole word of the haystack (see _Keys), so
    a needle with a word the haystack lacks is not searched for: most are not there."""
    needle = folded(phrase)
    if not needle:
        return False
    words = _tokens(needle)
    if words and not _words_in(haystack).issuperset(words):
        return False
    return _whole_words(needle).search(haystack) is not None


def _contains(haystack: str, phrase: str) -> bool:
    """``uses`` for a short haystack (another choice): searched at once, its words not kept."""
    needle = folded(phrase)
    return bool(needle) and _whole_words(needle).search(haystack) is not None


def overlaps(a: str, b: str) -> bool:
    return a == b or _contains(a, b) or _contains(b, a)


@functools.lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def _runs(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [tokens[i:j] for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)]


class _Keys:
    """Folded keys, indexed to find the ones that may overlap a new key without trying each.

    A whole-word occurrence of a needle in a haystack has every word (``\\w+`` run) of the needle as a whole
    word of the haystack, and in a row: the needle's own non-word characters, or the lookarounds at its ends,
    bound each of its words the same way in the haystack. So a key can only contain a needle whose words are a
    run of its words, and only be contained in a key one of whose runs of words is the needle's words. Needles
    without a word character are tried against every key. Every candidate is then checked with ``overlaps``.
    """

    def __init__(self):
        self.keys: set[str] = set()
        self.by_words: dict[tuple[str, ...], list[str]] = {}  # the words of folded(key) → keys
        self.by_run: dict[tuple[str, ...], list[str]] = {}  # every run of the key's words → keys
        self.wordless: list[str] = []  # keys whose folded form has no word character

    def add(self, key: str) -> None:
        self.keys.add(key)
        words = _tokens(folded(key))
        if words:
            self.by_words.setdefault(words, []).append(key)
        else:
            self.wordless.append(key)
        for run in _runs(_tokens(key)):
            self.by_run.setdefault(run, []).append(key)

    def overlapping(self, key: str) -> list[str]:
        """The keys that overlap ``key`` (equal, containing it, or contained in it, as whole words)."""
        candidates = dict.fromkeys(self.wordless)
        if key in self.keys:
            candidates[key] = None
        for run in _runs(_tokens(key)):  # keys that key contains
            candidates.update(dict.fromkeys(self.by_words.get(run, ())))
        words = _tokens(folded(key))
        if words:  # keys that contain key
            candidates.update(dict.fromkeys(self.by_run.get(words, ())))
        else:
            candidates.update(dict.fromkeys(self.keys))
        return [k for k in candidates if overlaps(key, k)]


def distinct(right: str, texts: Sequence[str]) -> list[int]:
    """Indexes of the texts kept as wrong choices, in order: each that overlaps neither ``right`` nor a text
    kept before it (folded, as whole words)."""
    if len(texts) <= SMALL:  # a few choices: comparing each with each costs less than indexing long texts
        kept_keys = [folded(right)]
        kept = []
        for i, text in enumerate(texts):
            key = folded(text)
            if not any(overlaps(key, k) for k in kept_keys):
                kept_keys.append(key)
                kept.append(i)
        return kept
    keys = _Keys()
    keys.add(folded(right))
    kept = []
    for i, text in enumerate(texts):
        key = folded(text)
        if not keys.overlapping(key):
            keys.add(key)
            kept.append(i)
    return kept


@dataclass(frozen=True)
class _Universe:
    """All texts of one kind of choice (every author of the site), in order, with what ``distinct`` keeps of
    them all; per article only the one connected group of overlapping texts its own text is in changes."""

    texts: tuple[str, ...]
    near: tuple[frozenset[int], ...]  # each text's overlapping others
    group: tuple[int, ...]  # connected group of overlapping texts, by its smallest index
    members: dict[int, tuple[int, ...]]  # group → its texts, in order
    kept: frozenset[int]  # distinct() over all texts with nothing excluded
    order: tuple[int, ...]  # kept, as quiz._order sorts them (casefolded text, then position)


@functools.lru_cache(maxsize=16)
def _universe(texts: tuple[str, ...]) -> _Universe:
    keys = _Keys()
    folded_keys = [folded(t) for t in texts]
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(folded_keys):
        if key not in by_key:
            keys.add(key)
        by_key.setdefault(key, []).append(i)
    near = [set() for _ in texts]
    for i, key in enumerate(folded_keys):
        for other in keys.overlapping(key):
            near[i].update(j for j in by_key[other] if j != i)
    group = list(range(len(texts)))
    for i in range(len(texts)):  # connected groups: a flood fill from each smallest index
        if group[i] != i:
            continue
        stack = [i]
        while stack:  # every other text of the group comes after i, unassigned (group[j] == j) until now
            for j in near[stack.pop()]:
                if j > i and group[j] == j:
                    group[j] = i
                    stack.append(j)
    kept = _greedy(range(len(texts)), near, set())
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)
    return _Universe(
        texts,
        tuple(frozenset(n) for n in near),
        tuple(group),
        {g: tuple(m) for g, m in members.items()},
        frozenset(kept),
        tuple(sorted(kept, key=lambda i: (texts[i].casefold(), i))),
    )


def _greedy(indexes, near, blocked: set[int]) -> list[int]:
    kept: list[int] = []
    chosen: set[int] = set()
    for i in indexes:
        if i not in blocked and not (near[i] & chosen):
            kept.append(i)
            chosen.add(i)
    return kept


def distinct_but(texts: tuple[str, ...], right: int, first: int) -> tuple[int, list[int]]:
    """``distinct(texts[right], texts without texts[right])``, as (how many are kept, the first ``first`` of
    them in quiz._order's order), without going through all the texts for each article."""
    u = _universe(texts)
    members = u.members[u.group[right]]
    inside = set(members)
    kept_here = _greedy((i for i in members if i != right), u.near, set(u.near[right]) | {right})
    count = len(u.kept - inside) + len(kept_here)
    here = sorted(kept_here, key=lambda i: (texts[i].casefold(), i))
    out: list[int] = []
    outside = (i for i in u.order if i not in inside)
    a, b = next(outside, None), 0
    while len(out) < first and (a is not None or b < len(here)):
        if b < len(here) and (a is None or (texts[here[b]].casefold(), here[b]) < (texts[a].casefold(), a)):
            out.append(here[b])
            b += 1
        else:
            out.append(a)
            a = next(outside, None)
    return count, out


# ---------------------------------------------------------------------------------------------- the site


@dataclass(frozen=True)
class SiteIndex:
    """What the quizzes of every page read from the whole site."""

    actors: dict  # actor id → Actor
    said: dict  # a statement's six-word run → the names the site gives it to
    speakers: list  # every named speaker, most quoted first
    decided: dict  # article id → its decided quotations (quiz.decided_quotes)
    writer_labels: dict  # article id → quiz._writer_labels
    label_users: dict  # (actor, folded label) → article ids whose writer uses it
    labels_by_actor: dict  # actor → [(article id, label)] of the writers' labels, in the site's order
    stated: dict  # fact id → how many articles state it
    term_users: dict  # term → how many articles use it (any category)
    authors: tuple  # sorted
    dates: tuple  # published values, sorted
    days: tuple  # the same as the pages print them (render.long_date)
    outlets: tuple  # names, sorted
    whole: dict = field(default_factory=dict)  # article id → quiz._whole_text, filled in when first asked
    cores: dict = field(default_factory=dict)  # (actor, label) → quiz._core, filled in when first asked
    label_groups: dict = field(default_factory=dict)  # actor → quiz._label_groups, filled in when first asked


_LAST: list = []  # [(site, index)]: the site asked about last (held, so that its id is not reused)


def site_index(site, build: Callable) -> SiteIndex:
    """The index of ``site``, made by ``build(site)`` the first time it is asked for (``build`` must not ask
    for it). Sites are frozen, so the same object always has the same index."""
    if not (_LAST and _LAST[0][0] is site):
        index = build(site)
        _LAST[:] = [(site, index)]
    return _LAST[0][1]
