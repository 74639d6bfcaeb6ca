"""Self-check quizzes: a few multiple-choice questions per article page and comparison page, made only from
what the site has decided.

A question is teaching material: its right answer must be right and every other choice wrong, judged by the
site's own data, never by a guess. So each kind of question is made only from facts the analyses settle:

- a dated claim the history check flags (what the article says, what the record says);
- a quotation whose speaker the sentence itself names (not one reached through "he" or "she", and never an
  anonymous or unattributed one): the other choices are people quoted elsewhere in the site, none of whom
  is given those words anywhere;
- a fact-matrix cell ("stated" against "not mentioned"; a disputed cell is left out of both sides);
- a label the writer uses outside quotation marks, against labels for the same person that appear nowhere in
  the article (headline included);
- a counted word of the word list, against words of the same list the article never uses in any form;
- byline facts (author, date, outlet) against those of the site's other articles, when they differ.

Every choice carries its own feedback, and the question the paragraph that settles it. Curated questions from
teaching.yml (``Teaching.quizzes``) come first. The order of the choices is fixed by a hash of the question,
so builds are reproducible and the right answer is not always in the same place.

This module makes the questions and an article page's quiz; ``quiz_compare`` the comparison pages' quizzes
from the same parts; ``quiz_site`` what they all read from the whole site (decided quotations, speakers,
writers' labels), gathered once per site into ``quiz_index.SiteIndex``.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass

from .model import Article, Site
from .quiz_index import SiteIndex, distinct, distinct_but, site_index
from .quiz_index import folded as _folded
from .quiz_index import uses as _uses
from .quiz_site import _build_index, _name_words, _runs, _speaker

MAX_QUESTIONS = 5
MAX_WRONG = 3  # distractors per question
QUOTE_MAX_WORDS = 20  # longer ones are cut with an ellipsis in the question


@dataclass(frozen=True)
class Evidence:
    """Where the answer is: an article's paragraph (the page links it)."""

    article: str  # article id
    paragraph: str | None  # "p5"; None: the article as a whole (its headline, its byline)

    @property
    def number(self) -> int | None:
        return int(self.paragraph[1:]) if self.paragraph else None


@dataclass(frozen=True)
class Choice:
    text: str
    right: bool
    why: str  # the feedback a student sees after choosing it


@dataclass(frozen=True)
class QuizQuestion:
    kind: str  # flag | quote | fact | label | word | author | date | outlet | headline | country | curated
    q: str
    choices: tuple[Choice, ...]
    evidence: Evidence | None = None
    see: str | None = None  # curated questions: a site address, optionally with #anchor

    @property
    def answer(self) -> Choice:
        return next(c for c in self.choices if c.right)

    def feedback(self, choice: Choice) -> str:
        """What a student reads after choosing: for a wrong choice, why, then the answer and its reason."""
        if choice.right:
            return choice.why
        return f"{choice.why} The answer is “{self.answer.text.rstrip('.')}”. {self.answer.why}"


# --------------------------------------------------------------------------- helpers


def _whole_text(article: Article, site: Site | None = None) -> str:
    """Everything a reader of the article sees as its words: headline, subtitle and paragraphs, folded.
    (With ``site``, worked out once per article: three kinds of question read it.)"""
    if site is not None:
        whole = _index(site).whole
        if article.id not in whole:
            whole[article.id] = _whole_text(article)
        return whole[article.id]
    parts = [article.title.value or "", article.subtitle.value or ""]
    return _folded(" ".join(parts + [p.text for p in article.paragraphs]))


def _order(key: str, right: Choice, wrong: list[Choice]) -> tuple[Choice, ...]:
    """The choices in a fixed order: distractors alphabetically, the right one at a place set by the key."""
    wrong = sorted(wrong, key=lambda c: c.text.casefold())[:MAX_WRONG]
    at = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % (len(wrong) + 1)
    return (*wrong[:at], right, *wrong[at:])


def _question(kind, q, right, wrong, evidence=None) -> QuizQuestion | None:
    """A question with at least two wrong choices, or None (a two-way guess teaches little)."""
    # A wrong choice that contains the right one, or is contained in it ("government" beside "Maduro's
    # government"), would be a trick: leave it out, and any that overlaps a choice already kept.
    unique = [wrong[i] for i in distinct(right.text, [c.text for c in wrong])]
    if len(unique) < 2:
        return None
    return QuizQuestion(kind, q, _order(q, right, unique), evidence)


