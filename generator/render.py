"""Render stage: model objects → Markdown pages (and open data), through the Jinja2 templates in ``templates/``.

Scraped text is untrusted. The environment escapes every ``{{ … }}`` output by default (``finalize``): HTML
special characters become entities and so do the characters Markdown, the snippets extension and Jinja
treat as syntax, so article text always renders as the literal text it is. Only values the generator builds
itself (paths, ids) are marked safe with ``Markup``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from .export import corpus_json
from .glossary import Finder, mark_text
from .history import record
from .mentions import counts
from .model import Article, FramingHit, Mention, Site
from .views import actor_views, comparison_view

# HTML's specials, and the characters that open Markdown, attr_list, abbr, table or extension syntax inside
# a line ("<" also breaks the snippets marker "--8<--"). Templates never put scraped text at the start of a
# line, so line-start syntax ("1. ", "- ", "> ") cannot arise. One table, one pass: nothing is escaped twice.
_LITERAL = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]#|~^=<>&\"'"}


def escape_text(value) -> Markup:
    """Literal text for a Markdown or HTML context: safe whether it lands in a paragraph, table or attribute."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(value)
    return Markup(str(value).translate(_LITERAL))


def html_attr(value) -> Markup:
    """A value for an HTML attribute (an external URL): quote-safe, readable by the browser as it is."""
    return Markup(html.escape(str(value), quote=True))


def cite(source: str) -> Markup:
    """Where a fact comes from: a link when it is a URL, else the explanation as text."""
    if source.startswith(("https://", "http://")):
        return Markup(f'<a href="{html_attr(source)}">{escape_text(source)}</a>')
    return escape_text(source)


