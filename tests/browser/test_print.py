"""Print gate: one page of each type prints to PDF, and print styles hide the site chrome but not the text."""

from __future__ import annotations

import subprocess

import pytest

from .helpers import representative_pages

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar"]
VISIBLE_IN_PRINT = ".md-content"
TYPES = ["home", "sources-index", "article"]


@pytest.mark.parametrize("kind", TYPES)
def test_print(page, base_url, pages, kind, tmp_path):
    chosen = representative_pages(pages)
    if kind not in chosen:
        pytest.fail(f"no {kind} page in the site (pages: {pages[:10]}...)", pytrace=False)
    path = chosen[kind]
    page.goto(base_url + path)
    page.emulate_media(media="print")
    try:
        shown = [
            sel
            for sel in HIDDEN_IN_PRINT
            for i in range(page.locator(sel).count())
            if page.locator(sel).nth(i).is_visible()
        ]
        assert not shown, f"{path}: visible in print: {shown}"
        content = page.locator(VISIBLE_IN_PRINT).first
        assert content.is_visible(), f"{path}: {VISIBLE_IN_PRINT} hidden in print"
        heading = page.locator(f"{VISIBLE_IN_PRINT} h1").first.inner_text().strip()
        assert heading, f"{path}: no h1 text in {VISIBLE_IN_PRINT}"

        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF-") and len(pdf) > 1000, f"{path}: page.pdf() returned {len(pdf)} bytes"
        # The PDF's own text (poppler's pdftotext, installed by tests/run): the heading and the end of the
        # page's main text are in it, and the navigation is not.
        out = tmp_path / "page.pdf"
        out.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        squash = " ".join(text.split())
        assert " ".join(heading.replace("¶", "").split()) in squash, f"{path}: h1 {heading!r} not in PDF text"
        last = page.locator(f"{VISIBLE_IN_PRINT} p").last.inner_text().strip()
        assert " ".join(last.split())[-60:] in squash, (
            f"{path}: last paragraph {last[-60:]!r} not in PDF text"
        )
        assert "Table of contents" not in squash, f"{path}: the table of contents is printed"
    finally:
        page.emulate_media(media="screen")