def _question_among(kind, q, texts: tuple[str, ...], right: int, why: str) -> QuizQuestion | None:
    """``_question`` with ``texts[right]`` the right choice and all the other texts wrong ("Not …."), as for
    the byline questions: the same question, without filtering every text of the site for each article."""
    count, first = distinct_but(texts, right, MAX_WRONG)
    if count < 2:
        return None
    wrong = [Choice(texts[i], False, f"Not {texts[i]}.") for i in first]
    return QuizQuestion(kind, q, _order(q, Choice(texts[right], True, why), wrong))


def _in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "The Monroe Doctrine" → "the Monroe Doctrine"."""
    return "the" + name[3:] if name.startswith("The ") else name


def _cut(text: str) -> str:
    words = text.split()
    text = " ".join(words[:QUOTE_MAX_WORDS]) + (" …" if len(words) > QUOTE_MAX_WORDS else "")
    return text.strip(" ,;:")


def speaker_name(site: Site, quote) -> str | None:
    """Who said it, as the pages name them: the registered actor, or the name the text gives."""
    return _speaker(_index(site).actors, quote)


def decided_quotes(site: Site, article: Article) -> list:
    """Statements whose speaker the quotation's own sentence names, and no one else: not reached through "he"
    or "she", never anonymous or unattributed, and long enough to recognise."""
    return _index(site).decided[article.id]


def _same_person(name: str, names: set[str]) -> bool:
    """Whether ``name`` may be one of ``names`` under another form ("Susan Rice", "Susan E. Rice"): they share
    a capitalised word of three letters or more. Such a name is never offered as a wrong choice."""
    mine = {w for w in _name_words((name,)) if len(w) > 2}
    return any(mine & {w for w in _name_words((n,)) if len(w) > 2} for n in names)


def _given_to(said: dict, quote) -> set[str]:
    """Everyone the site gives these words (or part of them) to, in any article."""
    return set().union(*(said.get(run, set()) for run in _runs(quote.text)))


def curated_quiz(questions) -> tuple[QuizQuestion, ...]:
    """The editors' questions (teaching.yml ``quizzes``) in the same form as the generated ones."""
    out = []
    for cq in questions:
        choices = tuple(
            Choice(text, i == cq.answer, cq.why if i == cq.answer else "Not this one.")
            for i, text in enumerate(cq.choices)
        )
        out.append(QuizQuestion("curated", cq.q, choices, None, cq.see))
    return tuple(out)


# --------------------------------------------------------------------------- article pages


def _flag_question(site: Site, article: Article) -> QuizQuestion | None:
    if not article.flags:
        return None
    flag = article.flags[0]
    event = next(e for e in site.events if e.id == flag.event)
    n = int(flag.paragraph[1:])
    says, record = flag.says, flag.record
    sentence = _folded(flag.sentence)
    right = Choice(
        f"{says}; the record says {record}",
        True,
        f"Paragraph {n} gives {says}, but the record dates {_in_sentence(event.name)} to {record}.",
    )
    wrong = [
        Choice(
            f"{record}, as the record says",
            False,
            f"The article does not give {record}.",
        ),
        Choice(f"{says}, as the record says", False, f"The record does not say {says}."),
    ]
    # A year of another event of the site, which the sentence does not contain.
    years = sorted({e.date[:4] for e in site.events})
    other = next((y for y in years if y not in sentence and y not in says and y not in record), None)
    if other:
        wrong.append(
            Choice(f"{other}; the record says {record}", False, f"The article does not give {other}.")
        )
    return _question(
        "flag",
        f"What date does this article give for {_in_sentence(event.name)}, and what does the historical record say?",
        right,
        wrong,
        Evidence(article.id, flag.paragraph),
    )


