"""The menu (generator/navigation.py): the home page's reading order, sections named as their index pages,
sources oldest first, and mkdocs.yml's not_in_nav and own pages respected. The browser suite checks the
built sidebar (tests/browser/test_navigation.py)."""

from __future__ import annotations

from generator.build import generate
from generator.navigation import project_nav, site_nav

from .conftest import SITE_DATA

RESULT = generate(SITE_DATA)


def _titles(nav):
    return [next(iter(e)) if isinstance(e, dict) else e for e in nav]


def test_reading_order_and_section_titles():
    nav = site_nav(RESULT.pages, RESULT.site)
    assert _titles(nav) == [
        "Home",
        "Sources",
        "How the outlets told the story",
        "actors/index.md",  # a single page: MkDocs takes its title, "People and organisations"
        "history.md",
        "glossary.md",
        "For teachers",
    ]
    compare = nav[2]["How the outlets told the story"]
    assert compare == ["compare/index.md", "compare/facts.md", "compare/words.md", "compare/voices.md"]


def test_sources_oldest_first_as_in_the_table():
    sources = site_nav(RESULT.pages, RESULT.site)[1]["Sources"]
    # By hand from sources.yml: 8 Sep 2018 (Breitbart, then The Independent by name), 9 Sep, 10 Sep, May 2019.
    assert sources == [
        "sources/index.md",
        "sources/report-trump-administration-discussed-socialist-regime.md",
        "sources/trump-administration-officials-met-with-venezuelan-rebels.md",
        "sources/venezuela-accuses-us-of-plotting-coup-against-maduro.md",
        "sources/venezuela-calls-for-massive-march-against-u-s-amid-talk-of.md",
        "sources/juan-guaido-makes-open-plea-for-us-military-coordination-in.md",
    ]


def test_not_in_nav_and_the_editors_pages():
    """A large corpus keeps its articles out of the menu (not_in_nav: /sources/*); the editor's pages follow."""
    in_nav = {p for p in RESULT.pages if not p.startswith("sources/") or p == "sources/index.md"}
    nav = site_nav(RESULT.pages, RESULT.site, ["about.md"], in_nav=in_nav)
    assert "sources/index.md" in nav and not any(isinstance(e, dict) and "Sources" in e for e in nav)
    assert nav[-1] == "about.md"


def test_project_nav_is_the_plugins_menu_for_build_out():
    """build --out writes the menu into mkdocs.yml (no plugin sets it there): the same reading order, the
    editor's pages in the order MkDocs finds them (a folder's index first), not_in_nav's lines respected."""
    docs = ["zebra.md", "about/team.md", "about/index.md", "about/a.md", "images/logo.png", "drafts/x.md"]
    nav = project_nav(RESULT.pages, RESULT.site, docs, "/drafts/\n/sources/*\n!/sources/index.md\n")
    assert nav[:-2] == site_nav(
        RESULT.pages,
        RESULT.site,
        in_nav={p for p in RESULT.pages if not p.startswith("sources/")} | {"sources/index.md"},
    )
    assert nav[-2:] == ["zebra.md", {"About": ["about/index.md", "about/a.md", "about/team.md"]}]
