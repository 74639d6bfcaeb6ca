"""``site.yml`` (the site's title, description and story in brief) and ``sources.yml`` (outlets and articles)."""

from __future__ import annotations

import re

from ..model import Outlet, QuoteOverride, Rating, SiteInfo, SourceEntry, StoryParagraph
from ..yamlfile import Seq
from .common import (
    RESERVED,
    SLUG_RE,
    _check_keys,
    _date_text,
    _document,
    _fail,
    _seq,
    _sourced,
    _suggest,
    _text,
    _url,
    _urls,
)

# The title of a site with no site.yml and no site_name in mkdocs.yml: says what the site is, claims nothing.
DEFAULT_TITLE = "News articles side by side"


def default_site(site_name: str | None = None) -> SiteInfo:
    """The site's name and nothing else, for a site without site.yml (mkdocs.yml's site_name when given)."""
    return SiteInfo(title=(site_name or "").strip() or DEFAULT_TITLE)


def parse_site(text: str, path: str) -> SiteInfo:
    data = _document(text, path)
    # description and story may wait: a new site has no cited story in brief yet.
    _check_keys(
        path,
        data,
        "site.yml",
        ("title",),
        ("description", "story", "reading_words_per_minute", "menu_articles", "pagefind_articles"),
    )
    story = []
    items = _seq(path, data, "story", "site.yml")
    for i, item in enumerate(items):
        where = f"story[{i}]"
        _check_keys(path, item, where, ("text", "citations"))
        cites = _urls(path, item, "citations", where)
        if not cites:
            raise _fail(path, item, "citations", f"{where} needs at least one citation URL")
        story.append(StoryParagraph(_text(path, item, "text", where), cites))
    wpm = data.get("reading_words_per_minute", 200)
    if not isinstance(wpm, int) or isinstance(wpm, bool) or not 50 <= wpm <= 1000:
        raise _fail(
            path, data, "reading_words_per_minute", "reading_words_per_minute must be a whole number 50–1000"
        )
    menu = data.get("menu_articles", SiteInfo.menu_articles)
    if not isinstance(menu, int) or isinstance(menu, bool) or not 0 <= menu <= 100_000:
        raise _fail(path, data, "menu_articles", "menu_articles must be a whole number 0–100000")
    pagefind = data.get("pagefind_articles", SiteInfo.pagefind_articles)
    if not isinstance(pagefind, int) or isinstance(pagefind, bool) or not 0 <= pagefind <= 1_000_000:
        raise _fail(
            path,
            data,
            "pagefind_articles",
            "pagefind_articles must be a whole number 0–1000000 (200 unless set)",
        )
    return SiteInfo(
        title=_text(path, data, "title", "site.yml"),
        description=(
            "" if data.get("description") in (None, "") else _text(path, data, "description", "site.yml")
        ),
        story=tuple(story),
        words_per_minute=wpm,
        menu_articles=menu,
        pagefind_articles=pagefind,
    )