def _quote_questions(site: Site, article: Article, said: dict, speakers: list[str]) -> list[QuizQuestion]:
    out, asked = [], set()
    for quote in decided_quotes(site, article):
        name = speaker_name(site, quote)
        if name in asked:
            continue
        given_to = _given_to(said, quote)
        if len(given_to) != 1:  # the site gives the same words to two people: not decided
            continue
        n = int(quote.paragraph[1:])
        here = [speaker_name(site, q) for q in decided_quotes(site, article)]
        # The first six of these people (generated: the site may quote thousands).
        candidates = (
            s for s in dict.fromkeys(itertools.chain(here, speakers)) if s and not _same_person(s, given_to)
        )
        right = Choice(name, True, f"Paragraph {n} gives these words to {name}.")
        wrong = [Choice(s, False, f"Not {s}.") for s in itertools.islice(candidates, 6)]
        # Prefer people this article quotes too (a closer reading), then the most quoted in the site.
        wrong = wrong[:MAX_WRONG]
        question = _question(
            "quote",
            f"Who does this article quote saying “{_cut(quote.text)}”?",
            right,
            wrong,
            Evidence(article.id, quote.paragraph),
        )
        if question:
            out.append(question)
            asked.add(name)
        if len(out) == 2:
            break
    return out


def _fact_question(site: Site, article: Article) -> QuizQuestion | None:
    stated = [c for c in article.coverage if c.status == "stated" and c.paragraph]
    absent = [c for c in article.coverage if c.status == "not-mentioned"]
    if not stated or len(absent) < 2:
        return None
    facts = {f.id: f for f in site.facts}
    # The fact fewest other articles state: the one that tells this article apart.
    others = _index(site).stated
    cell = min(stated, key=lambda c: (others[c.fact], [f.id for f in site.facts].index(c.fact)))
    n = int(cell.paragraph[1:])
    right = Choice(facts[cell.fact].statement, True, f"Paragraph {n} states it.")
    wrong = [
        Choice(
            facts[c.fact].statement,
            False,
            "The facts table finds no sentence of this article that states it (“not mentioned”).",
        )
        for c in absent
    ]
    return _question(
        "fact",
        "Which of these facts does this article state?",
        right,
        wrong,
        Evidence(article.id, cell.paragraph),
    )


def _writer_labels(site: Site, article: Article) -> list:
    """Labels for people that the writer uses outside quotation marks, readable as a phrase on their own."""
    return _index(site).writer_labels[article.id]


def _core(site: Site, actor: str, text: str) -> str:
    """A label without the person's own name, articles and possessive: "the Maduro regime" → "regime", so two
    labels that differ only there ("Maduro's government", "the Maduro government") count as one choice."""
    index = _index(site)
    core = index.cores.get((actor, text))  # once per label and site: every article's quiz compares them all
    if core is None:
        person = index.actors[actor]
        name = {w for n in (person.name, *person.aliases) for w in _folded(n).split()}
        words = [w.removesuffix("'s") for w in _folded(text).split()]
        core = index.cores[(actor, text)] = " ".join(
            w for w in words if w not in name and w not in {"the", "a", "an"}
        )
    return core


def _names_person(site: Site, actor: str, text: str) -> bool:
    return _core(site, actor, text) != " ".join(w.removesuffix("'s") for w in _folded(text).split())


def _label_groups(site: Site, actor: str) -> dict[str, list[tuple[str, list[tuple[int, str]]]]]:
    """The writers' labels of ``actor`` by core (_core), worked out once per site: for each core its distinct
    labels in the order they first appear, each with its first (position in the site's order, article id) and,
    when another article uses it too, the first of those (all a quiz needs: the first use by another writer)."""
    index = _index(site)
    groups = index.label_groups.get(actor)
    if groups is None:
        firsts: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for position, (writer, other) in enumerate(index.labels_by_actor[actor]):
            uses = firsts.setdefault(_core(site, other.actor, other.text), {}).setdefault(other.text, [])
            if not uses or (len(uses) == 1 and uses[0][1] != writer):
                uses.append((position, writer))
        groups = index.label_groups[actor] = {core: list(by_text.items()) for core, by_text in firsts.items()}
    return groups


