"""A small HTML reader for tests: the elements (tag, attributes) and the visible text of a page."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self._skip = 0
        self._stack: list[bool] = []  # for each open span or sup: is it an annotation to leave out?
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("span", "sup"):
            # Glossary tooltips and word-choice tags are annotations, not the article's text.
            note = bool(set((attrs.get("class") or "").split()) & {"ms-term__def", "ms-frame__tag"})
            self._stack.append(note)
            self._skip += note

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in ("span", "sup") and self._stack and self._stack.pop():
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    @property
    def flow_text(self) -> str:
        """Text as it flows (inline elements joined without extra spaces), whitespace collapsed."""
        return " ".join("".join(self.text_parts).split())

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if attrs.get("id")}
