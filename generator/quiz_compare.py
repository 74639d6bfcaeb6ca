"""Self-check quizzes of the comparison pages (index, facts, words, voices): which article states a fact,
uses a word or quotes a person, which outlet published a headline, has a country or a rating. Made from the
comparison view (``views.Comparison``) and the site index as ``quiz`` makes an article's questions, with the
same rules: only what the data decides, a wrong choice only where the data says it is wrong.
"""

from __future__ import annotations

from .model import Site
from .quiz import (
    MAX_QUESTIONS,
    Choice,
    Evidence,
    QuizQuestion,
    _cut,
    _given_to,
    _index,
    _names_person,
    _question,
    _same_person,
    _whole_text,
    _writer_labels,
    decided_quotes,
    speaker_name,
)
from .quiz_index import folded as _folded
from .quiz_index import uses as _uses
from .views import Comparison


def _facts_questions(view: Comparison) -> list[QuizQuestion]:
    out = []
    rows = sorted((r for r in view.facts if r.stated), key=lambda r: r.stated)
    for row in rows:
        pairs = list(zip(view.columns, row.cells, strict=True))
        stated = [(col, c) for col, c in pairs if c.status == "stated" and c.paragraph]
        absent = [col for col, c in pairs if c.status == "not-mentioned"]
        if not stated:
            continue
        col, cell = stated[0]
        n = int(cell.paragraph[1:])
        right = Choice(col.label, True, f"{col.label} states it in paragraph {n}.")
        wrong = [
            Choice(c.label, False, f"The table marks {c.label} “not mentioned” for this fact.")
            for c in absent
        ]
        q = _question(
            "fact",
            f"Which of these articles states this fact: “{row.fact.statement}”?",
            right,
            wrong,
            Evidence(col.article.id, cell.paragraph),
        )
        if q:
            out.append(q)
    return out[:4]


def _words_questions(site: Site, view: Comparison) -> list[QuizQuestion]:
    out = []
    texts = {col.article.id: _whole_text(col.article, site) for col in view.columns}
    rows = [(table, row) for table in view.words for row in table.rows if any(row.counts)]
    for table, row in sorted(rows, key=lambda tr: sum(1 for n in tr[1].counts if n)):
        users = [col for col, n in zip(view.columns, row.counts, strict=True) if n]
        forms = (row.term.term, *row.term.forms)
        never = [
            col
            for col, n in zip(view.columns, row.counts, strict=True)
            if not n and not any(_uses(texts[col.article.id], f) for f in forms)
        ]
        hit = next(  # the outlet's own use (row.counts leave out the words inside quotations)
            h
            for h in users[0].article.framing
            if h.term == row.term.term and h.category == table.category.id and h.quoted is None
        )
        n = int(hit.paragraph[1:])
        right = Choice(users[0].label, True, f"{users[0].label} uses it in paragraph {n}.")
        wrong = [Choice(c.label, False, f"{c.label} never uses “{row.term.term}”.") for c in never]
        q = _question(
            "word",
            f"Which of these articles uses the word “{row.term.term}”?",
            right,
            wrong,
            Evidence(users[0].article.id, hit.paragraph),
        )
        if q:
            out.append(q)
        if len(out) == 3:
            break
    names = {a.id: a.name for a in site.actors}
    labels = [
        (col, label)
        for col in view.columns
        for label in _writer_labels(site, col.article)
        if not _names_person(site, label.actor, label.text)
        and _folded(label.text) not in {_folded(q.answer.text) for q in out}
    ]
    users = {}
    for col, label in labels:
        users.setdefault((label.actor, _folded(label.text)), set()).add(col.article.id)
    for col, label in sorted(labels, key=lambda cl: len(users[(cl[1].actor, _folded(cl[1].text))])):
        never = [c for c in view.columns if not _uses(texts[c.article.id], label.text)]
        n = int(label.paragraph[1:])
        name = names[label.actor]
        right = Choice(col.label, True, f"{col.label} says “{label.text}” in paragraph {n}.")
        wrong = [Choice(c.label, False, f"{c.label} never uses “{label.text}”.") for c in never]
        q = _question(
            "label",
            f"Which article's writer calls {name} “{label.text}”?",
            right,
            wrong,
            Evidence(col.article.id, label.paragraph),
        )
        if q:
            out.append(q)
            break
    return out


