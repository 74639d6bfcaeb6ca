"""MkDocs plugin: ``mkdocs build`` regenerates every page from ``site_data/`` (no generated file on disk).

Generation runs in ``on_pre_build``, before MkDocs cleans the site directory, so bad input stops the build
with the last good site untouched; so does a page of the editor's in ``docs/`` that clashes with a generated
one. The pages are then added in ``on_files`` with ``File.generated``. What MkDocs itself can only find later
(a broken link in an editor's page, under ``--strict``) cannot reach the site either: ``mkdocs build`` builds
into a folder beside ``site/`` and swaps it in at the very end, only when nothing failed (``output.py``).

The plugin also brings the site's look: ``templates/theme/`` (a Material partial override, the site's CSS and
JavaScript, the vendored offline-search shim) is put into the theme, so any microsite's mkdocs.yml, such as
one made by ``python -m generator new``, needs only ``- microsite`` under ``plugins``. And it sets the menu
(``nav``, from navigation.py) in the site's reading order, unless mkdocs.yml has a ``nav`` of its own.
"""

from __future__ import annotations

import gc
import html
import logging
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.utils import CountHandler, nest_paths

from .analyse.glossary import GlossaryExtension
from .analysis_cache import FOLDER
from .build import TEMPLATES, generate, write_classroom_copy
from .errors import SiteDataError, SiteDataErrors
from .navigation import left_out_of_menu, site_nav
from .output import discard_site, site_staging, swap_site
from .pagefind import SWITCH, PagefindError, index_while, search_engine
from .urls import UrlError, web_url

log = logging.getLogger("mkdocs.plugins.microsite")


class MicrositeConfig(Config):
    site_data = c.Type(str, default="site_data")  # relative to mkdocs.yml
    templates = c.Optional(c.Type(str))
    # Analysed articles kept between builds (analysis_cache.py), by default in .cache/microsite/ beside
    # mkdocs.yml (where Material's own plugins keep .cache/); `cache: false` turns it off.
    cache = c.Type(bool, default=True)
    cache_dir = c.Optional(c.Type(str))  # relative to mkdocs.yml


# Files under templates/theme/ that every page loads, in this order after the theme's own.
EXTRA_CSS = (
    "assets/stylesheets/site.css",
    "assets/stylesheets/charts.css",  # the pictures of generator/charts.py
    "assets/stylesheets/a11y.css",
)
EXTRA_JAVASCRIPT = (
    "assets/javascripts/assign.js",
    "assets/javascripts/tables.js",
    "assets/javascripts/quiz.js",
    "assets/javascripts/glossary.js",
    "assets/javascripts/layers.js",  # a source page's marks shown or hidden by kind
    "assets/javascripts/a11y.js",  # names Material's search dialog (aria-dialog-name)
)


