"""What the last build rendered from each article, for ``mkdocs serve``: a live reload renders again only the
articles an edit changed.

The stages are pure functions over frozen inputs, so a result depends only on its arguments. A ``Memo`` keeps
the last build's results of one function by a key (a page's path), each with the frozen object it was made
from (an article: ``build`` hands back the very same object while the article, its entry and the curated
files its analysis reads are unchanged), and the context every result shares (the templates' environment, the
link style, the curated data the pages print), compared as a whole once per build. A result is reused only
when the context is equal to the last build's and its object is the same object (or an equal one); anything
else is made again. Only the last build's results are kept, so a long session holds no old versions.
"""

from __future__ import annotations

_NONE = object()
MEMOS: list[Memo] = []  # every memo, for forget()


class Memo:
    def __init__(self, name: str):
        self.name = name
        self.context: object = _NONE
        self.last: dict = {}  # key → (object, result) of the last build with this context
        self.now: dict = {}  # the same, of the build going on
        self.hits = self.misses = 0  # of the build going on (tests and the benchmark read them)
        MEMOS.append(self)

    def begin(self, context) -> None:
        """A build starts: the last build's results stay usable only if ``context`` equals its context."""
        same = self.context is not _NONE and self.context == context
        self.last = self.now if same else {}
        self.now = {}
        self.context = context
        self.hits = self.misses = 0

    def get(self, key, made_from, make):
        """The result for ``key``: the last build's if it was made from this very object (or an equal one),
        else ``make()``."""
        entry = self.last.get(key)
        if entry is not None and (entry[0] is made_from or entry[0] == made_from):
            self.hits += 1
        else:
            self.misses += 1
            entry = (made_from, make())
        self.now[key] = entry
        return entry[1]


def forget() -> None:
    """Drop every memo's results (a build from scratch, as a new process makes)."""
    for memo in MEMOS:
        memo.context = _NONE
        memo.last, memo.now = {}, {}
