"""Scale benchmark: how generation and the MkDocs build grow from 10 to 1,000 articles.

Run on demand (not a test, not in CI)::

    python benchmarks/run.py                                  # 10, 100 and 1,000 articles
    python benchmarks/run.py --sizes 10,100 --out /tmp/r.md   # a quick look

For each size it makes a synthetic corpus from the five real articles in ``site_data/corpus`` (paragraphs
shuffled across articles, people renamed, a numbered word in every headline so every page address is
unique; headers and page furniture kept so parsing and cleaning do their real work) and measures, in one
run so that the ratios between the numbers are meaningful on a noisy shared machine:

- generation: ``generator.build.generate`` in this process (best of 3, every in-process cache forgotten
  before each: see clear_caches), split into ``load_site`` (read, parse, clean, analyse) and
  ``render_site`` (Jinja2), plus a cProfile breakdown by package at the largest size; as a first build (no
  analysis cache on disk) and as a rebuild (every article read from the warm disk cache, analysis_cache.py);
- the full ``mkdocs build`` of the project's ``mkdocs.yml`` (microsite plugin on), as a subprocess, with its
  peak RSS: first builds with ``.cache/`` deleted, then one rebuild with the cache they left;
- a baseline: the same pages written as real Markdown files and built by the same ``mkdocs.yml`` without the
  plugin (same theme, features and extensions), i.e. the cost of MkDocs itself;
- the size of the site and of ``search/search_index.json`` (raw and gzipped).

It writes a Markdown report (default ``benchmarks/README.md``) with the numbers and verdicts against the
targets in ``TARGETS``. Nothing in the repository is modified apart from that report; all work happens in a
temporary folder that is deleted afterwards (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import gzip
import http.server
import importlib.metadata
import inspect
import json
import os
import platform
import pstats
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyphen
import textstat
import yaml

# The synthetic corpus (benchmarks/synthetic_corpus.py, beside this script: on sys.path when it runs).
from synthetic_corpus import make_corpus

import generator
import generator.build
from generator.build import generate, load_site, write_project
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent

# The targets the report checks. Generation should be a small part of a build and grow linearly; the plugin
# should add little to what MkDocs itself costs; the search index must stay small enough for lunr in a browser.
TARGETS = {
    "gen_share": 0.10,  # generation ≤ 10 % of the full build, at every size
    "flat": 1.25,  # per-article generation cost at the largest size ≤ 1.25 × that at the smallest
    "full_vs_bare": 1.2,  # full build ≤ 1.2 × the bare MkDocs build of the same pages, at the largest size
    "full_s": 60.0,  # full build of the largest size ≤ 60 s on this machine at low load
    "index_gzip_mb": 2.0,  # search index ≤ 2 MB gzipped at the largest size
    "page_flat": 1.25,
    "search_s": 1.0,  # typing to first results in a browser at the largest size, on a first visit  # HTML of a source page at the largest size ≤ 1.25 × that at the smallest
}
# Above this many articles a size is measured on demand only (`--sizes 10000`): one full build and one
# generation, no bare baseline (with every article in the sidebar a bare build grows with the square of the
# page count) and no profile. It reports build time, peak RSS, site size and index size.
QUICK_ABOVE = 1000

# --------------------------------------------------------------------------------------------------------------
# Projects and measurements


def write_config(src: Path, dest: Path, *, plugin: bool = True) -> None:
    """The project's mkdocs.yml, with the microsite plugin pointed at the copies beside it.

    (The bare baseline is no longer this file without the plugin but the project ``build --out`` writes;
    ``plugin`` stays for callers of the old signature and must be true.)"""
    if not plugin:
        raise ValueError("the bare baseline is write_project's project (see measure)")
    config = yaml.safe_load(src.read_text(encoding="utf-8"))
    plugins = []
    for p in config.get("plugins", []):
        name = next(iter(p)) if isinstance(p, dict) else p
        if name == "microsite":
            options = dict(p[name] or {}) if isinstance(p, dict) else {}
            p = {"microsite": dict(options, site_data="site_data", templates="templates")}
        plugins.append(p)
    config["plugins"] = plugins
    dest.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


@dataclass
class Run:
    seconds: float
    rss_mb: float
    cpu: float = 0.0  # user + system s of the build's process: steadier than wall time on a loaded machine


def run_mkdocs(project: Path, site: Path, log: Path, *, rebuild: bool = False) -> Run:
    """``mkdocs build`` in its own process: wall time and that process's peak RSS (from wait4). A first build
    (the default) starts without the plugin's analysis cache (``.cache/`` beside mkdocs.yml, deleted); a
    ``rebuild`` keeps what the last build left there, as an editor's next ``mkdocs build`` does."""
    shutil.rmtree(site, ignore_errors=True)  # MkDocs would otherwise spend time deleting the last build
    if not rebuild:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=project)
        # wait4 gives the resources of this one child; RUSAGE_CHILDREN would be the maximum over all of them.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"mkdocs build failed in {project}:\n{log.read_text()[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return None


