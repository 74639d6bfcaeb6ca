"""The teaching layer, added to the pages render made: on every page its reading time and grade, a self-check
quiz (article and comparison pages), questions to discuss, an activity and "Assign this page"; a printable
handout per page; and the teachers' pages (the guide, the notes, a packet per lesson plan).

Pure like render: pages in, pages out. The quizzes come from ``quiz``, the packets' and notes' structure from
``lessons``; the templates only loop over them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from urllib.parse import quote_plus

import jinja2
from markupsafe import Markup

from . import classroom, lessons, packets
from .analyse import word_stats
from .analyse.glossary import finder_of
from .errors import SiteDataError
from .escape import escape_text
from .memo import Memo
from .model import Outlet, Site, Teaching
from .qr import page_url, public_base, qr_svg
from .quiz import MAX_QUESTIONS, article_quiz, curated_quiz
from .quiz_compare import comparison_quiz
from .readability import page_grade
from .render import (
    SOURCE_LINKS,
    article_page,
    linked_paragraphs,
    long_date,
    page_type,
    plain_text,
    raw_href,
    relative,
    script_href,
    title_of,
    url_of,
)
from .views import comparison_view

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def handout_key(address: str) -> str:
    return address.strip("/").replace("/", "-") or "home"


def left_out(address: str, site: Site) -> str | None:
    """The curated file whose absence (or emptiness) is why the site has no page at ``address``, if it is.

    teaching.yml may name such a page: its guide was written for the whole site, and removing glossary.yml
    must not break the build. Any other address that is not a page is a mistake in teaching.yml.
    """
    if address == "/glossary/" and not site.terms:
        return "glossary.yml"
    if address == "/history/" and not site.events:
        return "history.yml"
    if address.startswith("/actors/") and not site.actors:
        return "actors.yml"
    if address == "/compare/facts/" and not site.facts:
        return "facts.yml"
    return None


def teaching_addresses(teaching: Teaching) -> list[str]:
    """Every address teaching.yml names (lesson plans, the reading route, pages with questions of their own,
    the kit's quizzes and page names), in order."""
    return [
        *(a for plan in teaching.plans for s in plan.steps for a in s.pages),
        *(a for a, _ in teaching.route),
        *teaching.pages,
        *teaching.quizzes,
        *(q.see.split("#")[0] for qs in teaching.quizzes.values() for q in qs if q.see),
        *teaching.page_names.values(),
    ]


def quizzes_of(site: Site) -> dict[str, tuple]:
    """The self-check questions of each article page and comparison page (docs-relative path → questions)."""
    articles = sorted(site.articles, key=lambda a: (a.published.value or "9999", a.outlet.name, a.id))
    out = {article_page(a): article_quiz(site, a) for a in articles}
    view = comparison_view(site, tuple(articles))
    for name in ("index", "facts", "words", "voices"):
        if name != "facts" or site.facts:
            out[f"compare/{name}.md"] = comparison_quiz(site, view, name)
    # The editors' own questions first; the generated ones fill up to the quiz's length.
    for path in out:
        own = curated_quiz(site.teaching.quizzes.get("/" + url_of(path), ())) if site.teaching else ()
        out[path] = (own + out[path])[:MAX_QUESTIONS] if own else out[path]
    return out


def evidence_href(
    path: str, question, by_id: dict, page_of: dict, directory_urls: bool
) -> tuple[str, str] | None:
    """The link under a question's feedback, (href, text): the paragraph that settles it."""
    if question.see:  # an editor's question: the address it gives
        address, _, anchor = question.see.partition("#")
        target = page_of.get(address)
        if target is None:  # a page a missing curated file leaves out (see left_out)
            return None
        if target == path:
            return (f"#{anchor}", f"Read paragraph {anchor[1:]}") if anchor else None
        return script_href(path, target, directory_urls, anchor), "See where the answer is"  # data-href
    ev = question.evidence
    if ev is None:
        return None
    article = by_id[ev.article]
    target = article_page(article)
    if target == path:
        return (f"#{ev.paragraph}", f"Read paragraph {ev.number}") if ev.paragraph else None
    which = f"{article.outlet.name}, {long_date(article.published.value)}"
    href = script_href(path, target, directory_urls, ev.paragraph or "")  # data-href: read by quiz.js
    return href, (f"Read paragraph {ev.number} ({which})" if ev.paragraph else f"Read the article ({which})")


def packet_pages(
    site, env, teaching, questions_of, titles, page_of, quizzes, directory_urls
) -> dict[str, str]:
    """A student packet and a teacher edition per lesson plan, and the page listing them."""
    out: dict[str, str] = {}
    numbers = {c.id: n for n, c in enumerate(site.lexicon, 1)}
    by_address = {a.site_path: a for a in site.articles}
    quiz_of = {"/" + url_of(path): q for path, q in quizzes.items() if q}
    listed = []
    for plan in teaching.plans:
        if not SLUG.match(plan.id):
            raise SiteDataError(
                "site_data/teaching.yml",
                f"plan id '{plan.id}' must be lower-case letters, digits and hyphens: it names the packet's "
                f"address (/teachers/packet/{plan.id}/)",
                key="id",
            )
        student, teacher = f"teachers/packet/{plan.id}.md", f"teachers/packet/{plan.id}-teacher.md"
        p = packets.packet(plan, questions_of, by_address, site.terms, set(quiz_of))
        common = dict(
            p=p,
            titles=titles,
            lexicon=site.lexicon,
            numbers=numbers,
            rubrics=teaching.rubrics,
            lateral={a.outlet.id: lateral_of(teaching, a.outlet) for a in site.articles},
        )
        out[student] = env.get_template("packet.md.j2").render(
            **common,
            hrefs={a: raw_href(student, page_of[a], directory_urls) for a in page_of},
            teacher_href=raw_href(student, teacher, directory_urls),
            # Marked words only: names are not links on paper, and the words to know are listed up front.
            text={r.article.id: linked_paragraphs(r.article, set(), None, numbers) for r in p.readings},
        )
        out[teacher] = env.get_template("packet_teacher.md.j2").render(
            **common,
            student_link=relative(teacher, student),
            letters={r.address: r.letter for r in p.readings},
            reading_questions={r.address: r.questions for r in p.readings},
            quizzes=quiz_of,
        )
        listed.append(
            (plan, relative("teachers/packet.md", student), relative("teachers/packet.md", teacher))
        )
    if listed:
        out["teachers/packet.md"] = env.get_template("packets.md.j2").render(packets=listed)
    return out


@dataclass(frozen=True)
class Lateral:
    """The lateral-reading exercise for one outlet, with its starting links and the ratings the site shows."""

    outlet: Outlet
    why: str
    look_up: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (text, address)
    write_down: tuple[str, ...]
    compare: str


def lateral_of(teaching: Teaching | None, outlet: Outlet) -> Lateral | None:
    kit = teaching.lateral if teaching else None
    if kit is None:
        return None
    links = []
    if outlet.id in kit.encyclopedia:
        links.append((f"An encyclopedia article on {outlet.name}", kit.encyclopedia[outlet.id]))
    for query in kit.queries:
        words = query.replace("{outlet}", outlet.name)
        links.append((f"Search the web: {words}", kit.search.replace("{query}", quote_plus(words))))
    return Lateral(outlet, kit.why, kit.look_up, tuple(links), kit.write_down, kit.compare)


def mentioned(texts: list[str], titles: dict[str, str], names: dict[str, str], known: set[str]) -> list[str]:
    """The addresses of the pages these texts (a page's questions and activity) send students to: a page's
    title word for word ("Words chosen"), or a phrase teaching.yml's page_names gives ("the history page")."""
    found = []
    for text in texts:
        for address, title in titles.items():
            if len(title) > 3 and _phrase(title, 0).search(text):
                found.append(address)
        for phrase, address in names.items():
            if address in known and _phrase(phrase, re.I).search(text):
                found.append(address)
    return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=1 << 16)