def _strict_warnings() -> int:
    """The warnings MkDocs has counted for --strict so far (it checks the count only after every plugin's
    on_post_build, then aborts): its own counter, so this build and MkDocs agree on what failed."""
    return sum(
        count
        for handler in logging.getLogger("mkdocs").handlers
        if isinstance(handler, CountHandler)
        for _, count in handler.get_counts()
    )


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    # Set by on_startup (MkDocs's command line); a build through the Python API (the offline command, which
    # builds into a folder of its own) has neither, and builds in place.
    command: str | None = None
    dirty = False
    final_site: Path | None = None
    staging: Path | None = None

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        base = Path(config.config_file_path).parent
        self.site_data = (base / self.config.site_data).resolve()
        self.templates = (base / self.config.templates).resolve() if self.config.templates else TEMPLATES
        # Never where MkDocs or `mkdocs serve` reads and watches (every build writes it).
        watched = {"site_data": self.site_data, "docs_dir": Path(config.docs_dir).resolve()}
        watched["templates"] = self.templates
        if config.theme.custom_dir:
            watched["theme custom_dir"] = Path(config.theme.custom_dir).resolve()
        self.cache = _cache_folder(self.config, base, watched)
        self.result = None
        # The theme prints site_name and site_description unescaped, inside attributes too (aria-label="…",
        # <meta name="description" content="…">): they are HTML there, so a quote in mkdocs.yml is escaped
        # (an entity already written stays as it is).
        for key in ("site_name", "site_description"):
            if config[key]:
                config[key] = html.escape(html.unescape(config[key]), quote=True)
        # It prints site_url (in every page's <link rel="canonical" href="…">) and repo_url raw too: a quote
        # there adds attributes to the element. They are rebuilt by the one URL rule (urls.py), which
        # percent-encodes quotes as a browser would, and refused when they are not web addresses.
        for key in ("site_url", "repo_url"):
            if config[key]:
                try:
                    config[key] = web_url(config[key])
                except UrlError as exc:
                    raise PluginError(
                        f"{config.config_file_path}: {key} {config[key]!r} is not a web address the site can "
                        f"use: {exc} (such as https://www.example.org/site/)"
                    ) from None
        # The menu follows the site's reading order (navigation.py) unless the editor wrote a nav of their own.
        self.own_nav = config.nav is None
        # After the editor's own custom_dir (if any), so an editor can still override our files; MkDocs
        # copies the theme folder's static files into the site.
        theme_dir = str(self.templates / "theme")
        dirs = config.theme.dirs
        if theme_dir not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        config.extra_css.extend(p for p in EXTRA_CSS if p not in config.extra_css)
        scripts = {str(s) for s in config.extra_javascript}
        config.extra_javascript.extend(p for p in EXTRA_JAVASCRIPT if p not in scripts)
        # `mkdocs build` and `gh-deploy` build beside site/ and swap at the end (`serve` builds into a folder
        # of its own, a dirty build needs the old files in place).
        self.final_site = self.staging = None
        if self.command in ("build", "gh-deploy") and not self.dirty:
            self.final_site = Path(config.site_dir)
            self.staging = site_staging(self.final_site)
            config.site_dir = str(self.staging)
        return config

    def on_pre_build(self, config):
        started = time.perf_counter()
        try:
            # Raw-HTML links in the pages are written for the URL style in force (the offline build of the
            # classroom copy turns directory URLs off).
            self.result = generate(
                self.site_data,
                self.templates,
                config.use_directory_urls,
                site_name=html.unescape(config.site_name),
                site_url=config.site_url,  # for the QR codes: never encoded when empty or local (qr.py)
                cache=self.cache,
            )
        except (SiteDataError, SiteDataErrors) as exc:
            raise PluginError(f"site data is not valid; nothing was built:\n{exc}") from None
        # benchmarks/run.py reads this line (mkdocs serve -v) for generation's part of a live reload.
        log.debug("generated %d pages in %.3f s", len(self.result.pages), time.perf_counter() - started)
        # A page of the editor's that clashes with a generated one, found now (on_files comes after MkDocs
        # has cleaned the site folder).
        clashes = _clashes(get_files(config), self.result.pages, config)
        if clashes:
            raise PluginError("\n".join(clashes))
        if self.result.site.terms:
            # Glossary tooltips on every page MkDocs renders from Markdown (article text is marked by render).
            config.markdown_extensions.append(GlossaryExtension(self.result.site.terms))
        # A large hosted site searches with Pagefind (pagefind.py); the theme's main.html reads the switch.
        try:
            config.extra[SWITCH] = search_engine(self.result.site, self.command, config.use_directory_urls)
        except PagefindError as exc:
            raise PluginError(f"nothing was built: {exc}") from None
        # Editor notes are not failures: log them as INFO so `mkdocs build --strict` still passes.
        for warning in self.result.warnings:
            log.info("note: %s: %s", warning.path, warning.message)
        _hold_out_of_collector()

    def on_files(self, files: Files, config):
        # Files another plugin added since on_pre_build are checked too.
        clashes = _clashes(files, self.result.pages, config)
        if clashes:
            raise PluginError("\n".join(clashes))
        # A large corpus lists the sources table in the menu, not each article (navigation.menu_articles).
        hidden = set(left_out_of_menu(self.result.site)) if self.own_nav else set()
        for path, content in self.result.pages.items():
            inclusion = InclusionLevel.NOT_IN_NAV if path in hidden else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if self.own_nav:
            # Which pages mkdocs.yml keeps out of the menu (not_in_nav), as MkDocs works it out after this hook.
            set_exclusions(files, config)
            in_nav = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
            # The editor's own pages (docs/) follow the generated ones, in the order MkDocs would list them.
            own = nest_paths(p for p in in_nav if p not in self.result.pages)
            config.nav = site_nav(self.result.pages, self.result.site, own, in_nav=set(in_nav))
        return files

    @event_priority(-100)  # after every other plugin has written into the site folder (search index, offline)
    def on_post_build(self, config):
        _release_to_collector()
        # Whatever this plugin writes into the site after the pages (a download made from them) goes above
        # this line: config.site_dir is still the new build's folder here, and the swap below is the last step.
        # A large hosted site is indexed by Pagefind while the classroom copy (lunr, from disk) is zipped.
        started = time.perf_counter()
        try:
            pages = index_while(
                Path(config.site_dir), config.extra.get(SWITCH, "lunr"), lambda: self._classroom_copy(config)
            )
        except PagefindError as exc:
            raise PluginError(f"search: {exc}") from None
        if pages is not None:
            log.info("Pagefind indexed %d pages in %.1f s", pages, time.perf_counter() - started)
        if self.staging is None:
            return
        if _strict_warnings():
            return  # MkDocs aborts next: on_build_error discards the new build, the last site stays
        swap_site(self.staging, self.final_site)
        log.info("The new site replaced the one in %s", self.final_site)
        config.site_dir = str(self.final_site)
        self.staging = None

    def _classroom_copy(self, config):
        """The classroom copy the teachers' guide links (downloads/classroom-copy.zip), made from the site just
        built. `mkdocs serve` rebuilds on every edit and serves from memory-backed temp folders: it skips it;
        so does a build with file URLs (the offline command's), which is itself the copy and links none."""
        if self.command == "serve":
            log.info(
                "note: the classroom copy (downloads/classroom-copy.zip) is made by mkdocs build, not serve"
            )
            return
        if not config.use_directory_urls:
            return
        start = time.perf_counter()
        out = write_classroom_copy(Path(config.site_dir))
        log.info("wrote the classroom copy %s in %.1f s", out.name, time.perf_counter() - start)

    def on_build_error(self, *, error):
        _release_to_collector()
        if self.staging is not None:
            discard_site(self.staging)
            self.staging = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.site_data))
        return server