@dataclass
class Reload:
    first: float  # mkdocs serve: start to the page served
    served: float  # one article edited: save to the edited page served
    generation: float  # generation's part of that rebuild (the plugin's debug line)


def serve_reload(project: Path, site_data: Path, log: Path, timeout: float = 3600) -> Reload:
    """``mkdocs serve`` the project, edit one article (a new last paragraph), and time until the article's
    page serves the new text; generation's part from the plugin's "generated … in … s" debug line."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-v", "-f", str(project / "mkdocs.yml")]
    cmd += ["-a", f"127.0.0.1:{port}"]
    site = load_site(site_data)
    article = sorted(site.articles, key=lambda a: a.file)[len(site.articles) // 2]
    # serve's first build is a first build (no analysis cache on disk); the edit's rebuild then re-analyses one
    # article in memory (build._ANALYSED) and writes its entry to the disk cache.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    url = f"http://127.0.0.1:{port}/sources/{article.id}/"
    marker = f"Benchmark marker {random.randrange(10**9)}."
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=project)
        try:
            while fetch(url) is None:
                if proc.poll() is not None or time.perf_counter() - start > timeout:
                    raise SystemExit(f"mkdocs serve did not serve {url}:\n{log.read_text()[-3000:]}")
                time.sleep(0.2)
            first = time.perf_counter() - start
            time.sleep(1.0)  # let the watcher settle after the first build
            path = site_data / "corpus" / article.file
            text = path.read_text(encoding="utf-8")
            logged = len(log.read_text())  # serve logs to stderr, line by line: all of the first build
            saved = time.perf_counter()
            path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            while marker not in (fetch(url) or ""):
                if proc.poll() is not None or time.perf_counter() - saved > timeout:
                    raise SystemExit(f"mkdocs serve did not rebuild {url}:\n{log.read_text()[-3000:]}")
                time.sleep(0.1)
            served = time.perf_counter() - saved
            path.write_text(text, encoding="utf-8")
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    # The rebuild the edit started: the first one logged after the save (restoring the article afterwards
    # may start another before serve stops).
    times = re.findall(r"generated \d+ pages in ([\d.]+) s", log.read_text()[logged:])
    return Reload(first, served, float(times[0]) if times else float("nan"))


CHROMIUM = "/usr/bin/chromium"  # Debian's; never downloaded
QUERIES = ("Venezuela", "military")  # words every synthetic article has (the real five's own words)


@dataclass(frozen=True)
class Search:
    """Typing to the first result in a browser, with the engine the built site searches with."""

    engine: str  # "lunr" (Material's own) or "Pagefind" (above site.yml's pagefind_articles, generator/pagefind.py)
    first: float  # s, typed right after the home page has loaded (a reader's first visit)
    second: float  # s, a second query once the engine is ready
    first_kb: float  # what the first query downloaded (lunr: the whole index; Pagefind: its chunks), KB
    bundle_mb: float  # Pagefind's folder in the site (0 for lunr)
    # s of `first` spent typing the query (Playwright sends each key and waits for the page: 0.2–1.2 s for
    # "Venezuela" at load 7–10 on this 2-core machine, against ~0.1 s when it is quiet); the rest is the wait
    # after the last key
    typing: float = 0.0


def search_engine(site: Path) -> str:
    """Which engine the built site's pages search with: the theme loads search-pagefind.js only for Pagefind."""
    html = (site / "index.html").read_text(encoding="utf-8")
    return "Pagefind" if "search-pagefind.js" in html else "lunr"


def lunr_index(site: Path) -> bytes:
    """Material's lunr index of the site: search/search_index.json, or, when the hosted site searches with
    Pagefind (its own index is then emptied), the full one the classroom copy keeps for search from disk."""
    if search_engine(site) == "lunr":
        return (site / "search" / "search_index.json").read_bytes()
    with zipfile.ZipFile(site / "downloads" / "classroom-copy.zip") as copy:
        return copy.read("search/search_index.json")


