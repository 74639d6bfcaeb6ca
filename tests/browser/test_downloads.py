"""The teachers' downloads, for real, on both builds (MkDocs with the plugin; Zensical from `build --out`, then
`python -m generator downloads`): the guide links a classroom copy and the packets that work; the copy,
unzipped and opened from disk with the network closed, answers a quiz by keyboard and searches; each packet
prints on Letter and A4 with its articles; a printed handout has its marks, definitions and addresses."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest

from .helpers import BUILDS, search
from .test_quiz import answer_by_keyboard, quiz_answers

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("site_dir", BUILDS, indirect=True)]

INDEPENDENT = "sources/trump-administration-officials-met-with-venezuelan-rebels/"


def pdf_text(pdf: bytes, tmp_path, name: str) -> tuple[str, int]:
    text, pages = pdf_pages(pdf, tmp_path, name)
    return " ".join(text.split()), len(pages)


def pdf_pages(pdf: bytes, tmp_path, name: str) -> tuple[str, list[str]]:
    """The PDF's text, and each page's (pdftotext ends every page with a form feed)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text, text.split("\f")[:-1]


@pytest.fixture(scope="module")
def classroom_copy(page_module, base_url, tmp_path_factory):
    """The zip the guide links, downloaded over HTTP and unzipped."""
    page_module.goto(base_url + "/teachers/")
    link = page_module.locator("a[download]")
    assert link.count() == 1, "the guide links no classroom copy"
    response = page_module.request.get(page_module.evaluate("a => a.href", link.element_handle()))
    assert response.ok and response.headers["content-type"] in (
        "application/zip",
        "application/x-zip-compressed",
    )
    folder = tmp_path_factory.mktemp("classroom-copy")
    with zipfile.ZipFile(io.BytesIO(response.body())) as archive:
        assert "index.html" in archive.namelist() and not any(
            n.startswith("downloads/") for n in archive.namelist()
        )
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def page_module(browser_context):
    p = browser_context.new_page()
    yield p
    p.close()


def test_guide_links_working_downloads(page, base_url):
    page.goto(base_url + "/teachers/")
    text = page.locator(".md-content").inner_text()
    assert "python" not in text.lower(), "a teacher-facing page tells teachers to run Python"
    packets = page.locator(".md-content a[href*='packet/']")
    hrefs = sorted(
        {h for h in packets.evaluate_all("els => els.map(e => e.href)") if re.search(r"/packet/.+/$", h)}
    )
    assert len(hrefs) == 6, hrefs  # three plans, student and teacher editions
    for href in hrefs:
        assert page.request.get(href).ok, href


def test_classroom_copy_quiz_by_keyboard_from_disk_with_the_network_closed(browser_context, classroom_copy):
    page = browser_context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        browser_context.set_offline(True)
        page.goto((classroom_copy / INDEPENDENT / "index.html").as_uri())
        page.wait_for_load_state("load")
        question = page.locator(".ms-quiz__q").first
        said = answer_by_keyboard(page, question, quiz_answers(page, question).index(True))
        assert said.startswith("Right.") and "1812" in said, said
        # Links between pages open files, not folders: the guide from the header of this copy.
        page.goto((classroom_copy / "teachers" / "index.html").as_uri())
        assert "You are reading the classroom copy" in page.locator(".md-content").inner_text()
        page.locator("a[href$='packet/one-lesson/index.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/teachers/packet/one-lesson/index.html"), page.url
        # Search, from the disk: each result is a file, not a folder.
        results = search(page, "Monroe", timeout_ms=20_000)
        assert results and all(re.search(r"\.html([?#]|$)", r.url) for r in results), results
    finally:
        browser_context.set_offline(False)
        page.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert outside == [], outside


@pytest.mark.parametrize("plan", ["one-lesson", "two-lessons", "three-lessons"])
def test_each_packet_prints_on_letter_and_a4_with_its_articles(page, base_url, plan, tmp_path):
    page.goto(f"{base_url}/teachers/packet/{plan}/")
    headlines = page.locator(".ms-packet-reading h2").all_inner_texts()
    assert headlines, f"{plan}: no readings"
    sections = page.locator(".ms-handout").count()  # each lesson and each reading
    page.emulate_media(media="print")
    try:
        for paper in ("Letter", "A4"):
            raw, sheets = pdf_pages(page.pdf(format=paper), tmp_path, f"{plan}-{paper}")
            text = " ".join(raw.split())
            for headline in headlines:
                assert " ".join(headline.split()) in text, (plan, paper, headline)
            assert "Name:" in text and "Table of contents" not in text
            # Only a new section starts a page, so a short page (under 12 lines) is at most the end of one:
            # a page break per question or per item would leave many.
            short = [
                i + 1 for i, sheet in enumerate(sheets) if len([x for x in sheet.splitlines() if x]) < 12
            ]
            assert len(short) <= sections, (plan, paper, short, sections)
            print(f"\n{plan} student packet: {len(sheets)} pages on {paper}")
        page.goto(f"{base_url}/teachers/packet/{plan}-teacher/")
        for paper in ("Letter", "A4"):
            text, pages = pdf_text(page.pdf(format=paper), tmp_path, f"{plan}-teacher-{paper}")
            assert "Self-check answer keys" in text and "Rubric:" in text
            print(f"{plan} teacher edition: {pages} pages on {paper}")
    finally:
        page.emulate_media(media="screen")


def test_handout_pdf_has_marks_definitions_and_addresses(page, base_url, tmp_path):
    page.goto(f"{base_url}/handouts/{INDEPENDENT.replace('/', '-').rstrip('-')}/")
    page.emulate_media(media="print")
    try:
        text, _ = pdf_text(page.pdf(format="Letter"), tmp_path, "handout")
    finally:
        page.emulate_media(media="screen")
    # Marks and their legend: "rebels" is counted under question 2 (How the plotters are named), paragraph 3.
    assert "How the plotters are named2" in text.replace(" 2", "2") or "How the plotters are named 2" in text
    assert re.search(r"rebels ?2", text), "the marked words are not printed with their number"
    # The glossary's definitions of the words the article uses.
    assert "sanctions Penalties that one country" in text

    # The addresses: its own, and the page its questions send students to (a long one breaks over two lines,
    # where pdftotext drops the hyphen).
    def squash(s):
        return s.replace(" ", "").replace("-", "")

    assert squash(base_url + "/" + INDEPENDENT) in squash(text)
    assert base_url + "/compare/facts/" in text
