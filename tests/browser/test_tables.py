"""Sources table (issue 18): sorted and filtered by outlet, date and words in the browser, by keyboard, with
the result announced; without scripts it is the whole table in date order and no control shows."""

from __future__ import annotations

import re

import pytest

from .helpers import BUILDS

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]

# By reading site_data/sources.yml: Breitbart News published two of the five articles, three appeared on or
# after 9 September 2018 (Iran Daily's of the 9th, Breitbart's of the 10th, Truthout's of May 2019).
ROWS = "table tbody tr"


def _visible(page) -> list[str]:
    return page.locator(f"{ROWS}:visible td:first-child").all_text_contents()


def test_without_scripts_the_whole_table_in_date_order_and_no_controls(site_dir):
    html = (site_dir / "sources" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="ms-table-tools" hidden(="")?>\s*</div>', html), (
        "controls hidden until a script"
    )
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', html)
    assert len(dates) == 5 and dates == sorted(dates)


def test_filter_by_outlet_date_and_words(page, base_url):
    page.goto(base_url + "/sources/")
    status = page.locator(".ms-table-tools [role=status]")
    assert status.text_content() == "Showing 5 of 5 articles."
    page.get_by_label("Outlet").select_option("Breitbart News")
    assert _visible(page) == ["Breitbart News", "Breitbart News"]
    assert status.text_content() == "Showing 2 of 5 articles."
    page.get_by_label("Outlet").select_option("")
    page.get_by_label("Published from").fill("2018-09-09")
    assert sorted(_visible(page)) == ["Breitbart News", "Iran Daily", "Truthout"]
    page.get_by_label("Published until").fill("2018-12-31")
    assert sorted(_visible(page)) == ["Breitbart News", "Iran Daily"]
    page.get_by_label("Published from").fill("")
    page.get_by_label("Published until").fill("")
    words = [int(w) for w in page.locator(f"{ROWS} td:nth-child(5)").all_text_contents()]
    fewest = sorted(words)[2]  # the three longest articles have at least as many words as the third
    page.get_by_label("At least this many words").fill(str(fewest))
    shown = [int(w) for w in page.locator(f"{ROWS}:visible td:nth-child(5)").all_text_contents()]
    assert sorted(shown) == sorted(words)[2:]


def test_sort_by_keyboard_with_the_order_announced(page, base_url):
    page.goto(base_url + "/sources/")
    button = page.get_by_role("button", name="Words")
    button.focus()
    page.keyboard.press("Enter")
    words = [int(w) for w in page.locator(f"{ROWS} td:nth-child(5)").all_text_contents()]
    assert words == sorted(words)
    header = page.locator("th[aria-sort]")
    assert header.count() == 1 and header.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert [int(w) for w in page.locator(f"{ROWS} td:nth-child(5)").all_text_contents()] == sorted(
        words, reverse=True
    )
    assert "sorted by words, descending" in page.locator(".ms-table-tools [role=status]").text_content()
    page.get_by_role("button", name="Published").click()
    dates = page.locator(f"{ROWS} time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates)
