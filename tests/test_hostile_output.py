"""Careless output paths (issue 12, items 3, 10 and 14): `build --out` and `offline --out` never destroy what
the generator did not make, and a killed run leaves nothing behind on the next one."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from generator.output import MARK

from .conftest import ROOT, run_cli
from .hostile import documents, write_site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small microsite: mkdocs.yml, docs/, site_data/ (the tiny hostile-test site) and a .git folder."""
    dest = tmp_path / "project"
    write_site(dest, documents())
    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(config.replace("{{ TITLE }}", "A test site"), encoding="utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", dest / "docs")
    (dest / ".git").mkdir()
    (dest / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(project: Path, out: str):
    return run_cli("build", "--out", out, cwd=project)


@pytest.mark.parametrize(
    ("out", "says"),
    [
        (".", "holds the site data"),
        ("{project}", "holds the site data"),
        ("site_data", "holds the site data"),
        ("site_data/corpus", "is inside the site data"),
        ("docs", "is the docs folder of"),
        ("docs/generated", "is the docs folder of"),
        ("elsewhere", "holds mkdocs.yml"),
        ("repo", "holds .git"),
        ("notes", "the generator did not write"),
        ("notes/todo.txt", "is a file, not a folder"),
    ],
)
def test_build_out_refuses_folders_it_did_not_make(project, out, says):
    (project / "elsewhere").mkdir()
    (project / "elsewhere" / "mkdocs.yml").write_text("site_name: other\n")
    (project / "repo" / ".git").mkdir(parents=True)
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("mine")
    before = snapshot(project)
    result = build(project, out.format(project=project))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert says in result.stderr and "nothing was written" in result.stderr, result.stderr
    assert snapshot(project) == before
    assert not [p for p in project.rglob(".*generated-*")]


def test_build_out_marks_its_folder_and_replaces_only_that(project):
    assert build(project, "build/docs").returncode == 0
    out = project / "build" / "docs"
    assert (out / MARK).is_file() and (out / "docs" / "index.md").is_file()  # the project (test_portable.py)
    (out / "stale.md").write_text("from an older build")
    again = build(project, "build/docs")
    assert again.returncode == 0, again.stderr
    assert not (out / "stale.md").exists()  # replaced as a whole
    assert sorted(p.name for p in (project / "build").iterdir()) == ["docs"]  # nothing left beside it
    empty = project / "empty"
    empty.mkdir()
    assert build(project, "empty").returncode == 0 and (empty / MARK).is_file()


def test_what_a_killed_build_left_is_cleaned_or_put_back(project):
    assert build(project, "build/docs").returncode == 0
    out = project / "build" / "docs"
    good = snapshot(out)
    # Killed while writing: a marked staging folder beside the output.
    staging = project / "build" / ".docs.generated-k1ll3d"
    staging.mkdir()
    (staging / MARK).write_text("")
    (staging / "index.md").write_text("half")
    # Killed between the two renames of the swap: the output is missing and the old one is beside it.
    out.rename(project / "build" / ".docs.old-k1ll3d")
    assert (
        run_cli("build", "--out", "build/docs", "--site-data", "missing-folder", cwd=project).returncode == 1
    )
    assert not out.exists()  # a failed build changes nothing, not even the leftovers
    result = build(project, "build/docs")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "build").iterdir()) == ["docs"]
    assert snapshot(out) == good
    # A folder of the user's that happens to look like ours is not touched (it has no mark).
    mine = project / "build" / ".docs.generated-mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine")
    assert build(project, "build/docs").returncode == 0
    assert (mine / "keep.txt").read_text() == "mine"


def test_offline_out_never_overwrites_what_is_not_a_zip(project):
    sources = project / "site_data" / "sources.yml"
    before = snapshot(project)
    for out in (str(sources), "site_data", "docs"):
        result = run_cli("offline", "--out", out, cwd=project)
        assert result.returncode == 1, result.stdout
        assert "is not a zip file" in result.stderr and "nothing was written" in result.stderr, result.stderr
    assert snapshot(project) == before


def test_offline_names_file_line_and_key_and_keeps_the_old_zip(project):
    old = project / "classroom-copy.zip"
    with zipfile.ZipFile(old, "w") as archive:
        archive.writestr("index.html", "<p>the last good copy</p>")
    kept = old.read_bytes()
    sources = project / "site_data" / "sources.yml"
    sources.write_text(sources.read_text().replace("language: en", "language: English"))
    result = run_cli("offline", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "site_data/sources.yml:" in result.stderr and "(language)" in result.stderr, result.stderr
    assert old.read_bytes() == kept
    assert sorted(p.name for p in project.glob(".classroom-copy.zip.partial-*")) == []
