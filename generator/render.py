"""Render stage: model objects → Markdown pages (and open data), through the Jinja2 templates in ``templates/``.

Scraped text and curated YAML are untrusted. The environment escapes every ``{{ … }}`` output by default
(``finalize``, ``escape.escape_text``): HTML special characters become entities and so do the characters
Markdown, the snippets extension and Jinja treat as syntax, so any text renders as the literal text it is.
Addresses go through ``href`` (``urls.py``) and only ever into ``href="…"`` of raw HTML, never into Markdown
link syntax; front matter goes through ``yaml`` (``escape.yaml_string``). Only values the generator builds
itself (paths, ids) are marked safe with ``Markup``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import posixpath
import re
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .analyse.glossary import Finder, mark_text
from .analyse.history import record
from .analyse.mentions import counts
from .charts import bar_chart, bars, comparison_pictures, history_timeline
from .escape import escape_inline, escape_text, yaml_string
from .export import corpus_json
from .layers import article_layers, frame_pattern, history_links
from .memo import Memo
from .model import Article, FramingHit, Mention, Site
from .urls import attribute, href, web_url
from .views import actor_views, comparison_view, provenance


def cite(source: str) -> Markup:
    """Where a fact comes from: a link when it is a URL, else the explanation as text."""
    if source.startswith(("https://", "http://")):
        return Markup(f'<a href="{href(source)}">{escape_text(web_url(source))}</a>')
    return escape_text(source)


def where_from(source: str) -> Markup:
    """A value's provenance in plain words, the citation linked (views.provenance)."""
    p = provenance(source)
    if p.url:
        return Markup(
            f'{escape_text(p.words.removesuffix(", with a citation"))}, with a <a href="{href(p.url)}">citation</a>'
        )
    return escape_text(p.words)


def long_date(iso: str | None) -> str:
    if not iso:
        return "date not known"
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def counted(n: int, noun: str) -> str:
    """ "five articles", "one outlet": a count in words (up to twelve, then digits) with its noun."""
    return f"{NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else n} {noun}{'' if n == 1 else 's'}"


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two relative paths: worked out from their parts, without making
    both absolute with the working directory (a system call each, for tens of thousands of links). A path
    with an empty, "." or ".." part, or an absolute one, goes to posixpath as it is."""
    parts = path.split("/")
    base = [] if start == "." else start.split("/")
    if path.startswith("/") or start.startswith("/") or _ODD_PARTS & {*parts, *base}:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(parts, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


_ODD_PARTS = {"", ".", ".."}


@functools.lru_cache(maxsize=1 << 16)
def relative(from_page: str, to_page: str) -> Markup:
    """Markdown link target from one generated page to another (both docs-relative .md paths).

    Cached (a pure function of two paths): a site of 1,000 articles asks for tens of thousands of links, the
    same ones again and again (every page to the sources index, every handout to its page).
    """
    return Markup(_relpath(to_page, posixpath.dirname(from_page) or "."))


# The last environment made per templates folder, with a hash of every file in it: compiling the templates
# takes about a second, and `mkdocs serve` renders the site again after every edit (see environment).
_ENVIRONMENTS: dict[str, tuple[str, jinja2.Environment]] = {}


def _templates_key(templates: Path) -> str:
    """A hash of every file under ``templates`` (its path and bytes): any edit, addition or removal changes it."""
    digest = hashlib.sha256()
    root = Path(templates)
    for path in sorted(root.rglob("*")) if root.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def environment(templates: Path, bytecode: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The Jinja environment of ``templates``, compiled templates included, reused while no file there changed
    (the environment holds no state of a build: pages are rendered from the arguments alone). ``bytecode``:
    where a new process finds the templates compiled (analysis_cache.bytecode_cache)."""
    key = _templates_key(templates)
    cached = _ENVIRONMENTS.get(str(templates))
    if cached is not None and cached[0] == key:
        return cached[1]
    env = _new_environment(templates, bytecode)
    _ENVIRONMENTS.clear()  # one folder's at a time: a long `mkdocs serve` session keeps no old versions
    _ENVIRONMENTS[str(templates)] = (key, env)
    return env


