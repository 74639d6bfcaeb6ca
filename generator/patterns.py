"""Editors' regular expressions (cleaning.yml rules, facts.yml patterns): checked on load, bounded in time.

A pattern is written by an editor and run on untrusted text, so one mistake must not hang ``build``,
``check``, ``add`` or ``mkdocs serve``. Patterns are compiled with the ``regex`` module (Python's syntax,
lookarounds and named groups included; it already avoids much of the backtracking that makes ``re`` hang on
``^(\\w+\\s?)*$``) and every match runs with a time limit. On load each pattern is also tried on a few strings
that make backtracking patterns explode, so most bad patterns are refused before any article is read; one
that still runs too long on a line of an article stops the build with an error naming the file, the key,
the pattern and the line, instead of hanging.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .errors import SiteDataError

# Seconds one match may take (an ordinary pattern needs microseconds on a line or a sentence), and on the
# strings tried on load.
MATCH_SECONDS = 1.0
PROBE_SECONDS = 0.25
# Lines that make nested or overlapping repetition backtrack: runs of one word character, of digits, of
# short words, each followed by a character that stops the match at the end.
PROBES = ("a" * 40 + "!", "1" * 40 + "x", "ab " * 25 + "!", "a " * 30 + "\n!", "Ab. " * 20 + "?")
HINT = (
    "it can backtrack without end (a repeated group inside a repeated group, such as (\\w+\\s?)* or (a|aa)+); "
    "rewrite it so that each part of the text can match in only one way"
)

# Where the editor wrote a pattern: (file, line, what it is such as "rules[3].pattern", the YAML key or None).
Origin = tuple


@lru_cache(maxsize=4096)
def _compiled(text: str, ignore_case: bool):
    return regex.compile(text, regex.V0 | (regex.IGNORECASE if ignore_case else 0))


def check(text: str, ignore_case: bool, origin: Origin):
    """The compiled pattern, or :class:`SiteDataError` at ``origin`` when it is not a valid regular
    expression or runs too long on the probe strings."""
    path, line, label, key = origin
    try:
        compiled = _compiled(text, ignore_case)
    except regex.error as exc:
        raise SiteDataError(
            path,
            f"{label} is not a valid pattern (a regular expression): {exc}; the pattern: '{text}'",
            line=line,
            key=key,
        ) from None
    for probe in PROBES:
        try:
            compiled.search(probe, timeout=PROBE_SECONDS)
        except TimeoutError:
            raise SiteDataError(path, f"{label} '{text}': {HINT}", line=line, key=key) from None
    return compiled


class Bounded:
    """An editor's pattern, ready to search text with a time bound: ``search(string)`` is ``regex``'s, or a
    :class:`SiteDataError` naming the pattern, where it was written and the text it ran too long on."""

    def __init__(
        self, text: str, ignore_case: bool, origin: Origin | None, where: str, shown: str | None = None
    ):
        # shown: the pattern as the editor wrote it, when ``text`` wraps it (``(?:…)\s*$``)
        self.text, self.origin, self.where, self.shown = text, origin, where, shown or text
        self.compiled = _compiled(text, ignore_case)
        self.groupindex = self.compiled.groupindex

    def search(self, string: str):
        try:
            return self.compiled.search(string, timeout=MATCH_SECONDS)
        except TimeoutError:
            path, line, label, key = self.origin or ("site_data", None, "a pattern", None)
            shown = string if len(string) <= 60 else string[:57] + "…"
            raise SiteDataError(
                path,
                f"{label} '{self.shown}' took more than {MATCH_SECONDS:g} s on {self.where} ('{shown}'): {HINT}",
                line=line,
                key=key,
            ) from None
