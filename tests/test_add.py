"""`python -m generator add`: saved pages, URLs and plain text into the corpus, checked against the
hand-written expectations in tests/expected/ingest.yml (fixtures: tests/fixtures/story2/, a fictional story).

No test reaches the internet: the URL case is served from 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from generator.build import load_site
from generator.extract import extract_html
from generator.ingest import clean_url, duplicate_of, same_url_key
from generator.parse import join_names

from .sites import STORY2, STORY2_PAGES, STORY2_TEXT, make_site, site_once
from .sites import generator as run_generator

EXPECTED = yaml.safe_load((Path(__file__).parent / "expected" / "ingest.yml").read_text(encoding="utf-8"))
PAGES = {name: e for name, e in EXPECTED.items() if "duplicate_of" not in e}


@pytest.fixture(scope="module")
def story2(tmp_path_factory) -> Path:
    """The second corpus, made as an editor makes it: `new`, then `add` for every page and the text (the
    session's one copy, sites.site_once, which the browser suite builds and test_curate and test_quiz read;
    these tests only read it)."""
    return site_once("story2", tmp_path_factory)


@pytest.fixture(scope="module")
def site(story2):
    return load_site(story2 / "site_data")


def entry_for(story2: Path, origin: str) -> dict:
    """The sources.yml entry of the article added from ``origin`` (kept in originals/ under its corpus name)."""
    data = yaml.safe_load((story2 / "site_data" / "sources.yml").read_text(encoding="utf-8"))
    source = (STORY2 / "html" / origin).read_bytes()
    for path in (story2 / "site_data" / "originals").iterdir():
        if path.read_bytes() == source:
            file = path.stem + ".txt"
            return next(e for e in data["articles"] if e["file"] == file)
    raise AssertionError(f"{origin} was not kept in site_data/originals/")


def article_for(site, story2: Path, origin: str):
    file = entry_for(story2, origin)["file"]
    return next(a for a in site.articles if a.file == file)


# --------------------------------------------------------------------------- metadata, with its source


@pytest.mark.parametrize("origin", sorted(PAGES))
def test_metadata_matches_the_page(story2, origin):
    want = PAGES[origin]
    entry = entry_for(story2, origin)
    assert entry["title"]["value"] == want["title"]
    assert entry["author"]["value"] == join_names(tuple(want["authors"]))
    assert str(entry["published"]["value"]) == want["date"]
    assert entry["url"] == want["url"]
    assert entry["language"] == want["language"]
    data = yaml.safe_load((story2 / "site_data" / "sources.yml").read_text(encoding="utf-8"))
    outlet = next(o for o in data["outlets"] if o["id"] == entry["outlet"])
    assert outlet["name"] == want["site_name"]


@pytest.mark.parametrize("origin", sorted(PAGES))
def test_every_field_says_where_it_came_from(story2, origin):
    entry = entry_for(story2, origin)
    for key in ("title", "author", "published"):
        source = entry[key]["source"]
        assert source.startswith("inferred: ") and f"the saved page {origin}" in source, source
        assert "trafilatura" in source
    text = (story2 / "site_data" / "sources.yml").read_text(encoding="utf-8")
    assert f"url: {entry['url']}  # from " in text or f"url: {entry['url']} # from " in text


@pytest.mark.parametrize(
    ("origin", "where"),
    [
        ("riverton-gazette.html", '<meta property="og:title">'),
        ("tricounty-ledger.html", 'JSON-LD data\'s "headline"'),
        ("eastside-voice.html", "<title>"),
    ],
)
def test_title_source_names_the_element(story2, origin, where):
    assert where in entry_for(story2, origin)["title"]["source"]


@pytest.mark.parametrize(
    ("origin", "where"),
    [
        ("eastside-voice.html", "the byline 'By Sam Kowalski, Education Reporter'"),  # job title dropped
        ("valley-chronicle.html", "the credit line at the end of the article"),  # editor not an author
        ("riverton-now.html", "microdata"),  # both authors, not just the first
        ("tricounty-ledger.html", 'JSON-LD data\'s "author.name"'),
    ],
)
def test_author_source_names_the_element(story2, origin, where):
    assert where in entry_for(story2, origin)["author"]["source"]


def test_date_from_visible_text_only_when_the_markup_has_none(story2):
    source = entry_for(story2, "valley-chronicle.html")["published"]["source"]
    assert "the page text: '4 March 2025'" in source


# --------------------------------------------------------------------------- the text


@pytest.mark.parametrize("origin", sorted(PAGES))
def test_article_text_is_the_article_and_nothing_else(site, story2, origin):
    want = PAGES[origin]
    article = article_for(site, story2, origin)
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == want["first_paragraph"]
    assert texts[-1] == want["last_paragraph"]
    assert len(texts) == want["paragraphs"], texts
    body = "\n".join(texts)
    leaked = [s for s in want["must_not_contain"] if s in body]
    assert not leaked, f"page furniture in the article text: {leaked}"
    for s in want.get("contains", []):
        assert s in body


def test_what_cleaning_removed_is_recorded(site, story2):
    article = article_for(site, story2, "tricounty-ledger.html")
    removed = {r.text for r in article.removed}
    assert "Paid content from BrightPath Advisors" in removed
    assert all(r.reason for r in article.removed)


def test_page_is_kept_as_saved(story2):
    kept = sorted(p.read_bytes() for p in (story2 / "site_data" / "originals").iterdir())
    assert kept == sorted(p.read_bytes() for p in STORY2_PAGES)


def test_plain_text_is_copied_unchanged_and_read_by_the_parser(site, story2):
    copies = [
        p for p in (story2 / "site_data" / "corpus").iterdir() if p.read_bytes() == STORY2_TEXT.read_bytes()
    ]
    assert len(copies) == 1
    article = next(a for a in site.articles if a.file == copies[0].name)
    assert (
        article.title.value == "Mayor Ortiz defends library closure: ‘We have to build for the next 25 years’"
    )
    assert article.title.source == "text line 1"
    assert article.author.value == "Alex Moreno"  # "By" is how the page prints it
    assert article.published.value == "2025-03-05"
    assert article.outlet.name == "Riverton Radio"
    # The app prompt at the end is removed by the starter cleaning rules, and recorded.
    assert (
        article.paragraphs[-1].text
        == "The Eastside Parents Association says its petition has more than 3,000 signatures."
    )
    assert "Listen to the full interview on our app" in {r.text for r in article.removed}


# --------------------------------------------------------------------------- refusals


def snapshot(site_data: Path) -> dict[str, bytes]:
    return {p.relative_to(site_data).as_posix(): p.read_bytes() for p in site_data.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    """A site fresh from `new`, made once for this module: tests change copies of it (``copy_of``)."""
    dest = tmp_path_factory.mktemp("starter") / "fresh"
    make_site("new", dest)
    return dest


def copy_of(site: Path, dest: Path) -> Path:
    """A copy of ``site`` at ``dest`` (modes kept), for a test to change."""
    shutil.copytree(site, dest)
    return dest


@pytest.fixture(scope="module")
def small_made(starter, tmp_path_factory) -> Path:
    """A site fresh from `new` with one saved page and one plain-text article added, made once for this
    module: tests change copies of it (``small_site``)."""
    dest = copy_of(starter, tmp_path_factory.mktemp("small") / "small")
    run_generator("add", str(STORY2 / "html" / "riverton-gazette.html"), cwd=dest)
    run_generator("add", str(STORY2_TEXT), "--outlet", "Riverton Radio", cwd=dest)
    return dest


@pytest.fixture
def small_site(small_made, tmp_path) -> Path:
    """A copy of ``small_made`` for the test to change."""
    return copy_of(small_made, tmp_path / "small")


def refused(dest: Path, *args: str) -> str:
    before = snapshot(dest / "site_data")
    from .conftest import run_cli

    proc = run_cli("add", *args, cwd=dest)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert snapshot(dest / "site_data") == before, "a refused add changed site_data/"
    assert "nothing was added" in proc.stderr
    return proc.stderr


def test_same_page_saved_again_is_refused(small_site):
    err = refused(small_site, str(STORY2 / "html" / "duplicate-of-riverton-gazette.html"))
    assert "already in the corpus" in err and "address" in err


def test_same_text_under_another_name_is_refused(small_site, tmp_path):
    copy = tmp_path / "radio-copy.txt"
    shutil.copy(STORY2_TEXT, copy)
    err = refused(small_site, str(copy), "--outlet", "Riverton Radio")
    assert "its text is the same as" in err


def test_same_article_without_its_address_is_refused_by_text(small_site, tmp_path):
    # The duplicate page with its address taken out: only the wording can tell.
    html = (STORY2 / "html" / "duplicate-of-riverton-gazette.html").read_text(encoding="utf-8")
    import re

    html = re.sub(r'<meta property="og:url"[^>]*>', "", html)
    html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
    page = tmp_path / "no-address.html"
    page.write_text(html, encoding="utf-8")
    assert "its text is the same as" in refused(small_site, str(page))


def test_plain_text_needs_an_outlet(small_site, tmp_path):
    text = tmp_path / "other.txt"
    text.write_text(
        "A headline\n\n" + "A paragraph of some length that says something new. " * 5, encoding="utf-8"
    )
    err = refused(small_site, str(text))
    assert "--outlet" in err and "riverton-radio" in err


def test_missing_file_and_missing_site_data(small_site, tmp_path):
    assert "no such file" in refused(small_site, str(tmp_path / "nope.html"))
    from .conftest import run_cli

    proc = run_cli("add", str(STORY2_TEXT), "--site-data", str(tmp_path / "elsewhere"), cwd=tmp_path)
    assert proc.returncode == 1 and "python -m generator new" in proc.stderr


def test_page_without_article_text_is_refused(small_site, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>x</title></head><body><nav>Home</nav></body></html>"
    )
    assert "no article text" in refused(small_site, str(page))


# --------------------------------------------------------------------------- URLs (served locally)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served():
    handler = functools.partial(_Quiet, directory=str(STORY2 / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_from_a_url(starter, tmp_path, served):
    dest = copy_of(starter, tmp_path / "online")
    proc = run_generator("add", f"{served}/tricounty-ledger.html", cwd=dest)
    assert "downloaded on" in proc.stdout
    entry = yaml.safe_load((dest / "site_data" / "sources.yml").read_text())["articles"][0]
    # The page's own address (JSON-LD), not the one it was served from.
    assert entry["url"] == PAGES["tricounty-ledger.html"]["url"]
    assert "downloaded on" in entry["title"]["source"]
    # The same page again by its address is refused.
    err = refused(dest, f"{served}/tricounty-ledger.html")
    assert "already in the corpus" in err


def test_unreachable_url_is_a_clear_error(starter, tmp_path, served):
    dest = copy_of(starter, tmp_path / "offline")
    err = refused(dest, f"{served}/no-such-page.html")
    assert "HTTP 404" in err or "could not download" in err


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.x.example/a/b/?utm_source=nl&utm_medium=email", "http://x.example/a/b", True),
        ("https://x.example/a?id=3", "https://x.example/a?id=4", False),
        ("https://x.example/a#comments", "https://x.example/a", True),
        ("https://x.example/a?fbclid=123&page=2", "https://x.example/a?page=2", True),
    ],
)
def test_same_address(a, b, same):
    assert (same_url_key(a) == same_url_key(b)) is same


def test_clean_url_keeps_meaningful_query():
    assert clean_url("https://X.example/a?id=3&utm_campaign=z") == "https://x.example/a?id=3"


def test_different_articles_on_the_same_story_are_not_duplicates():
    texts = {p.name: extract_html(p.read_bytes()) for p in STORY2_PAGES}
    corpus = {name: "\n".join(x.paragraphs) for name, x in texts.items()}
    for name, x in texts.items():
        others = {k: v for k, v in corpus.items() if k != name}
        assert duplicate_of("\n".join(x.paragraphs), None, others, {}) is None, name


# --------------------------------------------------------------------------- quotations, with no actors.yml

# Hand-checked misses: the rules leave these unattributed (never give them to the wrong person).
# The anonymous official's clause is longer than the rules read. (“called the decision “…”” is Dana
# Whitfield's since "called" is a speech verb of the starter, issue 13 §2.)
UNATTRIBUTED = {
    ("tricounty-ledger.html", "look at every building we own,"),
}


@pytest.mark.parametrize("origin", sorted(PAGES))
def test_quotations_go_to_the_people_the_text_names(site, story2, origin):
    article = article_for(site, story2, origin)
    for want in PAGES[origin]["quotes"]:
        found = [q for q in article.quotes if q.text == want["text"]]
        assert found, f"quotation not found: {want['text']!r}"
        q = found[0]
        assert q.speaker is None  # story2 has no actors.yml
        if (origin, want["text"]) in UNATTRIBUTED:
            assert q.named is None, f"{want['text']!r} given to {q.named}"
        elif want["speaker"] is None:
            assert q.named is None and q.speaker_label, (q.named, q.speaker_label)
        else:
            assert q.kind == "speech" and q.named == want["speaker"], (want["text"], q.named, q.speaker_label)


def test_no_quotation_is_given_to_a_body_or_a_stranger(site):
    # Every name a statement is given to in the second corpus is one of its speakers (checked by hand).
    speakers = {q.named for a in site.articles for q in a.quotes if q.named}
    assert speakers == {
        "Ana Ortiz",
        "José Peña",
        "Dana Whitfield",
        "Priya Raman",
        "Linda Marsh",
        "Keisha Moore",
        "Gerald Fink",
        "Lucía Ferrer",
        "Raymond Cho",
        "Mei Lin",
        "Harold Greene",
    }


def test_republished_wording_from_another_outlet_can_be_added_on_purpose(small_site, tmp_path):
    copy = tmp_path / "wire-copy.txt"
    shutil.copy(STORY2_TEXT, copy)
    err = refused(small_site, str(copy), "--outlet", "Valley Wire")
    assert "--republished" in err
    run_generator("add", str(copy), "--outlet", "Valley Wire", "--republished", cwd=small_site)
    text = (small_site / "site_data" / "sources.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert any(
        line.strip().startswith("outlet: valley-wire") and "# added with --republished" in line
        for line in lines
    )
    # Same headline as the radio's copy: the address takes the outlet's id instead of failing.
    slug = "slug: mayor-ortiz-defends-library-closure-we-have-to-build-for-the-valley-wire"
    assert any(
        line.strip().startswith(slug) and "# another article has the same headline" in line for line in lines
    )
    # The same address is refused even then.
    err = refused(small_site, str(STORY2 / "html" / "duplicate-of-riverton-gazette.html"), "--republished")
    assert "address" in err


def test_readme_plain_text_example_on_a_fresh_site(starter, tmp_path):
    """The README's `add radio-interview.txt --outlet "Riverton Radio"` works as written on a fresh site: plain
    text declares no language, so English is assumed and the entry and the output say so."""
    dest = copy_of(starter, tmp_path / "fresh")
    shutil.copy(STORY2_TEXT, dest / "radio-interview.txt")
    out = run_generator("add", "radio-interview.txt", "--outlet", "Riverton Radio", cwd=dest).stdout
    assert "language: 'en' assumed (English: the corpus has no article yet)" in out
    text = (dest / "site_data" / "sources.yml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("language:"))
    assert line.split("#")[0].strip() == "language: en"
    assert "# assumed: English: the corpus has no article yet" in line
