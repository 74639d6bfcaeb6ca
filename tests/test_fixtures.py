"""The real-world fixtures are complete: a fresh clone runs every test without ../shared/."""

from __future__ import annotations

import json

from .sites import REALNEWS, REALNEWS_EVENTS, ROOT, realnews_files

EXTRACTION = ROOT / "tests" / "fixtures" / "extraction"


def test_realnews_has_all_25_articles_of_7_events_with_outlets():
    files = [f for event in REALNEWS_EVENTS for f in realnews_files(event)]
    assert len(REALNEWS_EVENTS) == 7
    assert len(files) == 25 == len(list(REALNEWS.glob("*/*.txt")))
    assert all(path.is_file() and outlet and "(" not in outlet for path, outlet in files)
    for name in ("MANIFEST.md", "README.md", "LICENSE-ABP-Apache-2.0.txt"):
        assert (REALNEWS / name).is_file(), name


def test_extraction_has_every_page_of_its_ground_truth():
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {p.name.removesuffix(".html.gz") for p in (EXTRACTION / "html").glob("*.html.gz")}
    assert len(truth) == 91 and pages == set(truth)
    for name in ("MANIFEST.md", "README.md", "LICENSE", "evaluate.py"):
        assert (EXTRACTION / name).is_file(), name
