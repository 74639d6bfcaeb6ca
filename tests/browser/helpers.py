"""Shared helpers for the browser quality gate (no pytest fixtures here: see conftest.py)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import expect

BROWSER_DIR = Path(__file__).resolve().parent
REPO_ROOT = BROWSER_DIR.parents[1]
NODE_MODULES = BROWSER_DIR / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "install the npm test dependencies first: npm ci --prefix tests/browser --ignore-scripts"

CHROMIUM = os.environ.get("MICROSITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}

# Every gate that holds for any microsite runs on each of these (see conftest.site_dir). "venezuela-zensical"
# is this repository's site built by Zensical from the project `python -m generator build --out` writes.
SITES = ["venezuela", "story2", "new", "venezuela-zensical"]
# The gates that need this site's content (search ranking, glossary, handouts, keyboard) run on both builds.
BUILDS = ["venezuela", "venezuela-zensical"]


def builder(site: str) -> str:
    return "zensical" if site.endswith("-zensical") else "mkdocs"


# WCAG 2.0/2.1 level A and AA rules only (best-practice rules are not part of the gate).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
HARMLESS_SCHEMES = {"data", "blob", "about", "file"}  # file: the offline classroom copy


# --------------------------------------------------------------------------- site layout


def site_pages(site_dir: Path) -> list[str]:
    """URL paths ("/", "/sources/", "/x.html") of every HTML page except 404.html and assets/."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith("assets/"):
            continue
        pages.append(url_path_for(rel))
    return pages


def page_kind(path: str) -> str:
    """Pages made from one template with other data are of one kind: "/actors/x/" is an actor page, a
    handout of one is an actor handout, "/sources/x/" an article; every other page is a kind of its own."""
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] in ("actors", "sources"):
        return parts[0]
    if len(parts) == 2 and parts[0] == "handouts" and parts[1].startswith(("actors-", "sources-")):
        return "handouts/" + parts[1].split("-", 1)[0]
    return path


def one_page_per_kind(pages: list[str]) -> list[str]:
    """The first page of each kind (page_kind), in order."""
    seen: set[str] = set()
    return [p for p in pages if not (page_kind(p) in seen or seen.add(page_kind(p)))]


def url_path_for(rel: str) -> str:
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def is_local_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in HARMLESS_SCHEMES:
        return True
    return parts.scheme in {"http", "https"} and (parts.hostname or "") in LOCAL_HOSTS


def failure_report(title: str, failures: dict[str, list[str]]) -> str:
    lines = [f"{title}: {sum(len(v) for v in failures.values())} problem(s) on {len(failures)} page(s)"]
    for page, problems in failures.items():
        lines.append(f"  {page}")
        lines.extend(f"    - {p}" for p in problems)
    return "\n".join(lines)


# --------------------------------------------------------------------------- axe


def run_axe(page) -> list[dict]:
    """Inject axe-core (once per document) and return its WCAG A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))
            }));
        }""",
        AXE_TAGS,
    )
    return result


