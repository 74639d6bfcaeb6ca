"""Fixtures for the browser quality gate: build the site once, serve it on 127.0.0.1, drive headless Chromium.

Environment overrides (all optional; they change only the "venezuela" site's MkDocs build):
  MICROSITE_MKDOCS_YML  build this mkdocs.yml instead of <repo>/mkdocs.yml
  MICROSITE_SITE_DIR    use an already built site directory, skip the build
  MICROSITE_CHROMIUM    Chromium binary (default /usr/bin/chromium); never downloaded
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from ..builds import ZENSICAL_SUFFIX, built, mkdocs_build
from .helpers import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    NPM_HINT,
    VIEWPORT,
    is_local_url,
    one_page_per_kind,
    site_pages,
)
from .visits import Visits, visit_every_page

# --------------------------------------------------------------------------- build + serve


# Built sites by name, for the whole session: pytest sets the session fixture up again whenever the tests it
# runs switch between sites (or between a parametrized and a plain test), and a rebuild costs seconds.
_BUILT: dict[str, Path] = {}
_NAMES: dict[Path, str] = {}


@pytest.fixture(scope="session")
def site_dir(request, tmp_path_factory) -> Path:
    """The built site. Gates that hold for any microsite are parametrized over SITES (``indirect``): this
    repository's site, the second corpus made with `new` and `add`, and a site fresh from `new`."""
    name = getattr(request, "param", "venezuela")
    if name not in _BUILT:
        _BUILT[name] = _build(name, tmp_path_factory)
        _NAMES[_BUILT[name]] = name
    return _BUILT[name]


def _build(name: str, tmp_path_factory) -> Path:
    prebuilt = os.environ.get("MICROSITE_SITE_DIR")
    if prebuilt and name == "venezuela":
        path = Path(prebuilt).resolve()
        assert (path / "index.html").is_file(), f"MICROSITE_SITE_DIR={path} has no index.html"
        return path
    config = os.environ.get("MICROSITE_MKDOCS_YML")
    try:
        if config and name == "venezuela":
            out = tmp_path_factory.mktemp(f"browser-{name}") / "site"
            return mkdocs_build(Path(config).resolve(), out)
        # Shared with the other tests of the session (tests/builds.py): "<site>-zensical" is the project
        # `python -m generator build --out` writes, built by `zensical build --strict`; the others are
        # `mkdocs build --strict` with the plugin.
        if name.endswith(ZENSICAL_SUFFIX):
            return built(name.removesuffix(ZENSICAL_SUFFIX), "zensical", tmp_path_factory)
        return built(name, "mkdocs", tmp_path_factory)
    except AssertionError as exc:
        pytest.fail(str(exc), pytrace=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    """http://127.0.0.1:<free port> serving site_dir from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def pages(site_dir) -> list[str]:
    """The pages the page-by-page gates (axe, privacy, layout) visit: all of them, but on the Zensical build one
    page of each kind (test_portable.py checks that its pages hold the same HTML as the MkDocs build's,
    which these gates check page by page; what Zensical changes is the theme around it)."""
    found = site_pages(site_dir)
    assert found, f"no HTML pages found under {site_dir}"
    if _NAMES.get(site_dir, "").endswith(ZENSICAL_SUFFIX):
        return one_page_per_kind(found)
    return found


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One persistent Chromium context for the whole session (sync API; no asyncio loop involved)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM} (install the Debian package 'chromium')", pytrace=False
        )
    profile = tmp_path_factory.mktemp("chromium-profile")
    pw = sync_playwright().start()
    try:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            color_scheme="light",
            reduced_motion="reduce",
            service_workers="block",
        )
        context.set_default_timeout(15_000)
        # Nothing may leave the machine: abort every non-local request (it is still recorded by the tests,
        # because the page's "request" event fires before routing).
        context.route(
            lambda url: not is_local_url(url),
            lambda route: route.abort("blockedbyclient"),
        )
        yield context
        context.close()
    finally:
        pw.stop()


@pytest.fixture
def page(browser_context, base_url):
    """A fresh tab on a clean origin state (localStorage, e.g. the chosen palette, is reset)."""
    p = browser_context.new_page()
    p.goto(base_url + "/")
    p.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    p.wait_for_load_state("networkidle")  # no request of this warm-up load may spill into the test
    yield p
    p.close()


# Each site's walk through its pages for the page-by-page gates (axe, privacy, layout), once per session: see
# visits.py.
_VISITED: dict[Path, Visits] = {}


@pytest.fixture
def visits(browser_context, base_url, site_dir, pages) -> Visits:
    """What axe, the privacy recorder and the layout measurements found on every page of the site (``pages``),
    from one walk, made by whichever of the three gates runs first."""
    if site_dir not in _VISITED:
        if not AXE_JS.is_file():
            pytest.fail(f"{AXE_JS} is missing: {NPM_HINT}", pytrace=False)
        tab = browser_context.new_page()
        try:
            tab.goto(base_url + "/")  # a clean origin state, as the page fixture makes it
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            tab.wait_for_load_state("networkidle")
            _VISITED[site_dir] = visit_every_page(tab, base_url, pages)
        finally:
            tab.close()
    return _VISITED[site_dir]
