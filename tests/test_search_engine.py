"""Which search engine a site gets (issue 18, generator/pagefind.py): Material's lunr up to site.yml's
``pagefind_articles`` (200 unless set), Pagefind above it for ``mkdocs build`` only; the setting's errors; the
post-build step's refusals. The browser test of a site that really uses Pagefind is
tests/browser/test_search_pagefind.py."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator import pagefind
from generator.build import load_site
from generator.classroom import member
from generator.errors import SiteDataError
from generator.sitedata import parse_site

from .conftest import SITE_DATA

SITE = load_site(SITE_DATA)
ABOVE = replace(SITE, info=replace(SITE.info, pagefind_articles=len(SITE.articles) - 1))


def test_a_small_site_keeps_lunr_by_default():
    assert SITE.info.pagefind_articles == 200
    assert pagefind.search_engine(SITE, "build", True) == "lunr"


@pytest.mark.parametrize(
    ("command", "directory_urls", "engine"),
    [
        ("build", True, "pagefind"),
        ("gh-deploy", True, "pagefind"),
        ("serve", True, "lunr"),  # a preview: indexing on every save would slow each reload
        ("build", False, "lunr"),  # file URLs: the offline build, read from disk, where Pagefind cannot load
        (None, True, "lunr"),  # the Python API (python -m generator offline)
    ],
)
def test_above_the_threshold_only_a_hosted_build_uses_pagefind(command, directory_urls, engine):
    assert pagefind.search_engine(ABOVE, command, directory_urls) == engine


def test_without_the_pagefind_program_the_build_stops_and_says_what_to_do(monkeypatch):
    monkeypatch.setattr(pagefind, "executable", lambda: None)
    with pytest.raises(pagefind.PagefindError, match="pip install pagefind-bin.*pagefind_articles"):
        pagefind.search_engine(ABOVE, "build", True)
    assert pagefind.search_engine(SITE, "build", True) == "lunr"  # below it, nothing needs the program


@pytest.mark.parametrize("value", [-1, "many", 2.5, True, "300"])
def test_pagefind_articles_must_be_a_whole_number(value):
    text = f"title: A site\npagefind_articles: {json.dumps(value)}\n"
    with pytest.raises(SiteDataError) as error:
        parse_site(text, "site_data/site.yml")
    message = str(error.value)
    assert "site_data/site.yml" in message and "pagefind_articles" in message and ":2" in message, message


def test_pagefind_articles_is_read():
    assert parse_site("title: A site\npagefind_articles: 0\n", "site.yml").pagefind_articles == 0


LUNR = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": "…"},
        {"location": "sources/a/", "title": "A", "text": "…"},
        {"location": "sources/a/#p1", "title": "¶1", "text": "…"},
        {"location": "glossary/", "title": "Glossary", "text": "…"},
    ],
}


def test_pagefind_indexes_the_pages_lunr_indexes_and_lunr_keeps_its_config_only():
    text = json.dumps(LUNR)
    assert pagefind.indexed_pages(text) == ["glossary/index.html", "index.html", "sources/a/index.html"]
    assert json.loads(pagefind.empty_index(text)) == {"config": LUNR["config"], "docs": []}


def test_a_site_whose_pages_do_not_load_the_switch_is_refused(tmp_path):
    # An editor's own main.html that replaces the microsite's: emptying lunr's index would leave no search.
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(LUNR))
    (tmp_path / "index.html").write_text("<html><body>Home</body></html>")
    with pytest.raises(pagefind.PagefindError, match="main.html"):
        pagefind.run(tmp_path, binary=tmp_path / "never-run")
    assert json.loads((tmp_path / "search" / "search_index.json").read_text()) == LUNR


def test_the_classroom_copy_leaves_pagefinds_folder_out():
    # Written while the copy is zipped (pagefind.index_while), and of no use from disk, where lunr searches.
    assert member("pagefind/pagefind.js", b"export {}") == []
    assert member("pagefinder/index.html", b"<p>a page of the editor's</p>") != []


def test_lunr_tells_which_sections_of_each_page_it_kept():
    assert pagefind.indexed_sections(json.dumps(LUNR)) == {
        "index.html": frozenset(),
        "sources/a/index.html": frozenset({"p1"}),
        "glossary/index.html": frozenset(),
    }


def _page(body: str) -> str:
    return f'<html><body><nav><h2 id="nav">Menu</h2></nav><article class="md-content__inner md-typeset">{body}</article><footer><h2 id="f">Foot</h2><p>x</p></footer></body></html>'


IGN = " data-pagefind-ignore"
# Written by hand: what Material's search leaves out of lunr (a section under a heading it has no document
# for) is marked for Pagefind; the rest of the page is as it was.
SECTION_CASES = [
    # The left-out section: its heading and every element up to the next heading.
    (
        '<h1 id="t">T</h1><p>a</p><h2 id="named">Named</h2><p>x</p><table><tr><td>y</td></tr></table>'
        '<h2 id="kept">Kept</h2><p>z</p>',
        {"kept"},
        f'<h1 id="t">T</h1><p>a</p><h2{IGN} id="named">Named</h2><p{IGN}>x</p><table{IGN}><tr><td>y</td></tr>'
        '</table><h2 id="kept">Kept</h2><p>z</p>',
    ),
    # A left-out h2 ends at an h3 that lunr kept; void elements and self-closed SVG are marked as they are.
    (
        '<h2 id="a">A</h2><hr><svg><path d="M0"/></svg><h3 id="b">B</h3><p>k</p>',
        {"b"},
        f'<h2{IGN} id="a">A</h2><hr{IGN}><svg{IGN}><path d="M0"/></svg><h3 id="b">B</h3><p>k</p>',
    ),
    # Up to the end of the article only: the footer after it is not touched; a comment is no element.
    (
        '<h2 id="a">A</h2><!-- <p> --><div><p>in</p></div>',
        set(),
        f'<h2{IGN} id="a">A</h2><!-- <p> --><div{IGN}><p>in</p></div>',
    ),
    # A block holding the next heading is not marked (what comes before the heading inside it stays).
    (
        '<h2 id="a">A</h2><div><p>before</p><h2 id="b">B</h2></div><p>after</p>',
        {"b"},
        f'<h2{IGN} id="a">A</h2><div><p>before</p><h2 id="b">B</h2></div><p>after</p>',
    ),
    # Every section kept: the page is returned unchanged.
    ('<h1 id="t">T</h1><h2 id="a">A</h2><p>x</p>', {"a"}, '<h1 id="t">T</h1><h2 id="a">A</h2><p>x</p>'),
]


@pytest.mark.parametrize(("body", "kept", "expected"), SECTION_CASES)
def test_sections_lunr_left_out_are_ignored_by_pagefind(body, kept, expected):
    assert pagefind.ignore_sections(_page(body), frozenset(kept)) == _page(expected)
