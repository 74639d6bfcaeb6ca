"""QR codes' masks kept in the cache folder (issue 18; generator/qr.py, analysis_cache.read_masks/write_masks).

Choosing a QR code's mask is four fifths of drawing it; a rebuild draws each address with the mask the last
build chose. Expectations written before the code: a code drawn with its known mask is the very same code; a
rebuild gives the same pages and chooses no mask; a damaged masks file is ignored (or, with a wrong mask that
is still a mask, only changes how a code looks, never what it says), and never fails a build.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import segno

from generator import analysis_cache, qr
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
    saved = json.loads((cache / analysis_cache.QR_MASKS).read_text(encoding="ascii"))["masks"]
    codes = set(_codes(pages))
    assert len(codes) > 20 and codes == set(saved)  # every page's address, and only those
    asked = []
    real = segno.make
    monkeypatch.setattr(segno, "make", lambda *a, **k: asked.append(k.get("mask")) or real(*a, **k))
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages
    assert asked and None not in asked  # no mask chosen again
    forget_caches()


DAMAGE = {
    "not JSON": lambda data: "{not json",
    "another segno": lambda data: json.dumps({**data, "key": {**data["key"], "segno": "0.0"}}),
    "masks not an object": lambda data: json.dumps({**data, "masks": [1, 2]}),
    "mask out of range": lambda data: json.dumps({**data, "masks": dict.fromkeys(data["masks"], 8)}),
    "mask a string": lambda data: json.dumps({**data, "masks": dict.fromkeys(data["masks"], "1")}),
    "mask a boolean": lambda data: json.dumps({**data, "masks": dict.fromkeys(data["masks"], True)}),
    "mask negative": lambda data: json.dumps({**data, "masks": dict.fromkeys(data["masks"], -1)}),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_masks_file_is_ignored(cold, tmp_path, damage):
    pages, made = cold
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    file = cache / analysis_cache.QR_MASKS
    file.write_text(DAMAGE[damage](json.loads(file.read_text(encoding="ascii"))), encoding="ascii")
    forget_caches()
    assert generate(SITE_DATA, site_url=BASE, cache=cache).pages == pages  # masks chosen as in a first build
    forget_caches()


def test_a_wrong_mask_changes_how_a_code_looks_never_what_it_says(cold, tmp_path):
    pages, made = cold
    cache = tmp_path / "cache"
    shutil.copytree(made, cache)
    file = cache / analysis_cache.QR_MASKS
    data = json.loads(file.read_text(encoding="ascii"))
    data["masks"] = {url: (mask + 1) % 8 for url, mask in data["masks"].items()}
    file.write_text(json.dumps(data), encoding="ascii")
    forget_caches()
    rebuilt = generate(SITE_DATA, site_url=BASE, cache=cache).pages
    forget_caches()
    assert rebuilt != pages  # the codes are drawn with the masks the file gives…
    assert _codes(rebuilt) == _codes(pages)  # …of the same addresses
    url = next(iter(data["masks"]))
    wrong = segno.make(url, error="m", micro=False, mask=data["masks"][url])
    assert wrong.mask == data["masks"][url] and wrong.designator == segno.make(url, error="m").designator
