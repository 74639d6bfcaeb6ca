"""Source pages in layers (issue 15 §4): the article opens readable (word-choice marks hidden until asked for);
labelled buttons show or hide word-choice marks, people links, history links and glossary words, by keyboard;
the choice is kept in this browser (localStorage) for the next source page; a hidden link or term leaves the
tab order; in print the marks the reader shows keep their legend and the buttons are not printed; with every
mark shown the page still passes axe in both palettes. Both builders: layers.js is the theme's, so it must
work under Zensical too."""

from __future__ import annotations

import re

import pytest

from .helpers import BUILDS, format_axe_violations, palette_count, run_axe, set_palette

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]

# Iran Daily, 9 Sep 2018: word choices, people, history links (read from the page: no glossary word).
IRAN_DAILY = "/sources/venezuela-accuses-us-of-plotting-coup-against-maduro/"
# Breitbart, 8 Sep 2018: "dictator" and "socialist" in its text are glossary words.
BREITBART = "/sources/report-trump-administration-discussed-socialist-regime/"

STATE = """() => {
    const para = document.querySelector('.ms-para mark.ms-frame');
    const tag = para && para.querySelector('.ms-frame__tag');
    const legend = document.querySelector('.ms-legend');
    const actor = document.querySelector('.ms-para a.ms-actor');
    const history = document.querySelector('.ms-para .ms-history-link');
    const term = document.querySelector('.ms-para .ms-term');
    const shown = el => !!el && getComputedStyle(el).display !== 'none';
    return {
        frames: shown(tag) && getComputedStyle(para).textDecorationLine.includes('underline'),
        legend: shown(legend),
        actors: !!actor && actor.hasAttribute('href'),
        history: shown(history),
        terms: !!term && term.getAttribute('tabindex') === '0',
        buttons: shown(document.querySelector('.ms-layers')),
    };
}"""


def _button(page, words: str):
    return page.get_by_role("button", name=words)


def _pressed(page, words: str) -> bool:
    return _button(page, words).get_attribute("aria-pressed") == "true"


def test_article_opens_readable_and_buttons_toggle_by_keyboard(page, base_url):
    page.goto(base_url + IRAN_DAILY)
    group = page.get_by_role("group", name="Marks in the article")
    assert group.is_visible()
    state = page.evaluate(STATE)
    assert state["buttons"] and not state["frames"] and not state["legend"], state
    assert state["actors"] and state["history"], state
    assert not _pressed(page, "Word choices")
    # Named by its words and count only (the tick or plus before them is drawn, not read).
    assert page.get_by_role("button", name=re.compile(r"^Word choices \(\d+\)$")).count() == 1

    # Enter shows the word choices and their legend; Space hides the people links (not focusable then).
    _button(page, "Word choices").focus()
    page.keyboard.press("Enter")
    assert _pressed(page, "Word choices")
    state = page.evaluate(STATE)
    assert state["frames"] and state["legend"], state
    _button(page, "People").focus()
    page.keyboard.press("Space")
    assert not _pressed(page, "People")
    assert not page.evaluate(STATE)["actors"]
    assert page.locator(".ms-para a.ms-actor[href]").count() == 0
    _button(page, "History links").focus()
    page.keyboard.press("Enter")
    assert not page.evaluate(STATE)["history"]

    # The choice is kept for the next source page, in this browser only.
    page.goto(base_url + BREITBART)
    state = page.evaluate(STATE)
    assert state["frames"] and not state["actors"] and not state["history"], state
    assert _pressed(page, "Word choices") and not _pressed(page, "People")
    # Glossary words: shown and focusable, then hidden and out of the tab order.
    assert state["terms"], state
    _button(page, "Glossary words").focus()
    page.keyboard.press("Enter")
    assert not page.evaluate(STATE)["terms"]
    assert not page.locator(".ms-para .ms-term__def").first.is_visible()


def test_print_keeps_the_marks_shown_with_their_legend(page, base_url):
    page.goto(base_url + IRAN_DAILY)
    _button(page, "Word choices").click()
    page.emulate_media(media="print")
    try:
        state = page.evaluate(STATE)
        assert state["frames"] and state["legend"] and not state["buttons"], state
        # Told apart by pattern in black and white: the legend's five questions have five underlines.
        styles = page.evaluate(
            "() => [...document.querySelectorAll('.ms-legend mark.ms-frame:not(.ms-frame--quoted)')]"
            ".map(m => { const s = getComputedStyle(m); return s.textDecorationStyle + ' ' + s.textDecorationThickness; })"
        )
        assert len(styles) >= 5 and len(set(styles)) == len(styles), styles
    finally:
        page.emulate_media(media="screen")


def test_every_mark_shown_passes_axe_in_both_palettes(page, base_url):
    """axe checks the whole site with the page as it opens; here with every layer shown (the marks' colours)."""
    page.goto(base_url + BREITBART)
    page.evaluate(
        "() => localStorage.setItem('ms-layers', JSON.stringify({frames: true, actors: true, history: true, terms: true}))"
    )
    failures = []
    for palette in range(max(palette_count(page), 1)):
        scheme = set_palette(page, palette) if palette_count(page) else "default"
        page.goto(base_url + BREITBART, wait_until="load")
        assert page.evaluate(STATE)["frames"]
        failures += [f"({scheme}) {v}" for v in format_axe_violations(run_axe(page))]
    assert not failures, "\n".join(failures)
