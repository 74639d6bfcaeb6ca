"""Microsites other than this repository's own, made the way an editor makes them: `new`, then `add`.

Used by the end-to-end tests and by the browser suite (which runs its generic gates on every site here).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY2 = ROOT / "tests" / "fixtures" / "story2"
# The second corpus: five saved pages of our own making (a fictional story) and one plain-text article.
STORY2_PAGES = sorted(p for p in (STORY2 / "html").glob("*.html") if not p.name.startswith("duplicate-"))
STORY2_TEXT = STORY2 / "text" / "riverton-radio.txt"
TITLES = {"story2": "The Eastside library vote", "new": "A new microsite"}


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
    """Make the site ``name`` ("new": just scaffolded; "story2": with the second corpus) in dest; its mkdocs.yml."""
    generator("new", str(dest), "--title", TITLES[name], cwd=dest.parent)
    if name == "story2":
        for page in STORY2_PAGES:
            generator("add", str(page), cwd=dest)
        generator("add", str(STORY2_TEXT), "--outlet", "Riverton Radio", cwd=dest)
    return dest / "mkdocs.yml"
