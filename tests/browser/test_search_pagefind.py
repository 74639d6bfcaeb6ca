"""Hosted search with Pagefind (issue 18, generator/pagefind.py): this site with site.yml's
``pagefind_articles: 0``, so that its five articles are "above the threshold" and ``mkdocs build`` indexes it
with Pagefind. In Chromium over HTTP: a word finds the article that uses it, with its title and an excerpt
that marks the word, Material's keyboard handling opens it, and the pages fetch Pagefind's chunks and an
empty lunr index (never the whole one) from 127.0.0.1 only. The classroom copy of the same build keeps lunr.
The search cases of test_search.py (written for lunr) hold for Pagefind too, and an excerpt quotes the
article's sentence, not its byline.

That the default site and the build without the plugin keep Material's lunr search is checked where those
sites are built anyway (test_portable.py, test_search_engine.py). One build of this site (~20 s).
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..builds import mkdocs_build
from ..sites import ROOT
from .helpers import is_local_url, search, search_box
from .test_search import SEARCH_CASES, case_failure, definitions_quoted

pytestmark = pytest.mark.browser

# Read in site_data/corpus/001_…: Breitbart's article of 8 September 2018 names Lilian Tintori twice
# (paragraph "Sen. Marco Rubio (R-FL), who brought Tintori to Trump's office …"); no other article does.
WORD = "Tintori"
ARTICLE = (
    "/sources/report-trump-administration-discussed-socialist-regime/"  # its address (from the headline)
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # Following a result leaves the page while Pagefind's fetches of the last keys may still be sent: the
        # browser closing those connections is no failure (any other error is still printed).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("pagefind") / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "site_data", "templates"):  # templates: mkdocs.yml watches it
        shutil.copytree(ROOT / name, project / name)
    site_yml = project / "site_data" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "\npagefind_articles: 0\n", encoding="utf-8")
    return mkdocs_build(project / "mkdocs.yml", project / "site")


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site):
    handler = functools.partial(_Quiet, directory=str(pagefind_site))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_site_is_indexed_by_pagefind_and_its_copy_keeps_lunr(pagefind_site):
    assert (pagefind_site / "pagefind" / "pagefind.js").is_file()
    assert "search-pagefind.js" in (pagefind_site / "index.html").read_text(encoding="utf-8")
    assert json.loads((pagefind_site / "search" / "search_index.json").read_text())["docs"] == []
    with zipfile.ZipFile(pagefind_site / "downloads" / "classroom-copy.zip") as copy:
        names = copy.namelist()
        script = copy.read("search/search_index.js").decode()
    assert not any(n.startswith("pagefind/") for n in names)
    assert ARTICLE.strip("/") + "/index.html" in script  # the article, as a file, in the copy's lunr index


@pytest.mark.parametrize("width", [1280, 390])
def test_a_word_finds_its_article_and_the_keyboard_opens_it(browser_context, pagefind_url, width):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(pagefind_url + "/compare/")
        page.keyboard.press("/")  # Material's shortcut opens search (on a phone too, where the box is hidden)
        results = search(page, WORD)
        assert ARTICLE in [r.path for r in results], results
        item = page.locator(".md-search-result__item").filter(has=page.locator(f'a[href*="{ARTICLE}"]')).first
        assert "Discussed Socialist Regime" in item.locator("h1").inner_text()
        assert WORD in item.locator("mark").first.inner_text()  # the excerpt marks the word
        # Down the list by keyboard, as Material allows, to the article's result, then Enter follows it.
        for _ in range(40):
            page.keyboard.press("ArrowDown")
            href = page.evaluate("() => document.activeElement.href || ''")
            if urlsplit(href).path == ARTICLE:
                break
        else:
            pytest.fail(f"the arrow keys never reached {ARTICLE}")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{ARTICLE}*")
        assert WORD in page.locator("article").inner_text()
        fetched = [urlsplit(u).path for u in requests]
        assert any(p.startswith("/pagefind/") and p.endswith(".pf_fragment") for p in fetched), fetched
        assert all(is_local_url(u) for u in requests), [u for u in requests if not is_local_url(u)]
        assert problems == []
    finally:
        page.close()


def test_a_word_no_page_has_finds_nothing_after_a_word_that_did(browser_context, pagefind_url):
    # Pagefind answers an unknown word with the longest start of it that it has ("qqzxjvw" would find the
    # words page by its "q" marks): the worker keeps only pages that mark what was typed. The search before it
    # checks that the count line of the last results goes when the box is cleared (the helper waits for it).
    page = browser_context.new_page()
    try:
        page.goto(pagefind_url + "/")
        page.keyboard.press("/")
        assert search(page, WORD)
        assert search(page, "qqzxjvw") == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def pagefind_tab(browser_context, pagefind_url):
    """One tab for the search cases (Pagefind loaded once, as lunr's cases share one)."""
    page = browser_context.new_page()
    page.goto(pagefind_url + "/")
    yield page
    page.close()


@pytest.mark.parametrize("query", list(SEARCH_CASES))
def test_pagefind_ranks_as_the_lunr_cases_expect(pagefind_tab, query):
    # The expectations are lunr's, as written in test_search.py; Pagefind must rank the same pages first.
    problem = case_failure(query, SEARCH_CASES[query], search(pagefind_tab, query))
    if problem:
        pytest.fail(problem, pytrace=False)


def test_pagefind_snippets_do_not_quote_definitions(pagefind_tab):
    assert definitions_quoted(pagefind_tab) == []


# Read in site_data/corpus/001_…: the article's paragraph 1 is "The Trump administration met with members of
# the Venezuelan military seeking support for an operation …"; its page's byline (outlet, author, date, reading
# time) comes between the title and the paragraph.
FIRST_WORD = "seeking"
SENTENCE = "members of the Venezuelan military seeking"
BYLINE = ("Frances Martel", "min read", "reading grade")


def test_a_first_query_typed_on_focus_finds_the_sentence_not_the_byline(browser_context, pagefind_url):
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        page.goto(pagefind_url + "/history/", wait_until="load")
        box = search_box(page).first
        box.focus()  # the first query of the visit, typed at once: Pagefind is still loading its chunks
        results = search(page, FIRST_WORD)
        assert ARTICLE in [r.path for r in results], results
        item = page.locator(".md-search-result__item").filter(has=page.locator(f'a[href*="{ARTICLE}"]')).first
        text = item.locator("article").first.inner_text()  # the page's title and its excerpt
        assert SENTENCE in " ".join(text.split()), text
        assert FIRST_WORD in item.locator("article").first.locator("mark").first.inner_text()
        assert not [b for b in BYLINE if b in text], text
    finally:
        page.close()