def _new_environment(templates: Path, bytecode: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=bytecode,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is done by finalize below, for every expression
        finalize=escape_text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        attr=attribute,
        href=href,
        cite=cite,
        where_from=where_from,
        how_known=lambda source: provenance(source).record,
        words=lambda kind: kind.replace("-", " "),  # "government-body" → "government body"
        yaml=yaml_string,
        long_date=long_date,
        rel=relative,
        counted=counted,
        frame_pattern=frame_pattern,  # a word-choice question's underline class (layers.py)
    )
    return env


def url_of(page: str, directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) MkDocs gives a docs-relative .md page."""
    stem = page[: -len(".md")]
    if directory_urls:
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
    return stem + ".html"


# The link styles of the pages `build --out` writes (over directory URLs, or .html URLs for --offline):
# raw-HTML links written as Markdown links are (relative to the .md file, to the .md target), because
# Zensical resolves raw-HTML links so, and in that project our Markdown extension generator.links_extension
# makes MkDocs do the same (see there).
SOURCE_LINKS = "source"
SOURCE_LINKS_FILE_URLS = "source-file-urls"


@functools.lru_cache(maxsize=1 << 16)
def raw_href(from_page: str, to_page: str, directory_urls: bool | str = True, anchor: str = "") -> Markup:
    """A link for raw HTML (which MkDocs does not rewrite), from one generated page to another: relative to
    the page's URL (directory or .html URLs), or with a ``SOURCE_LINKS`` style relative to its .md file.
    Cached, as ``relative`` is."""
    if directory_urls in (SOURCE_LINKS, SOURCE_LINKS_FILE_URLS):
        if from_page == to_page and anchor:
            return Markup(f"#{anchor}")
        return Markup(relative(from_page, to_page) + (f"#{anchor}" if anchor else ""))
    source, target = url_of(from_page, directory_urls), url_of(to_page, directory_urls)
    # The browser resolves against the page's folder: "sources/a/" itself, or the folder of "sources/a.html".
    base = (source if directory_urls else posixpath.dirname(source)).rstrip("/") or "."
    rel = _relpath(target.rstrip("/") or ".", base)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel.rstrip("/") + "/"
    return Markup(rel + (f"#{anchor}" if anchor else ""))


def script_href(from_page: str, to_page: str, directory_urls: bool | str = True, anchor: str = "") -> Markup:
    """A URL that a script reads from a data-* attribute, which no builder rewrites: relative to the page's
    URL in every link style."""
    directory = directory_urls not in (False, SOURCE_LINKS_FILE_URLS)
    return raw_href(from_page, to_page, directory, anchor)


def addresses(pages: dict[str, str]) -> tuple[str, ...]:
    """The site addresses of the generated pages ("/", "/sources/x/"), sorted."""
    return tuple(sorted("/" + url_of(p) for p in pages if p.endswith(".md")))


def redirect_page(old: str, new: str) -> tuple[str, str]:
    """An HTML file at an old address that sends the reader on to the new one (path, content)."""
    depth = old.strip("/").count("/") + 1 if old.strip("/") else 0
    target = "../" * depth + new.lstrip("/")
    return (
        old.lstrip("/") + "index.html",
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>This page has moved</title>
<meta http-equiv="refresh" content="0; url={html.escape(target)}"><link rel="canonical" href="{html.escape(target)}">
</head><body><p>This page has moved to <a href="{html.escape(target)}">{html.escape(new)}</a>.</p></body></html>
""",
    )


