"""Keyboard gate: focus is visible from the first Tab, search works from the keyboard, nav is reachable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import (
    BUILDS,
    SEARCH_KEYS,
    SITES,
    builder,
    focused,
    focused_element_info,
    representative_pages,
    search_box,
    search_button,
    search_dialog,
)

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


@pytest.mark.parametrize("site_dir", BUILDS, indirect=True)
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


@pytest.mark.parametrize("site_dir", BUILDS, indirect=True)
@pytest.mark.parametrize("how", ["shortcut", "other shortcut", "tab"])
def test_search_by_keyboard(page, base_url, how, request):
    """Search opens from the keyboard (the theme's two shortcut keys, or Tab to the box or to the button that
    opens it), takes the query without the shortcut key, shows results and closes on Escape."""
    keys = SEARCH_KEYS[builder(request.node.callspec.params["site_dir"])]
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")  # the theme's scripts have set up their keys
    box = search_box(page)
    if how == "tab":
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if focused(box):
                break
            if focused(search_button(page)):
                page.keyboard.press("Enter")
                break
        else:
            pytest.fail(f"neither the search box nor a search button reached in {MAX_TABS} Tab presses")
    else:
        page.keyboard.press(keys[0] if how == "shortcut" else keys[1])
    box.first.wait_for(state="visible", timeout=5_000)
    assert focused(box), f"search box is not focused ({how})"
    page.keyboard.type("Shugerman", delay=20)
    assert box.first.input_value() == "Shugerman", "the shortcut key leaked into the query"
    dialog = search_dialog(page).first
    results = dialog.get_by_role("link").or_(dialog.get_by_role("option"))
    results.first.wait_for(timeout=30_000)
    page.keyboard.press("Escape")
    expect(results.first).to_be_hidden(timeout=5_000)
    assert not focused(search_box(page)), "Escape left the focus in the search box"


@pytest.mark.parametrize("site_dir", BUILDS, indirect=True)
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