def search_latency(site: Path) -> Search:
    """Typing to the first search result in headless Chromium, over HTTP from 127.0.0.1, with whatever engine
    the site uses: right after the home page has loaded (lunr: while the browser still downloads and indexes
    search_index.json; Pagefind: fetching its entry file, then the chunks the query needs), then a second
    query once it is ready. Material's search box and result list are the same for both engines."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ]
    searched: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=args)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on(
                "request",
                lambda r: (
                    searched.append(r.url) if "/pagefind/" in r.url or "search_index" in r.url else None
                ),
            )
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
            times, typing = [], []
            for query in QUERIES:
                box = page.locator("input.md-search__input")
                box.click()
                box.fill("")
                start = time.perf_counter()
                box.type(query)
                typed = time.perf_counter()
                page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=300_000)
                times.append(time.perf_counter() - start)
                typing.append(typed - start)
                if len(times) == 1:
                    first_query = sorted(set(searched))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    sizes = [(site / urllib.parse.urlsplit(u).path.lstrip("/")) for u in first_query]
    bundle = site / "pagefind"
    return Search(
        engine=search_engine(site),
        first=times[0],
        second=times[1],
        first_kb=sum(p.stat().st_size for p in sizes if p.is_file()) / 1024,
        bundle_mb=tree_bytes(bundle) / 1024 / 1024 if bundle.is_dir() else 0.0,
        typing=typing[0],
    )


def clear_caches() -> None:
    """Forget textstat's per-text results: repeated runs over ≤ 128 articles would otherwise be served from
    its lru_cache and look cheaper than a real build, which computes every article once in a new process."""
    owner = getattr(textstat.flesch_kincaid_grade, "__self__", None)
    if hasattr(owner, "_cache_clear"):
        owner._cache_clear()
    # pyphen (textstat's syllable counter) keeps every word it has hyphenated; a build starts without them.
    for hyphenator in getattr(pyphen, "hdcache", {}).values():
        getattr(hyphenator, "cache", {}).clear()
    # The generator keeps the last build's work for `mkdocs serve` (analysed articles, rendered source pages,
    # compiled templates, folded texts, grades: build.forget_caches): a timed run must do everything, as a
    # first build in a new process does (which the "fresh process" figures measure, imports included).
    generator.build.forget_caches()
    gc.collect()


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def body_gzip_ratio(site_data: Path) -> float:
    """Gzip ratio of real article text as the search index stores it (JSON, non-ASCII escaped)."""
    site = load_site(site_data)
    text = " ".join(f"<p>{p.id[1:]} {p.text}</p>" for a in site.articles for p in a.paragraphs)
    raw = json.dumps(text).encode()
    return len(gzip.compress(raw, compresslevel=6)) / len(raw)


def index_gzip_estimate(index: bytes, body_ratio: float) -> float:
    """Gzipped size (bytes) the index would have if the article texts were all different.

    The synthetic articles reuse a pool of ~60 real paragraphs, and gzip finds those repeats, so the
    measured gzipped size is too optimistic. Here each article's text (the largest section of its page in
    the index) is counted at the gzip ratio of real, non-repeating article text instead; the rest of the
    index (lists, metadata and outlet tables, removed lines, which do repeat in a real corpus) is gzipped
    as it is.
    """
    data = json.loads(index)
    sections: dict[str, list[dict]] = defaultdict(list)
    for doc in data["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page.startswith("sources/") and page != "sources/":
            sections[page].append(doc)
    body_bytes = 0
    for docs in sections.values():
        body = max(docs, key=lambda d: len(d["text"]))
        body_bytes += len(json.dumps(body["text"]))
        body["text"] = ""
    rest = json.dumps(data, separators=(",", ":")).encode()
    return len(gzip.compress(rest, compresslevel=6)) + body_bytes * body_ratio


# Run in a fresh interpreter, as `mkdocs build` does: what the plugin costs before MkDocs' own work starts.
COLD = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from generator.build import generate
imported = time.perf_counter()
generate(Path(sys.argv[1]), Path(sys.argv[2]), **({"cache": Path(sys.argv[3])} if len(sys.argv) > 3 else {}))
print(json.dumps([imported - start, time.perf_counter() - imported]))
"""


def takes_cache() -> bool:
    """Whether the generator measured has the analysis cache on disk (``generate(cache=…)``; --git-ref can
    measure a commit from before it)."""
    return "cache" in inspect.signature(generate).parameters


