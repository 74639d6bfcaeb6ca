"""Live reload (issue 18): between two builds in one process (``mkdocs serve``) a source page and an article's
handout text are rendered again only when their article or the context they are made from changed, the
templates are compiled again only when a file of theirs changed, and ``check``'s list of unknown names reads
again only the articles that changed; each build's pages are those of a build from scratch."""

from __future__ import annotations

import shutil

import pytest

from generator import render
from generator.analyse import names
from generator.build import ROOT, forget_caches, generate, load_site
from generator.render import SOURCE_PAGES
from generator.teach import FOOTERS, HANDOUT_TEXTS, HANDOUTS

from .conftest import SITE_DATA


@pytest.fixture
def project(tmp_path):
    """A copy of site_data/ and of the templates, and a first build (cold) in this process."""
    site_data, templates = tmp_path / "site_data", tmp_path / "templates"
    shutil.copytree(SITE_DATA, site_data)
    shutil.copytree(ROOT / "templates", templates)
    forget_caches()
    first = generate(site_data, templates)
    yield site_data, templates, first
    forget_caches()


def from_scratch(site_data, templates):
    forget_caches()
    return generate(site_data, templates)


def test_an_edited_article_is_the_only_one_rendered_again(project):
    site_data, templates, first = project
    again = generate(site_data, templates)
    assert (SOURCE_PAGES.hits, SOURCE_PAGES.misses) == (5, 0)
    assert (HANDOUT_TEXTS.hits, HANDOUT_TEXTS.misses) == (5, 0)
    assert FOOTERS.misses == HANDOUTS.misses == 0 and FOOTERS.hits == HANDOUTS.hits > 5
    assert again.pages == first.pages
    corpus = sorted((site_data / "corpus").iterdir())
    text = corpus[1].read_text(encoding="utf-8")
    corpus[1].write_text(
        text.rstrip("\n") + "\n\nNobody answered the telephone that evening.\n", encoding="utf-8"
    )
    edited = generate(site_data, templates)
    assert (SOURCE_PAGES.hits, SOURCE_PAGES.misses) == (4, 1)
    assert (HANDOUT_TEXTS.hits, HANDOUT_TEXTS.misses) == (4, 1)
    assert HANDOUTS.misses >= 1 and FOOTERS.misses >= 1  # the edited article's (and any page that lists it)
    article = next(a for a in edited.site.articles if a.file == corpus[1].name)
    page = f"sources/{article.id}.md"
    assert "Nobody answered the telephone that evening." in edited.pages[page]
    assert "Nobody answered the telephone that evening." not in first.pages[page]
    assert edited.pages == from_scratch(site_data, templates).pages


def test_a_curated_file_the_pages_print_renders_every_article_again(project):
    # glossary.yml is read by no analysis (no article is analysed again), but every source page marks its
    # terms: a cache keyed on the articles alone would serve the old definition.
    site_data, templates, first = project
    glossary = site_data / "glossary.yml"
    words = first.site.terms[0].definition[:20]  # "A sudden, illegal se": no character the pages escape
    text = glossary.read_text(encoding="utf-8")
    assert text.count(words) == 1
    glossary.write_text(text.replace(words, "A NEWLY WORDED one,"), encoding="utf-8")
    edited = generate(site_data, templates)
    assert (SOURCE_PAGES.hits, SOURCE_PAGES.misses) == (0, 5)
    marked = [p for p in first.pages if p.startswith("sources/") and words in first.pages[p]]
    assert marked, "the term is explained on a source page"
    assert all("A NEWLY WORDED one," in edited.pages[p] for p in marked)
    assert edited.pages == from_scratch(site_data, templates).pages


def test_an_edited_template_is_compiled_again(project):
    site_data, templates, first = project
    env = render.environment(templates)
    assert render.environment(templates) is env  # nothing changed: the compiled templates are reused
    source = templates / "source.md.j2"
    source.write_text(source.read_text(encoding="utf-8") + "\nA LINE FROM THE TEMPLATE.\n", encoding="utf-8")
    assert render.environment(templates) is not env
    edited = generate(site_data, templates)
    assert (SOURCE_PAGES.hits, SOURCE_PAGES.misses) == (0, 5)
    assert FOOTERS.hits == HANDOUTS.hits == 0  # a new environment: every template's output made again
    assert all(
        "A LINE FROM THE TEMPLATE." in edited.pages[f"sources/{a.id}.md"] for a in edited.site.articles
    )


def test_unknown_names_reads_again_only_what_changed(project, monkeypatch):
    site_data, templates, first = project
    read: list[str] = []
    real = names._read

    def counting(article, *args):
        read.append(article.file)
        return real(article, *args)

    monkeypatch.setattr(names, "_read", counting)
    before = load_site(site_data)  # unknown names are read by load_site: the pages are not needed here
    assert read == []
    attribution = site_data / "attribution.yml"
    attribution.write_text(attribution.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    again = load_site(site_data)  # the same attribution, parsed again: nothing to read again
    assert read == []
    text = attribution.read_text(encoding="utf-8")
    assert text.count("not_actors: [") == 1
    unknown = next(
        w.subject for w in first.site.warnings if w.kind == "unknown-name" and " " not in w.subject
    )
    attribution.write_text(text.replace("not_actors: [", f"not_actors: [{unknown}, "), encoding="utf-8")
    edited = load_site(site_data)
    assert sorted(read) == sorted(a.file for a in first.site.articles)
    assert unknown not in {w.subject for w in edited.warnings if w.kind == "unknown-name"}
    forget_caches()
    assert edited.warnings == load_site(site_data).warnings
    assert again.warnings == before.warnings


def test_forget_caches_leaves_nothing_from_the_last_build(project):
    import functools
    import sys

    from generator import build, memo, readability

    caches = [
        value
        for module in list(sys.modules.values())
        if getattr(module, "__name__", "").startswith("generator.")
        for value in vars(module).values()
        if isinstance(value, functools._lru_cache_wrapper)
    ]
    assert sum(c.cache_info().currsize for c in caches) > 0, "the build filled the caches"
    forget_caches()
    assert [c for c in caches if c.cache_info().currsize] == []
    assert not build._ANALYSED and not build._PARSED and not readability._GRADES and not render._ENVIRONMENTS
    assert all(not m.last and not m.now for m in memo.MEMOS)
    assert not names._READINGS
