"""Search gate: the site's own lunr search (served from 127.0.0.1) ranks the right page first.

Extend SEARCH_CASES to add a query. A case passes when the FIRST page-level result
  * has a URL path strictly below `under` (e.g. "/sources/" means a page under /sources/, not the index), and
  * contains at least one of `any_of` (case-insensitive) in its title or URL; slugs match phrases,
    since "-" and "_" in the URL are also read as spaces.

Zensical 0.0.73 has its own search engine, which ignores the pages' `search: boost` (its search.json has no
boost at all). Where it ranks another page first, `zensical_rank` says within how many page-level results
the expected page must be there, and the comment says which page comes first and why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .helpers import BUILDS, builder, search

# Both builds of this site: MkDocs' lunr and Zensical's own search must rank the same pages first.
pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]


@dataclass(frozen=True)
class Expect:
    under: str
    any_of: tuple[str, ...]
    zensical_rank: int = 1


SEARCH_CASES: dict[str, Expect] = {
    # query: expectation for the first result
    # An outlet's name: Zensical puts the voices page's section for the outlet's article ("Breitbart News,
    # 8 Sep 2018", a title that starts with the name) before the article's own page ("The outlet: …").
    "Breitbart": Expect(
        "/sources/", ("breitbart", "massive march against", "socialist regime overthrow"), zensical_rank=2
    ),
    "Truthout": Expect("/sources/", ("truthout", "guaid"), zensical_rank=2),
    "Iran Daily": Expect(
        "/sources/", ("iran daily", "iran-daily", "accuses us of plotting coup"), zensical_rank=2
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


@pytest.mark.parametrize("query", list(SEARCH_CASES))
def test_search_first_result(search_page, query, request):
    expect = SEARCH_CASES[query]
    rank = expect.zensical_rank if builder(request.node.callspec.params["site_dir"]) == "zensical" else 1
    results = search(search_page, query)
    listing = (
        "\n".join(f"  {i + 1}. {r.title} <{r.path}>" for i, r in enumerate(results[:10])) or "  (no results)"
    )
    assert results, f"search {query!r} found nothing"
    if not any(_meets(r, expect) for r in results[:rank]):
        where = "first result" if rank == 1 else f"one of the first {rank} results"
        pytest.fail(
            f"search {query!r}: {where} should be a page below {expect.under} matching one of "
            f"{expect.any_of}; got:\n{listing}",
            pytrace=False,
        )


def test_search_without_match_is_empty(search_page):
    """Self-check of the helper: a query nothing contains yields no result (and does not hang)."""
    assert search(search_page, "qqzxjvw") == []
