"""Two builds of the same input are byte-identical (SOURCE_DATE_EPOCH fixes the dates MkDocs stamps)."""

from __future__ import annotations

import os

from .builds import SOURCE_DATE_EPOCH, built
from .conftest import ROOT, run_mkdocs


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, tmp_path_factory, monkeypatch):
    # The first is the session's shared build of this site (tests/builds.py stamps SOURCE_DATE_EPOCH too; the
    # browser suite and the end-to-end tests read it), made earlier in the session or now; the second is
    # built here as a user builds it.
    one = _files(built("venezuela", "mkdocs", tmp_path_factory))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    result = run_mkdocs(ROOT / "mkdocs.yml", tmp_path / "two")
    assert result.returncode == 0, result.stderr
    two = _files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    differing = [path for path in one if one[path] != two[path]]
    assert differing == []
    assert os.environ["SOURCE_DATE_EPOCH"] == SOURCE_DATE_EPOCH
