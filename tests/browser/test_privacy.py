"""Privacy and health gate: loading any page makes no request off this machine, logs no console error,
throws no uncaught exception and gets no HTTP error response."""

from __future__ import annotations

import pytest

from .helpers import SITES, failure_report
from .visits import HealthRecorder

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_pages_are_local_and_clean(visits, pages):
    """Every page loaded until the network is idle, everything recorded (visits.HealthRecorder), in the walk
    the accessibility gate shares (conftest.visits)."""
    assert pages, "no page to check"
    if visits.health:
        pytest.fail(failure_report("privacy/health", visits.health), pytrace=False)


def test_detects_external_request(page, base_url):
    """Self-check: an injected third-party resource is seen (and blocked) by the recorder the gate uses, and so
    is an uncaught exception; nothing is recorded while it is off."""
    recorder = HealthRecorder(page)
    page.goto(base_url + "/")
    recorder.start()
    page.evaluate(
        "() => new Promise(res => { const i = new Image(); i.onload = i.onerror = res;"
        " i.src = 'https://fonts.gstatic.com/probe.png'; document.body.append(i); })"
    )
    page.evaluate("() => new Promise(res => { setTimeout(() => { res(); throw new Error('probe'); }); })")
    page.wait_for_timeout(100)
    found = recorder.stop()
    assert "external request: https://fonts.gstatic.com/probe.png" in found, found
    assert any(p.startswith("uncaught exception:") and "probe" in p for p in found), found
    page.evaluate("() => { const i = new Image(); i.src = 'https://fonts.gstatic.com/other.png'; }")
    page.wait_for_timeout(100)
    assert recorder.stop() == []
