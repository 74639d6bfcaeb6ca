"""Citations not fit to teach from (issue 14): citations.yml's list, the check over every curated file, and the
Venezuela site with none left."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_site
from generator.citations import parse_citations, unsuitable_citations, urls
from generator.errors import SiteDataError

from .conftest import ROOT, SITE_DATA, run_cli

POLICY = parse_citations(
    """
unsuitable:
  - {domain: fandom.com, reason: fan wiki}
  - {domain: princeton.edu, path: /~achaney/tmve/, reason: copy of Wikipedia}
raw_file_hosts:
  - {host: raw.githubusercontent.com, reason: a file}
  - {host: github.com, path: "/*/*/blob/", reason: a file in a repository}
list_pages:
  - {segment: topic, reason: a topic page}
  - {segment: tag, reason: a tag page}
""",
    "citations.yml",
)


def found(text: str, exclude=()) -> list[tuple[int, str]]:
    return [(b.line, b.url) for b in unsuitable_citations({"x.yml": text}, POLICY, exclude)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "citation: https://historica.fandom.com/wiki/James_Monroe",
            [(1, "https://historica.fandom.com/wiki/James_Monroe")],
        ),
        (
            "a: 1\n# to: 4 March 1825, https://fandom.com/x.",
            [(2, "https://fandom.com/x")],
        ),  # comments, trailing dot
        (
            '- {url: "https://www.fandom.com/y", kind: primary}',
            [(1, "https://www.fandom.com/y")],
        ),  # www. and quotes
        ("citation: https://notfandom.com/x", []),  # a domain is whole labels, not a suffix of a name
        (
            "citation: https://www.princeton.edu/~achaney/tmve/wiki100k/docs/X.html",
            [(1, "https://www.princeton.edu/~achaney/tmve/wiki100k/docs/X.html")],
        ),
        ("citation: https://www.princeton.edu/news/2020/", []),  # the rest of the domain is fine
        (
            "url: https://github.com/HistoryAtState/milestones/blob/master/chapters/1801-1829.xml",
            [(1, "https://github.com/HistoryAtState/milestones/blob/master/chapters/1801-1829.xml")],
        ),
        ("url: https://github.com/HistoryAtState/milestones", []),  # a repository's page is not a raw file
        (
            "url: https://raw.githubusercontent.com/a/b/main/c.txt",
            [(1, "https://raw.githubusercontent.com/a/b/main/c.txt")],
        ),
        ("citation: https://history.state.gov/milestones/1801-1829/monroe", []),
        # Issue 14: a topic or tag page lists other pages and supports no claim (a newspaper's topic page for a
        # biography, a dictionary's word list for a definition), on any site.
        (
            "citation: https://www.chicagotribune.com/topic/politics-government/barack-obama-PEPLT007408-topic.html",
            [
                (
                    1,
                    "https://www.chicagotribune.com/topic/politics-government/barack-obama-PEPLT007408-topic.html",
                )
            ],
        ),
        (
            "source: http://www.oxfordlearnersdictionaries.com/topic/parliament/opposition",
            [(1, "http://www.oxfordlearnersdictionaries.com/topic/parliament/opposition")],
        ),
        ("url: https://blog.example.org/TAG/venezuela/", [(1, "https://blog.example.org/TAG/venezuela/")]),
        ("source: https://en.wikipedia.org/wiki/Tag", []),  # an article about a word, not a list
        ("url: https://example.org/news/2018/topical-report", []),  # a segment, not part of a word
    ],
)
def test_listed_sites_are_found_with_their_line(text, expected):
    assert found(text) == expected


def test_an_articles_own_address_is_not_a_citation():
    assert (
        found("url: https://historica.fandom.com/story/", exclude=["https://historica.fandom.com/story"])
        == []
    )


def test_urls_ends_at_closing_punctuation():
    assert list(urls('see (https://a.org/x), and "https://b.org/y".')) == [
        (1, "https://a.org/x"),
        (1, "https://b.org/y"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("unsuitable:\n  - {domain: https://fandom.com, reason: x}\n", "must be a bare domain"),
        ("unsuitable:\n  - {domain: www.fandom.com, reason: x}\n", "must be a bare domain"),
        ("unsuitable:\n  - {domain: fandom.com}\n", "needs 'reason'"),
        ("raw_file_hosts:\n  - {host: github.com, path: blob, reason: x}\n", "must start with '/'"),
        ("unsuitable:\n  - {site: fandom.com, reason: x}\n", "unknown key 'site'"),
        ("list_pages:\n  - {segment: /topic/, reason: x}\n", "must be one path segment"),
    ],
)
def test_bad_lists_name_file_line_and_key(text, message):
    with pytest.raises(SiteDataError) as err:
        parse_citations(text, "site_data/citations.yml")
    assert message in str(err.value) and "site_data/citations.yml:2" in str(err.value)


def _files(site_data: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(site_data.glob("*.yml"))}


def test_the_venezuela_site_cites_no_unsuitable_source():
    site = load_site(SITE_DATA)
    policy = parse_citations((SITE_DATA / "citations.yml").read_text(encoding="utf-8"), "citations.yml")
    own = [a.url for a in site.articles if a.url] + [o.homepage for o in site.outlets if o.homepage]
    assert len(policy.rules) >= 30
    assert unsuitable_citations(_files(SITE_DATA), policy, own) == ()


def test_the_starter_carries_the_list():
    starter = ROOT / "templates/new/site_data/citations.yml"
    assert parse_citations(starter.read_text(encoding="utf-8"), "citations.yml") == parse_citations(
        (SITE_DATA / "citations.yml").read_text(encoding="utf-8"), "citations.yml"
    )


def test_check_reports_a_listed_citation_and_a_missing_list(tmp_path):
    run = run_cli("new", str(tmp_path / "s"), "--title", "T")
    assert run.returncode == 0, run.stderr
    site_data = tmp_path / "s" / "site_data"
    (site_data / "glossary.yml").write_text(
        "terms:\n  - term: coup\n    aliases: [coup]\n    definition: A seizure of power.\n"
        "    source: https://historica.fandom.com/wiki/Coup\n",
        encoding="utf-8",
    )
    out = run_cli("check", "--site-data", str(site_data)).stdout
    assert "1 citation(s) not fit to teach from" in out
    assert (
        "site_data/glossary.yml: line 5: https://historica.fandom.com/wiki/Coup — not fit to teach from: fan wiki"
        in out
    )
    (site_data / "citations.yml").unlink()
    out = run_cli("check", "--site-data", str(site_data)).stdout
    assert "citations.yml: no list of unsuitable sources" in out
