"""A source page's article text in layers: what the marks of each kind are, so a reader can show or hide them.

The article opens readable: a person is linked at the first mention in the article, a history event once
per article, and the word-choice categories differ by number, name (the mark's title) and pattern, not by
colour alone. The buttons that show or hide each layer are in the page (templates/source.md.j2) and work in
the reader's browser (templates/theme/assets/javascripts/layers.js); these pure functions give the counts and
the patterns the page is written with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Article

FRAME_PATTERNS = (
    6  # underline patterns in site.css (.ms-frame--p1 … --p6); a seventh category reuses the first
)

# The layers a reader can show or hide, in the buttons' order: id, the button's words, shown when the page opens.
LAYERS = (
    ("frames", "Word choices", False),
    ("actors", "People", True),
    ("history", "History links", True),
    ("terms", "Glossary words", True),
)


def frame_pattern(number: int) -> str:
    """The pattern class of word-choice category ``number`` (1-based): told apart by pattern, not colour."""
    return f"p{(number - 1) % FRAME_PATTERNS + 1}"


def history_links(article: Article) -> dict[str, list[str]]:
    """The events to link after each paragraph: each event once per article, after the first paragraph that
    invokes it (a link repeated after every paragraph that invokes it made one mark in eight words)."""
    order = {p.id: i for i, p in enumerate(article.paragraphs)}
    seen: set[str] = set()
    links: dict[str, list[str]] = {}
    for inv in sorted(article.invocations, key=lambda i: order.get(i.paragraph, len(order))):
        if inv.event not in seen:
            seen.add(inv.event)
            links.setdefault(inv.paragraph, []).append(inv.event)
    return links


@dataclass(frozen=True)
class Layer:
    key: str  # the class the page toggles (layers.js, site.css)
    words: str  # the button's label
    shown: bool  # shown when the page opens (until the reader chooses)
    count: int  # marks of this layer in the article


def article_layers(text: Mapping[str, str], history: Mapping[str, list[str]]) -> tuple[Layer, ...]:
    """The layers the article text has (``text``: linked_paragraphs' HTML), with how many marks each shows."""
    joined = "".join(text.values())
    counts = {
        "frames": joined.count('<mark class="ms-frame'),
        "actors": joined.count('<a class="ms-actor"'),
        "history": sum(map(len, history.values())),
        "terms": joined.count('<span class="ms-term"'),
    }
    return tuple(Layer(key, words, shown, counts[key]) for key, words, shown in LAYERS if counts[key])
