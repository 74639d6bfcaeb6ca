"""One escaping rule per output context, for every value that did not come from the generator itself.

Article text, saved pages and curated YAML are untrusted. A value reaches a page in one of three contexts,
and each has its function, applied where the value is printed (the Jinja environment's ``finalize`` and
filters, and the few places Python writes HTML):

* ``escape_text``: text inside Markdown or HTML (a paragraph, a table cell, an element's content);
* ``urls.href`` / ``urls.attribute``: a link's address, or any other value inside a double-quoted attribute;
* ``yaml_string``: a front-matter value, which themes print unescaped into ``<title>`` and
  ``<meta name="description" content="…">``.

Each one also makes the value a single line of inert characters: line breaks become spaces (so curated
text written over several lines in YAML never turns into headings, lists, code or a new HTML block), NUL and
other control characters become U+FFFD (HTML forbids them; the reader sees that something was there).
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# Line breaks (YAML's "|" blocks, \r, the separators Unicode and Python count): one space, as HTML shows them.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Control characters HTML does not allow in text, lone surrogates (which no file can hold) and the two
# non-characters: shown as the replacement character, never written raw.
_CONTROLS = [c for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in _BREAKS + "\t"]
_INVALID = [*_CONTROLS, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
_ONE_LINE = {**{ord(c): " " for c in _BREAKS}, **dict.fromkeys(_INVALID, "\ufffd")}

# HTML's specials, and the characters that open Markdown, attr_list, abbr, table or extension syntax inside
# a line ("<" also breaks the snippets marker "--8<--"). One table, one pass: nothing is escaped twice.
_LITERAL = {**_ONE_LINE, **{ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]#|~^=<>&\"'"}}


def _char_class(codes) -> re.Pattern:
    """A pattern matching any of these characters (as ranges: the table holds thousands)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile(
        "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]"
    )


# Most values hold none of _LITERAL's characters: finding that out takes a fifth of translating them.
_ANY_LITERAL = _char_class(_LITERAL)
# A value may begin a line of Markdown ("{{ bio }}" at the start of a template line): its first character
# must not start a list ("- ", "+ ", "1. "), an admonition ("!!!"), details ("???"), a definition (": "), a
# code block (leading spaces) or a rule ("---"); the other openers (# > * _ = ~ ` | < [) are escaped anyway.
_LINE_START = re.compile(r"^(?:\d+(?=[.)])|)([\s!+\-:?.)])")


_markup = str.__new__


def one_line(value: str) -> str:
    """The text on one line, with the characters HTML cannot hold replaced (see the module docstring)."""
    return value.translate(_ONE_LINE)


def escape_inline(value) -> Markup:
    """Literal text for the middle of a line of Markdown or HTML (a piece of a paragraph the generator marks
    up): safe in a paragraph, a table cell or an attribute."""
    if type(value) is str:  # the common case first: a plain str (no __html__ for Markup to call)
        return _markup(Markup, value.translate(_LITERAL) if _ANY_LITERAL.search(value) else value)
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(value)
    text = str(value)
    return Markup(text.translate(_LITERAL) if _ANY_LITERAL.search(text) else text)


def escape_text(value) -> Markup:
    """Literal text for any Markdown or HTML context, the start of a line included (every ``{{ … }}``)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return escape_inline(value)
    text = value.translate(_LITERAL) if _ANY_LITERAL.search(value) else value
    first = text[:1]
    # _LINE_START can only match text that starts with a digit or one of its characters: the rest (most of
    # the ~1 M values of a large site) skip the regular expression.
    if not first or not (first.isspace() or first.isdigit() or first in "!+-:?.)"):
        # Markup(text) for a plain str, without the constructor's look for an __html__ method (a str subclass
        # of the caller's still goes through it).
        return _markup(Markup, text) if type(text) is str else Markup(text)
    return Markup(_LINE_START.sub(lambda m: m.group(0)[:-1] + f"&#{ord(m.group(1))};", text, count=1))


def yaml_string(value: str) -> Markup:
    """A YAML double-quoted string for front matter; HTML-escaped with quotes, since themes print titles and
    descriptions unescaped (Material: ``<meta name="description" content="{{ page.meta.description }}">``)."""
    text = json.dumps(html.escape(one_line(value), quote=True), ensure_ascii=False)
    # JSON leaves DEL and C1 controls raw (one_line replaced them); YAML rejects a few more: write as escapes.
    return Markup(_YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
