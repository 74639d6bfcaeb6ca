"""Keyboard gate: focus is visible from the first Tab, search works from the keyboard, nav is reachable."""

from __future__ import annotations

import pytest

from .helpers import SEARCH_INPUT, SITES, focused_element_info, representative_pages

pytestmark = pytest.mark.browser

MAX_TABS = 60
SETTLE_MS = 400  # Material fades/slides focused elements in (e.g. the skip link): measure after that

FIRST_NAV_LINK_JS = """() => {
    const links = [...document.querySelectorAll('.md-tabs a.md-tabs__link, .md-sidebar--primary a.md-nav__link')];
    const a = links.find(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
    return a ? {href: a.getAttribute('href'), text: a.textContent.trim()} : null;
}"""


def _tab(page):
    page.keyboard.press("Tab")
    page.wait_for_timeout(SETTLE_MS)
    return focused_element_info(page)


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_first_tab_shows_visible_focus(page, base_url, pages):
    failures = []
    for kind, path in representative_pages(pages).items():
        page.goto(base_url + path)
        info = _tab(page)
        if not info or not info["visible"] or not info["indicator"]:
            failures.append(f"{kind} {path}: first Tab focused {info}")
    assert not failures, "\n".join(failures)


def test_tab_stops_in_header_and_nav_show_focus(page, base_url):
    """Every Tab stop up to the first content link is visible and shows a focus indicator."""
    page.goto(base_url + "/")
    problems, seen = [], []
    for _ in range(MAX_TABS):
        info = _tab(page)
        if info is None:
            break
        seen.append(f"{info['tag']}.{info['cls']} {info['text']!r}")
        if not info["visible"] or not info["indicator"]:
            problems.append(info)
        if (
            not info["inPrimaryNav"]
            and len(seen) > 3
            and info["tag"] == "a"
            and "md-nav__link" not in (info["cls"] or "")
        ):
            break  # left the header and navigation
    assert not problems, "Tab stops without a visible focus indicator:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("how", ["/", "s", "tab"])
def test_search_by_keyboard(page, base_url, how):
    page.goto(base_url + "/")
    if how == "tab":
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement && document.activeElement.matches('{SEARCH_INPUT}')"):
                break
        else:
            pytest.fail(f"search input not reached in {MAX_TABS} Tab presses", pytrace=False)
    else:
        page.keyboard.press(how)
        page.wait_for_function("document.getElementById('__search').checked", timeout=5_000)
    assert page.evaluate(f"document.activeElement.matches('{SEARCH_INPUT}')"), "search input is not focused"
    page.keyboard.type("Shugerman", delay=20)
    assert page.locator(SEARCH_INPUT).input_value() == "Shugerman", "the shortcut key leaked into the query"
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked", timeout=5_000)


def test_first_nav_link_reachable_by_tab(page, base_url):
    page.goto(base_url + "/")
    target = page.evaluate(FIRST_NAV_LINK_JS)
    assert target, "no visible navigation link at 1280x800"
    for _ in range(MAX_TABS):
        info = _tab(page)
        if info and info["tag"] == "a" and info["inPrimaryNav"] and info["href"] == target["href"]:
            assert info["visible"] and info["indicator"], f"first nav link focused without indicator: {info}"
            return
    pytest.fail(f"first nav link {target} not reached in {MAX_TABS} Tab presses", pytrace=False)
