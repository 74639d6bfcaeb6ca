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
    format_axe_violations,
    palette_count,
    run_axe,
    set_palette,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _axe_available():
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: {NPM_HINT}", pytrace=False)


# Material lists its palettes as radio inputs: none (no toggle), 2 (light/dark) or 3 with "auto". Every
# palette the site offers is checked in this one test, so a site without a toggle skips nothing.
@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_axe_wcag_aa_every_page_in_every_palette(page, base_url, pages):
    page.goto(base_url + pages[0], wait_until="load")
    n = palette_count(page)
    failures: dict[str, list[str]] = {}
    for palette in range(max(n, 1)):
        scheme = set_palette(page, palette) if n else "default"
        for path in pages:
            page.goto(base_url + path, wait_until="load")
            if n:
                got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                assert got == scheme, f"{path}: palette did not persist ({got!r} != {scheme!r})"
                page.wait_for_timeout(50)
            violations = run_axe(page)
            if violations:
                failures[f"{path} ({scheme})"] = format_axe_violations(violations)
    if failures:
        pytest.fail(failure_report("axe wcag2a/wcag2aa/wcag21a/wcag21aa", failures), pytrace=False)


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