def _cache_folder(options: MicrositeConfig, base: Path, watched: dict[str, Path]) -> Path | None:
    """Where the analysis cache lives (None: off). Never inside site_data/, docs/ or the templates, which are
    the editor's (and which MkDocs or `mkdocs serve` read and watch: a build writing there would start another)."""
    if not options.cache:
        return None
    try:
        folder = (base / (options.cache_dir or FOLDER)).resolve()
    except (OSError, ValueError) as exc:  # a NUL byte, a loop of links…
        raise PluginError(
            f"microsite: cache_dir {options.cache_dir!r} in mkdocs.yml is not a usable folder path ({exc}); "
            "give a folder such as the default .cache/microsite"
        ) from None
    for name, inside in watched.items():
        if folder == inside or inside in folder.parents:
            raise PluginError(
                f"microsite: cache_dir {options.cache_dir!r} is inside {name} ({inside}); the cache is "
                "written by every build and must live elsewhere, such as the default .cache/microsite"
            )
    return folder


def _hold_out_of_collector() -> None:
    """Keep what generation made (the site model, the pages, the caches) out of the cyclic garbage collector
    while MkDocs builds: MkDocs and Markdown allocate millions of objects, and each full collection would walk
    the generator's too (measured at 1,000 articles: 1.9 s of collections against 0.5 s in a bare build). The
    objects are still freed by reference counting; ``_release_to_collector`` hands them back."""
    gc.freeze()


def _release_to_collector() -> None:
    """After the build (or its failure), so that a long `mkdocs serve` session does not keep every build's
    cycles."""
    gc.unfreeze()


def _clashes(files: Files, pages: dict, config) -> list[str]:
    """Pages of the editor's that the generator's would replace: the same file (docs/glossary.md), or another
    file MkDocs writes to the same address (docs/glossary/index.md, docs/README.md for index.md)."""
    by_dest = {file.dest_uri: file for file in files}
    found = []
    for path in pages:
        page = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
        mine = files.get_file_from_path(path) or by_dest.get(page.dest_uri)
        if mine is not None:
            found.append(
                f"docs/{mine.src_uri} exists, but the generator makes that page (/{page.url.removeprefix('./')}); "
                f"remove or rename docs/{mine.src_uri}"
            )
    return found
