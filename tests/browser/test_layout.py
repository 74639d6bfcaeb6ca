"""Layout gate: no page is wider than the screen on a phone or a tablet, and no table scrolls sideways on a
desktop.

Each page is measured in the walk the accessibility and privacy gates share (conftest.visits, visits.py), in
the same tab right after axe: the viewport is resized in place (no reload per width), and the page's own
resize handlers (tables.js restacks tables) run before each measurement (layout.py).
"""

from __future__ import annotations

import pytest

from .helpers import SITES, failure_report

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_nothing_wider_than_the_screen(visits, pages):
    """`scrollWidth <= innerWidth` at 768, 390 and 360 px on every page of the site (the glossary's hidden
    definitions, long links and wide tables once made pages 577–757 px wide on a 390 px phone)."""
    assert pages, "no page to check"
    if visits.too_wide:
        pytest.fail(failure_report("pages wider than the screen", visits.too_wide), pytrace=False)


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_no_table_scrolls_sideways_at_1280(visits, pages):
    """At 1280 px every table fits the content column as a table: it neither scrolls nor is restacked."""
    assert pages, "no page to check"
    if visits.tables:
        pytest.fail(failure_report("tables that do not fit at 1280 px", visits.tables), pytrace=False)
