"""Glossary terms in the text: each term's first occurrence on a page shows its definition on hover, on
keyboard focus, on a tap and in print.

The same markup is made in two places: ``mark_text`` for the article paragraphs the generator writes as
HTML, and a Python-Markdown extension (``GlossaryExtension``, added to MkDocs by the plugin) for every page
MkDocs renders from Markdown. Headings, links, code, tables and existing terms are left alone (a table cell is
no place for a pop-up, and on a phone the table is restacked). The definition carries ``data-search-exclude``:
it is the glossary's text, not the page's, so search must not find the page by it.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..escape import escape_inline
from ..model import Term
from .compare import _excepted  # a term's `except` contexts, read as the lexicon's are
from .mentions import WORD_START, fold

DEFINED = "ms-terms-defined"  # the class of a page's own list of terms with their definitions
PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")  # Python-Markdown's stash of raw HTML
SKIP = {
    "a",
    "code",
    "pre",
    "abbr",
    "dfn",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "summary",
    "table",
    "th",
    "sup",
    "time",
}


class Finder:
    def __init__(self, terms: tuple[Term, ...]):
        self.by_form: dict[str, Term] = {}
        for term in terms:
            for form in (term.term, *term.aliases):
                self.by_form.setdefault(" ".join(fold(form)[0].split()), term)
        body = "|".join(
            r"\s+".join(map(re.escape, f.split())) for f in sorted(self.by_form, key=len, reverse=True)
        )
        self.regex = re.compile(rf"{WORD_START}({body or '(?!x)x'})(?![\w])")
        self.ids = frozenset(term.id for term in self.by_form.values())
        self.count = len(self.ids)  # once all are done, nothing is left

    def find(
        self, text: str, done: set[str], skip: list[tuple[int, int]] = ()
    ) -> list[tuple[int, int, Term]]:
        """(start, end, term) of the first occurrence of each term not yet in ``done`` (updated), outside the
        ``skip`` ranges (link text) and the term's `except` contexts (a word in its ordinary sense)."""
        if len(done) == self.count:
            return []
        folded, index = fold(text)
        found = []
        for m in self.regex.finditer(folded):
            term = self.by_form[" ".join(m.group(1).split())]
            if term.id in done:  # a long page uses a term many times: only its first use counts
                continue
            at, end = index[m.start(1)], index[m.end(1) - 1] + 1
            if any(a <= at < b for a, b in skip):
                continue
            if term.exceptions and _excepted(term, text, at, end):
                continue
            done.add(term.id)
            found.append((at, end, term))
            if len(done) == self.count and done <= self.ids:  # every term found: nothing more to give
                break
        return found


@functools.lru_cache(maxsize=4)
def finder_of(terms: tuple[Term, ...]) -> Finder:
    """The Finder of a glossary, made once (terms are frozen): every page's handout lists the terms it uses."""
    return Finder(terms)


def term_html(word: str, term: Term) -> str:
    """The word, focusable, with its definition in a tooltip (hidden until hover or focus; shown in print)."""
    return (
        f'<span class="ms-term" tabindex="0">{escape_inline(word)}<span class="ms-term__def" role="tooltip" '
        f'data-search-exclude="">'
        f" ({escape_inline(term.term)}: {escape_inline(term.definition)})</span></span>"
    )


def mark_text(text: str, finder: Finder | None, done: set[str], escape_text) -> Markup:
    """Escaped text with glossary terms marked."""
    if finder is None:
        return escape_text(text)
    out, at = [], 0
    for start, end, term in finder.find(text, done):
        out.append(escape_text(text[at:start]))
        out.append(term_html(text[start:end], term))
        at = end
    out.append(escape_text(text[at:]))
    return Markup("".join(out))


class _Marker(Treeprocessor):
    def __init__(self, md, finder: Finder):
        super().__init__(md)
        self.finder = finder

    def run(self, root):
        # A source page's article text (raw HTML from the generator) has its terms marked already: its first
        # uses come first, so the Markdown around it is left alone. So is a page that defines its terms in
        # a list of its own (DEFINED: a teacher edition's words to pre-teach), where a printed definition
        # beside each first use would say it all twice.
        if any("ms-term" in str(block) or DEFINED in str(block) for block in self.md.htmlStash.rawHtmlBlocks):
            return
        self._open = 0  # raw-HTML elements of SKIP open around the current text (see _links)
        self._walk(root, set())

    def _walk(self, element, done):
        if len(done) == self.finder.count:
            return  # every term is marked already: the rest of the page has nothing to find
        if element.tag in SKIP or "ms-term" in (element.get("class") or ""):
            return
        if element.text:
            element.text = self._mark(element, element.text, done, 0)
        children = list(element)
        inserted = 0  # term spans put in after earlier children: a child's index now is index + inserted
        for index, child in enumerate(children):
            self._walk(child, done)
            if child.tail:
                before = len(element)
                child.tail = self._mark(element, child.tail, done, index + inserted + 1)
                inserted += len(element) - before

    def _links(self, text: str) -> list[tuple[int, int]]:
        """Ranges of ``text`` inside a raw-HTML element of SKIP (``<a href=…>…</a>`` the template wrote is
        stashed as two placeholders with the link text between): a focusable term must not sit inside a link
        (HTML forbids it). Texts come in document order, so an element opened in one text closes in a later
        one (``<a href>the *dictator*</a>``: the emphasis is a child between them); ``self._open`` counts."""
        if "\x02" not in text:  # no stashed HTML in this text: inside an open element or not at all
            return [(0, len(text))] if self._open else []
        blocks = self.md.htmlStash.rawHtmlBlocks
        ranges, start = [], 0 if self._open else None
        for m in PLACEHOLDER.finditer(text):
            html = str(blocks[int(m.group(1))]) if int(m.group(1)) < len(blocks) else ""
            tag = re.match(r"\s*<(/?)([a-zA-Z][\w-]*)", html)
            if not tag or tag.group(2).lower() not in SKIP or html.rstrip().endswith("/>"):
                continue
            if not tag.group(1):
                if not self._open:
                    start = m.end()
                self._open += 1
            elif self._open:
                self._open -= 1
                if not self._open:
                    ranges.append((start, m.start()))
                    start = None
        if start is not None:
            ranges.append((start, len(text)))
        return ranges

    def _mark(self, parent, text, done, position):
        found = self.finder.find(text, done, self._links(text))
        if not found:
            return text
        head, at = text[: found[0][0]], 0
        nodes = []
        for i, (start, end, term) in enumerate(found):
            span = etree.Element("span", {"class": "ms-term", "tabindex": "0"})
            span.text = text[start:end]
            definition = etree.SubElement(
                span, "span", {"class": "ms-term__def", "role": "tooltip", "data-search-exclude": ""}
            )
            definition.text = f" ({term.term}: {term.definition})"
            following = found[i + 1][0] if i + 1 < len(found) else len(text)
            span.tail = text[end:following]
            nodes.append(span)
            at = end
        del at
        for offset, node in enumerate(nodes):
            parent.insert(position + offset, node)
        return head


class GlossaryExtension(Extension):
    def __init__(self, terms: tuple[Term, ...], **kwargs):
        self.finder = Finder(terms)
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API
        # After inline processing (priority below "inline" at 20), before prettify.
        md.treeprocessors.register(_Marker(md, self.finder), "microsite-glossary", 5)
