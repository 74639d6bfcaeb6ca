"""Golden files: the rendered pages of the real corpus, committed in tests/golden/ and reviewed when they change.

To accept a change on purpose: `UPDATE_GOLDEN=1 pytest tests/test_golden.py`, then read `git diff tests/golden`.
"""

from __future__ import annotations

import os

import pytest

from generator.build import generate

from .conftest import ROOT, SITE_DATA

GOLDEN = ROOT / "tests" / "golden"
PAGES = generate(SITE_DATA).pages


def test_golden_set_is_complete():
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in set(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()) - set(
            PAGES
        ):
            (GOLDEN / stale).unlink()
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert on_disk == sorted(PAGES) or os.environ.get("UPDATE_GOLDEN")


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path):
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[path], encoding="utf-8")
    assert golden.is_file(), f"no golden file for {path}; run UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert PAGES[path] == golden.read_text(encoding="utf-8")