def format_axe_violations(violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            summary = " | ".join(
                line.strip() for line in (node["summary"] or "").splitlines() if line.strip()
            )
            out.append(f"[{v['id']}] ({v['impact']}) {v['help']} -> {target} :: {summary}")
    return out


# --------------------------------------------------------------------------- Material palette


def palette_count(page) -> int:
    return page.locator("input.md-option[name=__palette]").count()


def current_palette(page) -> int | None:
    return page.evaluate(
        """() => {
            const inputs = [...document.querySelectorAll('input.md-option[name=__palette]')];
            const i = inputs.findIndex(el => el.checked);
            return i < 0 ? null : i;
        }"""
    )


def set_palette(page, index: int) -> str:
    """Click the header palette toggle until palette `index` is active; return the body's color scheme.

    The choice is stored in localStorage by Material, so later page loads in the same context keep it.
    """
    n = palette_count(page)
    for _ in range(n + 1):
        if current_palette(page) == index:
            break
        page.locator("form[data-md-component=palette] label.md-header__button:visible").first.click()
    else:
        raise AssertionError(f"could not switch to palette {index} (have {n})")
    page.wait_for_timeout(400)  # let Material's colour transitions settle before measuring contrast
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def representative_pages(pages: list[str]) -> dict[str, str]:
    """One page of each type: home, sources index, one article below /sources/ (those that exist)."""
    chosen = {"home": "/"} if "/" in pages else {}
    if "/sources/" in pages:
        chosen["sources-index"] = "/sources/"
    articles = [p for p in pages if p.startswith("/sources/") and p != "/sources/"]
    if articles:
        chosen["article"] = articles[0]
    for kind, prefix in (
        ("actor", "/actors/"),
        ("history", "/history/"),
        ("compare", "/compare/"),
        ("handout", "/handouts/sources-"),
        ("packet", "/teachers/packet/"),
    ):
        found = sorted(p for p in pages if p.startswith(prefix) and p != "/actors/")
        if found:
            chosen[kind] = found[0]
    if "handout" not in chosen:  # a site with no articles yet still has handouts of its other pages
        handouts = sorted(p for p in pages if p.startswith("/handouts/"))
        if handouts:
            chosen["handout"] = handouts[0]
    return chosen


# --------------------------------------------------------------------------- search


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str  # absolute URL as resolved by the browser

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def haystack(self) -> str:
        """Title and URL, lower-cased, with the URL's -/_ also read as spaces (slugs match phrases)."""
        url = unquote(self.url).lower()
        return " | ".join([self.title.lower(), url, url.replace("-", " ").replace("_", " ")])


# The search box is found as a reader's assistive technology finds it, by role and label: Material's is a
# textbox in the header, Zensical's a combobox in a dialog it opens from a "Search" button. Both are labelled
# "Search" (the language files' "search"), and both list results as links in the dialog that holds the box.
SEARCH_LABEL = "Search"
# Each builder's keyboard shortcuts that open search (Material: "/" and "s"; Zensical: "/" and Ctrl+K, which
# its button shows).
SEARCH_KEYS = {"mkdocs": ("/", "s"), "zensical": ("/", "Control+k")}
# What the results say when the search is done: "3 matching documents" / "No matching documents" (Material),
# "3 results" / "No results" (Zensical).
SEARCH_DONE = re.compile(r"\b(no|\d+) (matching documents?|results?)\b", re.I)


def search_box(page):
    return page.get_by_role("textbox", name=SEARCH_LABEL, exact=True).or_(
        page.get_by_role("combobox", name=SEARCH_LABEL, exact=True)
    )


def search_button(page):
    """The button that opens a search dialog (Zensical's reads "Search Ctrl+K")."""
    return page.get_by_role("button", name=re.compile(rf"^{SEARCH_LABEL}\b"))


def search_dialog(page):
    return page.get_by_role("dialog").filter(has=search_box(page))


def focused(locator) -> bool:
    """Whether the element has the keyboard focus (inside a shadow root too: Zensical's dialog is in one)."""
    return locator.count() > 0 and locator.first.evaluate("e => e.matches(':focus')")


def open_search(page) -> None:
    """Open search with the mouse: click the search box if it shows, else the button that opens it."""
    box = search_box(page)
    if box.count() and box.first.is_visible():
        box.first.click()
    else:
        search_button(page).first.click()
    box.first.wait_for(state="visible")


def search_results(page) -> list[dict]:
    """Every result shown, in order: its address and its heading (read at once: the list is live)."""
    dialog = search_dialog(page).first
    return (
        dialog.get_by_role("link")
        .or_(dialog.get_by_role("option"))
        .evaluate_all(
            """links => links.map(a => {
            const h = a.querySelector('h1, h2, h3, h4, [role=heading]');
            return {url: a.href, title: (h || a).textContent.trim()};
        })"""
        )
    )


def search(page, query: str, timeout_ms: int = 30_000) -> list[SearchResult]:
    """Type `query` into the search box and return the page-level results, best first.

    A result is a page or a section of one; consecutive results on the same page are that page's (Material
    nests a page's sections under it, Zensical lists them in turn), so one page-level result is returned per
    page, with the first result's title. Returns [] when the search reports no match.
    """
    box = search_box(page)
    if not (box.count() and box.first.is_visible() and focused(box)):
        open_search(page)
    box = box.first
    dialog = search_dialog(page).first
    if box.input_value():
        # Cleared by keys (both themes search on key events, not on a value set by a script), then wait
        # for the last query's "N results" to go, so that it is not read as this query's.
        box.press("Control+a")
        box.press("Backspace")
        expect(dialog.get_by_text(SEARCH_DONE)).to_have_count(0)
    box.press_sequentially(query, delay=20)
    dialog.get_by_text(SEARCH_DONE).first.wait_for(timeout=timeout_ms)
    # Each key starts a search and results come in batches: read until three reads in a row agree.
    reads = [search_results(page)]
    for _ in range(30):
        page.wait_for_timeout(150)
        reads.append(search_results(page))
        if len(reads) >= 3 and reads[-1] == reads[-2] == reads[-3]:
            break
    results = reads[-1]
    pages: list[SearchResult] = []
    for r in results:
        result = SearchResult(title=r["title"], url=r["url"])
        if not pages or pages[-1].path != result.path:
            pages.append(result)
    return pages


# --------------------------------------------------------------------------- focus


def focused_element_info(page) -> dict | None:
    """Describe document.activeElement: tag, text, visibility and whether it shows a focus indicator."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return null;
            const cs = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            const visible = r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
                && parseFloat(cs.opacity) > 0 && r.bottom > 0 && r.right > 0
                && r.top < window.innerHeight && r.left < window.innerWidth;
            const ring = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                || (s.boxShadow && s.boxShadow !== 'none');
            const ownRing = ring(cs);
            let labelRing = false;
            // Material hides its radio/checkbox controls and draws the focus ring on the label next to them.
            const label = el.matches('input.md-option, input.md-toggle') ? el.nextElementSibling : null;
            let labelVisible = false;
            if (label && label.tagName === 'LABEL') {
                const ls = getComputedStyle(label), lr = label.getBoundingClientRect();
                labelVisible = lr.width > 0 && lr.height > 0 && ls.visibility !== 'hidden';
                labelRing = labelVisible && ring(ls);
            }
            return {
                visibleViaLabel: labelVisible,
                tag: el.tagName.toLowerCase(), cls: el.className && String(el.className),
                id: el.id, href: el.getAttribute('href'), text: (el.innerText || el.value || '').trim().slice(0, 60),
                visible: visible || labelVisible, indicator: !!(ownRing || labelRing),
                outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, boxShadow: cs.boxShadow,
                inPrimaryNav: !!el.closest('.md-sidebar--primary, .md-tabs'),
            };
        }"""
    )
