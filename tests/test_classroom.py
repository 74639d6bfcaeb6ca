"""The classroom copy is the published site made to work from disk, and the QR codes encode only a public
address: hard cases by hand."""

from __future__ import annotations

import json
import zipfile
import zlib

import pytest

from generator import classroom
from generator.build import generate, write_classroom_copy
from generator.classroom import member, offline_html, offline_search_index
from generator.qr import public_base, qr_svg

from .conftest import SITE_DATA


@pytest.mark.parametrize(
    "link, on_disk",
    [
        ("../compare/", "../compare/index.html"),
        ("../../sources/x/#p3", "../../sources/x/index.html#p3"),
        ("../..", "../../index.html"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("#p3", "#p3"),
        ("../assets/stylesheets/site.css", "../assets/stylesheets/site.css"),
        ("https://www.example.org/news/", "https://www.example.org/news/"),
        ("mailto:editor@example.org", "mailto:editor@example.org"),
        ("../search/?q=x", "../search/index.html?q=x"),
    ],
)
def test_links_to_folders_open_their_index_file(link, on_disk):
    page = f'<html><head></head><body><a href="{link}">x</a></body></html>'
    assert f'href="{on_disk}"' in offline_html("sources/x/index.html", page)


def test_only_href_and_action_attributes_are_links():
    # The attribute's name is a word of its own (the pattern is written for speed, not with a leading \b).
    page = (
        '<a data-href="a/">1</a><form action="b/"></form><a xhref="c/">3</a><a data-xaction="d/">4</a>'
        '<a href="e/" title="href=">5</a>'
    )
    done = offline_html("index.html", page)
    assert 'data-href="a/index.html"' in done and 'action="b/index.html"' in done
    assert 'xhref="c/"' in done and 'data-xaction="d/"' in done
    assert 'href="e/index.html" title="href="' in done


def test_pages_load_the_search_shim_from_the_site_and_drop_online_only_blocks():
    page = '<html><head><title>t</title></head><body><p class="ms-online-only">Download <a href="x.zip">it</a></p></body></html>'
    done = offline_html("teachers/index.html", page)
    assert '<script src="../assets/vendor/iframe-worker/shim.js"></script></head>' in done
    assert "Download" not in done and "You are reading the classroom copy" in done
    assert '<script src="assets/vendor/iframe-worker/shim.js">' in offline_html("index.html", page)


def test_search_index_becomes_a_script_with_file_locations():
    index = {
        "config": {},
        "docs": [{"location": "", "title": "Home"}, {"location": "sources/x/#p3", "title": "3"}],
    }
    script = offline_search_index(json.dumps(index))
    assert script.startswith("var __index = ")
    docs = json.loads(script.removeprefix("var __index = "))["docs"]
    assert [d["location"] for d in docs] == ["index.html", "sources/x/index.html#p3"]
    assert [name for name, _ in member("search/search_index.json", json.dumps(index).encode())] == [
        "search/search_index.json",
        "search/search_index.js",
    ]


def test_zensicals_search_index_becomes_the_script_it_reads_from_disk():
    # Zensical writes search.json at the site's root with its entries under "items" (its offline plugin
    # writes the same as search.js, "var __index = {...}", which its bundle reads from file://).
    index = {"config": {}, "items": [{"location": "#where-to-start"}, {"location": "glossary/"}]}
    (name, _), (script, content) = member("search.json", json.dumps(index).encode())
    assert (name, script) == ("search.json", "search.js")
    items = json.loads(content.decode().removeprefix("var __index = "))["items"]
    assert [i["location"] for i in items] == ["index.html#where-to-start", "glossary/index.html"]
    assert member("downloads/classroom-copy.zip", b"PK") == []  # never a copy inside the copy
    assert member(".microsite-building", b"x") == []  # the folder mkdocs build is still building into
    assert member("assets/.nojekyll", b"") == []


def test_the_zip_is_the_same_for_the_same_site(tmp_path):
    site = tmp_path / "site"
    (site / "sources" / "x").mkdir(parents=True)
    (site / "index.html").write_text('<html><head></head><body><a href="sources/x/">x</a></body></html>')
    (site / "sources" / "x" / "index.html").write_text(
        '<html><head></head><body><a href="../../">home</a></body></html>'
    )
    one = write_classroom_copy(site).read_bytes()
    two = write_classroom_copy(site).read_bytes()
    assert one == two
    with zipfile.ZipFile(site / "downloads" / "classroom-copy.zip") as z:
        assert sorted(z.namelist()) == ["index.html", "sources/x/index.html"]
        assert 'href="../../index.html"' in z.read("sources/x/index.html").decode()


def test_the_zip_is_compressed_at_the_chosen_level(tmp_path):
    # classroom.COMPRESS_LEVEL, not zlib's default: every build makes the zip (see the figures there).
    site = tmp_path / "site"
    site.mkdir()
    text = " ".join(f"<p>Paragraph {i} of the page, {i * 7919 % 1000} words.</p>" for i in range(3000))
    (site / "page.html").write_text(f"<html><head></head><body>{text}</body></html>")
    with zipfile.ZipFile(write_classroom_copy(site)) as z:
        info = z.getinfo("page.html")
        content = z.read("page.html")
    deflate = zlib.compressobj(classroom.COMPRESS_LEVEL, zlib.DEFLATED, -15)
    assert info.compress_size == len(deflate.compress(content) + deflate.flush())
    default = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert info.compress_size != len(default.compress(content) + default.flush())


@pytest.mark.parametrize(
    "site_url, base",
    [
        ("https://coup-talk.example.org", "https://coup-talk.example.org/"),
        ("https://example.org/microsite/", "https://example.org/microsite/"),
        ("http://10.0.0.5/site/", "http://10.0.0.5/site/"),  # a school network's own server can be right
        ("", None),
        (None, None),
        ("http://127.0.0.1:8000/", None),  # mkdocs serve's address: no student's phone opens it
        ("http://localhost:8000/", None),
        ("javascript:alert(1)", None),
        ("example.org", None),
    ],
)
def test_qr_codes_encode_only_a_public_address(site_url, base):
    assert public_base(site_url) == base


def test_assign_box_shows_the_pages_qr_code_or_says_what_it_needs():
    with_url = generate(SITE_DATA, site_url="https://coup-talk.example.org/").pages["compare/words.md"]
    assert 'aria-label="QR code of https://coup-talk.example.org/compare/words/"' in with_url
    assert str(qr_svg("https://coup-talk.example.org/compare/words/")) in with_url
    without = generate(SITE_DATA).pages["compare/words.md"]
    assert "<svg" not in without and "does not know its public address" in without and "site_url" in without