def cold_generation(site_data: Path, templates: Path, cache: Path | None = None) -> tuple[float, float]:
    """(import s, first generate s) in a new process: import cost and a first run, unlike best of 3; with
    ``cache``, from that analysis cache on disk (a rebuild in a new process, as `mkdocs build` after an edit)."""
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(site_data), str(templates), *([str(cache)] if cache else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    imported, first = json.loads(out.stdout)
    return imported, first


@dataclass
class Result:
    articles: int
    words: float  # mean words per article (cleaned text)
    removed: float  # mean lines removed per article
    gen: float  # generate(): load_site + render_site, first build (no analysis cache on disk)
    load: float
    render: float
    full: float
    rss: float  # full build, peak RSS MB
    site_mb: float
    index_mb: float
    index_gz_mb: float  # measured on the synthetic index (optimistic: its paragraphs repeat)
    index_gz_est_mb: float  # with article texts at the gzip ratio of real text (see index_gzip_estimate)
    pages: int
    source_page_kb: float  # mean HTML of a source page (sources/<slug>/index.html) in the full build
    loadavg: tuple[float, float, float]  # when this size's measurements started
    quick: bool = False  # measured on demand above QUICK_ABOVE: no bare builds, no cold run, no profile
    bare: float = 0.0
    bare_rss: float = 0.0
    bare_site_mb: float = 0.0
    cold_import: float = 0.0  # fresh process: importing the generator
    cold_gen: float = 0.0  # fresh process: first generate()
    gen_warm: float = float(
        "nan"
    )  # generate() with the disk cache warm (corpus unchanged), in-process caches not
    cold_gen_warm: float = float("nan")  # fresh process: generate() from the warm disk cache
    full_warm: float = float("nan")  # mkdocs build again, its analysis cache warm (corpus unchanged)
    reload: Reload | None = None  # mkdocs serve: one article edited
    search: Search | None = None  # typing to first result: cold (right after load), warm
    profile: list[tuple[str, float]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.gen / self.full

    @property
    def share_warm(self) -> float:
        return self.gen_warm / self.full_warm

    @property
    def per_article_ms(self) -> float:
        return self.gen / self.articles * 1000


def profile_by_package(site_data: Path, templates: Path) -> list[tuple[str, float]]:
    """Share of generation time (own time of each function) by package or generator module."""
    clear_caches()
    profiler = cProfile.Profile()
    profiler.runcall(generate, site_data, templates)
    buckets: dict[str, float] = defaultdict(float)
    for (filename, _, func), (_, _, own, _, _) in pstats.Stats(profiler).stats.items():
        path = filename.replace("\\", "/")
        if "/generator/" in path:
            name = "generator/" + path.rsplit("/", 1)[1]
        elif "site-packages/" in path:
            name = path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
        elif filename == "~":  # a builtin: name it by its type ("<method 'sub' of 're.Pattern' objects>")
            m = re.search(r"of '([\w.]+)' objects", func)
            name = f"builtin {m[1] if m else func}"
        else:
            name = "stdlib " + Path(path).parent.name + "/" + Path(path).name
        buckets[name] += own
    total = sum(buckets.values())
    return sorted(((k, v / total) for k, v in buckets.items()), key=lambda kv: -kv[1])[:10]


def source_page_kb(site: Path) -> float:
    """Mean size of a source page's HTML: what the sidebar adds to every page shows here first."""
    pages = [p for p in (site / "sources").glob("*/index.html")]
    return sum(p.stat().st_size for p in pages) / max(1, len(pages)) / 1024


def measure(n: int, work: Path, snapshot: Path, repeat: int, profile: bool, body_ratio: float) -> Result:
    """Every number for one corpus size (only the full build's, once, above QUICK_ABOVE articles)."""
    loadavg = os.getloadavg()
    quick = n > QUICK_ABOVE
    base = work / str(n)
    full_project, bare_project = base / "full", base / "bare"
    full_project.mkdir(parents=True)
    for name in ("docs", "templates"):
        shutil.copytree(snapshot / name, full_project / name)
    write_config(snapshot / "mkdocs.yml", full_project / "mkdocs.yml")
    site_data, templates = full_project / "site_data", full_project / "templates"
    make_corpus(n, snapshot / "site_data", site_data)

    print(f"[{n}] generation", flush=True)
    gen_cache, gen_warm = base / "gen-cache", float("nan")
    clear_caches()
    start = time.perf_counter()
    result = generate(site_data, templates)  # also checks the corpus: every article loads, slugs unique
    first = time.perf_counter() - start
    assert len(result.site.articles) == n, "every synthetic article should become a page"
    if quick:
        # One generation only (each takes minutes at this size): the first, with every cache empty; the
        # split into load and render is not measured.
        gen, load, render = first, float("nan"), float("nan")
    else:
        gen = best_of(3, lambda: generate(site_data, templates))
        if takes_cache():
            # A rebuild with the corpus unchanged: the disk cache filled once, then every in-process cache
            # forgotten before each timed run (best_of), so the articles come from disk.
            generate(site_data, templates, cache=gen_cache)
            gen_warm = best_of(3, lambda: generate(site_data, templates, cache=gen_cache))
        load = best_of(3, lambda: load_site(site_data))
        site = load_site(site_data)
        render = best_of(3, lambda: render_site(site, templates))
    mb = 1024 * 1024
    if quick:
        print(f"[{n}] mkdocs build, full, once", flush=True)
        run = run_mkdocs(full_project, base / "site-full", base / "full.log")
        index = lunr_index(base / "site-full")
        return Result(
            articles=n,
            words=sum(a.stats.words for a in result.site.articles) / n,
            removed=sum(len(a.removed) for a in result.site.articles) / n,
            gen=gen,
            load=load,
            render=render,
            full=run.seconds,
            rss=run.rss_mb,
            site_mb=tree_bytes(base / "site-full") / mb,
            index_mb=len(index) / mb,
            index_gz_mb=len(gzip.compress(index, compresslevel=6)) / mb,
            index_gz_est_mb=index_gzip_estimate(index, body_ratio) / mb,
            pages=sum(1 for _ in (base / "site-full").rglob("index.html")),
            source_page_kb=source_page_kb(base / "site-full"),
            loadavg=loadavg,
            quick=True,
            search=search_latency(base / "site-full"),
        )
    cold_import, cold_gen = cold_generation(site_data, templates)
    cold_gen_warm = cold_generation(site_data, templates, gen_cache)[1] if takes_cache() else float("nan")

    # The bare baseline: the project `python -m generator build --out` writes (the very same pages as files,
    # the same mkdocs.yml without the plugin, with the menu the plugin would set written into nav:), i.e. what
    # MkDocs itself costs, and what Zensical or MkDocs 2 build. An earlier baseline copied mkdocs.yml as it
    # is, so above menu_articles its sidebar listed every article while the full build's did not.
    write_project(full_project / "mkdocs.yml", bare_project)

    # Alternate the two builds so that a burst of load from other users hits both alike; keep the best time.
    full_runs, bare_runs = [], []
    for r in range(repeat):
        print(
            f"[{n}] mkdocs build, full and bare, round {r + 1}/{repeat}",
            flush=True,
        )
        full_runs.append(run_mkdocs(full_project, base / "site-full", base / "full.log"))
        bare_runs.append(run_mkdocs(bare_project, base / "site-bare", base / "bare.log"))
    # One rebuild with the analysis cache the last first build left (the corpus unchanged): an editor's next
    # `mkdocs build` after an edit to a file the analysis does not read.
    print(f"[{n}] mkdocs build, full, rebuild (analysis cache warm)", flush=True)
    full_warm = run_mkdocs(full_project, base / "site-full", base / "full-warm.log", rebuild=True).seconds

    print(f"[{n}] search in Chromium", flush=True)
    search = search_latency(base / "site-full")
    print(f"[{n}] mkdocs serve: one article edited", flush=True)
    reload = serve_reload(full_project, site_data, base / "serve.log")
    index = lunr_index(base / "site-full")
    pages = sum(1 for _ in (base / "site-full").rglob("index.html"))
    bare_pages = sum(1 for _ in (base / "site-bare").rglob("index.html"))
    assert pages == bare_pages, f"full build has {pages} pages, bare build {bare_pages}"
    articles = result.site.articles
    return Result(
        articles=n,
        words=sum(a.stats.words for a in articles) / n,
        removed=sum(len(a.removed) for a in articles) / n,
        gen=gen,
        load=load,
        render=render,
        full=min(r.seconds for r in full_runs),
        bare=min(r.seconds for r in bare_runs),
        rss=max(r.rss_mb for r in full_runs),
        bare_rss=max(r.rss_mb for r in bare_runs),
        site_mb=tree_bytes(base / "site-full") / mb,
        bare_site_mb=tree_bytes(base / "site-bare") / mb,
        index_mb=len(index) / mb,
        index_gz_mb=len(gzip.compress(index, compresslevel=6)) / mb,  # what a web server typically sends
        index_gz_est_mb=index_gzip_estimate(index, body_ratio) / mb,
        cold_import=cold_import,
        cold_gen=cold_gen,
        gen_warm=gen_warm,
        cold_gen_warm=cold_gen_warm,
        full_warm=full_warm,
        pages=pages,
        source_page_kb=source_page_kb(base / "site-full"),
        loadavg=loadavg,
        reload=reload,
        search=search,
        profile=profile_by_package(site_data, templates) if profile else [],
    )


# --------------------------------------------------------------------------------------------------------------
# Report


def machine() -> str:
    versions = ", ".join(
        f"{pkg} {importlib.metadata.version(pkg)}"
        for pkg in ("mkdocs", "mkdocs-material", "jinja2", "textstat", "pyyaml")
    )
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {platform.machine()}, "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; {versions}"
    )


def loads(avg: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.1f}" for x in avg)


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def report(
    everything: list[Result],
    repeat: int,
    started: dt.datetime,
    elapsed: float,
    code: str,
    load_start: tuple[float, float, float],
    load_end: tuple[float, float, float],
) -> str:
    results = [r for r in everything if not r.quick] or everything
    on_demand = [r for r in everything if r.quick and r not in results]
    small, large = results[0], results[-1]
    rows = [
        "| articles | load avg (1 min) | generation s: first build / rebuild | full build s: first build / "
        "rebuild | generation share: first build / rebuild "
        "| per-article generation ms | bare build s | full / bare: first build / rebuild "
        "| peak RSS MB (full / bare) "
        "| site MB (full / bare) | source page HTML KB | search index MB: raw / gzip / gzip est. |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        bare = (
            f"| {r.bare:.1f} | {r.full / r.bare:.2f}× / {r.full_warm / r.bare:.2f}× "
            f"| {r.rss:.0f} / {r.bare_rss:.0f} "
            f"| {r.site_mb:.1f} / {r.bare_site_mb:.1f} "
            if not r.quick
            else f"| – | – | {r.rss:.0f} / – | {r.site_mb:.1f} / – "
        )
        rows.append(
            f"| {r.articles:,} | {r.loadavg[0]:.1f} | {r.gen:.2f} / {r.gen_warm:.2f} "
            f"| {r.full:.1f} / {r.full_warm:.1f} | {r.share:.1%} / {r.share_warm:.1%} "
            f"| {r.per_article_ms:.1f} {bare}| {r.source_page_kb:.0f} "
            f"| {r.index_mb:.2f} / {r.index_gz_mb:.2f} / {r.index_gz_est_mb:.2f} |"
        )
    if on_demand:
        rows += [
            "",
            f"On demand (above {QUICK_ABOVE:,} articles: one generation, one full build, no bare baseline):",
            "",
            "| articles | load avg (1 min) | pages built | generation s | full build s | generation share "
            "| peak RSS MB | site MB | source page HTML KB | search index MB: raw / gzip / gzip est. |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            *(
                f"| {r.articles:,} | {r.loadavg[0]:.1f} | {r.pages:,} | {r.gen:.2f} | {r.full:.1f} "
                f"| {r.share:.1%} | {r.rss:.0f} | {r.site_mb:.1f} | {r.source_page_kb:.0f} "
                f"| {r.index_mb:.2f} / {r.index_gz_mb:.2f} / {r.index_gz_est_mb:.2f} |"
                for r in on_demand
            ),
        ]
    detail = [
        "| articles | pages built | mean words / article | mean lines removed / article "
        "| load_site s (read, parse, clean, analyse) | render_site s (Jinja2) "
        "| fresh process: import s + first generate s | … as share of full build "
        "| fresh process, rebuild: generate s from the warm cache |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        if r.quick:
            continue
        detail.append(
            f"| {r.articles:,} | {r.pages:,} | {r.words:.0f} | {r.removed:.1f} | {r.load:.2f} | {r.render:.2f} "
            f"| {r.cold_import:.2f} + {r.cold_gen:.2f} | {(r.cold_import + r.cold_gen) / r.full:.1%} "
            f"| {r.cold_gen_warm:.2f} |"
        )

    reloads = [
        "| articles | serve: start to page served s | one article edited: save to served s "
        "| … generation's part s | … share |",
        "|--:|--:|--:|--:|--:|",
        *(
            f"| {r.articles:,} | {r.reload.first:.1f} | {r.reload.served:.1f} | {r.reload.generation:.2f} "
            f"| {r.reload.generation / r.reload.served:.0%} |"
            for r in results
            if r.reload
        ),
    ]
    searches = [
        "| articles | engine | lunr index gzip MB | typing to first result, right after the page loaded s "
        "| … of it typing the query s | … with the engine ready s | first query downloaded KB (uncompressed) "
        "| Pagefind folder MB |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|",
        *(
            f"| {r.articles:,} | {r.search.engine} | {r.index_gz_mb:.2f} | {r.search.first:.2f} "
            f"| {r.search.typing:.2f} | {r.search.second:.2f} | {r.search.first_kb:,.0f} "
            f"| {r.search.bundle_mb:.1f} |"
            for r in everything
            if r.search
        ),
    ]
    search_ok = large.search is not None and large.search.first <= TARGETS["search_s"]
    flat_ratio = large.per_article_ms / small.per_article_ms
    share_ok = all(r.share <= TARGETS["gen_share"] for r in results)
    warm_ok = all(r.share_warm <= TARGETS["gen_share"] for r in results)
    worst_warm = max(results, key=lambda r: r.share_warm if r.share_warm == r.share_warm else -1)
    flat_ok = flat_ratio <= TARGETS["flat"]
    bare_ok = not large.quick and large.full / large.bare <= TARGETS["full_vs_bare"]
    time_ok = large.full <= TARGETS["full_s"]
    page_ratio = large.source_page_kb / small.source_page_kb
    page_ok = page_ratio <= TARGETS["page_flat"]
    index_ok = large.index_gz_est_mb <= TARGETS["index_gzip_mb"]
    worst = max(results, key=lambda r: r.share)
    marginal = ""
    if len(results) >= 2:
        prev = results[-2]
        per = (large.gen - prev.gen) / (large.articles - prev.articles) * 1000
        marginal = (
            f" Marginal cost from {prev.articles:,} to {large.articles:,} articles: {per:.1f} ms per added "
            f"article (fixed costs such as compiling the templates and reading the YAML make the smallest "
            f"corpus look dearer per article)."
        )
    lines = [
        "# Scale benchmark",
        "",
        "How generation and `mkdocs build` grow with the number of articles. Made by `benchmarks/run.py` "
        "(not a test; run it on demand). Numbers are from one run, so the ratios between them are "
        "comparable; absolute times depend on the machine and how busy it was.",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; the run took {elapsed / 60:.1f} min.",
        f"- Code measured: {code}.",
        f"- Machine: {machine()}.",
        f"- Load average (1/5/15 min; 2 cores shared with other engineers): {loads(load_start)} at the start, "
        f"{loads(load_end)} at the end; each size's 1-minute figure at its start is in the table.",
        f"- Method: synthetic corpora made from the five real articles (see the script's docstring); "
        f"generation is `generator.build.generate` in-process, best of 3 with its caches forgotten (cold "
        f"analysis and rendering); *first build* has no analysis cache on disk (deleted before each run), "
        f"*rebuild* reads every article from the cache the last build left (`.cache/microsite/`, the corpus "
        f"unchanged: an editor's next build after editing a page or a file the analysis does not read), "
        f"with the in-process caches still forgotten; builds are `mkdocs build` "
        f"subprocesses, best of {repeat} (full and bare alternated; full's rebuild once, after them), peak "
        f"RSS is the build process's. "
        f"*Full* is the project's `mkdocs.yml` with the `microsite` plugin; *bare* is the same `mkdocs.yml` "
        f"without the plugin over the same pages written as Markdown files, with the menu the plugin sets "
        f"written into `nav:`: the project `python -m generator build --out` writes, which Zensical and "
        f"MkDocs 2 build. Gzip at level 6. "
        f"*Gzip est.* counts each article's text at the gzip ratio of the real articles' text "
        f"(the synthetic ones reuse ~60 real paragraphs, which gzip would otherwise find and squeeze); "
        f"the verdict uses it. *Fresh process* is a new interpreter importing the generator and running it "
        f"once, as `mkdocs build` does (the import time includes Jinja2, which MkDocs imports anyway).",
        "",
        "## Results",
        "",
        *rows,
        "",
        *detail,
        "",
        "Live reload: `mkdocs serve` of the full project, started without an analysis cache on disk (its "
        "first build is a first build); one article gets a new last paragraph, and the time "
        "runs until its page serves it (polled every 0.1 s). Generation's part is the plugin's own timing of "
        "that rebuild (it re-analyses only the edited article, in memory: see `build._ANALYSED`, and writes "
        "its entry to the disk cache); the rest is MkDocs building every page again.",
        "",
        *reloads,
        "",
        f"Search: headless Chromium ({CHROMIUM}) on the full build served from 127.0.0.1; the query "
        f"{QUERIES[0]!r} is typed as soon as the home page has loaded (as on a reader's first visit: lunr is "
        "then still fetching and indexing the whole search index, Pagefind fetches its entry file and the "
        f"chunks the query needs), then {QUERIES[1]!r} once it is ready; the time runs from the first key to "
        "the first result shown. The engine is the one the site uses: Material's lunr up to `site.yml`'s "
        "`pagefind_articles` (200 unless set), Pagefind above it (generator/pagefind.py); the lunr index is "
        "measured either way (above the threshold the classroom copy keeps it, for search from disk).",
        "",
        *searches,
        "",
        f"Per-article generation cost: {small.per_article_ms:.1f} ms at {small.articles:,} articles, "
        f"{large.per_article_ms:.1f} ms at {large.articles:,} ({flat_ratio:.2f}×).{marginal}",
        "",
        "## Verdict",
        "",
        f"- Generation ≤ {TARGETS['gen_share']:.0%} of the full build at every size: {verdict(share_ok)} "
        f"(highest {worst.share:.1%}, at {worst.articles:,} articles).",
        f"- … on a rebuild (analysis cache warm, corpus unchanged): {verdict(warm_ok)} "
        f"(highest {worst_warm.share_warm:.1%}, at {worst_warm.articles:,} articles).",
        f"- Per-article generation cost flat from {small.articles:,} to {large.articles:,} articles "
        f"(≤ {TARGETS['flat']}× growth): {verdict(flat_ok)} ({flat_ratio:.2f}×).",
        f"- Full build of {large.articles:,} articles within {TARGETS['full_vs_bare']}× the bare build: "
        + (f"{verdict(bare_ok)} ({large.full / large.bare:.2f}×)." if not large.quick else "not measured."),
        f"- Full build of {large.articles:,} articles ≤ {TARGETS['full_s']:g} s: {verdict(time_ok)} "
        f"({large.full:.1f} s at load {large.loadavg[0]:.1f}).",
        f"- HTML of a source page flat from {small.articles:,} to {large.articles:,} articles "
        f"(≤ {TARGETS['page_flat']}×): {verdict(page_ok)} ({small.source_page_kb:.0f} → "
        f"{large.source_page_kb:.0f} KB, {page_ratio:.2f}×).",
        f"- Typing to first search results at {large.articles:,} articles ≤ {TARGETS['search_s']:g} s: "
        + (
            f"{verdict(search_ok)} ({large.search.first:.2f} s with {large.search.engine})."
            if large.search
            else "not measured."
        ),
        f"- Search index at {large.articles:,} articles ≤ {TARGETS['index_gzip_mb']:g} MB gzipped: "
        f"{verdict(index_ok)} ({large.index_gz_est_mb:.2f} MB estimated for distinct article texts; "
        f"{large.index_gz_mb:.2f} MB as measured on the synthetic corpus, whose paragraphs repeat; "
        f"{large.index_mb:.2f} MB raw).",
    ]
    if not index_ok:
        lines.append(
            "  Beyond this size, lunr in the browser slows down badly (a 30 MB index takes ~25 s to a first "
            "hit). Options: leave the long, repetitive parts out of the index with front matter "
            "(`search: {exclude: true}` on pages, or Material's `data-search-exclude` on the removed-lines "
            "note and the metadata tables), or switch to Pagefind's chunked index, which loads only the "
            "fragments a query needs but must be served over HTTP (not `file://`)."
        )
    if large.profile:
        lines += [
            "",
            f"## Where generation time goes ({large.articles:,} articles, cProfile own time)",
            "",
            "| package or module | share |",
            "|---|--:|",
            *(f"| {name} | {share:.0%} |" for name, share in large.profile),
        ]
    lines += [
        "",
        "## How to run",
        "",
        "```bash",
        "pip install -e '.[test]'",
        "python benchmarks/run.py                                   # 10, 100, 1,000 articles; ~5–10 min",
        "python benchmarks/run.py --sizes 10,100 --out /tmp/bench.md  # quicker, report elsewhere",
        "python benchmarks/run.py --repeat 5 --keep                   # more rounds; keep the built sites",
        "python benchmarks/run.py --git-ref HEAD                      # a commit, not the working tree",
        "```",
        "",
        "Run it on an otherwise idle machine if you can; on a shared one, compare the ratios rather than "
        "the absolute seconds. It edits nothing in the repository except the report. With `--git-ref` it "
        "measures a clean export of that commit, so unfinished edits in the working tree do not get in the way.",
        "",
    ]
    return "\n".join(lines)


def describe(source: Path) -> str:
    """Which code was measured: a commit, and whether the working tree had uncommitted changes."""
    out = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
        capture_output=True,
        text=True,
    )
    commit = out.stdout.strip() or "unknown commit"
    return f"working tree at {commit}" if source == ROOT else f"{source.name}"


