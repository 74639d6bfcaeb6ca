"""Two builds of the same input are byte-identical (SOURCE_DATE_EPOCH fixes the dates MkDocs stamps)."""

from __future__ import annotations

import os

from .conftest import ROOT, run_mkdocs


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sites = []
    for name in ("one", "two"):
        site = tmp_path / name
        result = run_mkdocs(ROOT / "mkdocs.yml", site)
        assert result.returncode == 0, result.stderr
        sites.append({p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    one, two = sites
    assert sorted(one) == sorted(two)
    differing = [path for path in one if one[path] != two[path]]
    assert differing == []
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
