"""Hostile inputs in a real browser (issue 12): a site whose every curated text and address field holds the
payloads of tests/test_hostile_inputs.py, with saved pages of hostile metadata added by `add` (canonical
link, og:title, og:site_name, author, JSON-LD, scripts and off-site images in the body) and a hostile
site_name in mkdocs.yml, built by `mkdocs build --strict` and opened page by page in Chromium.

On no page does a payload run (no dialog, no marker set by a handler), load anything off the machine,
navigate away on load, or leave a handler, a ``javascript:``/``data:`` address, a ``<meta http-equiv>``, a
frame or a foreign script in the DOM. A self-check shows the scan sees each of those when they are there.
Every page of the site is visited, so pages added later (packets, quizzes, downloads, sortable tables) are
scanned without a change here.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from ..builds import mkdocs_build
from ..conftest import ROOT
from ..hostile import CITE, documents, replaced, write_site
from ..sites import generator
from ..test_hostile_inputs import TEXT_CHANNELS, TEXTS, URL_CHANNELS
from .helpers import failure_report, is_local_url, site_pages

pytestmark = pytest.mark.browser

# Every text payload at once, in every text field: what one escapes must not let another through.
ALL_TEXT = " · ".join(TEXTS[name] for name in sorted(TEXTS)) + ' <img src=x onerror="window.__pwned=1">'
# An address that is valid once rebuilt, and tries to leave its link (Markdown link, attributes, image).
ADDRESS = 'https://ok.example/)[c](javascript:alert(1)//){:onclick=alert(2)}![x](https://evil.example/p.png)"'

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="og:title" content="{og_title}">
<meta property="og:site_name" content="{site_name}">
<meta name="author" content="Ann &lt;img src=x onerror=alert(3)&gt; Lee">
<meta name="description" content="&quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example/">
<meta property="article:published_time" content="2019-03-04T08:00:00Z">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{og_title}",
 "author": {{"@type": "Person", "name": "<script>alert(4)</script>"}},
 "publisher": {{"@type": "Organization", "name": "{site_name}"}},
 "datePublished": "2019-03-04", "url": "javascript:alert(5)"}}
</script>
<script>alert("the saved page's own script")</script>
</head><body>
<article>
<h1>{og_title}</h1>
<p>The harbour at Riverton reopened on Monday after three weeks of repairs, the port authority said in a
statement that <a href="javascript:alert(6)">thanked the crews</a> who worked through the storm.</p>
<img src="https://evil.example/track.png" onerror="alert(7)" alt="">
<p>Fishing boats returned to the inner basin by noon, and the ferry to the islands will run its full
timetable again from Wednesday, according to the operator. <script>alert(8)</script></p>
<iframe src="https://evil.example/frame"></iframe>
<p>“We lost three weeks of trade,” said Tom Reyes, who runs the fish market on the quay, adding that the
repairs had been promised for years before the storm made them urgent.</p>
<p>The council will review the cost of the work at its next meeting, where members are expected to ask
why the sea wall was not strengthened earlier. [more](javascript:alert(9)) {{: onclick="alert(10)" }}</p>
<p>Residents said they were glad to see the harbour busy again, though some shops on the front remain
closed while their owners wait for insurance payments to arrive.</p>
</article></body></html>
"""
SAVED_PAGES = {
    "harbour.html": dict(
        title="Harbour reopens&quot; onmouseover=&quot;alert(11)",
        canonical="https://bay.example/harbour)[x](javascript:alert(document.domain)//",
        og_title="Harbour reopens &lt;script&gt;alert(12)&lt;/script&gt; after repairs",
        site_name="Bay Gazette&quot; http-equiv=&quot;refresh",
    ),
    "ferry.html": dict(
        title="Ferry timetable restored",
        canonical="javascript:alert(13)",
        og_title="Ferry timetable restored {{: onclick=&quot;alert(14)&quot; }} [x](javascript:alert(15))",
        site_name="0;url=https://evil.example/?",
    ),
}


