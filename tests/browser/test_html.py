"""Static HTML gate: the Nu HTML Checker (vnu.jar from npm vnu-jar) reports no error on any built page.

The themes' own markup has errors we cannot fix without copying whole theme templates (base.html) into
ours, which would then stop following the theme's fixes. Each is listed in KNOWN_THEME_ERRORS with the
builder whose theme makes it, the exact message, the exact highlighted element and the reason; any other
error fails, and so does a listed error that no longer happens (remove it from the list then).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass

import pytest

from .helpers import NPM_HINT, SITES, VNU_JAR, builder

pytestmark = pytest.mark.browser

AUTOCOMPLETE_MESSAGE = (
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, \u201cdate\u201d, "
    "\u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, \u201cnumber\u201d, "
    "\u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, \u201ctext\u201d, \u201ctime\u201d, "
    "\u201curl\u201d, or \u201cweek\u201d."
)


@dataclass(frozen=True)
class KnownError:
    builders: frozenset[str]
    message: str
    element: str
    reason: str


KNOWN_THEME_ERRORS = (
    KnownError(
        frozenset({"mkdocs", "zensical"}),
        AUTOCOMPLETE_MESSAGE,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        "base.html's hidden checkbox that opens the navigation drawer; autocomplete=off stops Firefox from "
        "restoring it checked on reload (harmless: the control is hidden and has no value to complete)",
    ),
    KnownError(
        frozenset({"mkdocs", "zensical"}),
        AUTOCOMPLETE_MESSAGE,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        "the same for the hidden checkbox that opens search",
    ),
    KnownError(
        frozenset({"zensical"}),
        "The \u201caria-hidden\u201d attribute must not be used on any \u201clabel\u201d element that is "
        "associated with a labelable element.",
        '<label class="md-overlay" for="__drawer" aria-hidden="true">',
        "Zensical's base.html: the shade behind the open navigation drawer is an empty label for its "
        "checkbox (a click on the shade closes the drawer), and aria-hidden keeps that empty label out of "
        "the accessibility tree; the checker forbids aria-hidden on a label tied to a control",
    ),
)


def _highlight(msg: dict) -> str:
    extract = msg.get("extract") or ""
    start, length = msg.get("hiliteStart"), msg.get("hiliteLength")
    if start is None or length is None:
        return extract
    return extract[start : start + length]


def known_theme_error(msg: dict, build: str) -> KnownError | None:
    return next(
        (
            k
            for k in KNOWN_THEME_ERRORS
            if build in k.builders and msg.get("message") == k.message and _highlight(msg) == k.element
        ),
        None,
    )


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_nu_html_checker(site_dir, request):
    build = builder(request.node.callspec.params["site_dir"])
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: {NPM_HINT}", pytrace=False)
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found (Debian package default-jre-headless)", pytrace=False)
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json", str(site_dir)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError) as exc:
        pytest.fail(f"vnu output is not JSON ({exc}), exit {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    known = [m for m in messages if known_theme_error(m, build)]
    errors = [m for m in messages if not known_theme_error(m, build)]
    gone = [
        k.element
        for k in KNOWN_THEME_ERRORS
        if build in k.builders and not any(known_theme_error(m, build) is k for m in known)
    ]
    if errors:
        lines = []
        for m in errors:
            where = (m.get("url") or "").replace(f"file:{site_dir}/", "")
            lines.append(
                f"{where}:{m.get('lastLine')}:{m.get('firstColumn', '')} [{m.get('type')}] {m.get('message')}\n"
                f"      {_highlight(m).strip()!r}"
            )
        pytest.fail(
            f"Nu HTML Checker: {len(errors)} error(s) ({len(known)} known theme errors ignored):\n"
            + "\n".join(lines),
            pytrace=False,
        )
    assert not gone, f"known {build} theme errors that no longer happen; remove them from the list: {gone}"


def test_known_theme_filter_is_precise():
    """Self-check: the filter tolerates only the listed elements, with their message, under their builder."""
    theme = {
        "message": AUTOCOMPLETE_MESSAGE,
        "extract": 'x\n<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n',
        "hiliteStart": 2,
        "hiliteLength": 98,
    }
    assert known_theme_error(theme, "mkdocs") and known_theme_error(theme, "zensical")
    other = dict(
        theme, extract='x\n<input type="checkbox" id="subscribe" autocomplete="off" class="md-toggle">'
    )
    assert not known_theme_error(other, "mkdocs")
    assert not known_theme_error(
        dict(theme, message="Attribute \u201cautocomplete\u201d not allowed here."), "mkdocs"
    )
    overlay = KNOWN_THEME_ERRORS[2]
    message = {"message": overlay.message, "extract": overlay.element}
    assert known_theme_error(message, "zensical") and not known_theme_error(message, "mkdocs")
