"""Link gate: every local href/src in the built site resolves to a file, and every #fragment to an id.

Pure Python (html.parser), no browser. External links (http(s) to other hosts, mailto:, tel:, data:...) are
not followed: the privacy test makes sure pages load nothing from outside.
"""

from __future__ import annotations

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .helpers import SITES, failure_report

pytestmark = pytest.mark.browser

URL_ATTRS = {"href", "src", "poster", "data"}  # + srcset, parsed below
BASE = "http://site.invalid/"  # stand-in origin: only links that stay on it are local


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name in URL_ATTRS:
            value = a.get(name)
            if value is not None and not (tag == "link" and a.get("rel") in {"preconnect", "dns-prefetch"}):
                self.links.append((tag, value.strip()))
        if a.get("srcset"):
            self.links.extend(
                (tag, part.strip().split()[0]) for part in a["srcset"].split(",") if part.strip()
            )

    handle_startendtag = handle_starttag


@functools.cache
def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def _target_file(site_dir: Path, url_path: str) -> Path | None:
    rel = unquote(url_path).lstrip("/")
    candidate = site_dir / rel if rel else site_dir
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if candidate.is_file():
        try:
            candidate.resolve().relative_to(site_dir.resolve())
        except ValueError:
            return None  # escapes the site
        return candidate
    return None


def _html_files(site_dir: Path) -> list[Path]:
    # 404.html is served for any missing URL, so its links are written absolute from site_url: skip it.
    return sorted(p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).as_posix() != "404.html")


def _climbs_above_root(page: str, raw: str) -> bool:
    """Whether a relative link goes up more folders than the page is deep (urljoin hides it)."""
    path = urlsplit(raw).path
    if not path or path.startswith("/") or urlsplit(raw).scheme:
        return False
    depth = 0
    for part in [*posixpath.dirname(page).split("/"), *path.split("/")[:-1]]:
        depth += -1 if part == ".." else 0 if part in ("", ".") else 1
        if depth < 0:
            return True
    return False


def broken_links(site_dir: Path) -> dict[str, list[str]]:
    failures: dict[str, list[str]] = {}
    for html in _html_files(site_dir):
        rel = html.relative_to(site_dir).as_posix()
        page_url = urljoin(BASE, rel)
        parser = _parse(html)
        problems = []
        for tag, raw in parser.links:
            if not raw or raw.startswith(("mailto:", "tel:", "data:", "javascript:", "blob:")):
                continue
            absolute = urljoin(page_url, raw)
            parts = urlsplit(absolute)
            if f"{parts.scheme}://{parts.netloc}/" != BASE:
                continue  # external
            if _climbs_above_root(rel, raw):
                # The browser stops at the host's root, so it works for a site at a host's root, and breaks
                # for one in a folder (a project's GitHub Pages) or opened from disk.
                problems.append(f"<{tag}> {raw!r}: climbs above the site's root")
            target = _target_file(site_dir, parts.path)
            if target is None:
                problems.append(f"<{tag}> {raw!r}: no file {unquote(parts.path)}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                where = "this page" if target == html else target.relative_to(site_dir).as_posix()
                problems.append(f"<{tag}> {raw!r}: no id {fragment!r} in {where}")
        if problems:
            failures[rel] = sorted(set(problems))
    return failures


@pytest.mark.parametrize("site_dir", SITES, indirect=True)
def test_local_links_and_anchors_resolve(site_dir):
    failures = broken_links(site_dir)
    if failures:
        pytest.fail(failure_report("broken local links", failures), pytrace=False)


def test_checker_finds_broken_links(tmp_path):
    """Self-check on a two-page fixture: missing file and missing anchor are reported, good links are not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="missing/">bad</a><a href="a/#nowhere">bad</a><img src="img.png">'
        '<a href="https://example.org/x">external</a>'
    )
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="../">up</a><a href="../../a/#here">climbs too far</a>'
    )
    failures = broken_links(tmp_path)
    assert sorted(failures) == ["a/index.html", "index.html"]
    assert len(failures["index.html"]) == 3, failures
    assert failures["a/index.html"] == ["<a> '../../a/#here': climbs above the site's root"]
