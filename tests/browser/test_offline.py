"""Offline classroom copy: `python -m generator offline` zips a site that works from file://, search included,
with no request leaving the computer; so does Zensical's build of `python -m generator build --offline`."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from ..builds import built
from .helpers import REPO_ROOT, search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def offline_site(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    if request.param == "zensical":  # `python -m generator build --offline`, built by Zensical
        return built("venezuela", "zensical-offline", tmp_path_factory)
    archive = tmp / "classroom-copy.zip"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "offline", "--out", str(archive)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    site = tmp / "site"
    with zipfile.ZipFile(archive) as z:
        z.extractall(site)
    return site


def test_search_works_from_disk_without_network(browser_context, offline_site):
    page = browser_context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((offline_site / "index.html").as_uri())
        page.wait_for_load_state("load")
        results = search(page, "Breitbart", timeout_ms=15_000)
        found = [
            r for r in results if "trump administration" in r.haystack() or "massive march" in r.haystack()
        ]
        assert found, [(r.title, r.url) for r in results]
        # Links between pages work as files: a source page's actor link opens the actor's page.
        page.goto(
            (offline_site / "sources" / "venezuela-accuses-us-of-plotting-coup-against-maduro.html").as_uri()
        )
        page.locator("a.ms-actor").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/actors/nicolas-maduro.html"), page.url
        assert page.locator("h1").first.inner_text().startswith("Nicolás Maduro")
    finally:
        page.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:"))]
    assert outside == [], outside
    assert not any("unpkg.com" in u for u in requests)
