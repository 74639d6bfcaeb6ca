"""Hostile input on every channel (issue 12): one table of payloads, every curated field that reaches a page.

Each probe gives a clear error naming the file and the key, or inert text: no element that runs, loads or
navigates, no handler, no ``javascript:``/``data:`` address, no attribute broken out of, the payload shown as
the literal text it is. Expectations are written by hand from the URL rule (urls.py's docstring) and the
escaping rules (escape.py's).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import generate, load_site
from generator.errors import SiteDataError

from .conftest import ROOT, run_cli, run_mkdocs
from .hostile import CITE, documents, inert_problems, replaced, to_html, write_site
from .htmltext import Page

# ---------------------------------------------------------------------------------------------- addresses
# name → (what an editor or a saved page gives, the address the site links to, or None: refused)
URLS = {
    "markdown link": (
        "https://ok.example/)[click](javascript:alert(document.domain)//",
        "https://ok.example/)[click](javascript:alert(document.domain)//",
    ),
    "attribute list": (
        "https://ok.example/){:onclick=alert(1)}",
        "https://ok.example/)%7B:onclick=alert(1)%7D",
    ),
    "off-site image": (
        "https://ok.example/)![x](http://evil.example/p.png",
        "https://ok.example/)![x](http://evil.example/p.png",
    ),
    "quotes": (
        'https://ok.example/" onmouseover="alert(1)',
        "https://ok.example/%22%20onmouseover=%22alert(1)",
    ),
    "angle brackets": (
        "https://ok.example/<script>alert(1)</script>",
        "https://ok.example/%3Cscript%3Ealert(1)%3C/script%3E",
    ),
    "table pipe": ("https://ok.example/a|b", "https://ok.example/a|b"),
    "non-ASCII and spaces": (
        "HTTPS://OK.Example:443/café?q=a b#x y",
        "https://ok.example/caf%C3%A9?q=a%20b#x%20y",
    ),
    "javascript": ("javascript:alert(document.domain)", None),
    "javascript, mixed case": ("JaVaScRiPt:alert(1)", None),
    "data": ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", None),
    "user info": ("https://ok.example@evil.example/", None),
    "backslash": ("https://ok.example\\@evil.example/", None),
    "no host": ("https:///path", None),
    "scheme-relative": ("//evil.example/p.png", None),
    "line break": ("https://ok.example/\njavascript:alert(1)", None),
    "bad port": ("https://ok.example:99999/", None),
    "ftp": ("ftp://ok.example/file", None),
}
# Every curated field that holds an address: file → path to the value.
URL_CHANNELS = {
    "article url": ("sources.yml", ("articles", 0, "url")),
    "article subtitle source": ("sources.yml", ("articles", 0, "subtitle", "source")),
    "outlet homepage": ("sources.yml", ("outlets", 0, "homepage")),
    "outlet country source": ("sources.yml", ("outlets", 0, "country", "source")),
    "rating url": ("sources.yml", ("outlets", 0, "ratings", 0, "url")),
    "story citation": ("site.yml", ("story", 0, "citations", 0)),
    "actor citation": ("actors.yml", ("actors", 0, "citation")),
    "role citation": ("actors.yml", ("actors", 0, "roles", 0, "citation")),
    "history source": ("history.yml", ("events", 0, "sources", 0, "url")),
    "glossary source": ("glossary.yml", ("terms", 0, "source")),
    "fact citation": ("facts.yml", ("facts", 0, "citation")),
    "event-in-brief citation": ("facts.yml", ("event", "citations", 0)),
    "standards source": ("teaching.yml", ("guide", "standards_sources", 0)),
}
REFUSED = sorted(name for name, (_, rebuilt) in URLS.items() if rebuilt is None)
KEPT = sorted(name for name, (_, rebuilt) in URLS.items() if rebuilt is not None)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("payload", REFUSED)
@pytest.mark.parametrize("channel", sorted(URL_CHANNELS))
def test_an_address_that_is_not_a_web_address_is_refused_naming_file_and_key(scratch, channel, payload):
    file, path = URL_CHANNELS[channel]
    site_data = write_site(scratch / "refused", replaced(documents(), file, path, URLS[payload][0]))
    with pytest.raises(SiteDataError) as caught:
        load_site(site_data)
    message = str(caught.value)
    key = next(k for k in reversed(path) if isinstance(k, str))
    assert message.startswith(f"site_data/{file}:"), message
    assert re.match(rf"site_data/{re.escape(file)}:\d+", message), "the error names the line"
    # A citation's 'source' may also be "text line N: …" or "inferred: …": its error lists all three forms.
    assert key in message, message
    assert "is not a web address the site can link to" in message or "must be a citation URL" in message


def _published(site_data: Path) -> dict[str, str]:
    """Every generated Markdown page of the site as HTML."""
    return {path: to_html(page) for path, page in generate(site_data).pages.items() if path.endswith(".md")}


@pytest.mark.parametrize("payload", KEPT)
def test_a_strange_but_valid_address_is_rebuilt_and_only_ever_an_inert_link(scratch, payload):
    given, rebuilt = URLS[payload]
    docs = documents()
    for file, path in URL_CHANNELS.values():  # every channel at once: one build per payload
        docs = replaced(docs, file, path, given)
    pages = _published(write_site(scratch / "kept", docs))
    links = []
    for path, page in pages.items():
        assert not inert_problems(page), (path, inert_problems(page))
        links += [
            a.get("href")
            for tag, a in Page(page).elements
            if tag == "a" and "ok.example" in a.get("href", "")
        ]
    # Every link to the address is the rebuilt one (the page decodes to it), never a part of it.
    assert links and set(links) == {rebuilt}
    assert "evil.example" not in {
        h for p in pages.values() for _, a in Page(p).elements for h in [a.get("src")] if h
    }


# ---------------------------------------------------------------------------------------------- text
TEXTS = {
    "meta refresh": 'Library closes" http-equiv="refresh',
    "refresh target": "0;url=https://evil.example/?",
    "content security policy": 'x" http-equiv="content-security-policy" content="script-src \'none\'',
    "script": "<script>alert(1)</script>",
    "image": "<img src=x onerror=alert(1)>",
    "markdown link": "[click](javascript:alert(1))",
    "markdown image": "![x](https://evil.example/p.png)",
    "attribute list": 'text {: onclick="alert(1)" }',
    "jinja": "{{ 7*7 }} {% raw %}",
    "snippet": '--8<-- "mkdocs.yml"',
    "list": "- one",
    "ordered list": "1. one",
    "admonition": '!!! danger "Pwned"',
    "multi-line": 'one\n\n# Heading\n\n    code\n\n<div onclick="alert(1)">\n\n- item',
    "NUL and controls": "a\x00b\x1bc",
    "entity": "&lt;b&gt; &amp;",
    "abbreviation": "*[HTML]: Hyper",
    "table": "| a | b |",
}
# Every curated field of text that reaches a page: file → path to the value.
TEXT_CHANNELS = {
    "site title": ("site.yml", ("title",)),
    "site description": ("site.yml", ("description",)),
    "story text": ("site.yml", ("story", 0, "text")),
    "outlet name": ("sources.yml", ("outlets", 0, "name")),
    "outlet country": ("sources.yml", ("outlets", 0, "country", "value")),
    "rated by": ("sources.yml", ("outlets", 0, "ratings", 0, "by")),
    "rating": ("sources.yml", ("outlets", 0, "ratings", 0, "rating")),
    "article headline": ("sources.yml", ("articles", 0, "title")),
    "article subtitle": ("sources.yml", ("articles", 0, "subtitle", "value")),
    "group name": ("actors.yml", ("groups", 0, "name")),
    "actor name": ("actors.yml", ("actors", 0, "name")),
    "actor bio": ("actors.yml", ("actors", 0, "bio")),
    "role title": ("actors.yml", ("actors", 0, "roles", 0, "title")),
    "topic name": ("history.yml", ("topics", 0, "name")),
    "event name": ("history.yml", ("events", 0, "name")),
    "event place": ("history.yml", ("events", 0, "place")),
    "event summary": ("history.yml", ("events", 0, "summary")),
    "why it matters": ("history.yml", ("events", 0, "why_it_matters")),
    "history source title": ("history.yml", ("events", 0, "sources", 0, "title")),
    "glossary term": ("glossary.yml", ("terms", 0, "term")),
    "glossary definition": ("glossary.yml", ("terms", 0, "definition")),
    "fact statement": ("facts.yml", ("facts", 0, "statement")),
    "event in brief": ("facts.yml", ("event", "summary")),
    "guide intro": ("teaching.yml", ("guide", "intro")),
    "objective": ("teaching.yml", ("guide", "objectives", 0, "text")),
    "plan name": ("teaching.yml", ("guide", "plans", 0, "name")),
    "plan step": ("teaching.yml", ("guide", "plans", 0, "steps", 0, "text")),
    "why read": ("teaching.yml", ("guide", "reading_route", 0, "why")),
}
# Shown only in front matter (the theme's <title> or <meta name="description">), not in a page's text.
FRONT_MATTER_ONLY = {"site description"}


def shown(value: str) -> str:
    """What a reader sees of ``value``: one line, whitespace collapsed, controls as U+FFFD."""
    return " ".join(re.sub(r"[\x00-\x08\x0e-\x1f\x7f]", "\ufffd", value).split())


def front_matter_problems(page: str) -> list[str]:
    """Front-matter values the theme would print raw that could break out of an attribute or element."""
    if not page.startswith("---\n"):
        return []
    front = yaml.safe_load(page.split("---\n", 2)[1]) or {}
    problems = []
    for key, value in front.items():
        if isinstance(value, str) and re.search(r"[\"<>\x00-\x08\x0b\x0c\x0e-\x1f\n]|&(?!#?\w+;)", value):
            problems.append(f"{key}: {value!r}")
    return problems


@pytest.mark.parametrize("payload", sorted(TEXTS))
def test_hostile_text_in_every_curated_field_is_shown_as_text(scratch, payload):
    value = TEXTS[payload]
    docs = documents()
    for file, path in TEXT_CHANNELS.values():
        docs = replaced(
            docs,
            file,
            path,
            {"value": value, "source": CITE} if path[-1] == "title" and file == "sources.yml" else value,
        )
    site_data = write_site(scratch / "text", docs)
    result = generate(site_data)
    pages = {p: c for p, c in result.pages.items() if p.endswith(".md")}
    texts = []
    for path, page in pages.items():
        body = to_html(page)
        assert not inert_problems(body), (path, inert_problems(body))
        assert not front_matter_problems(page), (path, front_matter_problems(page))
        assert "\x00" not in page and "\x1b" not in page
        texts.append(Page(body).text)
        assert "49" not in Page(body).text  # {{ 7*7 }} was never evaluated
    everything = " ".join(texts)
    # The payload is seen as typed, as often as the channels that show it (each at least once).
    assert everything.count(shown(value)) >= len(TEXT_CHANNELS) - len(FRONT_MATTER_ONLY), everything[:2000]


# ---------------------------------------------------------------------------------------------- the real theme
@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> Path:
    """The tiny site built by MkDocs with Material, quotes in every front-matter channel and in mkdocs.yml."""
    project = tmp_path_factory.mktemp("themed")
    docs = documents()
    docs = replaced(docs, "site.yml", ("description",), TEXTS["meta refresh"])
    docs = replaced(docs, "sources.yml", ("outlets", 0, "name"), TEXTS["meta refresh"])
    docs = replaced(docs, "actors.yml", ("actors", 0, "name"), TEXTS["content security policy"])
    docs = replaced(
        docs, "sources.yml", ("articles", 0, "title"), {"value": TEXTS["refresh target"], "source": CITE}
    )
    write_site(project, docs)
    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: {{ TITLE }}", 'site_name: "Site\\" onmouseover=\\"alert(1)"')
    config = config.replace(
        "site_description: {{ TITLE }}", 'site_description: "Desc\\" http-equiv=\\"refresh"'
    )
    # Material prints site_url (the canonical link of every page) and repo_url raw as well.
    config = config.replace('site_url: ""', f"site_url: '{SITE_URL}'\nrepo_url: '{SITE_URL}repo'")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", project / "docs")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


SITE_URL = 'https://ok.example/"onmouseover="alert(1)"/'


def test_quotes_never_leave_the_themes_attributes(themed):
    pages = sorted(themed.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        elements = Page(text).elements
        metas = [a for tag, a in elements if tag == "meta"]
        assert not [m for m in metas if "http-equiv" in m], (page, metas)
        assert not [a for _, a in elements if any(k.startswith("on") for k in a)], page
        descriptions = [m["content"] for m in metas if m.get("name") == "description"]
        assert len(descriptions) == 1, (page, descriptions)
    source = next(themed.glob("sources/*/index.html")).read_text(encoding="utf-8")
    (description,) = [
        a["content"] for t, a in Page(source).elements if t == "meta" and a.get("name") == "description"
    ]
    assert description == f"{TEXTS['meta refresh']}: {TEXTS['refresh target']}"
    home = (themed / "index.html").read_text(encoding="utf-8")
    assert [
        a["content"] for t, a in Page(home).elements if t == "meta" and a.get("name") == "description"
    ] == [TEXTS["meta refresh"]]
    logo = [a for t, a in Page(home).elements if t == "a" and "md-logo" in (a.get("class") or "")]
    assert logo and all(a["aria-label"] == 'Site" onmouseover="alert(1)' for a in logo)
    # The addresses of mkdocs.yml went through the URL rule: quotes percent-encoded, as a browser would.
    canonical = [a["href"] for t, a in Page(home).elements if t == "link" and a.get("rel") == "canonical"]
    assert canonical == ["https://ok.example/%22onmouseover=%22alert(1)%22/"]
    repo = [a["href"] for t, a in Page(home).elements if t == "a" and "md-source" in (a.get("class") or "")]
    assert repo and set(repo) == {"https://ok.example/%22onmouseover=%22alert(1)%22/repo"}  # header, drawer
    actor = Page((themed / "actors" / "ana-ortiz" / "index.html").read_text(encoding="utf-8"))
    assert TEXTS["content security policy"] in actor.text


@pytest.mark.parametrize("key", ["site_url", "repo_url"])
def test_an_address_in_mkdocs_yml_that_is_not_a_web_address_is_refused(tmp_path, key):
    project = tmp_path / "project"
    write_site(project, documents())
    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("{{ TITLE }}", "A site").replace(
        'site_url: ""', f"{key}: 'javascript://x/%0aalert(1)'"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", project / "docs")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 1
    # (MkDocs adds a final / to site_url.)
    assert f"mkdocs.yml: {key} 'javascript://x/%0aalert(1)" in result.stderr, result.stderr
    assert "is not a web address the site can use: it must start with https://" in result.stderr
    assert not (project / "site").exists()


def test_the_project_of_build_out_holds_mkdocs_yml_names_escaped_and_addresses_rebuilt(tmp_path):
    """Without our plugin (Zensical, or MkDocs on the project), nothing escapes what the theme prints raw."""
    from generator.project import project_config

    config = (ROOT / "templates" / "new" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: {{ TITLE }}", 'site_name: "Site\\" onmouseover=\\"alert(1)"')
    config = config.replace("site_description: {{ TITLE }}", "site_description: 'A &amp; B \"x'")
    config = config.replace('site_url: ""', f"site_url: '{SITE_URL}'\nrepo_url: '{SITE_URL}repo'")
    written = yaml.safe_load(project_config(config, "mkdocs.yml", glossary=False, offline=False))
    assert written["site_name"] == "Site&quot; onmouseover=&quot;alert(1)"
    assert written["site_description"] == "A &amp; B &quot;x"  # an entity already written is kept
    assert written["site_url"] == "https://ok.example/%22onmouseover=%22alert(1)%22/"
    assert written["repo_url"] == "https://ok.example/%22onmouseover=%22alert(1)%22/repo"
    # An address that is not a web address is refused by `build --out`, naming the file, line and key.
    project = tmp_path / "project"
    write_site(project, documents())
    (project / "mkdocs.yml").write_text(config.replace(SITE_URL, "javascript://x/%0aalert(1)"), "utf-8")
    shutil.copytree(ROOT / "templates" / "new" / "docs", project / "docs")
    result = run_cli("build", "--out", "build/project", cwd=project)
    assert result.returncode != 0
    assert re.search(
        r"mkdocs\.yml:\d+ \(site_url\): site_url 'javascript://x/%0aalert\(1\)' is not a web", result.stderr
    ), result.stderr
    assert not (project / "build").exists()
