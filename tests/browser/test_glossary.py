"""Glossary gate: a term's definition shows on hover and on keyboard focus, and is part of the printed page."""

from __future__ import annotations

import pytest

from .helpers import BUILDS

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]

PAGES = ["/sources/trump-administration-officials-met-with-venezuelan-rebels/", "/history/"]


def _definition_visible(page, term) -> bool:
    return term.locator(".ms-term__def").evaluate(
        "e => getComputedStyle(e).opacity === '1' && getComputedStyle(e).clipPath === 'none'"
    )


@pytest.mark.parametrize("path", PAGES)
def test_definition_on_focus_and_hover(page, base_url, path):
    page.goto(base_url + path)
    term = page.locator(".md-content .ms-term").first
    assert term.count() == 1, f"{path}: no glossary term marked"
    assert not _definition_visible(page, term)
    term.focus()
    assert _definition_visible(page, term), f"{path}: definition hidden on keyboard focus"
    page.locator("h1").first.focus() if page.locator("h1").first.get_attribute(
        "tabindex"
    ) else page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    term.hover()
    assert _definition_visible(page, term), f"{path}: definition hidden on hover"


def test_definition_is_printed(page, base_url):
    page.goto(base_url + PAGES[0])
    page.emulate_media(media="print")
    try:
        term = page.locator(".md-content .ms-term").first
        assert term.locator(".ms-term__def").evaluate("e => getComputedStyle(e).position") == "static"
        assert _definition_visible(page, term)
    finally:
        page.emulate_media(media="screen")
