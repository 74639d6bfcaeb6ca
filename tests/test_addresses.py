"""Stable addresses: every address in site_data/addresses.txt stays published (as a page or a redirect)."""

from __future__ import annotations

import shutil

from generator import sitedata
from generator.build import generate
from generator.render import addresses

from .conftest import SITE_DATA, run_cli, run_mkdocs

LISTED = sitedata.parse_addresses((SITE_DATA / "addresses.txt").read_text(encoding="utf-8"))


def test_no_listed_address_disappears():
    pages = generate(SITE_DATA).pages
    published = set(addresses(pages)) | {
        "/" + p[: -len("index.html")] for p in pages if p.endswith("index.html")
    }
    missing = [a for a in LISTED if a not in published]
    assert not missing, (
        f"addresses teachers may have assigned are gone: {missing}; add redirects (site_data/redirects.yml)"
    )


def test_every_published_address_is_listed():
    new = sorted(set(addresses(generate(SITE_DATA).pages)) - set(LISTED))
    assert not new, f"new pages not yet in site_data/addresses.txt: {new}"


def test_a_moved_page_keeps_its_old_address(project, tmp_path):
    data = project / "site_data"
    text = (data / "sources.yml").read_text(encoding="utf-8")
    text = text.replace(
        "  - file: 002_c94e1d65cfa08746.txt\n",
        "  - file: 002_c94e1d65cfa08746.txt\n    slug: iran-daily-coup-plot\n",
    )
    (data / "sources.yml").write_text(text, encoding="utf-8")
    old = "/sources/venezuela-accuses-us-of-plotting-coup-against-maduro/"
    teaching = (data / "teaching.yml").read_text(encoding="utf-8")
    (data / "teaching.yml").write_text(
        teaching.replace(old, "/sources/iran-daily-coup-plot/"), encoding="utf-8"
    )
    (data / "redirects.yml").write_text(f"{old}: /sources/iran-daily-coup-plot/\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    moved = (site / old.strip("/") / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../sources/iran-daily-coup-plot/"' in moved
    assert (site / "sources/iran-daily-coup-plot/index.html").is_file()


def test_redirect_to_nowhere_is_an_error(tmp_path):
    data = tmp_path / "site_data"
    shutil.copytree(SITE_DATA, data)
    (data / "redirects.yml").write_text("/old-page/: /no-such-page/\n", encoding="utf-8")
    result = run_cli("check", "--site-data", str(data))
    assert result.returncode == 1
    assert (
        "site_data/redirects.yml (/old-page/): /old-page/ redirects to /no-such-page/, which is not a page"
        in result.stderr
    )
