"""The command line: help with examples, check's report, build's output folder."""

from __future__ import annotations

import pytest

from .conftest import run_cli


@pytest.mark.parametrize("command", ["build", "check", "export"])
def test_help_shows_an_example(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout and f"python -m generator {command}" in result.stdout


def test_check_reports_cleaning_and_notes():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "5 articles from 4 outlets" in result.stdout
    assert "line   7 [repeated-line] President Nicolás Maduro of Venezuela (R)" in result.stdout
    assert (
        "line  21 [related-headline] Donald Trump 'considered invading Venezuela', reports say"
        in result.stdout
    )
    assert "002_c94e1d65cfa08746.txt: no author in the text or sources.yml" in result.stdout
    assert result.stdout.rstrip().endswith("ok: the site data is valid")


def test_build_writes_real_markdown_files(tmp_path):
    out = tmp_path / "project"
    result = run_cli("build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    docs = out / "docs"
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    assert "index.md" in written and "sources/index.md" in written and "data/corpus.json" in written
    assert len([p for p in written if p.startswith("sources/")]) == 6
    assert (out / "mkdocs.yml").is_file()  # the rest of the project: tests/test_portable.py
    # A second build replaces the folder: a page that is no longer generated does not linger.
    (docs / "sources" / "stale.md").write_text("old")
    assert run_cli("build", "--out", str(out)).returncode == 0
    assert not (docs / "sources" / "stale.md").exists()
