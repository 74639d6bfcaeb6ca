"""One visit of every page for the three page-by-page gates (no pytest fixtures here: see conftest.visits).

The accessibility gate (test_a11y.py: axe on every page in every palette), the privacy and health gate
(test_privacy.py: no request off this machine, no console error, uncaught exception or HTTP error) and the
layout gate (test_layout.py: no page wider than the screen at 768, 390 and 360 px, no table scrolling sideways
at 1280 px) used to load every page each; they now read what one walk through the pages found. In the walk's
first palette each page is loaded as the privacy gate loaded it (until the network is idle, everything
recorded), axe runs on it and the layout gate measures it (layout.py: the viewport resized in place, as its
own walk did; then back to 1280 × 800), and the recording ends once the network has been idle for 500 ms; in
every other palette axe runs again. What each gate checks is
unchanged; each page is loaded twice fewer than with a walk per gate.

To add a page-by-page check: measure the page in this walk (in the first palette, after axe, leaving the
viewport as ``VIEWPORT``; it must make no request of its own), keep what it finds in a field of ``Visits``, and have the test read the ``visits``
fixture (parametrized over ``SITES`` with ``indirect=True``, like test_a11y.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .helpers import VIEWPORT, format_axe_violations, is_local_url, palette_count, run_axe, set_palette
from .layout import measure_layout


class HealthRecorder:
    """Records, while on, what the privacy gate forbids: a request off this machine, an HTTP error, a failed
    local request, a console error and an uncaught exception."""

    def __init__(self, page):
        self.on = False
        self.problems: list[str] = []
        page.on("request", lambda r: None if is_local_url(r.url) else self._add(f"external request: {r.url}"))
        page.on("response", lambda r: self._add(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        # A local request the next page load cuts off (net::ERR_ABORTED; Zensical starts its search worker late
        # on a busy machine) is not a fault of the site: a missing file is a 404 response, reported above.
        page.on(
            "requestfailed",
            lambda r: (
                None
                if not is_local_url(r.url) or r.failure == "net::ERR_ABORTED"
                else self._add(f"request failed ({r.failure}): {r.url}")
            ),
        )
        page.on(
            "console",
            lambda m: (
                self._add(f"console {m.type}: {m.text} @ {m.location.get('url')}")
                if m.type in ("error", "assert")
                else None
            ),
        )
        page.on("pageerror", lambda e: self._add(f"uncaught exception: {e}"))

    def _add(self, problem: str) -> None:
        if self.on:
            self.problems.append(problem)

    def start(self) -> None:
        self.problems, self.on = [], True

    def stop(self) -> list[str]:
        found, self.problems, self.on = sorted(set(self.problems)), [], False
        return found


@dataclass
class Visits:
    axe: dict[str, list[str]] = field(default_factory=dict)  # "<path> (<scheme>)" → WCAG A/AA violations
    health: dict[str, list[str]] = field(default_factory=dict)  # path → privacy/health problems
    too_wide: dict[str, list[str]] = field(default_factory=dict)  # path → widths at which it is too wide
    tables: dict[str, list[str]] = field(default_factory=dict)  # path → tables that do not fit at 1280 px


def visit_every_page(page, base_url: str, pages: list[str]) -> Visits:
    """Walk ``pages`` in a fresh tab (``page``) once per palette the site offers (once if it has no toggle)."""
    found = Visits()
    recorder = HealthRecorder(page)
    page.goto(base_url + pages[0], wait_until="load")
    n = palette_count(page)
    for palette in range(max(n, 1)):
        scheme = set_palette(page, palette) if n else "default"
        for path in pages:
            first = palette == 0
            if first:
                recorder.start()
            page.goto(base_url + path, wait_until="load")
            _axe(page, found, f"{path} ({scheme})", scheme if n else None)
            if first:
                measure_layout(page, found.too_wide, found.tables, path)
                page.set_viewport_size(VIEWPORT)
                # Material fetches the search index and starts its worker after load: late requests count.
                # The recorder stays on from before the load until the network has been idle for 500 ms, as
                # when it stopped before axe ran; the wait now overlaps axe and the layout measurements
                # (which make no request: axe is injected as an inline script), so it ends as late or later.
                page.wait_for_load_state("networkidle")
                problems = recorder.stop()
                if problems:
                    found.health[path] = problems
    return found


def _axe(page, found: Visits, key: str, scheme: str | None) -> None:
    """axe on the loaded page, in palette ``scheme`` (None: the site has no palette toggle)."""
    if scheme is not None:
        got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if got != scheme:
            found.axe[key] = [f"palette did not persist ({got!r} != {scheme!r})"]
            return
        page.wait_for_timeout(50)
    violations = run_axe(page)
    if violations:
        found.axe[key] = format_axe_violations(violations)
