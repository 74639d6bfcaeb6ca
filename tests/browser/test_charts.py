"""Pictures gate (issue 15 §3): every chart is drawn, has a text alternative and its data beside it, and bars are
as long as their numbers say, measured in the rendered page at phone and desktop width.

One tab visits each page with pictures once; the widths are read back at 1280 and 390 px.
"""

from __future__ import annotations

import pytest

from .helpers import failure_report

pytestmark = pytest.mark.browser

# A page of each kind that has pictures; Maduro's page has the counts 13, 11, 4 and 4 (issue 15 found 13 and 10 drawn
# at equal lengths).
PAGES = {
    "/actors/nicolas-maduro/": ("ms-bars", 1),
    "/compare/facts/": ("ms-grid", 1),
    "/compare/words/": ("ms-bars", 5),
    "/compare/voices/": ("ms-stacked", 1),
    "/history/": ("ms-time", 1),
}
TOLERANCE = 0.02  # a bar's length may differ from its count's share by 2 % of that share

# What each figure on the page shows: its kind, its text alternative, what follows it, and its measured parts.
MEASURE = """() => [...document.querySelectorAll('.md-content figure.ms-fig')].map(fig => {
    const drawing = fig.querySelector('[role=img]');
    let next = fig.nextElementSibling;
    const width = el => el.getBoundingClientRect().width;
    return {
        kind: fig.className,
        alt: drawing ? drawing.getAttribute('aria-label') : null,
        table: fig.querySelector('table') !== null || (next && (next.tagName === 'TABLE' ||
               next.querySelector('table') !== null || next.tagName === 'OL')),
        visible: width(fig) > 0 && fig.getBoundingClientRect().height > 0,
        wider: fig.scrollWidth > fig.clientWidth + 1,
        scale: drawing && drawing.dataset.scale ? +drawing.dataset.scale : null,
        bars: [...fig.querySelectorAll('.ms-bars__bar')].map(b =>
            ({value: +b.dataset.value, width: width(b), track: width(b.parentElement)})),
        stacks: [...fig.querySelectorAll('.ms-stack')].map(s =>
            ({track: width(s), parts: [...s.children].map(c => ({value: +c.dataset.value, width: width(c)}))})),
        symbols: [...fig.querySelectorAll('td.ms-grid__cell')].map(td => td.textContent.trim()),
    };
})"""


def _check(figure: dict) -> list[str]:
    problems = []
    if not figure["visible"]:
        problems.append("not drawn")
    if "ms-grid" not in figure["kind"] and not (figure["alt"] or "").strip():
        problems.append("no text alternative (role=img with an aria-label)")
    if not figure["table"]:
        problems.append("no data table or list beside it")
    if figure["wider"]:
        problems.append("wider than its column")
    bars = figure["bars"]
    if bars:
        top = figure["scale"] or max(b["value"] for b in bars)  # charts of one page may share a scale
        for b in bars:
            expected = b["value"] / top
            measured = b["width"] / b["track"]
            if abs(measured - expected) > TOLERANCE * max(expected, 1e-9) + (
                0 if b["value"] else 0.5 / b["track"]
            ):
                problems.append(
                    f"bar for {b['value']} is {measured:.1%} of the track, expected {expected:.1%}"
                )
        lengths = {b["value"]: b["width"] for b in bars}
        for a in lengths:
            for b in lengths:
                if a and b and a > b and abs(lengths[a] / lengths[b] / (a / b) - 1) > TOLERANCE:
                    problems.append(
                        f"bars {a} : {b} drawn {lengths[a] / lengths[b]:.3f}, expected {a / b:.3f}"
                    )
    for s in figure["stacks"]:
        total = sum(p["value"] for p in s["parts"])
        for p in s["parts"]:
            expected, measured = p["value"] / total, p["width"] / s["track"]
            if abs(measured - expected) > TOLERANCE * expected:
                problems.append(f"segment {p['value']} of {total} is {measured:.1%}, expected {expected:.1%}")
    if "ms-grid" in figure["kind"] and not figure["symbols"]:
        problems.append("fact grid has no cells")
    return problems


@pytest.fixture(scope="module")
def measured(browser_context, base_url):
    tab = browser_context.new_page()
    found: dict[str, dict[int, list[dict]]] = {}
    try:
        for path in PAGES:
            tab.set_viewport_size({"width": 1280, "height": 800})
            tab.goto(base_url + path)
            found[path] = {1280: tab.evaluate(MEASURE)}
            tab.set_viewport_size({"width": 390, "height": 800})
            tab.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            found[path][390] = tab.evaluate(MEASURE)
    finally:
        tab.close()
    return found


def test_every_picture_is_drawn_described_and_true_to_its_numbers(measured):
    failures: dict[str, list[str]] = {}
    for path, (kind, count) in PAGES.items():
        for width, figures in measured[path].items():
            mine = [f for f in figures if kind in f["kind"]]
            if len(mine) != count:
                failures.setdefault(path, []).append(
                    f"{width} px: {len(mine)} {kind} pictures, expected {count}"
                )
            for i, figure in enumerate(figures):
                for problem in _check(figure):
                    failures.setdefault(path, []).append(
                        f"{width} px, picture {i + 1} ({figure['kind']}): {problem}"
                    )
    assert not failures, failure_report("pictures", failures)


def test_mentions_bars_measure_13_to_11(measured):
    """The case issue 15 found: Breitbart News 13 and Iran Daily 10 were both drawn full width (any bar over
    ~65 % of the largest was). Iran Daily now has 11: its embedded Morales tweet ("our brother Nicolás Maduro",
    002 ¶7) is kept since issue 14."""
    for width in (1280, 390):
        bars = {b["value"]: b["width"] for b in measured["/actors/nicolas-maduro/"][width][0]["bars"]}
        assert set(bars) == {13, 11, 4}, bars
        assert bars[13] / bars[11] == pytest.approx(13 / 11, rel=TOLERANCE), (width, bars)
        assert bars[13] / bars[4] == pytest.approx(13 / 4, rel=TOLERANCE), (width, bars)


def test_fact_grid_tells_states_apart_without_colour(measured):
    symbols = set(measured["/compare/facts/"][1280][0]["symbols"])
    # Each state has its own symbol (a cell with an editor's note also carries the note's number).
    assert {s[0] for s in symbols} == {"●", "✖", "○"}, symbols