def article_page(article: Article) -> str:
    return f"sources/{article.id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def linked_paragraphs(
    article: Article,
    known: set[str],
    finder: Finder | None = None,
    categories: dict[str, int] | None = None,
    directory_urls: bool | str = True,
    names: dict[int, str] | None = None,
) -> dict[str, Markup]:
    """Each paragraph's text, escaped, with three kinds of markup: the first mention of each actor in the
    article links to the actor's page, framing words of the lexicon are marked (``<mark>`` with the number of
    their category in the legend, its name (``names``) in the title and its pattern, never colour alone), and
    the first use of each glossary term on the page is explained.

    The paragraphs are raw HTML (so ids and links survive as written), which MkDocs does not rewrite: the
    link is written for directory URLs, /sources/<slug>/ → /actors/<id>/.
    """
    categories = categories or {}
    names = dict(names or {})
    result: dict[str, Markup] = {}
    done: set[str] = set()  # glossary terms already marked on this page
    linked: set[str] = set()  # actors linked already: one link per person per article, at the first mention
    mentions_in: dict[str, list] = {}  # each paragraph's mentions and framing hits, in order: gathered once
    hits_in: dict[str, list] = {}
    for m in article.mentions:
        mentions_in.setdefault(m.paragraph, []).append(m)
    for h in article.framing:
        hits_in.setdefault(h.paragraph, []).append(h)
    for paragraph in article.paragraphs:
        text = paragraph.text
        links = []
        for m in mentions_in.get(paragraph.id, ()):
            if m.actor not in linked and m.actor in known:
                linked.add(m.actor)
                links.append(m)
        # A mark that crosses a link's edge is dropped here (it still counts on the word-choice page); a
        # mark inside a link, or a link inside a mark, is drawn nested.
        marks = [
            h
            for h in hits_in.get(paragraph.id, ())
            if h.category in categories
            and not any(h.start < m.end and m.start < h.end and not _nested(h, m) for m in links)
        ]

        def draw(item, t=text, items=(*links, *marks)):
            inner_items = [x for x in items if x is not item and _inside(x, item)]
            inner, pos = [], item.start
            for x in sorted(inner_items, key=lambda x: x.start):
                inner.append(escape_inline(t[pos : x.start]))
                inner.append(draw(x))
                pos = x.end
            inner.append(escape_inline(t[pos : item.end]))
            body = "".join(inner)
            if isinstance(item, Mention):
                target = raw_href(article_page(article), actor_page(item.actor), directory_urls)
                return f'<a class="ms-actor" href="{target}">{body}</a>'
            number = categories[item.category]
            label = f"Word choice {number}" + (f" ({names[number]})" if number in names else "")
            kind = f"ms-frame ms-frame--{frame_pattern(number)}"
            if item.quoted is not None:  # the speaker's word, not the outlet's: the mark says whose
                whose = html.escape(f"{label}, inside a quotation: the words of {item.quoted}", quote=True)
                return (
                    f'<mark class="{kind} ms-frame--quoted" title="{whose}">{body}'
                    f'<sup class="ms-frame__tag" data-search-exclude="">{number}q</sup></mark>'
                )
            return (
                f'<mark class="{kind}" title="{html.escape(label, quote=True)}">{body}'
                f'<sup class="ms-frame__tag" data-search-exclude="">{number}</sup></mark>'
            )

        top = [x for x in (*links, *marks) if not any(y is not x and _inside(x, y) for y in (*links, *marks))]
        out: list[str] = []
        at = 0
        for item in sorted(top, key=lambda x: x.start):
            out.append(mark_text(text[at : item.start], finder, done, escape_inline))
            out.append(draw(item))
            at = item.end
        out.append(mark_text(text[at:], finder, done, escape_inline))
        result[paragraph.id] = Markup("".join(out))
    return result


PAGE_TYPES = (
    ("index.md", "home"),
    ("sources/index.md", "sources"),
    ("sources/", "source"),
    ("actors/index.md", "actors"),
    ("actors/", "actor"),
    ("history.md", "history"),
    ("glossary.md", "glossary"),
    ("compare/", "compare"),
)


def page_type(path: str) -> str | None:
    return next(
        (
            kind
            for prefix, kind in PAGE_TYPES
            if path == prefix or (prefix.endswith("/") and path.startswith(prefix))
        ),
        None,
    )


