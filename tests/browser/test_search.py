"""Search gate: the site's own lunr search (served from 127.0.0.1) ranks the right page first.

Search finds pages by what they say: glossary definitions (shown on every page that uses a term), the
reading line, a page type's default questions, the metadata table, the outlet's profile and the removed lines
are left out of the index. Extend SEARCH_CASES to add a query. A case passes when each of the FIRST `first`
page-level results
  * has a URL path strictly below `under` (e.g. "/sources/" means a page under /sources/, not the index), and
  * contains at least one of `any_of` (case-insensitive) in its title or URL; slugs match phrases,
    since "-" and "_" in the URL are also read as spaces;
and no result at all is one of the pages in `never` (pages whose own text does not use the word: before the
exclusions, they were found by a definition or a repeated note). `under=None`: only `never` is checked.
The expectations are written by reading the pages, not from the search's output.

Zensical 0.0.73 has its own search engine, which ignores the pages' `search: boost` (its search.json has no
boost at all). Where it ranks another page first, `zensical_rank` says within how many page-level results
the expected page(s) must be there, and the comment says which page comes first and why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .helpers import BUILDS, builder, search, search_dialog

# Both builds of this site: MkDocs' lunr and Zensical's own search must rank the same pages first.
pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]


@dataclass(frozen=True)
class Expect:
    under: str | None
    any_of: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    first: int = 1
    zensical_rank: int = 1


SEARCH_CASES: dict[str, Expect] = {
    # query: expectation for the first result(s)
    # An outlet's name lists its own articles first (both of Breitbart's). Zensical puts the voices page's
    # section for the outlet's article ("Breitbart News, 8 Sep 2018", a title that starts with the name) before
    # the article's own page ("The outlet: …").
    # ("discussed socialist regime" is in the 8 September article's title and address: Zensical lists a section,
    # "The outlet: Breitbart News", under the page's address.)
    "Breitbart": Expect(
        "/sources/", ("massive march against", "discussed socialist regime"), first=2, zensical_rank=2
    ),
    "Truthout": Expect("/sources/", ("truthout", "guaid"), zensical_rank=2),
    "Iran Daily": Expect(
        "/sources/", ("iran daily", "iran-daily", "accuses us of plotting coup"), zensical_rank=2
    ),
    # "dictator" is in Breitbart's 8 September article, the words table, the glossary, what outlets call Maduro,
    # and the sentences quoted on the history and facts pages. The glossary's definitions of other words use it
    # ("socialism", "coup d'état" ...): the pages that show those definitions must not come up.
    "dictator": Expect(
        "/",
        ("discussed socialist regime", "words chosen", "glossary", "nicolás maduro", "historical context"),
        never=(
            "/actors/psuv/",
            "/actors/venezuelan-government/",
            "/actors/evo-morales/",
            "/actors/salvador-allende/",
            "/actors/diosdado-cabello/",
            "/sources/venezuela-calls-for-massive-march-against-u-s-amid-talk-of/",
        ),
    ),
    # Words only in lines cleaning removed (Iran Daily's captcha, Breitbart's comment prompt) find nothing.
    "Captcha": Expect(None, never=("/sources/venezuela-accuses-us-of-plotting-coup-against-maduro/",)),
    "commenting": Expect(
        None,
        never=(
            "/sources/venezuela-calls-for-massive-march-against-u-s-amid-talk-of/",
            "/sources/report-trump-administration-discussed-socialist-regime/",
        ),
    ),
    "Shugerman": Expect("/sources/", ("independent", "met with venezuelan rebels")),
    "Cabello": Expect("/actors/", ("diosdado cabello",)),
    "Arreaza": Expect("/actors/", ("jorge arreaza",)),
    "Guaidó": Expect("/actors/", ("juan guaid",)),
    # "Monroe" alone finds James Monroe's page, then the history page; the doctrine finds the history page.
    "Monroe": Expect("/actors/", ("james monroe",)),
    "Monroe Doctrine": Expect("/", ("historical context", "/history/")),
    "Pinochet": Expect("/actors/", ("augusto pinochet",)),
}


@pytest.fixture(scope="module")
def search_page(browser_context, base_url):
    """One tab reused by all search cases (the index is loaded once)."""
    p = browser_context.new_page()
    p.goto(base_url + "/")
    yield p
    p.close()


def _meets(result, expect: Expect) -> bool:
    below = result.path.startswith(expect.under) and result.path.rstrip("/") != expect.under.rstrip("/")
    return below and any(s.lower() in result.haystack() for s in expect.any_of)


def case_failure(query: str, expect: Expect, results, rank: int = 1) -> str | None:
    """Why the page-level ``results`` of ``query`` miss ``expect`` (None when they meet it); shared with
    test_search_pagefind.py, which holds the hosted Pagefind search to the same cases."""
    listing = (
        "\n".join(f"  {i + 1}. {r.title} <{r.path}>" for i, r in enumerate(results[:10])) or "  (no results)"
    )
    found_never = [r.path for r in results if r.path in expect.never]
    if found_never:
        return f"search {query!r} lists {found_never}, whose own text does not use it:\n{listing}"
    if expect.under is None:
        return None
    if not results:
        return f"search {query!r} found nothing"
    # The first `first` results meet the expectation (with Zensical: `first` of the first first + rank - 1).
    window = results[: expect.first + rank - 1]
    if sum(_meets(r, expect) for r in window) < expect.first:
        where = f"the first {expect.first} result(s)" + (f" (within {len(window)})" if rank > 1 else "")
        return (
            f"search {query!r}: {where} should be pages below {expect.under} matching one of "
            f"{expect.any_of}; got:\n{listing}"
        )
    return None


@pytest.mark.parametrize("query", list(SEARCH_CASES))
def test_search_first_result(search_page, query, request):
    expect = SEARCH_CASES[query]
    rank = expect.zensical_rank if builder(request.node.callspec.params["site_dir"]) == "zensical" else 1
    problem = case_failure(query, expect, search(search_page, query), rank)
    if problem:
        pytest.fail(problem, pytrace=False)


def definitions_quoted(page) -> list[str]:
    """The snippets of the results for "United Socialist Party" that quote the glossary's definition of
    "socialism" (none should: a snippet is the page's own text); shared with test_search_pagefind.py."""
    search(page, "United Socialist Party")
    dialog = search_dialog(page).first  # the results as links (Material) or options (Zensical)
    texts = dialog.get_by_role("link").or_(dialog.get_by_role("option")).all_inner_texts()
    assert texts, "no results for 'United Socialist Party'"
    return [t[:120] for t in texts if "(socialism:" in t]


def test_snippets_do_not_quote_definitions(search_page):
    """A result's snippet is the page's text: "The United Socialist Party", not "The United Socialist
    (socialism: An economic …) Party"."""
    quoting = definitions_quoted(search_page)
    assert not quoting, f"snippets quote the glossary's definition: {quoting}"


def test_search_without_match_is_empty(search_page):
    """Self-check of the helper: a query nothing contains yields no result (and does not hang)."""
    assert search(search_page, "qqzxjvw") == []
