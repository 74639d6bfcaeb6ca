"""Accessibility gate: axe-core WCAG 2.0/2.1 A+AA rules, zero violations on every page, in every palette.

Failures are fixed in docs/assets/stylesheets/a11y.css (or the templates), never by disabling a rule.
"""

from __future__ import annotations

import pytest

from .helpers import AXE_JS, NPM_HINT, failure_report, format_axe_violations, palette_count, run_axe, set_palette

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _axe_available():
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: {NPM_HINT}", pytrace=False)


# Material lists its palettes as radio inputs; most sites have 1 (no toggle) or 2 (light/dark), "auto" adds a 3rd.
@pytest.mark.parametrize("palette", [0, 1, 2], ids=["palette0", "palette1", "palette2"])
def test_axe_wcag_aa_every_page(page, base_url, pages, palette):
    n = palette_count(page)
    if palette >= max(n, 1):
        pytest.skip(f"the site has {n} palette(s)")
    scheme = set_palette(page, palette) if n else "default"

    failures: dict[str, list[str]] = {}
    for path in pages:
        page.goto(base_url + path, wait_until="load")
        if n:
            got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert got == scheme, f"{path}: palette did not persist ({got!r} != {scheme!r})"
            page.wait_for_timeout(50)
        violations = run_axe(page)
        if violations:
            failures[path] = format_axe_violations(violations)
    if failures:
        report = failure_report(f"axe {'/'.join(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])} ({scheme})", failures)
        pytest.fail(report, pytrace=False)