def _phrase(phrase: str, flags: int) -> re.Pattern:
    """``phrase`` as whole words, compiled once: re's own cache holds 512 patterns, and a site of 1,000
    articles has 2,000 page titles to look for in every page's questions."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", flags)


def terms_in(site: Site, text: str) -> list:
    """The glossary terms a page uses, in the order it uses them."""
    if not site.terms:
        return []
    return [term for _, _, term in finder_of(site.terms).find(text, set())]


GRADE_MARK = "MsGradeMarkQz"  # stands for a page's grade in its footer (letters only: printed as it is)
HANDOUT_TEXTS = Memo("handout texts")  # an article's handout text and terms, by its page (see memo.py)
FOOTERS = Memo("footers")  # a page's teaching footer, by the arguments its template is given
HANDOUTS = Memo("handouts")  # a page's handout, by the arguments its template is given


def teaching_pages(
    site: Site,
    env: jinja2.Environment,
    pages: dict[str, str],
    directory_urls: bool,
    site_url: str | None = None,
) -> dict[str, str]:
    """The teaching layer: on every page reading time and grade, a quiz, questions, an activity and "Assign this
    page"; a printable handout per page; the teachers' guide, notes and a packet per lesson plan."""
    teaching = site.teaching
    out: dict[str, str] = {}
    paths = sorted(p for p in pages if p.endswith(".md"))
    titles = {"/" + url_of(p): title_of(pages[p]) for p in paths}
    page_of = {"/" + url_of(p): p for p in paths}
    known = set(page_of)
    if teaching is not None:
        for address in teaching_addresses(teaching):
            if address not in known and not left_out(address, site):
                raise SiteDataError(
                    "site_data/teaching.yml",
                    f"names {address}, which is not a page of the site "
                    "(python -m generator addresses lists them)",
                    key=address,
                )
    questions_of: dict[str, tuple] = {}
    footer = env.get_template("_teach.md.j2")
    handout = env.get_template("handout.md.j2")
    articles = {article_page(a): a for a in site.articles}
    quizzes = quizzes_of(site)
    by_id = {a.id: a for a in site.articles}
    numbers = {c.id: n for n, c in enumerate(site.lexicon, 1)}
    names = teaching.page_names if teaching else {}
    base = public_base(site_url)
    HANDOUT_TEXTS.begin((site.lexicon, site.terms))
    FOOTERS.begin(footer)  # a template of the environment, which is made again when a template changes
    HANDOUTS.begin(handout)
    sent_to_of: dict[tuple[str, ...], list[str]] = {}  # questions and activity → the pages they name
    for path in paths:
        kind = page_type(path)
        address = "/" + url_of(path)
        article = articles.get(path)
        if kind is None:
            continue
        # Words and minutes of the whole page; its grade is the prose's, measured below (page_grade), so the
        # grade of the whole text (lists and tables included) is not worked out only to be replaced.
        wpm = site.info.words_per_minute
        plain = None if article else plain_text(pages[path])  # read twice below: made once
        reading = article.stats if article else word_stats(plain, wpm)
        questions = ()
        activity = None
        if teaching is not None:
            questions = teaching.pages.get(address) or teaching.defaults.get(kind, ())
            activity = teaching.activities.get(kind)
        questions_of[address] = questions
        handout_path = f"handouts/{handout_key(address)}.md"
        quiz = quizzes.get(path, ())
        lateral = lateral_of(teaching, article.outlet) if article else None
        parts = dict(
            quiz=quiz,
            quiz_hrefs=[evidence_href(path, q, by_id, page_of, directory_urls) for q in quiz],
            questions=questions,
            own_questions=bool(teaching is not None and teaching.pages.get(address)),
            activity=activity,
            lateral=lateral,
            address=address,
            qr=qr_svg(page_url(base, address)) if base else None,
            self_href=raw_href(path, path, directory_urls),
            handout=raw_href(path, handout_path, directory_urls),
            article_grade=article.stats.grade if article else None,
        )
        # The grade shown is the site's own prose on the finished page, footer included (the reading line
        # itself is not prose, so it can be measured before its number is filled in). The footer is rendered
        # once, with a mark where the grade goes (the template only prints it): the draft that is graded and
        # the page differ only there. Should the mark not come out exactly once, it is rendered twice.
        marked_stats = replace(reading, grade=GRADE_MARK)
        # What the template is given is all it can print: the same arguments, the same footer (memo.py).
        marked = FOOTERS.get(
            path, (marked_stats, parts), lambda s=marked_stats, p=parts: footer.render(stats=s, **p)
        )
        if marked.count(GRADE_MARK) == 1:
            draft = pages[path] + marked.replace(GRADE_MARK, escape_text(reading.grade))
            reading = replace(reading, grade=page_grade(draft).grade)
            out[path] = pages[path] + marked.replace(GRADE_MARK, escape_text(reading.grade))
        else:
            draft = pages[path] + footer.render(stats=reading, **parts)
            reading = replace(reading, grade=page_grade(draft).grade)
            out[path] = pages[path] + footer.render(stats=reading, **parts)
        texts = (*(q.q for q in questions), *([activity.text] if activity else []))
        if texts not in sent_to_of:  # most pages share their type's default questions: read them once
            sent_to_of[texts] = mentioned(list(texts), titles, names, known)
        sent_to = sent_to_of[texts]
        if article:  # the article's text and the terms it uses: its own, made again only when it changed
            text, terms = HANDOUT_TEXTS.get(
                path,
                article,
                lambda a=article: (
                    linked_paragraphs(a, set(), None, numbers),
                    terms_in(site, " ".join(p.text for p in a.paragraphs)),
                ),
            )
        else:
            text, terms = {}, terms_in(site, plain)
        given = dict(
            title=titles[address],
            address=address,
            page_href=raw_href(handout_path, path, directory_urls),
            stats=reading,
            questions=questions,
            activity=activity,
            article=article,
            article_grade=parts["article_grade"],
            text=text,
            lexicon=site.lexicon,
            numbers=numbers,
            terms=terms,
            lateral=lateral,
            sent_to=[
                (a, titles[a], raw_href(handout_path, page_of[a], directory_urls))
                for a in sent_to
                if a != address
            ],
        )
        out[handout_path] = HANDOUTS.get(handout_path, given, lambda g=given: handout.render(**g))
    if teaching is not None:
        route = [(a, why) for a, why in teaching.route if a in known]  # without pages left out (see left_out)
        listed = packet_pages(site, env, teaching, questions_of, titles, page_of, quizzes, directory_urls)
        out.update(listed)
        out["teachers/index.md"] = env.get_template("teachers.md.j2").render(
            t=teaching,
            route=route,
            page="teachers/index.md",
            titles=titles,
            page_of=page_of,
            packets=[plan for plan in teaching.plans if f"teachers/packet/{plan.id}.md" in listed],
            # Made after the build (classroom.py); an offline build (file URLs) is itself the copy, so it links
            # none. From teachers/index.md the link is the same relative to the page's URL and to its file.
            zip_href=Markup(f"../{classroom.DOWNLOADS}/{classroom.ZIP_NAME}")
            if directory_urls in (True, SOURCE_LINKS)
            else None,
        )
        out["teachers/notes.md"] = env.get_template("notes.md.j2").render(
            page="teachers/notes.md",
            titles=titles,
            page_of=page_of,
            notes=lessons.notes(teaching, {a: page_type(page_of[a]) for a, q in questions_of.items() if q}),
        )
    return out
