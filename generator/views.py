"""Render stage helpers: what the actor pages show, gathered from the analysed articles.

Pure functions from the model to small frozen view objects, so templates only loop and branch.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from .model import (
    Actor,
    Article,
    Coverage,
    Fact,
    FramingCategory,
    FramingTerm,
    Group,
    Label,
    Outlet,
    Quote,
    Site,
)


@dataclass(frozen=True)
class OutletCount:
    outlet: Outlet
    count: int


@dataclass(frozen=True)
class Said:
    """A quote, label or mention with the article and paragraph that back it."""

    article: Article
    paragraph: str
    quote: Quote | None = None
    label: Label | None = None


@dataclass(frozen=True)
class LabelUse:
    """One label an outlet puts next to the name, with every place it does ("the Maduro regime" ×3)."""

    text: str
    count: int
    places: tuple[tuple[Article, tuple[str, ...]], ...]  # each article with its paragraph ids, in order


@dataclass(frozen=True)
class OutletLabels:
    outlet: Outlet
    labels: tuple[LabelUse, ...]  # in order of first use


@dataclass(frozen=True)
class ActorView:
    actor: Actor
    group: Group
    total: int
    per_outlet: tuple[OutletCount, ...]
    labels: tuple[OutletLabels, ...]
    quotes: tuple[Said, ...]
    appears_with: tuple[tuple[Actor, int], ...]
    articles: tuple[tuple[Article, int], ...]
    related: tuple[Actor, ...]
    in_history: bool = False  # a key figure of an event in history.yml


@dataclass(frozen=True)
class GroupView:
    group: Group
    actors: tuple[ActorView, ...]


def actor_views(site: Site, articles: tuple[Article, ...]) -> tuple[GroupView, ...]:
    by_id = {a.id: a for a in site.actors}
    outlets = tuple(o for o in site.outlets if any(a.outlet.id == o.id for a in articles))
    # Each article's mentions, labels and quotations by actor, gathered in one pass over the articles (not one
    # per actor): the same items in the same order as filtering every article for each actor.
    mentions_of: list[dict[str, list]] = []
    labels_of: dict[tuple[str, str], list[Said]] = {}  # (outlet, actor) → the labels, articles in order
    quotes_of: dict[str, list[Said]] = {}
    for a in articles:
        mine: dict[str, list] = {}
        for m in a.mentions:
            mine.setdefault(m.actor, []).append(m)
        mentions_of.append(mine)
        for lab in a.labels:
            labels_of.setdefault((a.outlet.id, lab.actor), []).append(Said(a, lab.paragraph, label=lab))
        for q in a.quotes:
            if q.kind == "speech" and q.speaker:
                quotes_of.setdefault(q.speaker, []).append(Said(a, q.paragraph, quote=q))
    views: list[ActorView] = []
    for actor in site.actors:
        per_outlet = Counter()
        per_article: list[tuple[Article, int]] = []
        together: Counter = Counter()
        for article, found in zip(articles, mentions_of, strict=True):
            mine = found.get(actor.id)
            if not mine:
                continue
            per_outlet[article.outlet.id] += len(mine)
            per_article.append((article, len(mine)))
            paragraphs = {m.paragraph for m in mine}
            others = {(m.actor, m.paragraph) for m in article.mentions if m.paragraph in paragraphs}
            together.update(a for a, _ in others if a != actor.id)
        views.append(
            ActorView(
                actor=actor,
                group=next(g for g in site.groups if g.id == actor.group),
                total=sum(per_outlet.values()),
                per_outlet=tuple(OutletCount(o, per_outlet[o.id]) for o in outlets),
                labels=tuple(
                    OutletLabels(o, _label_uses(labels_of.get((o.id, actor.id), ()))) for o in outlets
                ),
                quotes=tuple(quotes_of.get(actor.id, ())),
                appears_with=tuple(
                    (by_id[a], n)
                    for a, n in sorted(together.items(), key=lambda x: (-x[1], x[0]))
                    if a in by_id
                )[:12],
                articles=tuple(per_article),
                related=tuple(by_id[r] for r in actor.related if r in by_id),
                in_history=any(actor.id in e.figures for e in site.events),
            )
        )
    return tuple(
        GroupView(
            g,
            tuple(
                sorted((v for v in views if v.actor.group == g.id), key=lambda v: (-v.total, v.actor.name))
            ),
        )
        for g in site.groups
    )


def _label_uses(saids) -> tuple[LabelUse, ...]:
    """The same words said again are one label with its places, not a row of repeats."""
    uses: dict[str, dict[str, tuple[Article, list[str]]]] = {}
    for said in saids:
        per_article = uses.setdefault(said.label.text, {})
        per_article.setdefault(said.article.id, (said.article, []))[1].append(said.paragraph)
    return tuple(
        LabelUse(text, sum(len(p) for _, p in by.values()), tuple((a, tuple(p)) for a, p in by.values()))
        for text, by in uses.items()
    )


@dataclass(frozen=True)
class Column:
    """An article as a column of the comparison tables."""

    article: Article
    label: str  # "Breitbart News, 8 Sep 2018"
    later: bool  # published well after the event in brief: it covers later events
    when: str = ""  # "8 Sep 2018": a table's header puts it under the outlet's name, where columns are narrow


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    cells: tuple[Coverage, ...]  # one per column
    stated: int


@dataclass(frozen=True)
class WordRow:
    term: FramingTerm
    counts: tuple[int, ...]  # the outlet's own words, per column
    quoted: tuple[int, ...] = ()  # the same word inside quotations (the speakers' words), per column


@dataclass(frozen=True)
class WordTable:
    category: FramingCategory
    rows: tuple[WordRow, ...]
    totals: tuple[int, ...]
    quoted: tuple[int, ...] = ()


@dataclass(frozen=True)
class VoiceRow:
    name: str  # a group of actors, or "Anonymous sources", "Not attributed"
    quotes: tuple[tuple[Said, ...], ...]  # per column


@dataclass(frozen=True)
class Shared:
    """One statement carried by several articles, with each article's sentence."""

    speaker: str | None
    items: tuple[tuple[Column, Quote, str], ...]  # column, quote, the sentence around it
    named: str | None = None  # the speaker's name in the text, when actors.yml does not list them


