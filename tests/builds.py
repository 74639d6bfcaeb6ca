"""The same site built the two ways, for tests: MkDocs with our plugin, and Zensical from the project that
`python -m generator build --out` writes (no plugin; Zensical runs none).

Each build costs seconds, so each is made once per test session and shared (``built(...)``); tests that
change a site make their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .sites import ROOT, site_once

# The site name "<site>-zensical" in the browser suite is <site> built by Zensical.
ZENSICAL_SUFFIX = "-zensical"
REPO_CONFIG = ROOT / "mkdocs.yml"
# Every shared build stamps this date (MkDocs's build date, in the sitemap), so that a second build of the same
# input is byte-identical to it: tests/test_determinism.py builds this site once more and compares.
SOURCE_DATE_EPOCH = "1700000000"


def run(args: list[str], cwd: Path, what: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(
            os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH
        ),
    )
    if proc.returncode != 0:
        raise AssertionError(f"{what} failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def config_of(name: str, tmp_path_factory) -> Path:
    """The mkdocs.yml of site ``name``: this repository's, or a site made with `new` (and `add`), the project
    folder sites.site_once makes once per session for every test that reads it."""
    if name == "venezuela":
        return REPO_CONFIG
    return site_once(name, tmp_path_factory) / "mkdocs.yml"


def write_project(config: Path, out: Path, *extra: str) -> Path:
    run(
        [sys.executable, "-m", "generator", "build", "--config", str(config), "--out", str(out), *extra],
        config.parent,
        "python -m generator build --out",
    )
    return out


def zensical_build(project: Path) -> Path:
    """`zensical build --strict` in the project's folder (where the glossary extension finds its file);
    Zensical writes the site to site/ inside the project (it refuses a site_dir outside it)."""
    run([sys.executable, "-m", "zensical", "build", "--strict"], project, "zensical build --strict")
    return project / "site"


def add_downloads(site: Path) -> Path:
    """`python -m generator downloads`: what a build without our plugin runs after it (the README says so), to
    add the classroom copy the teachers' guide links."""
    run([sys.executable, "-m", "generator", "downloads", "--site", str(site)], ROOT, "generator downloads")
    return site


# What each `mkdocs build --strict` printed, by site folder: the end-to-end tests read the warnings of the shared
# build instead of building the site again.
_LOGS: dict[Path, str] = {}


def mkdocs_build(config: Path, site: Path) -> Path:
    proc = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        config.parent,
        "mkdocs build --strict",
    )
    _LOGS[site] = proc.stderr
    return site


def build_log(site: Path) -> str:
    """The standard error of the `mkdocs build --strict` that made ``site``."""
    return _LOGS[site]


_CONFIGS: dict[str, Path] = {}
_BUILT: dict[tuple[str, str], Path] = {}


def project_config(name: str, tmp_path_factory) -> Path:
    """The mkdocs.yml of site ``name``, its project made once per session (the one ``built`` builds)."""
    if name not in _CONFIGS:
        _CONFIGS[name] = config_of(name, tmp_path_factory)
    return _CONFIGS[name]


def built(name: str, how: str, tmp_path_factory) -> Path:
    """Site ``name`` built ``how``, once per session: "mkdocs" (the plugin), "project" (the folder `build --out`
    writes), "project-mkdocs" / "zensical" (that project built by MkDocs / Zensical), "project-offline" /
    "zensical-offline" (the same with `--offline`)."""
    key = (name, how)
    if key in _BUILT:
        return _BUILT[key]
    config = project_config(name, tmp_path_factory)
    if how == "mkdocs":
        path = mkdocs_build(config, tmp_path_factory.mktemp(f"mkdocs-{name}") / "site")
    elif how in ("project", "project-offline"):
        extra = ("--offline",) if how == "project-offline" else ()
        path = write_project(config, tmp_path_factory.mktemp(f"{how}-{name}") / "project", *extra)
    elif how == "project-mkdocs":
        project = built(name, "project", tmp_path_factory)
        path = add_downloads(
            mkdocs_build(project / "mkdocs.yml", tmp_path_factory.mktemp(f"project-mkdocs-{name}") / "site")
        )
    elif how == "zensical":
        path = add_downloads(zensical_build(built(name, "project", tmp_path_factory)))
    elif how == "zensical-offline":  # itself the classroom copy: it links none
        path = zensical_build(built(name, "project-offline", tmp_path_factory))
    else:
        raise ValueError(f"unknown build {how!r}")
    _BUILT[key] = path
    return path
