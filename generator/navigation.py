"""The site's menu: an MkDocs ``nav`` for the generated pages, in the order the home page's "Where to start"
reads them (sources, how the outlets told the story, people and organisations, historical context), then the
glossary, the teachers' pages and the editor's own pages.

Each section is named with its index page's title, so the menu and the pages use the same words; the home
page is "Home", so the site's title appears once in the sidebar (Material puts it above the menu). Sources
are listed oldest first, as in the sources table. The plugin sets this as ``nav`` when mkdocs.yml has none; a
build without the plugin can write it into mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import pathspec
from mkdocs.utils import nest_paths

from .model import Site
from .render import article_page, by_date, title_of

COMPARE = ("compare/facts.md", "compare/words.md", "compare/voices.md")  # the order of the compare index


def menu_articles(site: Site) -> list[str]:
    """The article pages the menu lists: all of them up to site.yml's ``menu_articles`` (25 unless set), else
    none, and the menu lists the sources table (sortable and filterable) instead.

    Why 25: every page carries the whole menu. Measured (benchmarks/README.md), an article adds about 0.4 KB
    of HTML to every page and as much work to every page MkDocs renders, so the site grows with the square of
    the corpus: at 1,000 articles the menu was 92 % of a source page's HTML and about half the build time.
    At 25 it adds about 10 KB to a page (a quarter of a source page's own HTML) and, at phone width with
    headlines of two or three lines, two or three screens of menu: past that a reader finds an article in the
    table, not by scrolling the menu. The five-article site and the starter's corpora stay listed."""
    return (
        [article_page(a) for a in by_date(site.articles)]
        if len(site.articles) <= site.info.menu_articles
        else []
    )


def left_out_of_menu(site: Site) -> list[str]:
    """The article pages a large corpus keeps out of the menu (not_in_nav), so MkDocs does not call them
    omitted."""
    return [] if menu_articles(site) or not site.articles else [article_page(a) for a in site.articles]


TEACHERS = ("teachers/notes.md", "teachers/packet.md")


def site_nav(
    pages: Mapping[str, str], site: Site, own: Sequence = (), in_nav: Collection[str] | None = None
) -> list:
    """``nav`` for mkdocs.yml: generated pages (docs-relative paths) by the reading order, then ``own`` (the
    editor's pages, as MkDocs would list them). ``in_nav``: the pages mkdocs.yml lets into the menu (a large
    corpus lists ``/sources/*`` under ``not_in_nav``); None for all."""
    nav: list = []

    def listed(path: str) -> bool:
        return path in pages and (in_nav is None or path in in_nav)

    def section(index: str, children: Sequence[str]) -> None:
        if not listed(index):
            return
        present = [c for c in children if listed(c)]
        nav.append({title_of(pages[index]): [index, *present]} if present else index)

    if listed("index.md"):
        nav.append({"Home": "index.md"})
    section("sources/index.md", menu_articles(site))
    section("compare/index.md", COMPARE)
    section("actors/index.md", ())
    section("history.md", ())
    section("glossary.md", ())
    section("teachers/index.md", TEACHERS)
    nav.extend(own)
    return nav


def _walk_order(path: str) -> tuple:
    """The order MkDocs finds pages in docs/ (a folder's files before its subfolders, ``index``/``README``
    first), so the editor's pages are listed as the plugin lists them."""
    folder, _, name = path.rpartition("/")
    return (
        tuple(folder.split("/")) if folder else (),
        name.rsplit(".", 1)[0] not in ("index", "README"),
        name,
    )


def project_nav(pages: Mapping[str, str], site: Site, docs: Sequence[str], not_in_nav: str) -> list:
    """The menu for a project written with ``build --out`` (no plugin sets it there): the generated pages and
    the editor's Markdown pages ``docs``, less those mkdocs.yml's ``not_in_nav`` lines keep out, as MkDocs
    reads them (gitignore patterns over each page's path in docs/)."""
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines(not_in_nav.splitlines())
    in_nav = {p for p in (*pages, *docs) if p.endswith(".md") and not spec.match_file(p)}
    own = nest_paths(p for p in sorted(docs, key=_walk_order) if p in in_nav and p not in pages)
    return site_nav(pages, site, own, in_nav=in_nav)
