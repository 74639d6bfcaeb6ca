"""Analysis time grows linearly with text length (issue 12 item 8): a long single-line paragraph and a long
article, each analysed at two sizes four times apart, take at most 8× as long at the larger size (quadratic
scans take 16×: before the fix a 100 KB line took 45 s). Best of two runs of each, so that a busy machine
does not fail it; the analysis is the real one, with the Venezuela site's actors, history, facts and lexicon."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from generator import sitedata
from generator.analyse import analyse_article
from generator.analyse.mentions import matcher
from generator.build import forget_caches, load_site
from generator.model import Paragraph

from .conftest import SITE_DATA

GROWTH_LIMIT = 8.0


@pytest.fixture(scope="module")
def setting():
    site = load_site(SITE_DATA)
    attribution = sitedata.parse_attribution(
        (SITE_DATA / "attribution.yml").read_text("utf-8"), "attribution.yml"
    )
    texts = [p.text for a in site.articles for p in a.paragraphs]
    return site, attribution, matcher(site.actors, attribution), texts


def _seconds(setting, paragraphs: list[str]) -> float:
    site, attribution, match, _ = setting
    article = replace(
        site.articles[0], paragraphs=tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(paragraphs, 1))
    )
    best = float("inf")
    for _ in range(2):
        forget_caches()  # every run from nothing: folded texts, spans, names parsed, keys…
        began = time.perf_counter()
        analyse_article(article, 200, match, site.actors, attribution, site.events, site.facts, site.lexicon)
        best = min(best, time.perf_counter() - began)
    return best


def _line(texts: list[str], size: int) -> list[str]:
    text = " ".join(texts)
    return [((text + " ") * (size // len(text) + 1))[:size]]


def _article(texts: list[str], size: int) -> list[str]:
    out: list[str] = []
    while sum(map(len, out)) < size:
        out += texts
    return out


@pytest.mark.parametrize(
    ("shape", "small"), [(_line, 25_000), (_article, 60_000)], ids=["single-line", "article"]
)
def test_analysis_time_grows_linearly(setting, shape, small):
    texts = setting[3]
    short = _seconds(setting, shape(texts, small))
    long = _seconds(setting, shape(texts, 4 * small))
    assert long <= GROWTH_LIMIT * max(short, 0.01), (
        f"{small:,} chars: {short:.2f} s; {4 * small:,}: {long:.2f} s"
    )


def test_a_paragraph_longer_than_the_scans_is_reported(tmp_path):
    import shutil

    from generator.build import load_site as load

    site_data = tmp_path / "site_data"
    shutil.copytree(SITE_DATA, site_data)
    corpus = sorted((site_data / "corpus").glob("*.txt"))[0]
    corpus.write_text(
        corpus.read_text("utf-8") + "\n\n" + "A very long paragraph without an end " * 1000 + ".\n", "utf-8"
    )
    site = load(site_data)
    long = [w for w in site.warnings if w.kind == "long-paragraph"]
    assert long and "names and labels were read in its first 20,000 characters only" in long[0].message
