"""Model stage: assemble each Article from its parsed header, cleaned body and ``sources.yml`` entry.

Precedence for each metadata field: ``sources.yml`` (an editor's cited value) over the text. Every value keeps
its source; a disagreement between the two, or a field neither gives, becomes a warning for the editor.
"""

from __future__ import annotations

import re

from slugify import slugify

from . import clean, detect, parse
from .errors import SiteDataError
from .model import (
    UNKNOWN,
    Article,
    CleaningRules,
    Outlet,
    Paragraph,
    Removed,
    Sourced,
    SourceEntry,
    Unit,
    Warning,
)

ROLES = {
    "title": "Used as the article's headline",
    "subtitle": "Used as the article's subtitle",
    "byline": "Used as the article's byline",
    "byline_outlet": "The outlet's name under the byline",
    "place": "Used as the dateline's place",
    "dateline": "Used as the article's publication date",
}


def _from_text(unit: Unit | None, value: str | None = None) -> Sourced | None:
    if unit is None:
        return None
    return Sourced(value if value is not None else unit.text, f"text line {unit.line}")


def _pick(
    name: str, entry: Sourced | None, text: Sourced | None, path: str, warnings: list[Warning]
) -> Sourced:
    if entry is not None:
        if text is not None and text.value != entry.value:
            warnings.append(
                Warning(
                    path,
                    f"sources.yml gives {name} {entry.value!r}; the text ({text.source}) "
                    f"says {text.value!r}. Using sources.yml.",
                )
            )
        return entry
    return text or UNKNOWN


def make_slug(text: str, max_length: int = 60) -> str:
    """URL slug from a headline: ASCII, lower case, cut at a word boundary (slugify's own cut drops words)."""
    slug = slugify(text)
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug


def make_article(
    file: str,
    text: str,
    entry: SourceEntry,
    outlet: Outlet,
    rules: CleaningRules,
    corpus_dir: str = "site_data/corpus",
) -> tuple[Article, tuple[Warning, ...]]:
    """One corpus file → one Article (pure: the caller reads the file)."""
    path = f"{corpus_dir}/{file}"
    units = parse.units(text)
    if not units:
        raise SiteDataError(
            path, "is empty: a corpus file needs the article's text (headline, then paragraphs)", line=1
        )
    furniture = clean.remove_furniture(units, rules, file, outlet.id)
    head = parse.header(furniture.kept, outlet.name)
    body, repeats, subheads = detect.remove_repeats(furniture.kept, head, rules, file, outlet.id)
    if not body:
        raise SiteDataError(
            path,
            f"has no article text left after cleaning ({len(units)} lines, all taken as headline, "
            "metadata or page furniture); check the file, or the rules in cleaning.yml that removed its lines",
            line=units[0].line,
        )
    warnings: list[Warning] = []
    # "By Alex Moreno": the name is the byline's value ("By" is how the page prints it).
    byline = None
    if head.byline:
        byline = (
            parse.join_names(head.authors) if head.authors else re.sub(r"^[Bb][Yy]\s+", "", head.byline.text)
        )
    author_text = _from_text(head.byline, byline)
    author_text = _bylines(author_text, furniture.bylines, path, warnings)
    title = _pick("title", entry.title, _from_text(head.title), path, warnings)
    subtitle = _pick("subtitle", entry.subtitle, _from_text(head.subtitle), path, warnings)
    author = _pick("author", entry.author, author_text, path, warnings)
    published = _pick("published date", entry.published, _from_text(head.dateline, head.date), path, warnings)
    if not title.known:
        warnings.append(
            Warning(
                path,
                "no headline found in the text; add `title` to its sources.yml entry",
                kind="metadata",
                subject="title",
            )
        )
        title = Sourced(f"Untitled article ({file})", "no headline in the text or sources.yml")
    for name, value in (("author", author), ("published date", published)):
        if not value.known:
            warnings.append(
                Warning(
                    path,
                    f"no {name} in the text or sources.yml; add it to the sources.yml entry "
                    "with its citation if it is known",
                    kind="metadata",
                    subject=name,
                )
            )
    slug = entry.slug or make_slug(title.value) or make_slug(file.rsplit(".", 1)[0])
    removed = list(furniture.removed) + list(repeats)
    for role, reason in ROLES.items():
        unit = getattr(head, role)
        if unit is not None:
            removed.append(Removed(unit.line, unit.text, role, reason))
    article = Article(
        id=slug,
        file=file,
        outlet=outlet,
        language=entry.language,
        url=entry.url,
        title=title,
        subtitle=subtitle,
        author=author,
        published=published,
        dateline_place=head.place.text if head.place else None,
        paragraphs=tuple(
            Paragraph(f"p{i}", u.line, u.text, "subhead" if u.line in subheads else "text")
            for i, u in enumerate(body, 1)
        ),
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        credits=tuple(Sourced(m.value, f"text line {m.line}") for m in furniture.credits),
    )
    return article, tuple(warnings)


def _bylines(author: Sourced | None, bylines: tuple, path: str, warnings: list[Warning]) -> Sourced | None:
    """The author from the bylines cleaning rules found in the body, when the header gave none.

    A live blog signs each entry ("… By Jane Doe"): every name, once, in the order of the text. When the header
    has a byline too and the body's names differ, the header's is used and the editor told.
    """
    if not bylines:
        return author
    names: list[str] = []
    for meta in bylines:
        for name in parse.split_names(meta.value) or (meta.value,):
            if name not in names:
                names.append(name)
    lines = sorted({m.line for m in bylines})
    where = f"text line {lines[0]}" if len(lines) == 1 else "text lines " + ", ".join(map(str, lines))
    if author is not None:
        if author.value not in names:
            warnings.append(
                Warning(
                    path,
                    f"two bylines in the text: {author.value!r} ({author.source}) "
                    f"and {parse.join_names(tuple(names))!r} ({where}); using the first",
                )
            )
        return author
    return Sourced(parse.join_names(tuple(names)), where)
