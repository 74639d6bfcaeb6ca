"""Microsites other than this repository's own, made the way an editor makes them: `new`, then `add`.

Used by the end-to-end tests and by the browser suite (which runs its generic gates on every site here).
Each site costs seconds to make: tests get them through ``site_once`` (or the ``made_site`` fixture), which
makes each one once per test session.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY2 = ROOT / "tests" / "fixtures" / "story2"
# The second corpus: five saved pages of our own making (a fictional story) and one plain-text article.
STORY2_PAGES = sorted(p for p in (STORY2 / "html").glob("*.html") if not p.name.startswith("duplicate-"))
STORY2_TEXT = STORY2 / "text" / "riverton-radio.txt"
TITLES = {"story2": "The Eastside library vote", "new": "A new microsite"}

# Real news (issue 13): 25 articles of 7 events, one site per event ("realnews-<event folder>").
REALNEWS = ROOT / "tests" / "fixtures" / "realnews"
REALNEWS_EVENTS = tuple(sorted(p.name for p in REALNEWS.iterdir() if p.is_dir()))


def realnews_files(event: str) -> list[tuple[Path, str]]:
    """The event's files in corpus order, each with its outlet's name as MANIFEST.md's table gives it (a
    note such as "(Bloomberg wire copy)" left out: the outlet is Newsmax)."""
    rows = re.findall(
        r"^\| \d{3} \| `([^`]+)` \| ([^|]+?) \|", (REALNEWS / "MANIFEST.md").read_text("utf-8"), re.M
    )
    files = [
        (REALNEWS / rel, re.sub(r"\s*\(.*\)$", "", outlet))
        for rel, outlet in rows
        if rel.startswith(f"{event}/")
    ]
    assert files, f"no files for {event} in {REALNEWS}/MANIFEST.md"
    return files


def generator(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m generator …` as an editor runs it, in its own process; fails loudly with its output."""
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    if proc.returncode != 0:
        raise AssertionError(f"python -m generator {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def make_site(name: str, dest: Path) -> Path:
    """Make the site ``name`` in dest and return its mkdocs.yml: "new" (just scaffolded), "story2" (the second
    corpus), "realnews-<event>" (that event's real articles, each added as plain text with its outlet) or
    "synthetic-<n>" (this repository's project with n synthetic articles, benchmarks/synthetic_corpus.py)."""
    if name.startswith("synthetic-"):
        # The benchmark's corpus maker (benchmarks/ is no package: its scripts import each other from there).
        if str(ROOT / "benchmarks") not in sys.path:
            sys.path.insert(0, str(ROOT / "benchmarks"))
        from synthetic_corpus import make_project

        return make_project(int(name.removeprefix("synthetic-")), dest)
    event = name.removeprefix("realnews-") if name.startswith("realnews-") else None
    title = TITLES.get(name) or f"Real news: {event}"
    generator("new", str(dest), "--title", title, cwd=dest.parent)
    if name == "story2":
        for page in STORY2_PAGES:
            generator("add", str(page), cwd=dest)
        generator("add", str(STORY2_TEXT), "--outlet", "Riverton Radio", cwd=dest)
    elif event:
        for path, outlet in realnews_files(event):
            generator("add", str(path), "--outlet", outlet, cwd=dest)
    return dest / "mkdocs.yml"


# Sites made in this test session, by name.
_MADE: dict[str, Path] = {}


def site_once(name: str, tmp_path_factory) -> Path:
    """The project folder of site ``name``, made on first use in the session and shared after that (tests
    that change a site make their own with make_site)."""
    if name not in _MADE:
        dest = tmp_path_factory.mktemp(f"site-{name}") / name
        make_site(name, dest)
        _MADE[name] = dest
    return _MADE[name]


def corpus_files(project: Path) -> dict[str, str]:
    """Which corpus file each fixture became in a realnews site: {"001_reuters.txt": "000_<hash>.txt", …}
    (`add` copies plain text byte for byte under a name of its own)."""
    corpus = {p.read_bytes(): p.name for p in (project / "site_data" / "corpus").glob("*.txt")}
    found = {}
    for path in REALNEWS.glob("*/*.txt"):
        if path.read_bytes() in corpus:
            found[path.name] = corpus[path.read_bytes()]
    return found
