"""Live reload (issue 18): between two builds in one process (``mkdocs serve``), an article is parsed, cleaned
and analysed again only when its file, its sources.yml entry or outlet, or a curated file the analysis reads
changed; the site is the same as a build from scratch."""

from __future__ import annotations

import shutil

import pytest

import generator.analyse
import generator.build
from generator.build import load_site

from .conftest import SITE_DATA


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """A copy of site_data/, and the names of the articles analysed in each load_site."""
    site_data = tmp_path / "site_data"
    shutil.copytree(SITE_DATA, site_data)
    analysed: list[str] = []
    real = generator.analyse.analyse_article

    def counting(article, *args, **kwargs):
        analysed.append(article.file)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(generator.build, "analyse_article", counting)
    generator.build._ANALYSED.clear()
    return site_data, analysed


def fresh(site_data):
    generator.build._ANALYSED.clear()
    return load_site(site_data)


def test_nothing_changed_nothing_analysed_again(counted):
    site_data, analysed = counted
    first = load_site(site_data)
    assert len(analysed) == len(first.articles) == 5
    analysed.clear()
    again = load_site(site_data)
    assert analysed == []
    assert again == first


def test_editing_one_article_analyses_only_it(counted):
    site_data, analysed = counted
    load_site(site_data)
    corpus = sorted((site_data / "corpus").iterdir())
    text = corpus[2].read_text(encoding="utf-8")
    # A new last paragraph that names a person and quotes them.
    corpus[2].write_text(text.rstrip("\n") + '\n\n"We will see," said Ana Peña.\n', encoding="utf-8")
    analysed.clear()
    site = load_site(site_data)
    assert analysed == [corpus[2].name]
    edited = next(a for a in site.articles if a.file == corpus[2].name)
    assert edited.paragraphs[-1].text == '"We will see," said Ana Peña.'
    assert any(q.named == "Ana Peña" for q in edited.quotes)
    assert site == fresh(site_data)


@pytest.mark.parametrize("file", ["lexicon.yml", "actors.yml", "cleaning.yml", "facts.yml", "history.yml"])
def test_a_curated_file_the_analysis_reads_analyses_every_article(counted, file):
    site_data, analysed = counted
    load_site(site_data)
    path = site_data / file
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    analysed.clear()
    site = load_site(site_data)
    assert len(analysed) == 5
    assert site == fresh(site_data)


def test_a_curated_file_the_analysis_does_not_read_analyses_nothing(counted):
    site_data, analysed = counted
    load_site(site_data)
    path = site_data / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    analysed.clear()
    load_site(site_data)
    assert analysed == []


def test_a_changed_outlet_analyses_its_articles_only(counted):
    site_data, analysed = counted
    first = load_site(site_data)
    sources = site_data / "sources.yml"
    outlet = first.articles[0].outlet
    text = sources.read_text(encoding="utf-8")
    assert text.count(f"name: {outlet.name}\n") == 1, "the outlet's name is written plainly once"
    sources.write_text(text.replace(f"name: {outlet.name}\n", f"name: {outlet.name} (renamed)\n"), "utf-8")
    analysed.clear()
    site = load_site(site_data)
    assert sorted(analysed) == sorted(a.file for a in first.articles if a.outlet.id == outlet.id)
    assert all(a.outlet.name.endswith("(renamed)") for a in site.articles if a.outlet.id == outlet.id)
    assert site == fresh(site_data)
