"""The teaching layer, added to the pages render made: on every page its reading time and grade, a self-check
quiz (article and comparison pages), questions to discuss, an activity and "Assign this page"; a printable
handout per page; and the teachers' pages (the guide, the notes, a packet per lesson plan).

Pure like render: pages in, pages out. The quizzes come from ``quiz``, the packets' and notes' structure from
``lessons``; the templates only loop over them.
"""

from __future__ import annotations

from dataclasses import replace

import jinja2

from .analyse import stats
from .errors import SiteDataError
from .model import Site, Teaching
from .quiz import article_quiz, comparison_quiz
from .readability import page_grade
from .render import article_page, long_date, page_type, plain_text, raw_href, script_href, title_of, url_of
from .views import comparison_view


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
    """Every address the teachers' guide names (lesson plans, the reading route, then pages with questions of
    their own), in order."""
    return [
        *(a for plan in teaching.plans for s in plan.steps for a in s.pages),
        *(a for a, _ in teaching.route),
        *teaching.pages,
    ]


def quizzes_of(site: Site) -> dict[str, tuple]:
    """The self-check questions of each article page and comparison page (docs-relative path → questions)."""
    articles = sorted(site.articles, key=lambda a: (a.published.value or "9999", a.outlet.name, a.id))
    out = {article_page(a): article_quiz(site, a) for a in articles}
    view = comparison_view(site, tuple(articles))
    for name in ("index", "facts", "words", "voices"):
        if name != "facts" or site.facts:
            out[f"compare/{name}.md"] = comparison_quiz(site, view, name)
    return out


def evidence_href(path: str, question, by_id: dict, directory_urls: bool) -> tuple[str, str] | None:
    """The link under a question's feedback, (href, text): the paragraph that settles it."""
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


def teaching_pages(
    site: Site, env: jinja2.Environment, pages: dict[str, str], directory_urls: bool
) -> dict[str, str]:
    """The teaching layer: on every page reading time and grade, questions, an activity and "Assign this page";
    a printable handout per page; the teachers' guide, notes and lesson packet."""
    teaching = site.teaching
    out: dict[str, str] = {}
    titles, page_of = {}, {}
    questions_of: dict[str, tuple] = {}
    footer = env.get_template("_teach.md.j2")
    handout = env.get_template("handout.md.j2")
    articles = {article_page(a): a for a in site.articles}
    quizzes = quizzes_of(site)
    by_id = {a.id: a for a in site.articles}
    for path in sorted(p for p in pages if p.endswith(".md")):
        kind = page_type(path)
        address = "/" + url_of(path)
        titles[address], page_of[address] = title_of(pages[path]), path
        article = articles.get(path)
        reading = article.stats if article else stats(plain_text(pages[path]), site.info.words_per_minute)
        if kind is None:
            continue
        questions = ()
        activity = None
        if teaching is not None:
            questions = teaching.pages.get(address) or teaching.defaults.get(kind, ())
            activity = teaching.activities.get(kind)
        questions_of[address] = questions
        handout_path = f"handouts/{handout_key(address)}.md"
        quiz = quizzes.get(path, ())
        parts = dict(
            quiz=quiz,
            quiz_hrefs=[evidence_href(path, q, by_id, directory_urls) for q in quiz],
            questions=questions,
            activity=activity,
            address=address,
            self_href=raw_href(path, path, directory_urls),
            handout=raw_href(path, handout_path, directory_urls),
            article_grade=article.stats.grade if article else None,
        )
        # The grade shown is the site's own prose on the finished page, footer included (the reading line
        # itself is not prose, so it can be measured before its number is filled in).
        draft = pages[path] + footer.render(stats=reading, **parts)
        reading = replace(reading, grade=page_grade(draft).grade)
        out[path] = pages[path] + footer.render(stats=reading, **parts)
        out[handout_path] = handout.render(
            title=titles[address],
            address=address,
            page_href=raw_href(handout_path, path, directory_urls),
            stats=reading,
            questions=questions,
            activity=activity,
            article=articles.get(path),
            article_grade=parts["article_grade"],
        )
    if teaching is not None:
        # Without a guide (a new site's generic questions), the teachers' index says so and there is no packet:
        # the packet prints the guide's reading route.
        known = set(page_of)
        for address in teaching_addresses(teaching):
            if address not in known and not left_out(address, site):
                raise SiteDataError(
                    "site_data/teaching.yml",
                    f"names {address}, which is not a page of the site "
                    "(python -m generator addresses lists them)",
                    key=address,
                )
        route = [(a, why) for a, why in teaching.route if a in known]  # without pages left out (see left_out)
        out["teachers/index.md"] = env.get_template("teachers.md.j2").render(
            t=teaching, route=route, page="teachers/index.md", titles=titles, page_of=page_of
        )
        out["teachers/notes.md"] = env.get_template("notes.md.j2").render(
            page="teachers/notes.md",
            titles=titles,
            page_of=page_of,
            all_questions=[(a, q) for a, q in sorted(questions_of.items()) if q],
        )
        if route:
            out["teachers/packet.md"] = env.get_template("packet.md.j2").render(
                titles=titles,
                hrefs={a: raw_href("teachers/packet.md", page_of[a], directory_urls) for a in known},
                route=[(a, why, questions_of.get(a, ())) for a, why in route],
            )
    return out