def run_on_commit(ref: str, argv: list[str]) -> int:
    """Run this script again over a clean export of ``ref``, so half-finished edits in the working tree
    (others work on generator/ and templates/ concurrently) neither break nor skew the measurement."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tree = Path(tempfile.mkdtemp(prefix="microsite-bench-src-")) / f"commit {sha[:12]} ({ref})"
    tree.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        # PYTHONPATH comes before the editable install on sys.path: the export's generator package is the
        # one imported here, in the `mkdocs build` subprocesses and by the plugin's entry point.
        env = dict(
            os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(tree), os.environ.get("PYTHONPATH")]))
        )
        return subprocess.run([sys.executable, __file__, *argv, "--source", str(tree)], env=env).returncode
    finally:
        shutil.rmtree(tree.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="article counts, comma-separated")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "README.md", help="report file")
    parser.add_argument("--repeat", type=int, default=2, help="mkdocs builds per size and kind (best of)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile breakdown")
    parser.add_argument(
        "--quick-above",
        type=int,
        default=QUICK_ABOVE,
        help="sizes above this are measured once, without the bare baseline (default %(default)s)",
    )
    parser.add_argument(
        "--git-ref", help="measure this commit (e.g. HEAD) instead of the working tree, from a clean export"
    )
    parser.add_argument("--source", type=Path, default=ROOT, help=argparse.SUPPRESS)  # set by --git-ref
    args = parser.parse_args(argv)
    if args.git_ref and args.source == ROOT:
        raise SystemExit(run_on_commit(args.git_ref, argv))
    source = args.source.resolve()
    if not Path(generator.__file__).resolve().is_relative_to(source):
        raise SystemExit(f"imported {generator.__file__}, not the generator in {source}")
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    globals()["QUICK_ABOVE"] = args.quick_above  # read by measure() and report()
    profiled = max((n for n in sizes if n <= QUICK_ABOVE), default=None)  # the largest fully measured size

    # Read before any work: the machine is shared, and the run's own load would otherwise be counted.
    load_start = os.getloadavg()
    started, t0 = dt.datetime.now(dt.UTC), time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="microsite-bench-"))
    try:
        # One snapshot of the project for every size, so every size measures the same templates and data.
        snapshot = work / "snapshot"
        snapshot.mkdir()
        shutil.copy(source / "mkdocs.yml", snapshot / "mkdocs.yml")
        for name in ("docs", "templates", "site_data"):
            shutil.copytree(source / name, snapshot / name)
        generate(snapshot / "site_data", snapshot / "templates")  # warm-up: imports, hyphenation dictionary
        body_ratio = body_gzip_ratio(snapshot / "site_data")
        results = [
            measure(n, work, snapshot, args.repeat, not args.no_profile and n == profiled, body_ratio)
            for n in sizes
        ]
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = report(
        results, args.repeat, started, time.perf_counter() - t0, describe(source), load_start, os.getloadavg()
    )
    # benchmarks/accuracy.py keeps its own section of the same README between markers, and the sections after
    # it (Lighthouse) are written by hand: carry them over.
    old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    if ACCURACY_START in old and ACCURACY_END in old:
        text += "\n" + old[old.index(ACCURACY_START) :].rstrip("\n") + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)


ACCURACY_START, ACCURACY_END = "<!-- accuracy.py: start -->", "<!-- accuracy.py: end -->"


if __name__ == "__main__":
    main()
