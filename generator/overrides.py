"""The editor's corrections of whose words a quotation is (``sources.yml``, an article's ``quotes``).

The attribution rules give a quotation to whoever the text says said it, or leave it unattributed; a few
sentences need a reader: "According to the commander allegedly speaking to the Times, … they asked “the United
States to supply them …”" quotes the Times' own account of what the commander asked for, not his words. An
override names the quotation (its paragraph and first words), its speaker (an actor id) and a note that the
source page prints beside it; words of the lexicon inside it become that speaker's. An override that matches no
quotation, or names no actor, is an error naming the file, line and key.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import SiteDataError
from .model import Actor, Article, QuoteOverride


def apply_quote_overrides(
    article: Article, overrides: tuple[QuoteOverride, ...], actors: tuple[Actor, ...], path: str
) -> tuple[Article, list[SiteDataError]]:
    """The article with each override's quotation given to its speaker, and the errors of those that fail."""
    names = {a.id: a.name for a in actors}
    quotes, framing, errors = list(article.quotes), list(article.framing), []
    for o in overrides:
        if o.speaker not in names:
            errors.append(
                SiteDataError(
                    path,
                    f"{article.file}: quotes: speaker '{o.speaker}' is not an actor id in actors.yml",
                    line=o.line,
                    key="speaker",
                )
            )
            continue
        hits = [i for i, q in enumerate(quotes) if q.paragraph == o.paragraph and q.text.startswith(o.text)]
        if len(hits) != 1:
            found = "no quotation" if not hits else f"{len(hits)} quotations"
            errors.append(
                SiteDataError(
                    path,
                    f"{article.file}: quotes: {found} in {o.paragraph} start with '{o.text}'; give the first "
                    "words of exactly one quotation of that paragraph",
                    line=o.line,
                    key="text",
                )
            )
            continue
        q = quotes[hits[0]]
        quotes[hits[0]] = replace(
            q, kind="speech", speaker=o.speaker, speaker_label=o.label, named=None, note=o.note
        )
        end = q.start + len(q.text) + 2  # the span with its quotation marks
        framing = [
            replace(h, quoted=names[o.speaker])
            if h.paragraph == o.paragraph and q.start <= h.start < end and h.quoted is not None
            else h
            for h in framing
        ]
    return replace(article, quotes=tuple(quotes), framing=tuple(framing)), errors