def _label_question(site: Site, article: Article) -> QuizQuestion | None:
    """What the writer calls a person: a descriptor ("socialist dictator"), not a phrase with the person's own
    name in it, against labels other articles use for them that this one never uses."""
    text = _whole_text(article, site)
    names = {a.id: a.name for a in site.actors}
    index = _index(site)
    used_by = index.label_users
    mine = [x for x in _writer_labels(site, article) if not _names_person(site, x.actor, x.text)]
    for label in sorted(mine, key=lambda x: len(used_by[(x.actor, _folded(x.text))])):
        n = int(label.paragraph[1:])
        # Of each core but this label's, the first label another writer uses that this article does not, in
        # the site's order of articles: the labels grouped by core once per site (_label_groups), so that
        # each article goes through the cores, not through every label of the site.
        own = _core(site, label.actor, label.text)
        chosen = []
        for core, labels in _label_groups(site, label.actor).items():
            if core == own:
                continue
            best = (
                None  # (position, label): the earliest use by another writer of a label this one never uses
            )
            for other_text, uses in labels:
                if best is not None and uses[0][0] > best[0]:
                    break  # labels come in the order of their first use: none later can come before best
                at = next((p for p, writer in uses if writer != article.id), None)
                if at is not None and (best is None or at < best[0]) and not _uses(text, other_text):
                    best = (at, other_text)
            if best is not None:
                chosen.append(best)
        others = [other_text for _, other_text in sorted(chosen)]
        name = names[label.actor]
        right = Choice(label.text, True, f"Paragraph {n} says “{label.text}”.")
        wrong = [Choice(o, False, f"This article never uses “{o}”.") for o in others]
        question = _question(
            "label",
            f"Which of these words does the writer use for {name} in paragraph {n}?",
            right,
            wrong,
            Evidence(article.id, label.paragraph),
        )
        if question:
            return question
    return None


def _word_question(site: Site, article: Article, asked: set[str]) -> QuizQuestion | None:
    """A counted word of the word list this article uses, the one fewest other articles use."""
    text = _whole_text(article, site)
    term_users = _index(site).term_users
    users = {(h.category, h.term): term_users[h.term] for h in article.framing}
    order = {c.id: i for i, c in reversed(list(enumerate(site.lexicon)))}  # each id's first place
    used = {h.term for h in article.framing}
    unused_of: dict[str, list] = {}  # category → its terms the article never uses (the same for each hit)
    for category_id, term_name in sorted(users, key=lambda k: (users[k], order[k[0]])):
        if _folded(term_name) in asked:
            continue
        category = site.lexicon[order[category_id]]
        hit = next(h for h in article.framing if h.term == term_name and h.category == category_id)
        if category_id not in unused_of:
            unused_of[category_id] = [
                t
                for t in category.terms
                if t.term not in used and not any(_uses(text, f) for f in (t.term, *t.forms))
            ]
        unused = unused_of[category_id]
        n = int(hit.paragraph[1:])
        right = Choice(term_name, True, f"Paragraph {n} uses it; it is marked there.")
        wrong = [Choice(t.term, False, f"This article never uses “{t.term}”.") for t in unused]
        question = _question(
            "word",
            f"Which of these words does the article use? ({category.name})",
            right,
            wrong,
            Evidence(article.id, hit.paragraph),
        )
        if question:
            return question
    return None


def _byline_questions(site: Site, article: Article) -> list[QuizQuestion]:
    # The other articles' authors, dates and outlets are the wrong choices (see _question_among).
    index = _index(site)
    out = []
    if article.author.known:
        at = index.authors.index(article.author.value)
        why = f"The byline names {article.author.value}."
        q = _question_among("author", "Who wrote this article?", index.authors, at, why)
        if q:
            out.append(q)
    if article.published.known:
        at = index.dates.index(article.published.value)
        why = f"The byline gives {index.days[at]}."
        q = _question_among("date", "When was this article published?", index.days, at, why)
        if q:
            out.append(q)
    at = index.outlets.index(article.outlet.name)
    why = f"The byline names {article.outlet.name}."
    q = _question_among("outlet", "Which outlet published this article?", index.outlets, at, why)
    if q:
        out.append(q)
    return out


def _index(site: Site) -> SiteIndex:
    return site_index(site, _build_index)


def article_quiz(site: Site, article: Article) -> tuple[QuizQuestion, ...]:
    """Up to five questions on one article, the most telling kinds first."""
    index = _index(site)
    said, speakers = index.said, index.speakers
    found = [_flag_question(site, article), *_quote_questions(site, article, said, speakers)]
    label = _label_question(site, article)
    asked = {_folded(label.answer.text)} if label else set()
    found += [_fact_question(site, article), label, _word_question(site, article, asked)]
    found += _byline_questions(site, article)
    return tuple(q for q in found if q)[:MAX_QUESTIONS]