def _hostile_project(dest: Path) -> Path:
    docs = documents()
    for file, path in TEXT_CHANNELS.values():
        value = (
            {"value": ALL_TEXT, "source": CITE} if path[-1] == "title" and file == "sources.yml" else ALL_TEXT
        )
        docs = replaced(docs, file, path, value)
    for file, path in URL_CHANNELS.values():
        docs = replaced(docs, file, path, ADDRESS)
    write_site(dest, docs)
    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: {{ TITLE }}", 'site_name: "Site\\" onmouseover=\\"alert(16)"')
    config = config.replace("site_description: {{ TITLE }}", 'site_description: "D\\" http-equiv=\\"refresh"')
    # Addresses of mkdocs.yml the theme prints (the canonical link, the repository link; QR codes of pages).
    config = config.replace('site_url: ""', 'site_url: \'https://ok.example/"onmouseover="alert(17)"/\'')
    config += 'repo_url: \'https://ok.example/"onclick="alert(18)"\'\n'
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", dest / "docs")
    for name, fields in SAVED_PAGES.items():
        saved = dest.parent / name
        saved.write_text(SAVED_PAGE.format(**fields), encoding="utf-8")
        # The two pages share their body: the second is added as a republished copy.
        generator("add", str(saved), *(("--republished",) if name == "ferry.html" else ()), cwd=dest)
    return dest / "mkdocs.yml"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-browser")
    return mkdocs_build(_hostile_project(folder / "project"), folder / "site")


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    handler = functools.partial(_Quiet, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


# What in the DOM, once a page has loaded, could run, load or navigate: handlers, script addresses, meta
# refresh or policy, frames, a <base>, scripts from elsewhere or holding a payload, a payload's marker.
DOM_SCAN = r"""() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'poster',
                    'background', 'ping'];
  // data-href and the like: addresses a script of ours turns into links (quiz.js's feedback link).
  const isUrl = (name) => urlAttrs.includes(name) || /-(href|src|url)$/.test(name);
  const host = (value) => { try { return new URL(value, location.href).hostname; } catch { return ''; } };
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(`${name}= on <${el.localName}>`);
      if (isUrl(name) && /^(javascript|data|vbscript):/.test(value))
        bad.push(`${name}="${a.value.slice(0, 60)}" on <${el.localName}>`);
      if (isUrl(name) && host(a.value).endsWith('evil.example'))
        bad.push(`off-site ${name}="${a.value.slice(0, 60)}" on <${el.localName}>`);
    }
  }
  for (const m of document.querySelectorAll('meta[http-equiv]'))
    bad.push(`<meta http-equiv="${m.getAttribute('http-equiv')}">`);
  for (const e of document.querySelectorAll('iframe, frame, object, embed, base, applet, portal'))
    bad.push(`<${e.localName}>`);
  for (const s of document.querySelectorAll('script')) {
    if (s.src && new URL(s.src).origin !== location.origin) bad.push(`script from ${s.src}`);
    const type = (s.type || 'text/javascript').toLowerCase();
    if (!s.src && !type.includes('json') && /alert\(|__pwned|evil\.example/.test(s.textContent))
      bad.push(`inline script: ${s.textContent.slice(0, 60)}`);
  }
  if (window.__pwned) bad.push('a payload ran (window.__pwned set)');
  return bad;
}"""


class Scanner:
    """One tab that opens pages and reports whatever of a payload ran, loaded, navigated or is left in the
    DOM (one tab for every page: a new one per page costs more than the scan)."""

    def __init__(self, page):
        self.page, self.url, self.problems = page, "", []
        page.on("dialog", self._dialog)
        page.on(
            "request",
            lambda r: None if is_local_url(r.url) else self.problems.append(f"off-site request: {r.url}"),
        )
        page.on("framenavigated", self._navigated)

    def _dialog(self, dialog):
        self.problems.append(f"dialog: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def _navigated(self, frame):
        if frame == self.page.main_frame and frame.url.split("#")[0] != self.url:
            self.problems.append(f"navigated to {frame.url}")

    def scan(self, url: str) -> list[str]:
        self.url, self.problems = url, []
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        # Hover over and focus every element once: a handler smuggled onto one would fire now.
        self.page.evaluate(
            """() => { for (const el of document.querySelectorAll('body *'))
                 for (const type of ['mouseover', 'focus']) el.dispatchEvent(new Event(type, {bubbles: true})); }"""
        )
        found = self.problems + self.page.evaluate(DOM_SCAN)
        self.url = ""  # the next goto is not a navigation of this page's
        return found


@pytest.fixture
def scanner(browser_context):
    page = browser_context.new_page()
    yield Scanner(page)
    page.close()


def test_no_payload_runs_loads_or_navigates_on_any_page(scanner, hostile_url, hostile_site):
    pages = site_pages(hostile_site)
    assert len(pages) > 25, pages  # the tiny site's pages and the two added articles, with their handouts
    # The payloads did reach the pages, as text (not refused and not dropped).
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home
    added = [p for p in pages if p.startswith("/sources/") and "harbour" in p]
    assert added, pages
    failures: dict[str, list[str]] = {}
    for path in pages:
        problems = scanner.scan(hostile_url + path)
        if problems:
            failures[path] = sorted(set(problems))
    if failures:
        pytest.fail(failure_report("hostile inputs in Chromium", failures), pytrace=False)


def test_the_scan_sees_what_it_looks_for(scanner, hostile_url, hostile_site):
    """Self-check: a page with each kind of breach is reported for each of them."""
    pages = {
        "selfcheck": """<!doctype html><html><head><title>x</title>
            <meta http-equiv="content-security-policy" content="img-src *"></head><body>
            <a href="javascript:alert(1)">a</a> <span onmouseover="window.__pwned=1">s</span>
            <fieldset data-href="javascript:alert(2)"></fieldset>
            <img src="https://evil.example/p.png" alt=""> <script>alert("ran")</script>
            <iframe src="about:blank"></iframe></body></html>""",
        "selfcheck-refresh": """<!doctype html><html><head><title>x</title>
            <meta http-equiv="refresh" content="0;url=/"></head><body>x</body></html>""",
    }
    found = []
    for name, html in pages.items():
        (hostile_site / name).mkdir(exist_ok=True)
        (hostile_site / name / "index.html").write_text(html, encoding="utf-8")
        try:
            found += scanner.scan(f"{hostile_url}/{name}/")
        finally:
            shutil.rmtree(hostile_site / name)
    found = " | ".join(found)
    for expected in (
        "dialog: alert 'ran'",
        "off-site request: https://evil.example/p.png",
        f"navigated to {hostile_url}/",
        "javascript:alert(1)",
        'data-href="javascript:alert(2)" on <fieldset>',
        "onmouseover= on <span>",
        "a payload ran",
        '<meta http-equiv="content-security-policy">',
        "<iframe>",
    ):
        assert expected in found, (expected, found)
