"""Search gate: the site's own lunr search (served from 127.0.0.1) ranks the right page first.

Extend SEARCH_CASES to add a query. A case passes when the FIRST page-level result
  * has a URL path strictly below `under` (e.g. "/sources/" means a page under /sources/, not the index), and
  * contains at least one of `any_of` (case-insensitive) in its title or URL; slugs match phrases,
    since "-" and "_" in the URL are also read as spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .helpers import search

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Expect:
    under: str
    any_of: tuple[str, ...]


SEARCH_CASES: dict[str, Expect] = {
    # query: expectation for the first result
    "Breitbart": Expect("/sources/", ("breitbart", "massive march against", "socialist regime overthrow")),
    "Truthout": Expect("/sources/", ("truthout", "guaid")),
    "Iran Daily": Expect("/sources/", ("iran daily", "iran-daily", "accuses us of plotting coup")),
    "Shugerman": Expect("/sources/", ("independent", "met with venezuelan rebels")),
    "Cabello": Expect("/actors/", ("diosdado cabello",)),
    "Arreaza": Expect("/actors/", ("jorge arreaza",)),
    "Guaidó": Expect("/actors/", ("juan guaid",)),
    # "Monroe" alone finds James Monroe's page, then the history page; the doctrine finds the history page.
    "Monroe": Expect("/actors/", ("james monroe",)),
    "Monroe Doctrine": Expect("/", ("historical context",)),
    "Pinochet": Expect("/actors/", ("augusto pinochet",)),
}


@pytest.fixture(scope="module")
def search_page(browser_context, base_url):
    """One tab reused by all search cases (the index is loaded once)."""
    p = browser_context.new_page()
    p.goto(base_url + "/")
    yield p
    p.close()


@pytest.mark.parametrize("query", list(SEARCH_CASES))
def test_search_first_result(search_page, query):
    expect = SEARCH_CASES[query]
    results = search(search_page, query)
    listing = (
        "\n".join(f"  {i + 1}. {r.title} <{r.path}>" for i, r in enumerate(results[:10])) or "  (no results)"
    )
    assert results, f"search {query!r} found nothing"
    first = results[0]
    below = first.path.startswith(expect.under) and first.path.rstrip("/") != expect.under.rstrip("/")
    hit = any(s.lower() in first.haystack() for s in expect.any_of)
    if not (below and hit):
        pytest.fail(
            f"search {query!r}: first result should be a page below {expect.under} matching one of "
            f"{expect.any_of}; got:\n{listing}",
            pytrace=False,
        )


def test_search_without_match_is_empty(search_page):
    """Self-check of the helper: a query nothing contains yields no result (and does not hang)."""
    assert search(search_page, "qqzxjvw") == []
