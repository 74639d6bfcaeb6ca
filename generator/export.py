"""Open data: the corpus as JSON (``data/corpus.json`` in the site; ``python -m generator export``).

The shape is a published contract (``generator/schema/corpus.schema.json``): add fields, never rename.
"""

from __future__ import annotations

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
                "paragraphs": [{"id": p.id, "text": p.text} for p in a.paragraphs],
                "removed": [{"text": r.text, "rule": r.rule} for r in a.removed],
            }
            for a in sorted(site.articles, key=lambda a: a.id)
        ],
    }
