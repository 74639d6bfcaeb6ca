"""Furniture left and body lines lost on the real-news corpus (issue 13 §4, §8): functions for
``benchmarks/accuracy.py`` and ``tests/test_realnews_cleaning.py``.

What the site publishes of each article (its paragraphs, each with the line of the corpus file it comes
from) is compared with the hand-written expectations ``tests/expected/realnews/<event>.yml`` (written by
reading the texts, never from the generator's output):

- **furniture left**: a line the expectation lists under ``furniture`` (captions, credits, video-player text,
  newsletter prompts …) that is published; for a ``mixed`` line (furniture run into article text), each of
  its furniture pieces (and its byline) that is still in the published text of that line;
- **lines lost**: a line of the body (every line but the headline, the ``furniture`` and the
  ``metadata_lines``) that is not published, and for a ``mixed`` line its body or subheading part missing;
- **subheads**: the expectation's ``subheads`` (and the subheading parts of mixed lines) published as
  subheadings, not as paragraphs of text;
- **metadata**: each ``metadata_lines`` entry used for what it is: a byline's names in the author, a credit
  among the credits, a subtitle as the subtitle, a repeated headline removed (not published); and the
  ``authors`` and ``credits`` the expectation lists, all given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Article, Site


@dataclass
class Cleaning:
    """One article's scores (line numbers of the corpus file)."""

    article: str
    furniture: int = 0  # furniture lines and pieces the expectation lists
    left: list[str] = field(default_factory=list)  # "line 12: text…" of each published one
    body: int = 0  # body lines (and body parts of mixed lines)
    lost: list[str] = field(default_factory=list)
    subheads: int = 0
    subheads_kept_as_text: list[str] = field(default_factory=list)  # published, but as text
    metadata: int = 0
    metadata_wrong: list[str] = field(default_factory=list)


def _short(line: int, text: str) -> str:
    return f"line {line}: {text[:70]}{'…' if len(text) > 70 else ''}"


def article_files(site: Site, site_data: Path, corpus: Path) -> dict[str, Article]:
    """The site's article for each real-news file (``add`` copies plain text byte for byte, renamed)."""
    texts = {path.read_bytes(): path.name for path in corpus.glob("*/*.txt")}
    found = {}
    for article in site.articles:
        name = texts.get((site_data / "corpus" / article.file).read_bytes())
        if name:
            found[name] = article
    return found


def cleaning_rows(site: Site, site_data: Path, data: dict, corpus: Path) -> list[Cleaning]:  # noqa: C901
    """One row per article of the event's expectations (see the module docstring)."""
    articles = article_files(site, site_data, corpus)
    rows = []
    for name, exp in (data.get("articles") or {}).items():
        row = Cleaning(name)
        rows.append(row)
        article = articles.get(name)
        lines = (corpus / data["event"] / name).read_text(encoding="utf-8").split("\n")
        published: dict[int, list] = {}
        for p in article.paragraphs if article else ():
            published.setdefault(p.line, []).append(p)
        text_at = {n: " ".join(p.text for p in ps) for n, ps in published.items()}
        furniture = {int(e["line"]): e["text"] for e in exp.get("furniture") or []}
        metadata = {int(e["line"]): e for e in exp.get("metadata_lines") or []}
        mixed = {int(e["line"]): e for e in exp.get("mixed") or []}
        subheads = {int(e["line"]): e["text"] for e in exp.get("subheads") or []}
        for n, text in furniture.items():
            row.furniture += 1
            if n in published:
                row.left.append(_short(n, text))
        for n, text in enumerate(lines, 1):
            if n == 1 or not text.strip() or n in furniture or n in metadata or n in mixed:
                continue
            row.body += 1
            if n not in published:
                row.lost.append(_short(n, text))
        for n, e in mixed.items():
            here = text_at.get(n, "")
            pieces = e.get("furniture") or []
            for piece in [pieces] if isinstance(pieces, str) else pieces:
                row.furniture += 1
                if piece in here:
                    row.left.append(_short(n, piece))
            for meta in e.get("metadata") or []:
                row.furniture += 1  # a byline left in the text is furniture on the page
                if meta["text"] in here:
                    row.left.append(_short(n, meta["text"]))
            for part in ("body", "subhead"):
                if e.get(part):
                    row.body += 1
                    if e[part] not in here:
                        row.lost.append(_short(n, e[part]))
            if e.get("subhead"):
                subheads[n] = e["subhead"]
        for n, text in subheads.items():
            row.subheads += 1
            if not any(p.kind == "subhead" and p.text == text for p in published.get(n, ())):
                row.subheads_kept_as_text.append(_short(n, text))
        if article is None:
            row.metadata_wrong.append("the article is not in the site")
            continue
        _metadata(row, article, exp, metadata, published)
    return rows


def _metadata(row: Cleaning, article: Article, exp: dict, metadata: dict, published: dict) -> None:
    author = article.author.value or ""
    credits = [c.value for c in article.credits]
    for n, e in metadata.items():
        row.metadata += 1
        role, text = e.get("role"), e["text"]
        ok = n not in published
        if role == "credit":
            ok = ok and text in credits
        elif role == "subtitle":
            ok = ok and article.subtitle.value == text
        if not ok:
            row.metadata_wrong.append(f"{_short(n, text)} ({role})")
    for name in exp.get("authors") or []:
        row.metadata += 1
        if name not in author:
            row.metadata_wrong.append(f"author {name!r} not in {author or 'no author'!r}")
    for credit in exp.get("credits") or []:
        if credit not in credits:
            row.metadata += 1
            row.metadata_wrong.append(f"credit {credit!r} not given")


def cleaning_table(results: dict[str, list[Cleaning]]) -> str:
    """Markdown: per article and in all, furniture left, lines lost, subheads and metadata."""
    out = [
        "| event | article | furniture left | body lines lost | subheads as text | metadata wrong |",
        "|---|---|--:|--:|--:|--:|",
    ]
    every: list[Cleaning] = []

    def cells(rows: list[Cleaning]) -> str:
        f, left = sum(r.furniture for r in rows), sum(len(r.left) for r in rows)
        b, lost = sum(r.body for r in rows), sum(len(r.lost) for r in rows)
        s, text = sum(r.subheads for r in rows), sum(len(r.subheads_kept_as_text) for r in rows)
        m, wrong = sum(r.metadata for r in rows), sum(len(r.metadata_wrong) for r in rows)
        return f"{left} of {f} | {lost} of {b} | {text} of {s} | {wrong} of {m} |"

    for event, rows in results.items():
        every += rows
        for row in rows:
            out.append(f"| {event} | {row.article} | {cells([row])}")
        out.append(f"| **{event}** | all | {cells(rows)}")
    out.append(f"| **all events** | | {cells(every)}")
    return "\n".join(out)


def cleaning_details(results: dict[str, list[Cleaning]]) -> str:
    out = []
    for event, rows in results.items():
        for row in rows:
            for label, items in (
                ("furniture left", row.left),
                ("line lost", row.lost),
                ("subhead as text", row.subheads_kept_as_text),
                ("metadata", row.metadata_wrong),
            ):
                out += [f"{event} {row.article} [{label}] {item}" for item in items]
    return "\n".join(out)
