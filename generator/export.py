"""Open data: the corpus as JSON (``data/corpus.json`` in the site; ``python -m generator export``).

The shape is a published contract (``generator/schema/corpus.schema.json``): add fields, never rename.
"""

from __future__ import annotations

from .analyse.compare import framing_counts
from .analyse.mentions import counts
from .model import Site

SCHEMA_VERSION = 1


def corpus_json(site: Site) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "articles": [
            {
                "id": a.id,
                "file": a.file,
                "url": a.site_path,
                "outlet": a.outlet.name,
                "title": a.title.value,
                "subtitle": a.subtitle.value,
                "author": a.author.value,
                "published": a.published.value,
                # "kind" only for the article's own subheadings: a plain paragraph is the common case.
                "paragraphs": [
                    {"id": p.id, "text": p.text, **({"kind": p.kind} if p.kind != "text" else {})}
                    for p in a.paragraphs
                ],
                "credits": [c.value for c in a.credits],
                "removed": [{"text": r.text, "rule": r.rule} for r in a.removed],
                "mentions": counts(a.mentions),
                "quotes": [
                    {
                        "text": q.text,
                        "speaker": q.speaker,
                        "speaker_label": q.speaker_label,
                        "named": q.named,
                        "paragraph": q.paragraph,
                        "kind": q.kind,
                    }
                    for q in a.quotes
                ],
                "labels": [
                    {"actor": lab.actor, "text": lab.text, "paragraph": lab.paragraph} for lab in a.labels
                ],
                "framing": framing_counts(a.framing, quoted=False),
                "framing_in_quotations": framing_counts(a.framing, quoted=True),
                "facts": {c.fact: c.paragraph for c in a.coverage if c.status == "stated"},
                "flags": [
                    {
                        "kind": f.kind,
                        "event": f.event,
                        "paragraph": f.paragraph,
                        "says": f.says,
                        "record": f.record,
                        "citation": f.citation,
                    }
                    for f in a.flags
                ],
            }
            for a in sorted(site.articles, key=lambda a: a.id)
        ],
        "events": [
            {"id": e.id, "name": e.name, "date": e.date, "url": f"/history/#{e.id}"} for e in site.events
        ],
        "facts": [{"id": f.id, "statement": f.statement, "citation": f.citation} for f in site.facts],
        "actors": [
            {
                "id": x.id,
                "name": x.name,
                "kind": x.kind,
                "aliases": list(x.aliases),
                "group": x.group,
                "url": x.site_path,
            }
            for x in site.actors
        ],
    }
