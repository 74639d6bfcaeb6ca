"""Static HTML gate: the Nu HTML Checker (vnu.jar from npm vnu-jar) reports no error on any built page.

The one tolerated error is Material's own: `autocomplete="off"` on its two hidden toggle checkboxes
#__drawer and #__search. It is matched by the exact message AND the exact highlighted element, so any other
`autocomplete` (or any other) error still fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .helpers import NPM_HINT, SITES, VNU_JAR

pytestmark = pytest.mark.browser

KNOWN_THEME_MESSAGE = (
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, \u201cdate\u201d, "
    "\u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, \u201cnumber\u201d, "
    "\u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, \u201ctext\u201d, \u201ctime\u201d, "
    "\u201curl\u201d, or \u201cweek\u201d."
)
KNOWN_THEME_ELEMENTS = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
}


def _highlight(msg: dict) -> str:
    extract = msg.get("extract") or ""
    start, length = msg.get("hiliteStart"), msg.get("hiliteLength")
    if start is None or length is None:
        return extract
    return extract[start : start + length]


def is_known_theme_error(msg: dict) -> bool:
    return msg.get("message") == KNOWN_THEME_MESSAGE and _highlight(msg) in KNOWN_THEME_ELEMENTS


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_nu_html_checker(site_dir):
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
    known = [m for m in messages if is_known_theme_error(m)]
    errors = [m for m in messages if not is_known_theme_error(m)]
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


def test_known_theme_filter_is_precise():
    """Self-check: the filter tolerates only the two theme checkboxes, not other autocomplete errors."""
    theme = {
        "message": KNOWN_THEME_MESSAGE,
        "extract": 'x\n<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n',
        "hiliteStart": 2,
        "hiliteLength": 98,
    }
    assert is_known_theme_error(theme)
    other = dict(
        theme, extract='x\n<input type="checkbox" id="subscribe" autocomplete="off" class="md-toggle">'
    )
    assert not is_known_theme_error(other)
    assert not is_known_theme_error(
        dict(theme, message="Attribute \u201cautocomplete\u201d not allowed here.")
    )