@dataclass(frozen=True)
class EditorNote:
    """A fact cell the site's editors decided by reading the article (numbered in page order)."""

    number: int
    fact: int  # index in Comparison.facts
    column: int  # index in Comparison.columns
    coverage: Coverage


@dataclass(frozen=True)
class Comparison:
    columns: tuple[Column, ...]
    facts: tuple[FactRow, ...]
    stated_per_column: tuple[int, ...]
    words: tuple[WordTable, ...]
    voices: tuple[VoiceRow, ...]
    shared: tuple[Shared, ...]
    notes: tuple[EditorNote, ...] = ()
    only: tuple[tuple[FactRow, Outlet], ...] = ()  # facts one outlet alone states (in one or more articles)
    nobody: tuple[FactRow, ...] = ()  # facts no article states


LATER_AFTER_DAYS = 30
NAMED_ROWS = 12  # speakers not in actors.yml with a row of their own on the voices page


_LAST: list = []  # [(site, articles, comparison)] of the last call (held, so that the site's id is not reused)


def comparison_view(site: Site, articles: tuple[Article, ...]) -> Comparison:
    """The comparison pages' model; the same site and articles give the same (frozen) view, so the quizzes
    and the pages of one build share one."""
    if _LAST and _LAST[0][0] is site and _LAST[0][1] == articles:
        return _LAST[0][2]
    view = _comparison_view(site, articles)
    _LAST[:] = [(site, articles, view)]
    return view