def yaml_string(value: str) -> Markup:
    """A YAML double-quoted string for front matter; HTML-escaped, since themes print titles unescaped."""
    text = json.dumps(html.escape(value, quote=False), ensure_ascii=False)
    # JSON leaves DEL, C1 controls and lone surrogates raw; YAML rejects them, so write those as escapes.
    return Markup(_YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def long_date(iso: str | None) -> str:
    if not iso:
        return "date not known"
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def relative(from_page: str, to_page: str) -> Markup:
    """Markdown link target from one generated page to another (both docs-relative .md paths)."""
    return Markup(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."))


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is done by finalize below, for every expression
        finalize=escape_text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(attr=html_attr, cite=cite, yaml=yaml_string, long_date=long_date, rel=relative)
    return env


def article_page(article: Article) -> str:
    return f"sources/{article.id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def linked_paragraphs(
    article: Article, known: set[str], finder: Finder | None = None, categories: dict[str, int] | None = None
) -> dict[str, Markup]:
    """Each paragraph's text, escaped, with three kinds of markup: the first mention of each actor links to
    the actor's page, framing words of the lexicon are marked (``<mark>`` with the number of their category
    in the legend, never colour alone), and the first use of each glossary term on the page is explained.

    The paragraphs are raw HTML (so ids and links survive as written), which MkDocs does not rewrite: the
    link is written for directory URLs, /sources/<slug>/ → /actors/<id>/.
    """
    categories = categories or {}
    result: dict[str, Markup] = {}
    done: set[str] = set()  # glossary terms already marked on this page
    for paragraph in article.paragraphs:
        text = paragraph.text
        links, linked = [], set()
        for m in (m for m in article.mentions if m.paragraph == paragraph.id):
            if m.actor not in linked and m.actor in known:
                linked.add(m.actor)
                links.append(m)
        # A mark that crosses a link's edge is dropped here (it still counts on the word-choice page); a
        # mark inside a link, or a link inside a mark, is drawn nested.
        marks = [
            h
            for h in article.framing
            if h.paragraph == paragraph.id
            and h.category in categories
            and not any(h.start < m.end and m.start < h.end and not _nested(h, m) for m in links)
        ]

        def draw(item, t=text, items=(*links, *marks)):
            inner_items = [x for x in items if x is not item and _inside(x, item)]
            inner, pos = [], item.start
            for x in sorted(inner_items, key=lambda x: x.start):
                inner.append(escape_text(t[pos : x.start]))
                inner.append(draw(x))
                pos = x.end
            inner.append(escape_text(t[pos : item.end]))
            body = "".join(inner)
            if isinstance(item, Mention):
                return f'<a class="ms-actor" href="../../actors/{item.actor}/">{body}</a>'
            number = categories[item.category]
            return f'<mark class="ms-frame" title="Word choice {number}">{body}<sup class="ms-frame__tag">{number}</sup></mark>'

        top = [x for x in (*links, *marks) if not any(y is not x and _inside(x, y) for y in (*links, *marks))]
        out: list[str] = []
        at = 0
        for item in sorted(top, key=lambda x: x.start):
            out.append(mark_text(text[at : item.start], finder, done, escape_text))
            out.append(draw(item))
            at = item.end
        out.append(mark_text(text[at:], finder, done, escape_text))
        result[paragraph.id] = Markup("".join(out))
    return result


def _inside(inner, outer) -> bool:
    """Whether ``inner`` is drawn inside ``outer``; over the same words, a mark goes inside a link."""
    if (inner.start, inner.end) == (outer.start, outer.end):
        return isinstance(inner, FramingHit) and isinstance(outer, Mention)
    return outer.start <= inner.start and inner.end <= outer.end


def _nested(a, b) -> bool:
    return _inside(a, b) or _inside(b, a) or (a.start, a.end) == (b.start, b.end)


def render_site(site: Site, templates: Path) -> dict[str, str]:
    """Every generated file of the site: docs-relative path → content."""
    env = environment(templates)
    articles = sorted(site.articles, key=lambda a: (a.published.value or "9999", a.outlet.name, a.id))
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            site=site, articles=articles, page="index.md", article_page=article_page
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
    for article in articles:
        path = article_page(article)
        pages[path] = env.get_template("source.md.j2").render(
            site=site,
            article=article,
            page=path,
            article_page=article_page,
            actor_page=actor_page,
            text=linked_paragraphs(article, known, finder, numbers),
            lexicon=site.lexicon,
            numbers=numbers,
            events=events,
            actors=names,
            named=[
                (names[a], n)
                for a, n in sorted(counts(article.mentions).items(), key=lambda x: (-x[1], x[0]))
                if a in names
            ],
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
                )
    if site.events:
        pages["history.md"] = env.get_template("history.md.j2").render(
            site=site,
            page="history.md",
            topics=site.topics,
            events=events,
            actors=names,
            record=record,
            actor_page=actor_page,
            article_page=article_page,
            timeline=sorted(site.events, key=lambda e: e.date),
            by_topic={
                t.id: sorted((e for e in site.events if e.topic == t.id), key=lambda e: e.date)
                for t in site.topics
            },
            invoked={
                e.id: [(i, a) for a in articles for i in a.invocations if i.event == e.id]
                for e in site.events
            },
            flags=[(f, a) for a in articles for f in a.flags],
        )
    if site.facts or site.lexicon:
        comparison = comparison_view(site, tuple(articles))
        for name in ("index", "facts", "words", "voices"):
            path = f"compare/{name}.md"
            pages[path] = env.get_template(f"compare_{name}.md.j2").render(
                site=site,
                page=path,
                view=comparison,
                article_page=article_page,
                actor_page=actor_page,
                actors=names,
                numbers=numbers,
                long_date=long_date,
            )
    if site.terms:
        pages["glossary.md"] = env.get_template("glossary.md.j2").render(
            site=site, page="glossary.md", terms=sorted(site.terms, key=lambda t: t.term.casefold())
        )
    pages["data/corpus.json"] = json.dumps(corpus_json(site), ensure_ascii=False, indent=1) + "\n"
    return pages