def title_of(markdown_page: str) -> str:
    """The page's title from its front matter (escaped there for the theme), as plain text."""
    if not markdown_page.startswith("---\n"):
        return ""
    front = markdown_page.split("---\n", 2)[1]
    # The templates write the title on a line of its own (yaml_string makes one line): reading that line
    # alone gives the same value without parsing the rest of the front matter, for every page of the site.
    lines = front.split("\n")
    at = next((i for i, x in enumerate(lines) if x.startswith("title:")), None)
    if at is not None and lines[at + 1 : at + 2] != [] and lines[at + 1][:1] not in (" ", "\t"):
        front = lines[at]  # the value does not go on to the next line (which would be indented)
        quoted = _QUOTED_TITLE.fullmatch(front)
        if quoted:  # as yaml_string writes it, with nothing YAML would read otherwise: the text itself
            return html.unescape(quoted.group(1))
    return html.unescape(str((yaml.safe_load(front) or {}).get("title", "")))


# A double-quoted title with no escape, quotation mark, line break or character YAML treats otherwise (controls,
# surrogates, the byte order mark and non-characters): YAML reads the characters between the quotes as they are.
_QUOTED_TITLE = re.compile(r'title: "([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]*)"')


_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[|#*>`]|^-{3,}|^\s*[-:|]+\s*$|\{[^}]*\}", re.M)


def _link_text(m: re.Match) -> str:
    return m.group(1)  # what r"\1" gives, without expanding a template for each of a large page's links


def plain_text(markdown_page: str) -> str:
    """Roughly the words a reader sees, for reading time and grade: no front matter, markup or link targets."""
    body = markdown_page.split("\n---\n", 1)[-1]
    body = _TAG.sub(" ", body)
    body = _LINK.sub(_link_text, body)
    body = _MARKUP.sub(" ", body)
    return html.unescape(body)


def _inside(inner, outer) -> bool:
    """Whether ``inner`` is drawn inside ``outer``; over the same words, a mark goes inside a link."""
    if (inner.start, inner.end) == (outer.start, outer.end):
        return isinstance(inner, FramingHit) and isinstance(outer, Mention)
    return outer.start <= inner.start and inner.end <= outer.end


def _nested(a, b) -> bool:
    return _inside(a, b) or _inside(b, a) or (a.start, a.end) == (b.start, b.end)


def by_date(articles) -> list[Article]:
    """Articles oldest first (undated last), as the sources table and the menu list them."""
    return sorted(articles, key=lambda a: (a.published.value or "9999", a.outlet.name, a.id))


SOURCE_PAGES = Memo("source pages")


def _source_page(
    env, article, path, known, finder, numbers, directory_urls, category_names, lexicon, events, names
) -> str:
    text = linked_paragraphs(article, known, finder, numbers, directory_urls, category_names)
    history = history_links(article)
    return env.get_template("source.md.j2").render(
        article=article,
        page=path,
        article_page=article_page,
        actor_page=actor_page,
        text=text,
        history=history,
        layers=article_layers(text, history),
        href=lambda target, anchor="": raw_href(path, target, directory_urls, anchor),
        lexicon=lexicon,
        numbers=numbers,
        events=events,
        actors=names,
        named=[
            (names[a], n)
            for a, n in sorted(counts(article.mentions).items(), key=lambda x: (-x[1], x[0]))
            if a in names
        ],
    )


def render_site(
    site: Site,
    templates: Path,
    directory_urls: bool | str = True,
    site_url: str | None = None,
    bytecode: jinja2.BytecodeCache | None = None,  # compiled templates kept between processes (build.py)
) -> dict[str, str]:
    """Every generated file of the site: docs-relative path → content."""
    env = environment(templates, bytecode)
    articles = by_date(site.articles)
    outlets = [o for o in site.outlets if any(a.outlet.id == o.id for a in articles)]  # with an article
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            site=site, articles=articles, outlets=outlets, page="index.md", article_page=article_page
        ),
        "sources/index.md": env.get_template("sources.md.j2").render(
            site=site, articles=articles, page="sources/index.md", article_page=article_page
        ),
    }
    known = {a.id for a in site.actors}
    finder = Finder(site.terms) if site.terms else None
    events = {e.id: e for e in site.events}
    numbers = {c.id: n for n, c in enumerate(site.lexicon, 1)}  # framing categories, numbered for the legend
    names = {a.id: a for a in site.actors}
    category_names = {n: c.name for n, c in enumerate(site.lexicon, 1)}
    # A source page is made from its article and this context only (the template is given nothing else):
    # `mkdocs serve` renders again only the articles an edit changed (memo.py).
    SOURCE_PAGES.begin((env, directory_urls, site.actors, site.terms, site.lexicon, site.events))
    for article in articles:
        path = article_page(article)
        pages[path] = SOURCE_PAGES.get(
            path,
            article,
            lambda a=article, p=path: _source_page(
                env, a, p, known, finder, numbers, directory_urls, category_names, site.lexicon, events, names
            ),
        )
    groups = actor_views(site, tuple(articles))
    if site.actors:
        pages["actors/index.md"] = env.get_template("actors.md.j2").render(
            site=site, groups=groups, page="actors/index.md", actor_page=actor_page
        )
        for group in groups:
            for view in group.actors:
                path = actor_page(view.actor.id)
                pages[path] = env.get_template("actor.md.j2").render(
                    site=site,
                    view=view,
                    page=path,
                    actor_page=actor_page,
                    article_page=article_page,
                    actors=names,
                    mentions_chart=bar_chart(
                        "Mentions per outlet",
                        bars([(oc.outlet.name, oc.count) for oc in view.per_outlet]),
                        "mention",
                    ),
                )
    # The comparison needs no curation: headlines, sources and voices come from the articles alone, and the
    # word-choice page says when there is no word list yet. Facts need facts.yml, so that page needs it too.
    comparison = comparison_view(site, tuple(articles))
    if site.events:
        pages["history.md"] = env.get_template("history.md.j2").render(
            site=site,
            page="history.md",
            topics=[t for t in site.topics if any(e.topic == t.id for e in site.events)],  # no empty sections
            events=events,
            # Only figures with a page (history.yml's ids are unchecked when there is no actors.yml).
            figures={e.id: [names[f] for f in e.figures if f in names] for e in site.events},
            record=record,
            actor_page=actor_page,
            article_page=article_page,
            timeline=sorted(site.events, key=lambda e: e.date),
            timeline_chart=history_timeline(sorted(site.events, key=lambda e: e.date), articles),
            by_topic={
                t.id: sorted((e for e in site.events if e.topic == t.id), key=lambda e: e.date)
                for t in site.topics
            },
            invoked={
                e.id: [(i, a) for a in articles for i in a.invocations if i.event == e.id]
                for e in site.events
            },
            flags=[(f, a) for a in articles for f in a.flags],
            # "Breitbart News, 10 Sep 2018": an outlet's name alone is ambiguous when it has two articles.
            labels={c.article.id: c.label for c in comparison.columns},
        )
    for name in ("index", "facts", "words", "voices"):
        if name == "facts" and not site.facts:
            continue
        path = f"compare/{name}.md"
        pages[path] = env.get_template(f"compare_{name}.md.j2").render(
            site=site,
            page=path,
            view=comparison,
            outlets=outlets,
            article_page=article_page,
            actor_page=actor_page,
            actors=names,
            numbers=numbers,
            long_date=long_date,
            pictures=comparison_pictures(
                comparison,
                lambda j, anchor, here=path: raw_href(
                    here, article_page(comparison.columns[j].article), directory_urls, anchor
                ),
                href,
            ),
        )
    if site.terms:
        pages["glossary.md"] = env.get_template("glossary.md.j2").render(
            site=site, page="glossary.md", terms=sorted(site.terms, key=lambda t: t.term.casefold())
        )
    from .teach import teaching_pages  # here, not at the top: teach builds on this module's helpers

    pages.update(teaching_pages(site, env, pages, directory_urls, site_url))
    pages["data/corpus.json"] = json.dumps(corpus_json(site), ensure_ascii=False, indent=1) + "\n"
    return pages
