"""Accessibility gate: axe-core WCAG 2.0/2.1 A+AA rules, zero violations on every page, in every palette.

Failures are fixed in templates/theme/assets/stylesheets/a11y.css (or the templates), never by disabling a rule.
"""

from __future__ import annotations

import pytest

from .helpers import (
    AXE_JS,
    NPM_HINT,
    SITES,
    failure_report,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _axe_available():
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: {NPM_HINT}", pytrace=False)


# Material lists its palettes as radio inputs: none (no toggle), 2 (light/dark) or 3 with "auto". Every
# palette the site offers is checked in this one test, so a site without a toggle skips nothing. The pages are
# visited once for this gate and the privacy gate together (conftest.visits, visits.py).
@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_axe_wcag_aa_every_page_in_every_palette(visits, pages):
    assert pages, "no page to check"
    if visits.axe:
        pytest.fail(failure_report("axe wcag2a/wcag2aa/wcag21a/wcag21aa", visits.axe), pytrace=False)


@pytest.mark.parametrize("site_dir", ["venezuela", "venezuela-zensical"], indirect=True)
def test_search_dialog_has_a_name(page, base_url, request):
    """axe's best-practice rule aria-dialog-name (Lighthouse counts it): Material's search dialog had none
    (a11y.js names it); Zensical's is named by the theme."""
    page.goto(base_url + "/", wait_until="load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}});
            return {violations: r.violations.length, checked: r.passes.length + r.violations.length};
        }"""
    )
    assert result["violations"] == 0, result
    if request.node.callspec.params["site_dir"] == "venezuela":
        assert result["checked"] >= 1, "no dialog on the page: the rule checked nothing"
