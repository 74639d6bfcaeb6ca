"""Print gate: one page of each type prints to PDF, and print styles hide the site chrome but not the text."""

from __future__ import annotations

import subprocess

import pytest

from .helpers import BUILDS, builder, representative_pages

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar"]
VISIBLE_IN_PRINT = ".md-content"
# The title of the page's table of contents (the themes' "toc" string), which print must leave out.
TOC_TITLE = {"mkdocs": "Table of contents", "zensical": "On this page"}
TYPES = ["home", "sources-index", "article", "actor", "history", "compare", "handout", "packet"]
# The page types each site has: the second corpus has no history.yml, no registered actors and no teachers'
# guide (so no packet); a new site has no articles yet.
KINDS = {
    "venezuela": TYPES,
    "story2": ["home", "sources-index", "article", "compare", "handout"],
    "new": ["home", "sources-index", "compare", "handout"],
    "venezuela-zensical": TYPES,
}


# Two separate parametrizations, so that each site is built once (a combined one would rebuild it per kind).
@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("site_dir", list(KINDS), indirect=True)
def test_print(page, base_url, pages, kind, tmp_path, request):
    site = request.node.callspec.params["site_dir"]
    chosen = representative_pages(pages)
    if kind not in KINDS[site]:
        # Nothing to print; but a page type this site should not have is a finding too.
        assert kind not in chosen, (
            f"{site} has a {kind} page ({chosen[kind]}); add {kind!r} to KINDS[{site!r}]"
        )
        return
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

        for paper in ("Letter", "A4"):  # US schools print on Letter, most others on A4
            other = page.pdf(format=paper, print_background=False)
            assert other.startswith(b"%PDF-"), f"{path}: no {paper} PDF"
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF-") and len(pdf) > 1000, f"{path}: page.pdf() returned {len(pdf)} bytes"
        # The PDF's own text (poppler's pdftotext, installed by tests/run): the heading and the end of the
        # page's main text are in it, and the navigation is not.
        out = tmp_path / "page.pdf"
        out.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        squash = " ".join(text.split())
        assert " ".join(heading.replace("¶", "").split()) in squash, f"{path}: h1 {heading!r} not in PDF text"
        last = page.locator(f"{VISIBLE_IN_PRINT} p >> visible=true").last.inner_text().strip()
        assert " ".join(last.split())[-60:] in squash, (
            f"{path}: last paragraph {last[-60:]!r} not in PDF text"
        )
        toc = TOC_TITLE[builder(site)]
        assert toc in page.content(), f"{path}: no {toc!r} on the page (a new theme string?)"
        assert toc not in squash, f"{path}: the table of contents is printed"
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("site_dir", BUILDS, indirect=True)
def test_handout_has_questions_space_to_write_and_printed_addresses(page, base_url, pages, tmp_path):
    handouts = sorted(p for p in pages if p.startswith("/handouts/sources-"))
    assert handouts, "no handouts for the source pages"
    page.goto(base_url + handouts[0])
    page.emulate_media(media="print")
    try:
        assert page.locator(".ms-question").count() >= 1, "a handout without questions"
        lines = page.locator(".ms-lines").first.bounding_box()
        assert lines and lines["height"] > 60, "no space to write under the questions"
        pdf = tmp_path / "handout.pdf"
        pdf.write_bytes(page.pdf(format="Letter"))
        text = " ".join(
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        assert base_url + "/sources/" in text, "the page's address is not printed"
        assert "Search" not in text.split("Questions")[0][:200], "navigation or search printed"
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("site_dir", BUILDS, indirect=True)
def test_copy_link_button(page, base_url, browser_context):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto(base_url + "/sources/")
    page.locator(".ms-copy").click()
    status = page.locator(".ms-copy__status")
    status.wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "/sources/"
    assert "copied" in status.inner_text().lower()
