"""Property tests: any text as a corpus article either builds a safe, whole page or stops with a clear error."""

from __future__ import annotations

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import sitedata
from generator.analyse import analyse_article
from generator.assemble import make_article
from generator.build import TEMPLATES
from generator.errors import SiteDataError
from generator.model import Site, SourceEntry
from generator.render import render_site

from .conftest import ROOT, SITE_DATA
from .htmltext import Page

RULES = sitedata.parse_cleaning((SITE_DATA / "cleaning.yml").read_text(), "cleaning.yml")
OUTLETS, _ = sitedata.parse_sources((SITE_DATA / "sources.yml").read_text(), "sources.yml")
INFO = sitedata.parse_site((SITE_DATA / "site.yml").read_text(), "site.yml")
ENTRY = SourceEntry(file="fuzz.txt", outlet=OUTLETS[0].id, slug=None, language="en", url=None)


def _extensions():
    """The Markdown extensions mkdocs.yml configures, so the fuzzed page renders as the site renders it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.Loader)  # noqa: S506 - our own file
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


EXTENSIONS, EXTENSION_CONFIGS = _extensions()
# The tags the templates themselves produce; anything else in a page came from the article.
TEMPLATE_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "details",
    "summary",
    "div",
    "button",  # the "Assign this page" box and the reading line below every page
    "span",
    "strong",
    "ol",
    "li",
}

HOSTILE_PIECES = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**b**",
        "# h",
        "| a | b |",
        "[x](javascript:1)",
        "{{ 7*7 }}",
        "{% raw %}",
        '--8<-- "mkdocs.yml"',
        "&amp;",
        "\x00",
        "\u202e",
        "\ufeff",
        "*[HTML]: x",
        "{: #id }",
        "```",
        "<!--",
        "]]>",
        "\r",
        "\t",
        "Published: September 9, 2018",
        "AFP/Someone",
        "Follow A B on Twitter",
    ]
)
TEXT = st.lists(
    st.one_of(
        st.text(max_size=200),
        HOSTILE_PIECES,
        st.just("\n"),
        st.just("\n\n"),
        st.text(alphabet="ab .\n“”\"'", max_size=3000),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_builds_a_safe_page_or_stops_with_a_clear_error(text):
    try:
        article, _ = make_article("fuzz.txt", text, ENTRY, OUTLETS[0], RULES)
    except SiteDataError as exc:
        assert str(exc).startswith("site_data/corpus/fuzz.txt")
        return
    site = Site(INFO, (analyse_article(article, INFO.words_per_minute),), OUTLETS)
    pages = render_site(site, TEMPLATES)
    source = pages[f"sources/{article.id}.md"]
    html = markdown.markdown(
        source.split("\n---\n", 1)[1], extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS
    )
    page = Page(html)
    tags = {tag for tag, _ in page.elements}
    assert tags <= TEMPLATE_TAGS, tags - TEMPLATE_TAGS
    for _, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").lower().lstrip().startswith("javascript:")
    assert {p.id for p in article.paragraphs} <= page.ids()  # every paragraph is there and linkable
    front = yaml.safe_load(source.split("---\n")[1])
    assert front["title"]
