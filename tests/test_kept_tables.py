"""Values worked out from page text and kept in the cache folder between builds (issue 18): the QR codes'
masks (generator/qr.py) and the pages' reading grades (generator/readability.py), as tables
(analysis_cache.read_table/write_table).

Choosing a QR code's mask is four fifths of drawing it, and grading the pages a fifth of a first build's
rendering at 1,000 articles. Expectations written before the code: a code drawn with its known mask is the
very same code; a rebuild gives the same pages, chooses no mask and grades no page; a damaged table is
ignored (or, with a wrong mask that is still a mask, only changes how a code looks, never what it says),
and never fails a build.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest
import segno

from generator import analysis_cache, qr, readability
from generator.build import forget_caches, generate

from .conftest import SITE_DATA

BASE = "https://example.org/class/"
URLS = (
    "https://a.io/",  # the smallest version
    BASE + "sources/trump-administration-officials-met-with-venezuelan-rebels/",
    BASE + "handouts/compare-words/?print=1&x=%E2%80%94",
    "https://xn--caf-dma.example/" + "long-path-segment/" * 12,  # a large version
)


@pytest.mark.parametrize("url", URLS)
def test_a_known_mask_draws_the_very_same_code(url):
    forget_caches()
    chosen = qr.qr_svg(url)
    mask = qr.used_masks()[url]
    assert mask == segno.make(url, error="m", micro=False).mask
    forget_caches()
    qr.remember_masks({url: mask})
    assert qr.qr_svg(url) == chosen
    forget_caches()


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A first build with a public address and a cache folder: its pages, and the folder to copy."""
    forget_caches()
    cache = tmp_path_factory.mktemp("qr") / "cache"
    result = generate(SITE_DATA, site_url=BASE, cache=cache)
    forget_caches()
    return result.pages, cache


def _codes(pages: dict[str, str]) -> list[str]:
    return re.findall(r'aria-label="QR code of ([^"]+)"', "\n".join(pages.values()))


def test_a_rebuild_draws_every_code_with_its_known_mask_and_the_same_pages(cold, tmp_path, monkeypatch):
    pages, made = cold
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    saved = analysis_cache.read_table(cache, analysis_cache.QR_MASKS)
    codes = set(_codes(pages))
    assert len(codes) > 20 and codes == set(saved)  # every page's address, and only those
    asked = []
    real = segno.make
    monkeypatch.setattr(segno, "make", lambda *a, **k: asked.append(k.get("mask")) or real(*a, **k))
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages
    assert asked and None not in asked  # no mask chosen again
    forget_caches()


def _masks(made, tmp_path):
    """A copy of the cache folder, and its masks file's two lines: the key and checksum, and the table."""
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    file = cache / analysis_cache.QR_MASKS
    header, table = file.read_text(encoding="ascii").split("\n")
    return cache, file, json.loads(header), json.loads(table)


def _signed(header: dict, table) -> str:
    """The file as write_table writes it, for a table edited on purpose (its checksum made again)."""
    body = json.dumps(table)
    return json.dumps({**header, "sha256": hashlib.sha256(body.encode()).hexdigest()}) + "\n" + body


DAMAGE = {
    "not JSON": lambda header, table: "{not json",
    "truncated": lambda header, table: _signed(header, table)[:-20],
    "edited, checksum not made again": lambda header, table: (
        json.dumps(header) + "\n" + json.dumps(dict.fromkeys(table, 0))
    ),
    "another segno": lambda header, table: _signed(
        {**header, "key": {**header["key"], "segno": "0.0"}}, table
    ),
    "another code": lambda header, table: _signed({**header, "key": {**header["key"], "code": "0"}}, table),
    "table not an object": lambda header, table: _signed(header, [1, 2]),
    "mask out of range": lambda header, table: _signed(header, dict.fromkeys(table, 8)),
    "mask a string": lambda header, table: _signed(header, dict.fromkeys(table, "1")),
    "mask a boolean": lambda header, table: _signed(header, dict.fromkeys(table, True)),
    "mask negative": lambda header, table: _signed(header, dict.fromkeys(table, -1)),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_masks_file_is_ignored(cold, tmp_path, damage):
    pages, made = cold
    cache, file, header, table = _masks(made, tmp_path)
    file.write_text(DAMAGE[damage](header, table), encoding="ascii")
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages  # masks chosen as in a first build
    forget_caches()


def test_a_wrong_mask_changes_how_a_code_looks_never_what_it_says(cold, tmp_path):
    pages, made = cold
    cache, file, header, table = _masks(made, tmp_path)
    wrong = {url: (mask + 1) % 8 for url, mask in table.items()}
    file.write_text(_signed(header, wrong), encoding="ascii")
    forget_caches()
    rebuilt = generate(SITE_DATA, site_url=BASE, cache=cache).pages
    forget_caches()
    assert rebuilt != pages  # the codes are drawn with the masks the file gives…
    assert _codes(rebuilt) == _codes(pages)  # …of the same addresses
    url = next(iter(wrong))
    code = segno.make(url, error="m", micro=False, mask=wrong[url])
    assert code.mask == wrong[url] and code.designator == segno.make(url, error="m").designator


def test_a_rebuild_grades_no_page_again_and_gives_the_same_pages(cold, tmp_path, monkeypatch):
    pages, made = cold
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    kept = analysis_cache.read_table(cache, analysis_cache.GRADES)
    assert len(kept) > 20
    graded = []
    real = readability.grade
    monkeypatch.setattr(readability, "grade", lambda text: graded.append(1) or real(text))
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages
    assert graded == []
    forget_caches()


GRADE_DAMAGE = {
    "not a page hash": lambda table: {"zz" + k[2:]: v for k, v in table.items()},
    "a short hash": lambda table: {k[:10]: v for k, v in table.items()},
    "grade a string": lambda table: {k: ["7.1", v[1], v[2]] for k, v in table.items()},
    "grade an integer": lambda table: {k: [7, v[1], v[2]] for k, v in table.items()},
    "words negative": lambda table: {k: [v[0], -1, v[2]] for k, v in table.items()},
    "too few values": lambda table: {k: v[:2] for k, v in table.items()},
}


@pytest.mark.parametrize("damage", GRADE_DAMAGE, ids=list(GRADE_DAMAGE))
def test_grades_that_are_not_grades_are_worked_out_again(cold, tmp_path, damage):
    pages, made = cold
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    file = cache / analysis_cache.GRADES
    header, table = file.read_text(encoding="ascii").split("\n")
    file.write_text(_signed(json.loads(header), GRADE_DAMAGE[damage](json.loads(table))), encoding="ascii")
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages
    forget_caches()
