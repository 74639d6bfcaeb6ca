"""The faster forms of three hot functions (issue 18) give exactly what the plain loops they replaced gave:
``fold`` (one translation, offsets worked out around the characters that do not fold to one), ``escape_text``
(translating only a value that holds a character to escape) and ``readability._unquoted`` (jumping from
quotation mark to mark). The plain loops are written out here as the reference."""

from __future__ import annotations

import random
import unicodedata

import pytest
from markupsafe import Markup

from generator.analyse.mentions import APOSTROPHES, fold
from generator.escape import _LINE_START, _LITERAL, escape_inline, escape_text
from generator.readability import _unquoted


def plain_fold(text: str) -> tuple[str, tuple[int, ...]]:
    chars, index = [], []
    for i, ch in enumerate(text):
        ch = APOSTROPHES.get(ch, ch)
        if ch.isascii():
            chars.append(ch.lower())
            index.append(i)
            continue
        for part in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(part):
                for folded in part.casefold():
                    chars.append(folded)
                    index.append(i)
    return "".join(chars), tuple(index)


def plain_unquoted(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if not depth:
                out.append(" ")
        elif not depth:
            out.append(ch)
    return "".join(out)


def plain_escape_text(value: str) -> Markup:
    text = value.translate(_LITERAL)
    return Markup(_LINE_START.sub(lambda m: m.group(0)[:-1] + f"&#{ord(m.group(1))};", text, count=1))


@pytest.mark.parametrize(
    "text",
    [
        "Nicolás Maduro’s `regime`",
        "Straße, STRASSE",  # ß folds to two letters
        "e\u0301 alone: \u0301",  # a combining mark after a letter, and one alone (folds to nothing)
        "ﬁnance ﬀ Ǆ İstanbul ΐ",  # ligatures and letters that fold to several
        "“Quoted” — ‘single’ … 1½ ①",
        "",
    ],
)
def test_fold_is_the_plain_loop(text):
    assert fold.__wrapped__(text) == plain_fold(text)


def test_fold_of_every_character_and_of_random_mixtures():
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert fold.__wrapped__(every) == plain_fold(every)
    pool = "aZ’`ßé\u0301ﬁİΐ…½ “”'"
    rng = random.Random(18)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert fold.__wrapped__(text) == plain_fold(text), repr(text)


def test_unquoted_is_the_plain_loop():
    rng = random.Random(18)
    for _ in range(5000):
        text = "".join(rng.choice("ab “”") for _ in range(rng.randint(0, 14)))
        assert _unquoted(text) == plain_unquoted(text), repr(text)


def test_escaping_is_the_plain_translation():
    # The characters either rule can touch (those escaped, and those a line may not start with: spaces,
    # digits of any script, list and admonition marks), with a sample of all the others, each alone, at the
    # start of a line and inside a value.
    rng = random.Random(18)
    touched = [
        c
        for c in map(chr, range(0x20000))
        if ord(c) in _LITERAL or c.isspace() or c.isdigit() or c.isdecimal() or c in "!+-:?.)"
    ]
    for c in touched + [chr(rng.randrange(0x20000)) for _ in range(3000)]:
        for value in (c, f"{c} x", f"1{c}", f"a{c}b"):
            assert escape_text(value) == plain_escape_text(value), (hex(ord(c)), value)
            assert escape_inline(value) == Markup(value.translate(_LITERAL)), (hex(ord(c)), value)
