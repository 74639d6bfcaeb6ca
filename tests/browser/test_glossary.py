"""Glossary gate: a term's definition takes no room until shown; it opens on hover, keyboard focus and a tap,
closes on Escape and on a tap elsewhere, fits the screen, has a solid background in both palettes, and is part
of the printed page."""

from __future__ import annotations

import re

import pytest

from .helpers import BUILDS, set_palette

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]

PAGES = ["/sources/trump-administration-officials-met-with-venezuelan-rebels/", "/history/"]

BOX = """e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
            bg: s.backgroundColor, fg: s.color, screen: innerWidth, rem: parseFloat(getComputedStyle(document.documentElement).fontSize)}; }"""


def _box(term) -> dict:
    return term.locator(".ms-term__def").evaluate(BOX)


def _shown(term) -> bool:
    box = _box(term)
    return box["width"] > 1 and box["height"] > 1


class Touch:
    """Taps as a phone's touch screen makes them (Chromium's DevTools protocol; the context has no touch)."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})

    def tap(self, x: float, y: float) -> None:
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def tap_on(self, locator) -> None:
        locator.scroll_into_view_if_needed()
        box = locator.bounding_box()
        self.tap(box["x"] + min(4, box["width"] / 2), box["y"] + box["height"] / 2)

    def close(self) -> None:
        self.cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
        self.cdp.detach()


def _alpha(css_colour: str) -> float:
    parts = re.findall(r"[\d.]+", css_colour)
    return float(parts[3]) if css_colour.startswith("rgba") and len(parts) == 4 else 1.0


@pytest.mark.parametrize("path", PAGES)
def test_hidden_definitions_take_no_room(page, base_url, path):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + path)
    boxes = page.locator(".md-content .ms-term__def").evaluate_all(f"els => els.map({BOX})")
    assert boxes, f"{path}: no glossary term marked"
    wide = [b for b in boxes if b["width"] > 1 or b["height"] > 1]
    assert not wide, f"{path}: {len(wide)} hidden definition(s) take room: {wide[:2]}"


@pytest.mark.parametrize("path", PAGES)
def test_definition_opens_on_focus_hover_and_tap_and_closes_on_escape(page, base_url, path):
    page.goto(base_url + path)
    term = page.locator(".md-content .ms-term").first
    assert term.count() == 1, f"{path}: no glossary term marked"
    assert not _shown(term)

    term.focus()
    assert _shown(term), f"{path}: definition hidden on keyboard focus"
    page.keyboard.press("Escape")
    assert not _shown(term), f"{path}: Escape does not close the definition"
    page.evaluate("document.activeElement.blur()")

    page.mouse.move(0, 0)
    term.hover()
    assert _shown(term), f"{path}: definition hidden on hover"
    page.keyboard.press("Escape")
    assert not _shown(term), f"{path}: Escape does not close a hovered definition"
    page.mouse.move(0, 0)
    term.hover()
    assert _shown(term), f"{path}: definition does not open again on the next hover"
    page.mouse.move(0, 0)
    assert not _shown(term), f"{path}: definition stays open after the pointer left"

    page.set_viewport_size({"width": 390, "height": 800})
    touch = Touch(page)
    try:
        touch.tap_on(term)
        assert _shown(term), f"{path}: definition hidden after a tap on the term"
        touch.tap(5, 790)  # a tap elsewhere (bottom left corner of the page's margin)
        assert not _shown(term), f"{path}: a tap elsewhere does not close the definition"
        touch.tap_on(term)
        assert _shown(term), f"{path}: a second tap on the term does not open it again"
        touch.tap_on(term)
        assert not _shown(term), f"{path}: a tap on an open term does not close it"
    finally:
        touch.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_definition_fits_the_screen(page, base_url, width):
    """Every definition on the page, opened, is inside the screen and at most min(22rem, 100vw - 2rem) wide."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + PAGES[1])
    terms = page.locator(".md-content .ms-term")
    problems = []
    for i in range(terms.count()):
        term = terms.nth(i)
        term.scroll_into_view_if_needed()
        term.focus()
        box = _box(term)
        limit = min(22 * box["rem"], box["screen"] - 2 * box["rem"])
        if box["left"] < 0 or box["right"] > box["screen"] or box["width"] > limit + 0.5:
            problems.append(
                f"{term.inner_text()[:30]!r}: {box['left']:.0f}–{box['right']:.0f} px (limit {limit:.0f})"
            )
        if page.evaluate("document.documentElement.scrollWidth") > width:
            problems.append(f"{term.inner_text()[:30]!r}: the open definition widens the page")
    assert terms.count() >= 3, "too few terms to test on /history/"
    assert not problems, f"definitions outside the {width} px screen:\n" + "\n".join(problems)


def test_definition_has_a_solid_background_in_both_palettes(page, base_url):
    page.goto(base_url + PAGES[0])
    for palette in (0, 1):
        scheme = set_palette(page, palette)
        term = page.locator(".md-content .ms-term").first
        term.focus()
        box = _box(term)
        assert _alpha(box["bg"]) == 1.0, f"{scheme}: the definition's background {box['bg']} is see-through"
        assert box["bg"] != box["fg"], f"{scheme}: text and background are the same colour"
        page.evaluate("document.activeElement.blur()")


def test_definition_is_printed(page, base_url):
    page.goto(base_url + PAGES[0])
    page.emulate_media(media="print")
    try:
        term = page.locator(".md-content .ms-term").first
        definition = term.locator(".ms-term__def")
        assert definition.evaluate("e => getComputedStyle(e).position") == "static"
        assert _shown(term), "the definition is not printed"
    finally:
        page.emulate_media(media="screen")