def _voices_questions(site: Site, view: Comparison) -> list[QuizQuestion]:
    out = []
    said, speakers = _index(site).said, _index(site).speakers
    for col in view.columns:
        for quote in decided_quotes(site, col.article):
            given_to = _given_to(said, quote)
            name = speaker_name(site, quote)
            if len(given_to) != 1:
                continue
            n = int(quote.paragraph[1:])
            right = Choice(name, True, f"{col.label}, paragraph {n}, gives these words to {name}.")
            wrong = [Choice(s, False, f"Not {s}.") for s in speakers if not _same_person(s, given_to)]
            q = _question(
                "quote",
                f"In {col.label}, who is quoted saying “{_cut(quote.text)}”?",
                right,
                wrong,
                Evidence(col.article.id, quote.paragraph),
            )
            if q:
                out.append(q)
                break
        if len(out) == 2:
            break
    # "Which article quotes X?": an article with an anonymous or unattributed statement cannot be a wrong
    # choice, since its unnamed speaker might be X.
    quoted = {
        col.article.id: {speaker_name(site, q) for q in col.article.quotes if q.kind == "speech"} - {None}
        for col in view.columns
    }
    open_ended = {
        col.article.id
        for col in view.columns
        if any(q.kind == "speech" and not speaker_name(site, q) for q in col.article.quotes)
    }
    for name in speakers:
        users = [col for col in view.columns if name in quoted[col.article.id]]
        if len(users) != 1:
            continue
        col = users[0]
        first = next(q for q in col.article.quotes if q.kind == "speech" and speaker_name(site, q) == name)
        n = int(first.paragraph[1:])
        never = [c for c in view.columns if c is not col and c.article.id not in open_ended]
        right = Choice(col.label, True, f"{col.label} quotes {name}, first in paragraph {n}.")
        wrong = [Choice(c.label, False, f"{c.label} does not quote {name}.") for c in never]
        q = _question(
            "quoted",
            f"Which of these articles quotes {name}?",
            right,
            wrong,
            Evidence(col.article.id, first.paragraph),
        )
        if q:
            out.append(q)
        if len(out) == 4:
            break
    return out


def _index_questions(view: Comparison) -> list[QuizQuestion]:
    out = []
    outlets = {col.article.outlet.id: col.article.outlet for col in view.columns}
    titles = {}
    for col in view.columns:
        titles.setdefault(col.article.outlet.id, set()).add(_folded(col.article.title.value or ""))
    seen = set()
    for col in view.columns:
        outlet = col.article.outlet
        if outlet.id in seen or not col.article.title.value:
            continue
        seen.add(outlet.id)
        title = col.article.title.value
        right = Choice(outlet.name, True, f"{outlet.name} published it ({col.label}).")
        wrong = [
            Choice(o.name, False, f"Not {o.name}.")
            for o in outlets.values()
            if o.id != outlet.id and _folded(title) not in titles[o.id]
        ]
        q = _question(
            "headline",
            f"Which outlet published the article headlined “{title}”?",
            right,
            wrong,
            Evidence(col.article.id, None),
        )
        if q:
            out.append(q)
        if len(out) == 2:
            break
    known = [o for o in outlets.values() if o.country]
    for outlet in known:
        country = outlet.country.value
        if sum(o.country.value == country for o in known) != 1:
            continue
        right = Choice(outlet.name, True, f"The sources table gives {outlet.name}'s country as {country}.")
        wrong = [
            Choice(o.name, False, f"The sources table gives {o.name}'s country as {o.country.value}.")
            for o in known
            if o is not outlet
        ]
        q = _question("country", f"In the sources table, which outlet's country is {country}?", right, wrong)
        if q:
            out.append(q)
            break
    # A rating only one outlet has from a rater, against outlets that rater rates otherwise (an outlet with no
    # rating recorded from it is not a wrong answer: nobody may have looked).
    # Only each outlet's latest rating from a rater counts: a rater may have rated it otherwise years ago.
    latest: dict[tuple[str, str], object] = {}
    for o in outlets.values():
        for r in o.ratings or ():
            if (o.id, r.by) not in latest or r.date > latest[(o.id, r.by)].date:
                latest[(o.id, r.by)] = r
    rated = [o for o in outlets.values() if o.ratings]
    for outlet in rated:
        for rating in (r for (oid, _), r in latest.items() if oid == outlet.id):
            by_rater = {oid: r.rating for (oid, by), r in latest.items() if by == rating.by}
            if list(by_rater.values()).count(rating.rating) != 1:
                continue
            right = Choice(
                outlet.name, True, f"{rating.by} rates {outlet.name} “{rating.rating}” (as of {rating.date})."
            )
            wrong = [
                Choice(o.name, False, f"{rating.by} rates {o.name} “{by_rater[o.id]}”.")
                for o in rated
                if o is not outlet and o.id in by_rater
            ]
            q = _question("rating", f"Which outlet does {rating.by} rate “{rating.rating}”?", right, wrong)
            if q:
                out.append(q)
                return out
    return out


def comparison_quiz(site: Site, view: Comparison, name: str) -> tuple[QuizQuestion, ...]:
    """Up to five questions for a comparison page: ``name`` is index, facts, words or voices."""
    if not view.columns:
        return ()
    found = {
        "index": lambda: _index_questions(view),
        "facts": lambda: _facts_questions(view),
        "words": lambda: _words_questions(site, view),
        "voices": lambda: _voices_questions(site, view),
    }[name]()
    return tuple(found)[:MAX_QUESTIONS]
