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


# ---------------------------------------------------------------------------------------------- mkdocs build
def mkdocs(project: Path):
    from .conftest import run_mkdocs

    return run_mkdocs(project / "mkdocs.yml", project / "site")


def test_the_last_good_site_survives_every_failure_of_mkdocs_build(project):
    first = mkdocs(project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    (site / ".git").mkdir()  # a deployment checkout kept in site/: MkDocs's cleaning leaves dot-files alone
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    good = snapshot(site)
    docs = project / "docs"
    about = docs / "about.md"
    original = about.read_text(encoding="utf-8")

    def leftovers():
        return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))

    # Found before MkDocs cleans site/: pages of the editor's that a generated page would replace, as the
    # same file or at the same address (history.md is generated: docs/history/index.md is /history/ too;
    # docs/README.md would be the home page, which index.md is).
    (docs / "glossary.md").write_text("# My glossary\n")
    (docs / "history").mkdir()
    (docs / "history" / "index.md").write_text("# My history\n")
    (docs / "README.md").write_text("# About this folder\n")
    clash = mkdocs(project)
    assert clash.returncode == 1
    assert snapshot(site) == good and leftovers() == []
    for mine, address in (
        ("glossary.md", "/glossary/"),
        ("history/index.md", "/history/"),
        ("README.md", "/"),
    ):
        assert f"docs/{mine} exists, but the generator makes that page ({address})" in clash.stderr, (
            clash.stderr
        )
    shutil.rmtree(docs / "history")
    (docs / "glossary.md").unlink()
    (docs / "README.md").unlink()

    # Found by MkDocs only after every page is written: a broken link in an editor's page (--strict).
    about.write_text(original + "\n[A page that is not there](missing.md)\n", encoding="utf-8")
    late = mkdocs(project)
    assert late.returncode == 1 and "missing.md" in late.stderr, late.stderr
    assert snapshot(site) == good and leftovers() == []

    # What a killed build leaves beside site/ is tidied by the next one, which then replaces the site,
    # keeping its dot-files and its mode.
    (project / ".site.building-k1ll3d").mkdir()
    (project / ".site.building-k1ll3d" / ".microsite-building").write_text("")
    site.chmod(0o750)
    about.write_text(original + "\nA new line of the editor's.\n", encoding="utf-8")
    fixed = mkdocs(project)
    assert fixed.returncode == 0, fixed.stderr
    assert "A new line of the editor's." in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert not (site / ".microsite-building").exists()
    assert site.stat().st_mode & 0o777 == 0o750
    assert leftovers() == []


def test_a_swap_cut_off_half_way_is_finished_or_undone(tmp_path):
    from generator.output import BUILDING, site_staging, swap_site

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good")
    (site / ".git").mkdir()
    # Killed after the last site was moved aside, before the new one was in place: the last one comes back.
    aside = tmp_path / ".site.replaced-x1"
    site.rename(aside)
    staging = site_staging(site)
    assert (site / "index.html").read_text() == "last good" and not aside.exists()
    (staging / "index.html").write_text("new")
    swap_site(staging, site)
    assert (site / "index.html").read_text() == "new" and (site / ".git").is_dir()
    assert not (site / BUILDING).exists()
    # Killed after the new site was in place: the old one's dot-files are carried over, the rest removed.
    (tmp_path / ".site.replaced-x2").mkdir()
    (tmp_path / ".site.replaced-x2" / ".well-known").mkdir()
    (tmp_path / ".site.replaced-x2" / "index.html").write_text("old")
    (site / BUILDING).write_text("")
    site_staging(site)
    assert (site / ".well-known").is_dir() and (site / "index.html").read_text() == "new"
    assert not (site / BUILDING).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.replaced")) == []


def test_build_out_refuses_a_page_of_the_editors_at_a_generated_address(project):
    (project / "docs" / "history").mkdir()
    (project / "docs" / "history" / "index.md").write_text("# My history\n")
    result = build(project, "build/project")
    assert result.returncode != 0
    assert "docs/history/index.md: exists, but the generator makes that page (/history/)" in result.stderr
    assert not (project / "build").exists()