def _comparison_view(site: Site, articles: tuple[Article, ...]) -> Comparison:
    story_date = site.story.date if site.story else None
    columns = []
    for a in articles:
        published = a.published.value
        later = bool(
            story_date
            and published
            and len(story_date) == 10
            and (dt.date.fromisoformat(published) - dt.date.fromisoformat(story_date)).days > LATER_AFTER_DAYS
        )
        when = dt.date.fromisoformat(published).strftime("%-d %b %Y") if published else "date not known"
        columns.append(Column(a, f"{a.outlet.name}, {when}", later, when))
    facts = []
    first_cell: list[dict[str, Coverage]] = []  # each column's first coverage of each fact
    for col in columns:
        first_cell.append({})
        for c in col.article.coverage:
            first_cell[-1].setdefault(c.fact, c)
    for fact in site.facts:
        cells = tuple(found[fact.id] for found in first_cell)
        facts.append(FactRow(fact, cells, sum(c.status == "stated" for c in cells)))
    stated = tuple(sum(c.status == "stated" for c in col.article.coverage) for col in columns)
    words = []
    # Each article's framing hits by (category, term), indexed once: not filtered again for every term.
    hits_of: list[dict[tuple[str, str], list]] = []
    for col in columns:
        hits_of.append({})
        for h in col.article.framing:
            hits_of[-1].setdefault((h.category, h.term), []).append(h)
    for category in site.lexicon:
        rows = []
        for term in category.terms:
            hits = [found.get((category.id, term.term), []) for found in hits_of]
            counts = tuple(sum(1 for h in found if h.quoted is None) for found in hits)
            quoted = tuple(sum(1 for h in found if h.quoted is not None) for found in hits)
            rows.append(WordRow(term, counts, quoted))
        totals = tuple(sum(r.counts[i] for r in rows) for i in range(len(columns)))
        in_quotes = tuple(sum(r.quoted[i] for r in rows) for i in range(len(columns)))
        words.append(WordTable(category, tuple(rows), totals, in_quotes))
    group_of = {a.id: a.group for a in site.actors}
    # People the text names who are not in actors.yml have no group: the most quoted get a row each, so a
    # site without a registry still shows whom each outlet quotes; the rest share one row (a large corpus may
    # name hundreds, and every row has a cell per article).
    named = Counter(q.named for col in columns for q in col.article.quotes if q.kind == "speech" and q.named)
    ranked = [who for who, _ in sorted(named.items(), key=lambda x: (-x[1], x[0]))]
    top = set(ranked[:NAMED_ROWS])

    # Each quotation's row, found once (the rows' conditions exclude each other): a row's quotations, per
    # column, are then those with its key, in the text's order.
    def row_of(q) -> tuple:
        if q.speaker:
            return ("group", group_of.get(q.speaker))
        if q.speaker is not None:
            return ("none",)
        if q.named:
            return ("named", q.named) if q.named in top else ("others",)
        return ("anonymous",) if q.speaker_label else ("unattributed",)

    by_row: list[dict[tuple, list[Said]]] = []
    for col in columns:
        by_row.append({})
        for q in col.article.quotes:
            if q.kind == "speech":
                by_row[-1].setdefault(row_of(q), []).append(Said(col.article, q.paragraph, quote=q))
    voices = []
    for name, key in (
        [(g.name, ("group", g.id)) for g in site.groups]
        + [(f"{who} (not in the site's list of people)", ("named", who)) for who in ranked[:NAMED_ROWS]]
        + [
            ("Others named, not in the site's list of people", ("others",)),
            ("Anonymous sources", ("anonymous",)),
            ("Not attributed in the text", ("unattributed",)),
        ]
    ):
        per = tuple(tuple(found.get(key, ())) for found in by_row)
        if any(per):
            voices.append(VoiceRow(name, per))
    notes = [
        EditorNote(0, i, j, cell)
        for i, row in enumerate(facts)
        for j, cell in enumerate(row.cells)
        if cell.note
    ]
    only, nobody = [], []
    for row in facts:
        # By outlet, not by article: two articles of one outlet are still one outlet's reporting.
        outlets = {
            col.article.outlet.id: col.article.outlet
            for col, c in zip(columns, row.cells, strict=True)
            if c.status == "stated"
        }
        if len(outlets) == 1:
            only.append((row, *outlets.values()))
        elif not outlets:
            nobody.append(row)
    return Comparison(
        tuple(columns),
        tuple(facts),
        stated,
        tuple(words),
        tuple(voices),
        _shared(columns),
        tuple(replace(n, number=k) for k, n in enumerate(notes, 1)),
        tuple(only),
        tuple(nobody),
    )


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    words = [w.strip(".,;:!?“”\"'’‘[]()").casefold() for w in text.split()]
    words = [w for w in words if w]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _shared(columns: list[Column]) -> tuple[Shared, ...]:
    """Statements that several articles quote: six words in a row in common make two quotations one.

    Quotations are grouped through an index of their six-word runs, so the cost grows with the number of
    quotations, not with its square.
    """
    items = [(col, q) for col in columns for q in col.article.quotes if q.kind == "speech"]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, ...], int] = {}
    for i, (_, q) in enumerate(items):
        for shingle in _shingles(q.text):
            j = first_with.setdefault(shingle, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    shared = []
    for group in sorted(groups.values()):
        # Side by side means two outlets or more: one outlet repeating itself in two articles is not a
        # comparison. Each article once: its first quotation of the statement stands for the rest.
        if len({items[i][0].article.outlet.id for i in group}) < 2:
            continue
        rows = []
        seen: set[str] = set()
        for i in group:
            col, q = items[i]
            if col.article.id in seen:
                continue
            seen.add(col.article.id)
            paragraph = next(p for p in col.article.paragraphs if p.id == q.paragraph)
            rows.append((col, q, _sentence_around(paragraph.text, q.start)))
        speaker = next((items[i][1].speaker for i in group if items[i][1].speaker), None)
        named = next((items[i][1].named for i in group if items[i][1].named), None)
        shared.append(Shared(speaker, tuple(rows), None if speaker else named))
    return tuple(shared)


def _sentence_around(text: str, offset: int) -> str:
    from .analyse.quotes import sentence_starts, spans

    starts = [*sentence_starts(text, spans(text)), len(text)]
    begin = max(s for s in starts if s <= offset)
    end = min(s for s in starts if s > offset)
    return text[begin:end].strip()


@dataclass(frozen=True)
class Provenance:
    """Where a value on a source page comes from, in plain words for students (issue 15 §5), with the
    editors' own record of it for the collapsed "How we know" note."""

    words: str  # "from the article's first line", "from the site's editors, with a citation"
    url: str | None  # the citation, when the value has one
    record: str  # as the generator and sources.yml say it: "text line 5", "inferred: …"


def provenance(source: str) -> Provenance:
    """Plain words for a ``Sourced.source`` (assemble.py, sources.yml and add write these forms)."""
    if source.startswith(("https://", "http://")):
        return Provenance("from the site's editors, with a citation", source, f"sources.yml, citing {source}")
    if source == "text line 1":
        return Provenance("from the article's first line", None, source)
    if source.startswith(("text line", "the text")):
        return Provenance("from the article itself", None, source)
    if source.startswith("inferred:"):
        how = source.removeprefix("inferred:").strip()
        words = (
            "worked out from the saved web page"
            if "saved page" in how
            else "worked out by the site's editors"
        )
        return Provenance(words, None, f"sources.yml, {source}")
    if source.startswith(("not given", "no ")):
        return Provenance("not in the article, and the site's editors have not added it", None, source)
    if source == "sources.yml":
        return Provenance("from the site's editors", None, source)
    return Provenance(source, None, source)
