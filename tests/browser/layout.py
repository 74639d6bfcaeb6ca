"""What the layout gate measures on a page (test_layout.py reads it from the shared walk, visits.py): no page
wider than the screen on a phone or a tablet, no table that scrolls sideways on a desktop.

The viewport is resized in place (no reload per width), and the page's own resize handlers (tables.js restacks
tables) run before each measurement. test_large_site.py uses the same width check.
"""

from __future__ import annotations

NARROW = (768, 390, 360)  # tablet, common phone, small phone (px)
HEIGHT = 800

# After a resize: two animation frames, so resize handlers have run and the layout is settled.
SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# The page's width, and the outermost elements that stick out past the right edge of the screen (those inside
# a scrolling box, such as a table's own scroll area, are cut off there and do not widen the page).
OVERFLOW = """() => {
    const width = document.documentElement.scrollWidth, screen = window.innerWidth;
    if (width <= screen) return {width, screen, culprits: []};
    const clips = el => { const s = getComputedStyle(el); return s.overflowX !== 'visible'; };
    const culprits = [];
    const walk = (el) => {
        for (const child of el.children) {
            const r = child.getBoundingClientRect();
            if (r.right > screen + 0.5 && r.width > 0) {
                culprits.push(`${child.tagName.toLowerCase()}.${[...child.classList].join('.')} ` +
                    `(${Math.round(r.left)}–${Math.round(r.right)} px) ${child.textContent.trim().slice(0, 50)}`);
                if (culprits.length >= 3) return;
            } else if (!clips(child)) {
                walk(child);
            }
        }
    };
    walk(document.body);
    return {width, screen, culprits};
}"""

TABLES_1280 = """() => [...document.querySelectorAll('.md-content table')].map(t => {
    const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return {scrolls: t.scrollWidth > t.clientWidth + 1 || box.scrollWidth > box.clientWidth + 1,
            stacked: t.classList.contains('ms-stacked'),
            head: [...t.querySelectorAll('th')].slice(0, 3).map(th => th.textContent.trim()).join(' | '),
            width: Math.round(t.scrollWidth), room: Math.round(box.clientWidth)};
}).filter(t => t.scrolls || t.stacked)"""


def wider_than_screen(tab, width: int, height: int) -> str | None:
    """At this viewport width, how the page is wider than the screen and what sticks out; None if it is not."""
    tab.set_viewport_size({"width": width, "height": height})
    tab.evaluate(SETTLE)
    found = tab.evaluate(OVERFLOW)
    if found["width"] <= found["screen"]:
        return None
    return f"{width} px: page is {found['width']} px wide; sticking out: " + (
        "; ".join(found["culprits"]) or "(no element found)"
    )


def measure_layout(tab, too_wide: dict[str, list[str]], tables: dict[str, list[str]], path: str) -> None:
    """On the page loaded in ``tab`` (at 1280 × HEIGHT): its tables at 1280 px, then its width at 768, 390 and
    360 px, each problem added under ``path``; the viewport is left at 360 px."""
    tab.set_viewport_size({"width": 1280, "height": HEIGHT})
    tab.evaluate(SETTLE)
    for t in tab.evaluate(TABLES_1280):
        tables.setdefault(path, []).append(
            f"table [{t['head']}]: {t['width']} px in {t['room']} px"
            + (" (restacked)" if t["stacked"] else " (scrolls)")
        )
    for width in NARROW:
        problem = wider_than_screen(tab, width, HEIGHT)
        if problem:
            too_wide.setdefault(path, []).append(problem)
