"""Render stage helpers: what the actor pages show, gathered from the analysed articles.

Pure functions from the model to small frozen view objects, so templates only loop and branch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Actor, Article, Group, Label, Outlet, Quote, Site


@dataclass(frozen=True)
class OutletCount:
    outlet: Outlet
    count: int
    percent: int  # of the largest count on the page, for the bar chart


@dataclass(frozen=True)
class Said:
    """A quote, label or mention with the article and paragraph that back it."""

    article: Article
    paragraph: str
    quote: Quote | None = None
    label: Label | None = None


@dataclass(frozen=True)
class OutletLabels:
    outlet: Outlet
    labels: tuple[Said, ...]


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


@dataclass(frozen=True)
class GroupView:
    group: Group
    actors: tuple[ActorView, ...]


def actor_views(site: Site, articles: tuple[Article, ...]) -> tuple[GroupView, ...]:
    by_id = {a.id: a for a in site.actors}
    outlets = tuple(o for o in site.outlets if any(a.outlet.id == o.id for a in articles))
    views: list[ActorView] = []
    for actor in site.actors:
        per_outlet = Counter()
        per_article: list[tuple[Article, int]] = []
        together: Counter = Counter()
        for article in articles:
            mine = [m for m in article.mentions if m.actor == actor.id]
            if not mine:
                continue
            per_outlet[article.outlet.id] += len(mine)
            per_article.append((article, len(mine)))
            paragraphs = {m.paragraph for m in mine}
            others = {(m.actor, m.paragraph) for m in article.mentions if m.paragraph in paragraphs}
            together.update(a for a, _ in others if a != actor.id)
        top = max(per_outlet.values(), default=0)
        views.append(
            ActorView(
                actor=actor,
                group=next(g for g in site.groups if g.id == actor.group),
                total=sum(per_outlet.values()),
                per_outlet=tuple(
                    OutletCount(o, per_outlet[o.id], round(100 * per_outlet[o.id] / top) if top else 0)
                    for o in outlets
                ),
                labels=tuple(
                    OutletLabels(
                        o,
                        tuple(
                            Said(a, lab.paragraph, label=lab)
                            for a in articles
                            if a.outlet.id == o.id
                            for lab in a.labels
                            if lab.actor == actor.id
                        ),
                    )
                    for o in outlets
                ),
                quotes=tuple(
                    Said(a, q.paragraph, quote=q)
                    for a in articles
                    for q in a.quotes
                    if q.kind == "speech" and q.speaker == actor.id
                ),
                appears_with=tuple(
                    (by_id[a], n)
                    for a, n in sorted(together.items(), key=lambda x: (-x[1], x[0]))
                    if a in by_id
                )[:12],
                articles=tuple(per_article),
                related=tuple(by_id[r] for r in actor.related if r in by_id),
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
