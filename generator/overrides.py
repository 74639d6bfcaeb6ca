"""The editor's corrections of whose words a quotation is (``sources.yml``, an article's ``quotes``).

The attribution rules give a quotation to whoever the text says said it, or leave it unattributed; a few
sentences need a reader: "According to the commander allegedly speaking to the Times, … they asked “the United
States to supply them …”" quotes the Times' own account of what the commander asked for, not his words. An
override names the quotation (its paragraph and first words), its speaker (an actor id) and a note that the
source page prints beside it; words of the lexicon inside it become that speaker's. An override naming an actor
``actors.yml`` does not list is an error (a typo), or a note when there is no ``actors.yml``; one that matches no
quotation (the text or the cleaning rules changed) is a note: it applies to nothing, and the quotation keeps the
rules' reading. Both name the file, line and key.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import SiteDataError
from .model import Actor, Article, QuoteOverride, Warning


def apply_quote_overrides(
    article: Article, overrides: tuple[QuoteOverride, ...], actors: tuple[Actor, ...], path: str
) -> tuple[Article, list[SiteDataError], list[Warning]]:
    """The article with each override's quotation given to its speaker; the errors and notes of those that fail."""
    if not overrides:  # the article itself, not a copy: the in-process caches know it by identity
        return article, [], []
    names = {a.id: a.name for a in actors}
    quotes, framing, errors, notes = list(article.quotes), list(article.framing), [], []
    for o in overrides:
        if o.speaker not in names:
            message = f"{article.file}: quotes: speaker '{o.speaker}' is not an actor id in actors.yml"
            if actors:
                errors.append(SiteDataError(path, message, line=o.line, key="speaker"))
            else:
                notes.append(Warning(f"{path}:{o.line}", f"{message} (there is none), so it changes nothing"))
            continue
        hits = [i for i, q in enumerate(quotes) if q.paragraph == o.paragraph and q.text.startswith(o.text)]
        if len(hits) != 1:
            found = "no quotation" if not hits else f"{len(hits)} quotations"
            notes.append(
                Warning(
                    f"{path}:{o.line} (text)",
                    f"{article.file}: quotes: {found} in {o.paragraph} start with '{o.text}', so the override "
                    "changes nothing; give the first words of exactly one quotation of that paragraph",
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
    return replace(article, quotes=tuple(quotes), framing=tuple(framing)), errors, notes
