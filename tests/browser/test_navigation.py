"""Navigation gate: the menu lists the sections in the order the home page's "Where to start" reads them,
each menu entry uses its page's title, the site's title appears once in the sidebar, and the sources are in
the same order in the menu and in the sources table (oldest first)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .helpers import SITES

pytestmark = pytest.mark.browser

# The top level of the menu: each entry's first link (a section's link is its index page).
MENU = """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item')]
    .map(li => li.querySelector('a.md-nav__link')).filter(Boolean)
    .map(a => ({href: a.href, text: a.textContent.trim()}))"""

WHERE_TO_START = """() => { const h = document.getElementById('where-to-start');
    let list = h && h.nextElementSibling;
    while (list && list.tagName !== 'OL') list = list.nextElementSibling;
    return list ? [...list.querySelectorAll(':scope > li > a:first-of-type')].map(a => a.href) : []; }"""

H1 = "() => (document.querySelector('.md-content h1') || {textContent: ''}).textContent.replace('¶', '').trim()"


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_menu_follows_where_to_start_with_the_pages_titles(page, base_url, pages, request):
    page.goto(base_url + "/")
    menu = page.evaluate(MENU)
    assert menu and menu[0]["text"] == "Home" and menu[0]["href"] == base_url + "/", f"menu starts {menu[:1]}"

    hrefs = [m["href"] for m in menu]
    start = page.evaluate(WHERE_TO_START)
    if (
        request.node.callspec.params["site_dir"] != "new"
    ):  # a site without articles has no "Where to start" yet
        assert len(start) >= 2, "no 'Where to start' list on the home page"
    missing = [h for h in start if h not in hrefs]
    assert not missing, f"'Where to start' links to pages that are not in the menu: {missing}"
    positions = [hrefs.index(h) for h in start]
    assert positions == sorted(positions), (
        "menu order differs from 'Where to start':\n  menu: "
        + ", ".join(m["text"] for m in menu)
        + "\n  where to start: "
        + ", ".join(h.removeprefix(base_url) for h in start)
    )

    # Each entry is named as its page is titled (the home page's title is the site's: the menu says "Home").
    different = []
    for entry in menu[1:]:
        page.goto(entry["href"])
        heading = page.evaluate(H1)
        if heading != entry["text"]:
            different.append(f"menu {entry['text']!r} → page {heading!r}")
    assert not different, "menu and page titles differ:\n" + "\n".join(different)


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_site_title_appears_once_in_the_sidebar(page, base_url):
    page.goto(base_url + "/")
    title = page.locator(".md-header__topic .md-ellipsis").first.inner_text().strip()
    sidebar = page.locator(".md-sidebar--primary").inner_text()
    assert title and sidebar.count(title) == 1, (
        f"the site's title {title!r} appears {sidebar.count(title)}× in the sidebar"
    )


@pytest.mark.parametrize("site_dir", ["venezuela", "story2"], indirect=True)
def test_sources_in_the_same_order_in_menu_and_table(page, base_url):
    page.goto(base_url + "/sources/")
    in_menu = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__item--active nav a.md-nav__link')]
            .map(a => a.href)"""
    )
    in_table = page.evaluate(
        "() => [...document.querySelectorAll('.md-content table tbody tr a')].map(a => a.href)"
    )
    in_menu = [h for h in in_menu if h != urljoin(base_url, "/sources/")]
    assert len(in_table) >= 2, "the sources table lists fewer than two articles"
    assert in_menu == in_table, "menu and table list the sources in different orders:\n" + "\n".join(
        f"  {m.removeprefix(base_url):70} {t.removeprefix(base_url)}"
        for m, t in zip(in_menu, in_table, strict=False)
    )
