"""Quotations and mentions of the real corpus against hand-checked expectations (tests/expected/quotes.yml).

Also prints precision and recall (`pytest -s tests/test_quotes.py`), which the closing notes report.
"""

from __future__ import annotations

import pytest
import yaml

from generator.analyse.mentions import counts
from generator.build import load_site

from .conftest import ROOT, SITE_DATA

EXPECTED = yaml.safe_load((ROOT / "tests/expected/quotes.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return {a.file: a for a in load_site(SITE_DATA).articles}


def _key(q) -> tuple:
    return (q["paragraph"], q["text"])


def _got(article) -> list[dict]:
    return [
        {
            "paragraph": q.paragraph,
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_label": q.speaker_label,
        }
        for q in article.quotes
    ]


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_every_quote_found(articles, file):
    assert [_key(q) for q in _got(articles[file])] == [_key(q) for q in EXPECTED[file]["quotes"]]


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_kind_and_speaker(articles, file):
    got = {_key(q): (q["kind"], q["speaker"]) for q in _got(articles[file])}
    want = {_key(q): (q["kind"], q["speaker"]) for q in EXPECTED[file]["quotes"]}
    wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    assert not wrong, "\n".join(f"{k[0]} {k[1][:50]!r}: got {g}, want {w}" for k, (g, w) in wrong.items())


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_anonymous_sources_are_never_named(articles, file):
    for want in EXPECTED[file]["quotes"]:
        if want["kind"] == "speech" and want["speaker"] is None:
            got = next(q for q in articles[file].quotes if (q.paragraph, q.text) == _key(want))
            assert got.speaker is None, f"{want['text'][:40]!r} given to {got.speaker}"


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_mention_counts(articles, file):
    assert counts(articles[file].mentions) == dict(sorted(EXPECTED[file]["mentions"].items()))


def test_report_precision_and_recall(articles, capsys):
    """Not a gate (the tests above are): the figures for the closing note."""
    tp = fp = fn = 0
    m_tp = m_fp = m_fn = 0
    for file, want in EXPECTED.items():
        got = {_key(q): (q["kind"], q["speaker"]) for q in _got(articles[file])}
        exp = {_key(q): (q["kind"], q["speaker"]) for q in want["quotes"]}
        tp += sum(1 for k, v in got.items() if exp.get(k) == v)
        fp += sum(1 for k, v in got.items() if exp.get(k) != v)
        fn += sum(1 for k, v in exp.items() if got.get(k) != v)
        have = counts(articles[file].mentions)
        for actor in set(have) | set(want["mentions"]):
            g, w = have.get(actor, 0), want["mentions"].get(actor, 0)
            m_tp += min(g, w)
            m_fp += max(0, g - w)
            m_fn += max(0, w - g)
    with capsys.disabled():
        print(
            f"\nquotes (found, kind and speaker right): precision {tp / max(tp + fp, 1):.3f} "
            f"recall {tp / max(tp + fn, 1):.3f} ({tp} right, {fp} wrong, {fn} missed)"
        )
        print(f"mentions: precision {m_tp / max(m_tp + m_fp, 1):.3f} recall {m_tp / max(m_tp + m_fn, 1):.3f}")
    assert tp + fp > 0


LABELS = yaml.safe_load((ROOT / "tests/expected/labels.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", sorted(LABELS))
def test_labels(articles, file):
    assert [[lab.paragraph, lab.actor, lab.text] for lab in articles[file].labels] == LABELS[file]


def test_morales_tweet_is_kept_as_his_statement(articles):
    """Issue 14: Iran Daily's embedded tweet (p7) repeats only its second sentence; its first is Morales's and
    nowhere else. It is kept, it is his statement, and its framing words are counted as his, not the outlet's."""
    article = articles["002_c94e1d65cfa08746.txt"]
    assert not [r for r in article.removed if r.rule == "repeated-quote"]
    tweet = next(q for q in article.quotes if q.paragraph == "p7")
    assert tweet.text.startswith(
        "We condemn Trump's coup conspiracy by holding secret meetings with Venezuelan"
    )
    assert (tweet.kind, tweet.speaker) == ("speech", "evo-morales")
    hits = {(h.term, h.quoted) for h in article.framing if h.paragraph == "p7"}
    assert ("military traitors", "Evo Morales") in hits
    assert all(quoted == "Evo Morales" for _, quoted in hits)
    assert not [
        label for label in article.labels if label.paragraph == "p7" and label.actor == "donald-trump"
    ]
