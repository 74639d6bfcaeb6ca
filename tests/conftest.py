"""Shared fixtures: the repository's paths, a scratch copy of site_data, and running MkDocs for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_DATA = ROOT / "site_data"


def run_mkdocs(config: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a user runs it, in its own process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the whole project (mkdocs.yml, docs/, templates/, site_data/) that a test may break."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "templates", "site_data"):
        shutil.copytree(ROOT / name, dest / name)
    # The plugin finds templates next to the generator package; point it at the copy.
    text = (dest / "mkdocs.yml").read_text()
    (dest / "mkdocs.yml").write_text(
        text.replace("site_data: site_data", "site_data: site_data\n      templates: templates")
    )
    return dest


def write_corpus(site_data: Path, files: dict[str, str | bytes], outlet: str = "breitbart") -> None:
    """Replace the corpus of a site_data folder with ``files`` and give each a minimal sources.yml entry."""
    corpus = site_data / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for name, content in files.items():
        (corpus / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    sources = (site_data / "sources.yml").read_text(encoding="utf-8")
    outlets = sources.split("\narticles:")[0]
    entries = "".join(f"  - file: {name}\n    outlet: {outlet}\n    language: en\n" for name in files)
    (site_data / "sources.yml").write_text(f"{outlets}\narticles:\n{entries}", encoding="utf-8")
    # teaching.yml names pages of the real corpus (an error for any other corpus); addresses.txt lists them.
    for name in ("teaching.yml", "addresses.txt"):
        (site_data / name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def made_site(tmp_path_factory):
    """``made_site("realnews-2016-04-new-york-primary")`` (or "story2", "new"): the project folder of that
    site, made with `new` and `add` once per session and shared; do not change it."""
    from .sites import site_once

    return lambda name: site_once(name, tmp_path_factory)
