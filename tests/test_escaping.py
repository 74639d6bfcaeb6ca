"""Scraped text is untrusted: HTML, Markdown, Jinja and snippet syntax in an article render as literal text."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_mkdocs, write_corpus
from .htmltext import Page

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "img": '<img src="x" onerror="alert(1)">',
    "bold": "**not bold** and *not italic* and _not_ either",
    "heading": "# not a heading",
    "table": "| not | a | table |",
    "link": "[click me](javascript:alert(1))",
    "autolink": "<https://evil.example/>",
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %} {# comment #}",
    "snippet": '--8<-- "mkdocs.yml"',
    "entity": "&lt;b&gt; and &amp; stay as typed",
    "attr": "text {: #evil .class onclick=alert(1) }",
    "abbr": "*[HTML]: Hyper Text",
    "backtick": "`code` and ```fence```",
}
FILLER = "these words make the line long enough to be running prose for the parser."


def hostile_article() -> str:
    title = "<b>Bold</b> {{ title }} *headline* [x](javascript:alert(1))"
    paragraphs = [f"{value} — {FILLER}" for value in HOSTILE.values()]
    # A snippet marker alone at the start of a line, where pymdownx.snippets would act on it.
    paragraphs.append('--8<-- "mkdocs.yml"')
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    import shutil

    from .conftest import ROOT

    project = tmp_path_factory.mktemp("hostile") / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("docs", "templates", "site_data"):
        shutil.copytree(ROOT / name, project / name)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("site_data: site_data", "site_data: site_data\n      templates: templates")
    )
    write_corpus(project / "site_data", {"hostile.txt": hostile_article()})
    result = run_mkdocs(config, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def article_html(site: Path) -> str:
    pages = [p for p in (site / "sources").glob("*/index.html")]
    assert len(pages) == 1
    return pages[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_text_is_shown_literally(built, name):
    page = Page(article_html(built))
    assert " ".join(f"{HOSTILE[name]} — {FILLER}".split()) in page.text


def test_no_markup_from_the_article_reaches_the_page(built):
    html = article_html(built)
    page = Page(html)
    # The article's own text: its paragraphs, between the heading and the credit line.
    content = html.split('<h2 id="the-article"')[1].split('<p class="ms-credit">')[0]
    body = Page(content)
    tags = {tag for tag, _ in body.elements}
    assert not tags & {"script", "img", "strong", "em", "code", "b", "abbr", "iframe"}, tags
    for _, attrs in page.elements:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not str(attrs.get("href", "")).startswith("javascript:")
    assert "evil" not in page.ids()
    assert "49" not in page.text  # {{ 7*7 }} was never evaluated
    assert "site_name" not in page.text  # the snippet marker did not pull in mkdocs.yml


def test_hostile_headline_is_text_in_title_nav_and_heading(built):
    page = Page(article_html(built))
    title = "<b>Bold</b> {{ title }} *headline* [x](javascript:alert(1))"
    assert title in page.text
    titles = [t for t in page.text_parts if "Bold" in t]
    assert titles
    assert "b" not in {tag for tag, _ in page.elements}
    html = article_html(built)
    assert "<title>&lt;b&gt;Bold&lt;/b&gt;" in html


def test_snippet_marker_line_is_recorded_not_run(built):
    page = Page(article_html(built))
    assert '--8<-- "mkdocs.yml"' in page.text
