"""`python -m generator new DIR`: a new microsite that builds at once, and never over an existing folder."""

from __future__ import annotations

import html

import yaml

from generator.scaffold import fill

from .builds import built
from .conftest import run_cli
from .sites import make_site


def test_new_site_has_its_parts(tmp_path):
    dest = tmp_path / "library-vote"
    proc = run_cli("new", str(dest), "--title", "The library vote", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for rel in (
        "mkdocs.yml",
        "README.md",
        "docs/about.md",
        "site_data/sources.yml",
        "site_data/site.yml",
        "site_data/cleaning.yml",
        "site_data/lexicon.yml",
        "site_data/teaching.yml",
        "site_data/attribution.yml",
    ):
        assert (dest / rel).is_file(), rel
    assert (dest / "site_data" / "corpus").is_dir()
    assert not [p for p in (dest / "site_data" / "corpus").iterdir() if not p.name.startswith(".")]
    assert yaml.safe_load((dest / "mkdocs.yml").read_text())["site_name"] == "The library vote"
    assert yaml.safe_load((dest / "site_data" / "site.yml").read_text())["title"] == "The library vote"
    assert (dest / "README.md").read_text().startswith("# The library vote\n")
    assert "cd " in proc.stdout and "add" in proc.stdout


def test_title_defaults_to_the_folder_name(tmp_path):
    proc = run_cli("new", str(tmp_path / "bridge-closure"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (
        yaml.safe_load((tmp_path / "bridge-closure" / "mkdocs.yml").read_text())["site_name"]
        == "Bridge closure"
    )


def test_any_title_stays_one_yaml_string():
    title = 'Coup talk: "Venezuela" & #news — 2018'
    files = fill({"site.yml": b'title: "{{ TITLE }}"\n', "mkdocs.yml": b"site_name: {{ TITLE }}\n"}, title)
    assert yaml.safe_load(files["site.yml"])["title"] == title
    # The theme prints mkdocs.yml's site_name unescaped (in <title> and aria-label="…"): it is HTML there.
    assert yaml.safe_load(files["mkdocs.yml"])["site_name"] == html.escape(title, quote=True)


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine")
    proc = run_cli("new", str(dest), cwd=tmp_path)
    assert proc.returncode == 1
    assert "not empty" in proc.stderr and "nothing was written" in proc.stderr
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]


def test_new_site_builds_at_once_and_says_it_is_empty(tmp_path_factory):
    # The session's one `mkdocs build --strict` of a site fresh from `new` (the browser suite checks it too);
    # a failed build fails here with its output.
    site = built("new", "mkdocs", tmp_path_factory)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "A new microsite" in home
    assert "python -m generator add" in home  # the empty site says how to fill it
    assert (site / "about" / "index.html").is_file()


def test_check_on_a_new_site_lists_the_first_step(tmp_path):
    dest = tmp_path / "fresh"
    make_site("new", dest)
    proc = run_cli("check", cwd=dest)
    assert proc.returncode == 0, proc.stderr
    assert "What to curate next" in proc.stdout
    assert "the corpus is empty" in proc.stdout
