"""End to end: `mkdocs build --strict` of the real project, and what the built site holds."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from generator.build import load_site

from .builds import build_log
from .builds import built as shared_build
from .conftest import ROOT, SITE_DATA, run_cli, run_mkdocs
from .htmltext import Page

SCHEMA = json.loads((ROOT / "generator/schema/corpus.schema.json").read_text())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The site `mkdocs build --strict` makes of this repository (the session's one build, which the browser
    suite and test_portable read too; a failed build fails here with its output), and what it printed."""
    site = shared_build("venezuela", "mkdocs", tmp_path_factory)
    return site, build_log(site)


def test_strict_build_has_no_warnings(built):
    site, stderr = built
    assert (site / "index.html").is_file()
    assert not re.search(r"^(WARNING|ERROR)", stderr, re.M), stderr


def test_every_article_has_its_page_with_paragraph_anchors(built):
    site, _ = built
    for article in load_site(SITE_DATA).articles:
        page = Page((site / "sources" / article.id / "index.html").read_text(encoding="utf-8"))
        assert {p.id for p in article.paragraphs} <= page.ids()
        links = [
            a.get("href") for tag, a in page.elements if tag == "a" and "ms-para__link" in a.get("class", "")
        ]
        assert links == [f"#{p.id}" for p in article.paragraphs]
        assert f"Removed from the scraped page ({len(article.removed)} lines)" in page.text
        assert article.outlet.name in page.text
        for p in article.paragraphs:
            assert " ".join(p.text.split()) in page.flow_text


def test_pages_credit_outlet_author_and_link_the_original(built):
    site, _ = built
    page = Page(
        (site / "sources/trump-administration-officials-met-with-venezuelan-rebels/index.html").read_text()
    )
    assert "Reproduced for teaching from The Independent, by Emily Shugerman, 8 September 2018." in page.text
    assert (
        "a",
        {
            "href": "https://www.independent.co.uk/news/world/americas/us-politics/trump-venezuela-overthrow-"
            "maduro-government-military-rebels-a8529361.html"
        },
    ) in page.elements


def test_sources_index_lists_every_article(built):
    site, _ = built
    page = Page((site / "sources/index.html").read_text())
    for article in load_site(SITE_DATA).articles:
        assert ("a", {"href": f"{article.id}/"}) in page.elements
    assert (
        "Iran Daily Venezuela accuses US of plotting coup against Maduro not given 9 September 2018"
        in page.text
    )


def test_corpus_json_follows_the_contract(built):
    site, _ = built
    data = json.loads((site / "data/corpus.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert (site / article["url"].strip("/") / "index.html").is_file()
    exported = run_cli("export")
    assert exported.returncode == 0 and json.loads(exported.stdout) == data


RESOURCE_ATTRS = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def test_no_page_loads_anything_from_another_host(built):
    site, _ = built
    for html in site.rglob("*.html"):
        page = Page(html.read_text(encoding="utf-8"))
        for tag, attrs in page.elements:
            url = attrs.get(RESOURCE_ATTRS.get(tag, ""), "") or ""
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                continue
            assert not re.match(r"^(https?:)?//", url), f"{html}: <{tag}> loads {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)|@import\s+['\"]([^'\"]+)", css.read_text()):
            assert not re.match(r"^['\"]?(https?:)?//", "".join(url)), f"{css}: {url}"
    everything = "\n".join(
        p.read_text(errors="ignore") for p in site.rglob("*") if p.suffix in (".html", ".css")
    )
    assert "fonts.googleapis" not in everything and "fonts.gstatic" not in everything


def test_generated_pages_are_not_committed():
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    assert not [p for p in tracked if p.endswith(".md")], tracked


def test_site_data_location_is_configurable(project: Path, tmp_path: Path):
    """The plugin reads site_data from where mkdocs.yml says: a second corpus builds its own site."""
    other = project / "other_story"
    (project / "site_data").rename(other)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_data: site_data", "site_data: other_story"))
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/sources/index.html").is_file()


def test_every_actor_has_a_page_and_source_pages_link_to_them(built):
    site, _ = built
    loaded = load_site(SITE_DATA)
    for actor in loaded.actors:
        assert (site / "actors" / actor.id / "index.html").is_file(), actor.id
    mentioned = {m.actor for a in loaded.articles for m in a.mentions}
    for article in loaded.articles:
        page = Page((site / "sources" / article.id / "index.html").read_text(encoding="utf-8"))
        linked = {
            a["href"].split("/")[-2]
            for tag, a in page.elements
            if tag == "a" and "ms-actor" in a.get("class", "")
        }
        assert linked == {m.actor for m in article.mentions}
    assert mentioned <= {a.id for a in loaded.actors}


def test_actor_page_quotes_link_to_their_paragraph(built):
    site, _ = built
    page = Page((site / "actors/diosdado-cabello/index.html").read_text(encoding="utf-8"))
    assert "The presidential assassination that was stopped was led by the United States," in page.text
    hrefs = [a.get("href", "") for tag, a in page.elements if tag == "a"]
    assert "../../sources/venezuela-calls-for-massive-march-against-u-s-amid-talk-of/#p4" in hrefs