def parse_sources(text: str, path: str) -> tuple[tuple[Outlet, ...], tuple[SourceEntry, ...]]:
    data = _document(text, path)
    _check_keys(path, data, "sources.yml", ("outlets", "articles"))
    outlets: list[Outlet] = []
    for i, node in enumerate(_seq(path, data, "outlets", "sources.yml")):
        where = f"outlets[{i}]"
        # The profile (country, kind, ratings) may be curated later: a key left out means "not yet", which the
        # pages say; it is never filled with a guess.
        _check_keys(path, node, where, ("id", "name"), ("homepage", "country", "kind", "ratings"))
        oid = _text(path, node, "id", where)
        if not SLUG_RE.match(oid):
            raise _fail(path, node, "id", f"outlet id '{oid}' must be lowercase letters, digits and hyphens")
        if any(o.id == oid for o in outlets):
            raise _fail(path, node, "id", f"outlet id '{oid}' is used twice; each outlet needs its own id")
        ratings = node.get("ratings")
        parsed: list[Rating] | None = []
        if ratings is None:
            parsed = None
        elif ratings == "not rated":
            pass
        elif isinstance(ratings, Seq) and ratings:
            for j, r in enumerate(ratings):
                rw = f"{where}.ratings[{j}]"
                _check_keys(path, r, rw, ("by", "rating", "date", "url"))
                date = _date_text(path, r, "date", rw)
                parsed.append(
                    Rating(
                        _text(path, r, "by", rw), _text(path, r, "rating", rw), date, _url(path, r, "url", rw)
                    )
                )
        else:
            raise _fail(
                path,
                node,
                "ratings",
                f"{where}.ratings must be a list of ratings ({{by, rating, date, url}}) or the words 'not rated' "
                "(checked: nobody rates it); leave it out until someone has checked",
            )
        country = _sourced(path, node, "country", where)
        kind = _sourced(path, node, "kind", where)
        for key, fact in (("country", country), ("kind", kind)):
            if fact is not None and not fact.known:
                raise _fail(path, node[key], "source", f"{where}.{key} needs a value as well as its source")
        outlets.append(
            Outlet(
                oid,
                _text(path, node, "name", where),
                _url(path, node, "homepage", where, optional=True),
                country,
                kind,
                None if parsed is None else tuple(parsed),
            )
        )
    entries: list[SourceEntry] = []
    listed: set[str] = set()  # the files of the entries so far
    known = {o.id for o in outlets}
    for i, node in enumerate(_seq(path, data, "articles", "sources.yml")):
        where = f"articles[{i}]"
        _check_keys(
            path,
            node,
            where,
            ("file", "outlet", "language"),
            ("slug", "url", "title", "subtitle", "author", "published", "quotes"),
        )
        file = _text(path, node, "file", where)
        if file in listed:  # a set: a list searched for every entry took 500,000 steps at 1,000 articles
            raise _fail(path, node, "file", f"'{file}' has two entries; give each corpus file one entry")
        listed.add(file)
        outlet = _text(path, node, "outlet", where)
        if outlet not in known:
            hint = _suggest(outlet, sorted(known), " ")
            raise _fail(
                path,
                node,
                "outlet",
                f"{where}.outlet '{outlet}' is not one of the outlets listed above ({', '.join(sorted(known))}).{hint}",
            )
        slug = _text(path, node, "slug", where, optional=True)
        if slug is not None and not SLUG_RE.match(slug):
            raise _fail(path, node, "slug", f"slug '{slug}' must be lowercase letters, digits and hyphens")
        if slug in RESERVED:
            raise _fail(
                path,
                node,
                "slug",
                f"slug '{slug}' is reserved: /sources/{slug}/ is the list of sources; choose another",
            )
        language = _text(path, node, "language", where)
        if not re.match(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$", language):
            raise _fail(path, node, "language", f"language '{language}' must be a language code such as 'en'")
        entries.append(
            SourceEntry(
                file=file,
                outlet=outlet,
                slug=slug,
                language=language,
                url=_url(path, node, "url", where, optional=True),
                title=_sourced(path, node, "title", where),
                subtitle=_sourced(path, node, "subtitle", where),
                author=_sourced(path, node, "author", where),
                published=_sourced(path, node, "published", where, date=True),
                line=node.line,
                quotes=_quote_overrides(path, node, where),
            )
        )
    return tuple(outlets), tuple(entries)


def _quote_overrides(path: str, node, where: str) -> tuple[QuoteOverride, ...]:
    """An entry's `quotes`: whose words a quotation is, where the rules cannot tell, each with a note."""
    if "quotes" not in node:
        return ()
    found = []
    for k, q in enumerate(_seq(path, node, "quotes", where)):
        qw = f"{where}.quotes[{k}]"
        _check_keys(path, q, qw, ("paragraph", "text", "speaker", "note"), ("label",))
        paragraph = _text(path, q, "paragraph", qw)
        if not re.match(r"^p[1-9]\d*$", paragraph):
            raise _fail(
                path, q, "paragraph", f"{qw}.paragraph '{paragraph}' must be a paragraph id such as 'p7'"
            )
        found.append(
            QuoteOverride(
                paragraph,
                _text(path, q, "text", qw),
                _text(path, q, "speaker", qw),
                _text(path, q, "label", qw, optional=True),
                _text(path, q, "note", qw),
                q.line,
            )
        )
    return tuple(found)
