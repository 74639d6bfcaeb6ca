"""Editors' regular expressions (issue 12, item 4): checked on load, bounded in time, and `mkdocs serve`
recovers once a bad pattern is fixed.

The patterns here are chosen by hand: ``^(a|aa)+$`` backtracks on the strings tried on load (a run of
"a"s), so it is refused before any article is read; ``^(x|xx)+$`` passes those strings but explodes on a
line of forty-odd "x"s, so it is caught while matching, on that line, within the time bound.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator import sitedata
from generator.build import generate
from generator.errors import SiteDataError

from .conftest import ROOT
from .hostile import ARTICLE, documents, replaced, write_site

X_LINE = "x" * 48 + "!"


def _with_rule(site_data: Path, pattern: str) -> None:
    cleaning = site_data / "cleaning.yml"
    text = cleaning.read_text(encoding="utf-8")
    rule = f"  - id: editors-rule\n    pattern: '{pattern}'\n    reason: A rule an editor wrote\n"
    cleaning.write_text(text.replace("\nrules:\n", "\nrules:\n" + rule, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (
            "cleaning",
            r"site_data/cleaning\.yml:\d+ \(pattern\): rules\[0\]\.pattern '\^\(a\|aa\)\+\$': it can backtrack",
        ),
        (
            "facts",
            r"site_data/facts\.yml:\d+: facts\[0\] \(council-voted\)\.patterns\[0\] '\^\(a\|aa\)\+\$': it can backtrack",
        ),
    ],
)
def test_a_pattern_that_backtracks_is_refused_on_load(tmp_path, where, message):
    docs = documents()
    if where == "facts":
        docs = replaced(docs, "facts.yml", ("facts", 0, "patterns"), ["^(a|aa)+$"])
    site_data = write_site(tmp_path, docs)
    if where == "cleaning":
        _with_rule(site_data, "^(a|aa)+$")
    with pytest.raises(SiteDataError) as caught:
        generate(site_data)
    assert re.match(message, str(caught.value)), str(caught.value)


@pytest.mark.parametrize("where", ["cleaning", "facts"])
def test_a_pattern_that_runs_too_long_on_a_line_stops_the_build_in_bounded_time(tmp_path, where):
    docs = documents()
    if where == "facts":
        docs = replaced(docs, "facts.yml", ("facts", 0, "patterns"), ["^(x|xx)+$"])
    site_data = write_site(tmp_path, docs, article=ARTICLE + "\n" + X_LINE + "\n")
    if where == "cleaning":
        _with_rule(site_data, "^(x|xx)+$")
    start = time.monotonic()
    with pytest.raises(SiteDataError) as caught:
        generate(site_data)
    assert time.monotonic() - start < 30  # re would run for longer than the universe has existed
    message = str(caught.value)
    expected = {
        "cleaning": r"site_data/cleaning\.yml:\d+ \(pattern\): rules\[0\]\.pattern '\^\(x\|xx\)\+\$' took more "
        r"than 1 s on a line of 001\.txt \('xxxx",
        "facts": r"site_data/facts\.yml:\d+: facts\[0\] \(council-voted\)\.patterns\[0\] '\^\(x\|xx\)\+\$' took "
        r"more than 1 s on a sentence of 001\.txt \('xxxx",
    }[where]
    assert re.match(expected, message), message


@pytest.mark.parametrize("folder", [ROOT / "site_data", ROOT / "templates" / "new" / "site_data"])
def test_the_shipped_patterns_pass_the_load_checks(folder):
    # Lookarounds, named groups and Unicode classes (Python's syntax) all work with the bounded engine.
    rules = sitedata.parse_cleaning((folder / "cleaning.yml").read_text(encoding="utf-8"), "cleaning.yml")
    _, facts = sitedata.parse_facts((folder / "facts.yml").read_text(encoding="utf-8"), "facts.yml")
    shipped = [r.pattern for r in rules.patterns] + [p for f in facts for p in f.patterns]
    assert shipped and any("(?=" in p or "(?P<" in p for p in shipped)


def _wait_for(log: Path, text: str, after: int, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = log.read_text(encoding="utf-8", errors="replace")[after:]
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not logged within {seconds} s:\n{log.read_text()[after:]}")


def test_mkdocs_serve_recovers_after_a_bad_pattern_is_fixed(tmp_path):
    project = tmp_path / "project"
    site_data = write_site(project, documents(), article=ARTICLE + "\n" + X_LINE + "\n")
    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("{{ TITLE }}", "Serve test"), encoding="utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", project / "docs")
    facts = site_data / "facts.yml"
    good = facts.read_text(encoding="utf-8")
    assert "\\bvoted\\b" in good
    log = tmp_path / "serve.log"
    with socket_port() as port, log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT)),
        )
        try:
            _wait_for(log, "Serving on", 0)
            mark = len(log.read_text())
            facts.write_text(good.replace("\\bvoted\\b", "^(x|xx)+$"), encoding="utf-8")
            body = _wait_for(log, "An error happened during the rebuild", mark)
            assert "took more than 1 s on a sentence of 001.txt" in body
            mark = len(log.read_text())
            facts.write_text(good.replace("\\bvoted\\b", "\\bvoted\\b "), encoding="utf-8")
            _wait_for(log, "Documentation built", mark)
            home = urllib.request.urlopen(f"http://127.0.0.1:{port}/").read().decode()  # noqa: S310 - ours
            assert "The Eastside library vote" in home
        finally:
            server.terminate()
            server.wait(timeout=30)


class socket_port:  # noqa: N801 - a context manager used like a function
    """A free TCP port on 127.0.0.1 for the server."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def __exit__(self, *exc):
        return False
