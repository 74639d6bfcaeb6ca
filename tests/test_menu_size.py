"""A large corpus (issue 18): above site.yml's ``menu_articles`` (25 unless set) the menu lists the sources table,
not every article, so a page's size no longer grows with the corpus; both builds stay strict (the article pages
are marked not in the menu, not "omitted")."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import generate, write_project
from generator.errors import SiteDataError
from generator.navigation import left_out_of_menu, site_nav
from generator.sitedata import parse_site

from .conftest import SITE_DATA, run_mkdocs

RESULT = generate(SITE_DATA)
ARTICLES = [p for p in RESULT.pages if p.startswith("sources/") and p != "sources/index.md"]


def test_five_articles_are_listed_by_default():
    assert RESULT.site.info.menu_articles == 25
    assert left_out_of_menu(RESULT.site) == []
    sources = site_nav(RESULT.pages, RESULT.site)[1]["Sources"]
    assert sources[0] == "sources/index.md" and sorted(sources[1:]) == sorted(ARTICLES)


def test_above_the_threshold_the_menu_lists_the_table_only():
    site = replace(RESULT.site, info=replace(RESULT.site.info, menu_articles=4))
    nav = site_nav(RESULT.pages, site)
    assert "sources/index.md" in nav  # the section is the table's page alone
    assert not any(isinstance(e, dict) and "Sources" in e for e in nav)
    assert sorted(left_out_of_menu(site)) == sorted(ARTICLES)


@pytest.mark.parametrize("value", [-1, "many", 2.5, True])
def test_menu_articles_must_be_a_whole_number(value):
    with pytest.raises(SiteDataError, match="menu_articles must be a whole number"):
        parse_site(f"title: A site\nmenu_articles: {str(value).lower()}\n", "site_data/site.yml")


def _menu_links(page: Path) -> list[str]:
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page.read_text(), re.S)
    assert nav, f"no primary menu in {page}"
    return re.findall(r'href="([^"]+)"', nav.group(0))


def test_both_builds_strict_with_the_articles_out_of_the_menu(project: Path, tmp_path: Path):
    site_yml = project / "site_data" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "\nmenu_articles: 4\n", encoding="utf-8")
    built = run_mkdocs(project / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stderr
    slug = Path(ARTICLES[0]).stem
    links = _menu_links(tmp_path / "site" / "sources" / slug / "index.html")
    assert not any(
        re.search(rf"sources/{re.escape(Path(a).stem)}/", link) for a in ARTICLES for link in links
    )
    assert any(link.rstrip("/").endswith("..") or "sources" in link for link in links), links
    out = tmp_path / "out"
    write_project(project / "mkdocs.yml", out)
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/sources/*\n" in config and "!/sources/index.md" in config
    plain = run_mkdocs(out / "mkdocs.yml", tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    assert _menu_links(tmp_path / "plain" / "sources" / slug / "index.html") == links
