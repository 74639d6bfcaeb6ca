"""What the editor should curate next: a to-do list drawn from the site model (shown by ``check`` and ``add``).

A site builds from a corpus and ``sources.yml`` alone; each item here is a way to make it richer or more
trustworthy (a profile for an outlet, an actor for a name, a fact nobody states). Pure: Site in, items out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .citations import BadCitation
from .model import Site


@dataclass(frozen=True)
class Todo:
    section: str  # heading in the list, e.g. "Outlets without a profile"
    file: str  # the site_data file to edit
    text: str


def next_steps(
    site: Site, site_data: str = "site_data", citations: tuple[BadCitation, ...] | None = ()
) -> tuple[Todo, ...]:
    """What to curate next. ``citations``: the citations.yml findings (None: there is no citations.yml)."""
    todos: list[Todo] = []
    sources = f"{site_data}/sources.yml"
    if not site.articles:
        todos.append(
            Todo(
                "Articles",
                f"{site_data}/corpus/",
                "the corpus is empty: add an article with `python -m generator add PAGE.html` "
                "(a saved web page, a URL or a plain-text file)",
            )
        )
    for outlet in site.outlets:
        if not outlet.profiled:
            todos.append(
                Todo(
                    "Outlets without a profile",
                    sources,
                    f"{outlet.id} ({outlet.name}): add {', '.join(outlet.missing)}, each with its citation",
                )
            )
    for warning in site.warnings:
        if warning.kind == "metadata":
            todos.append(Todo("Articles missing metadata", sources, f"{warning.path}: {warning.subject}"))

    names = [w for w in site.warnings if w.kind == "unknown-name"]
    # Most-used first: one entry in actors.yml for a name in every article is worth the most.
    used = {w.subject: _articles_using(site, w.subject) for w in names}
    for warning in sorted(names, key=lambda w: (-used[w.subject], w.subject)):
        n = used[warning.subject]
        todos.append(
            Todo(
                "Names not in actors.yml (add as actors, or as not_actors in attribution.yml)",
                f"{site_data}/actors.yml",
                f"{warning.subject} — in {n} article{'s' if n != 1 else ''}; first in {warning.path} "
                f"{warning.message.split(':', 1)[0]}",
            )
        )

    speakers = Counter(q.named for a in site.articles for q in a.quotes if q.kind == "speech" and q.named)
    for label, n in sorted(speakers.items(), key=lambda x: (-x[1], x[0])):
        todos.append(
            Todo(
                "Quoted speakers not in actors.yml",
                f"{site_data}/actors.yml",
                f"{label} — {n} quotation{'s' if n != 1 else ''} not linked to an actor",
            )
        )

    for fact in site.facts:
        cells = [c for a in site.articles for c in a.coverage if c.fact == fact.id]
        if site.articles and all(c.status == "not-mentioned" for c in cells):
            todos.append(
                Todo(
                    "Facts no article covers",
                    f"{site_data}/facts.yml",
                    f"{fact.id}: no article states or disputes it; check its patterns, or remove it",
                )
            )

    for bad in citations or ():
        todos.append(
            Todo(
                "Citations not fit to teach from (see citations.yml)",
                bad.file,
                f"line {bad.line}: {bad.url} — {bad.reason}",
            )
        )
    if citations is None:
        todos.append(
            Todo(
                "Curated data not yet written",
                f"{site_data}/citations.yml",
                "no list of unsuitable sources, so citations are not checked (copy the starter's list)",
            )
        )

    if not site.info.description:
        todos.append(
            Todo(
                "The story in brief", f"{site_data}/site.yml", "add a one-sentence `description` of the site"
            )
        )
    if not site.info.story:
        todos.append(
            Todo("The story in brief", f"{site_data}/site.yml", "add `story:` paragraphs with citations")
        )
    for present, file, what in (
        (site.actors, "actors.yml", "no people or organisations are registered"),
        (site.facts, "facts.yml", "no facts to compare the outlets on"),
        (site.lexicon, "lexicon.yml", "no loaded-word categories"),
        (site.events, "history.yml", "no historical context"),
        (site.terms, "glossary.yml", "no glossary terms"),
    ):
        if not present and site.articles:
            todos.append(Todo("Curated data not yet written", f"{site_data}/{file}", what))
    return tuple(todos)


def _articles_using(site: Site, name: str | None) -> int:
    """How many articles use the name (a rough count: the exact words anywhere in the text)."""
    if not name:
        return 0
    return sum(1 for a in site.articles if any(name in p.text for p in a.paragraphs))
