"""A site with little or no curation builds fully (issue 8): only a corpus and sources.yml, an empty corpus,
each optional file left out in turn, and the starter data that `python -m generator new` copies.

Every case is a real `mkdocs build --strict` of a copy of the project, then checks on the built HTML: the
pages say what is missing instead of failing, no internal link or anchor is broken, and no page has an empty
table or list (invalid or ugly HTML that the browser suite's Nu checker and axe would report).
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import sitedata
from generator.build import generate, load_site
from generator.citations import parse_citations

from .conftest import ROOT, run_mkdocs
from .htmltext import Page

STARTER = ROOT / "templates" / "new" / "site_data"

# Two outlets: the Gazette has no profile at all (a new site's usual state), Valley News a full one, checked
# and rated by nobody ("not rated").
SOURCES = """\
outlets:
  - id: riverton-gazette
    name: Riverton Gazette
  - id: valley-news
    name: Valley News
    homepage: https://valley.example.org/
    country: {value: Freedonia, source: https://valley.example.org/about}
    kind: {value: Family-owned local daily newspaper, source: https://valley.example.org/about}
    ratings: not rated
articles:
  - file: gazette-bridge.txt
    outlet: riverton-gazette
    language: en
  - file: valley-bridge.txt
    outlet: valley-news
    language: en
  - file: valley-protest.txt
    outlet: valley-news
    language: en
"""

ARTICLES = {
    "gazette-bridge.txt": """\
Council votes to close the old Riverton bridge

Jane Roebuck
8 September 2018

Advertisement

The Riverton council voted on Friday to close the old river bridge after engineers said it was unsafe, a decision that critics slammed as chaos.

"We had no choice, and the repairs will take at least a year," said Mayor Tom Hardcastle after the meeting.

Residents reportedly plan a protest outside the town hall next week, according to a council official.
""",
    "valley-bridge.txt": """\
Old bridge shut after safety report

Saturday 08 September 2018 12:30

The old bridge in Riverton will close after a safety report found serious cracks, the town council announced on Friday.

A council official said the so-called "emergency measure" had been planned for months.

"It is a disgrace that the bridge was left to rot for so many years," said Maria Ortega of the Riverton Business Association.
""",
    "valley-protest.txt": """\
Residents march against bridge closure

Monday 10 September 2018 09:15

About two hundred residents marched through Riverton on Sunday to protest against the closure of the old bridge.

"We were never asked what we wanted," said Maria Ortega, who organised the march.
""",
}
GAZETTE_PAGE = "sources/council-votes-to-close-the-old-riverton-bridge"
VALLEY_PAGE = "sources/old-bridge-shut-after-safety-report"
NO_PROFILE_NOTE = (
    "outlet 'riverton-gazette' has no profile yet (country, kind, ratings); add them with citations"
)
CURATED = (
    "site.yml",
    "cleaning.yml",
    "actors.yml",
    "attribution.yml",
    "history.yml",
    "facts.yml",
    "lexicon.yml",
    "glossary.yml",
    "teaching.yml",
)


def use_site_data(project: Path, files: dict[str, str], corpus: dict[str, str] | None) -> Path:
    """Replace the project copy's site_data with exactly ``files`` and the corpus (None: no corpus folder)."""
    data = project / "site_data"
    shutil.rmtree(data)
    data.mkdir()
    for name, text in files.items():
        (data / name).write_text(text, encoding="utf-8")
    if corpus is not None:
        (data / "corpus").mkdir()
        for name, text in corpus.items():
            (data / "corpus" / name).write_text(text, encoding="utf-8")
    return data


def use_starter(project: Path, title: str = "The Riverton bridge") -> Path:
    """The project copy's site_data as `python -m generator new` makes it: the starter folder, titled."""
    data = project / "site_data"
    shutil.rmtree(data)
    shutil.copytree(STARTER, data)
    site_yml = data / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("{{ TITLE }}", title), encoding="utf-8")
    return data


def build(project: Path, tmp_path: Path) -> tuple[Path, subprocess.CompletedProcess]:
    site = tmp_path / "site"
    result = run_mkdocs(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, re.M), result.stderr
    return site, result


def page(site: Path, address: str) -> Page:
    return Page((site / address / "index.html").read_text(encoding="utf-8"))


def content(html: str) -> str:
    """The page's own content (the article element), without the theme's navigation."""
    match = re.search(r"<article class=\"md-content__inner[^>]*>(.*)</article>", html, re.S)
    assert match, "no article element"
    return match.group(1)


def problems(site: Path) -> list[str]:
    """Broken internal links and anchors, and empty tables or lists, on every page of a built site."""
    found = []
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = Page(path.read_text(encoding="utf-8")).ids() if path.suffix == ".html" else set()
        return ids[path]

    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/") or rel == "404.html":
            continue
        html = path.read_text(encoding="utf-8")
        body = content(html)
        if re.search(r"<tbody>\s*</tbody>|<table>\s*<thead>(?:(?!<tbody>).)*</table>", body, re.S):
            found.append(f"{rel}: empty table")
        if re.search(r"<(ul|ol)\b[^>]*>\s*</\1>", body):
            found.append(f"{rel}: empty list")
        if re.search(r"<h2[^>]*>[^<]*</h2>\s*<h2", body):
            found.append(f"{rel}: a heading with nothing under it")
        for tag, attrs in Page(html).elements:
            href = attrs.get("href") if tag == "a" else None
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target, _, anchor = href.partition("#")
            if target:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
                file = site / resolved
                if file.is_dir() or target.endswith("/"):
                    file = file / "index.html"
            else:
                file = path
            if not file.is_file():
                found.append(f"{rel}: link to {href}, which is not in the site")
            elif anchor and anchor not in ids_of(file):
                found.append(f"{rel}: link to {href}, which has no #{anchor}")
    return found


def test_corpus_and_sources_only_build_a_whole_site(project, tmp_path):
    use_site_data(project, {"sources.yml": SOURCES}, ARTICLES)
    site, result = build(project, tmp_path)
    # Source pages, with the outlet shown honestly: "no profile yet" is not "not rated".
    gazette = page(site, GAZETTE_PAGE)
    assert "Council votes to close the old Riverton bridge" in gazette.text
    assert "No profile yet." in gazette.text
    assert (
        "Country not recorded yet Kind not recorded yet Third-party ratings not checked yet" in gazette.text
    )
    assert "Not rated by the raters checked" not in gazette.text
    valley = page(site, VALLEY_PAGE)
    assert "No profile yet." not in valley.text
    assert "Valley News (Freedonia)" in valley.text
    assert "Third-party ratings Not rated by the raters checked" in valley.text
    # Editor notes in the build log (INFO: they do not fail --strict).
    assert NO_PROFILE_NOTE in result.stderr
    assert re.search(r"note: site_data/corpus/gazette-bridge\.txt: .*Tom Hardcastle", result.stderr), (
        result.stderr
    )
    assert re.search(r"note: site_data/corpus/valley-bridge\.txt: .*Maria Ortega", result.stderr)
    assert "site_data/site.yml: is missing" in result.stderr
    # No cleaning.yml: no pattern rules, so "Advertisement" stays; the detectors still run.
    assert "Advertisement" in gazette.text
    # The comparison works from the articles alone; facts need facts.yml; words say there is no word list.
    hub = page(site, "compare")
    # One row per outlet (issue 15 §8: an outlet once per table); authors are on the sources page.
    assert "Riverton Gazette not recorded yet not recorded yet 1 not checked yet" in hub.text
    assert "Jane Roebuck" in page(site, "sources").text
    assert "Valley News Freedonia Family-owned local daily newspaper" in hub.text
    assert not (site / "compare/facts").exists()
    assert "No word list has been set up for this site yet" in page(site, "compare/words").text
    voices = page(site, "compare/voices").text
    assert "Not attributed in the text" in voices and "We were never asked what we wanted" in voices
    # Pages with no curated data behind them are not made, and nothing links to them.
    for missing in ("actors", "history", "glossary", "teachers"):
        assert not (site / missing).exists(), missing
    home = page(site, "")
    assert "the-story-in-brief" not in home.ids() and "The story in brief" not in home.text
    assert "3 articles from 2 outlets" in home.text
    assert problems(site) == []


@pytest.mark.parametrize("corpus", ["missing", "empty"])
@pytest.mark.parametrize("curated", ["none", "venezuela"])
def test_empty_corpus_says_how_to_add_an_article(project, tmp_path, corpus, curated):
    data = project / "site_data"
    if curated == "none":
        use_site_data(
            project, {"sources.yml": "outlets: []\narticles: []\n"}, None if corpus == "missing" else {}
        )
    else:
        # All the real curated data (actors, history, facts, lexicon, glossary) with no articles to apply it
        # to; teaching.yml goes, since its guide names the real articles' pages, and so does addresses.txt,
        # which lists them (a listed page that disappears is an error).
        (data / "teaching.yml").unlink()
        (data / "addresses.txt").unlink()
        (data / "sources.yml").write_text("outlets: []\narticles: []\n", encoding="utf-8")
        shutil.rmtree(data / "corpus")
        if corpus == "empty":
            (data / "corpus").mkdir()
    site, _ = build(project, tmp_path)
    for address in ("", "sources", "compare", "compare/words", "compare/voices"):
        text = page(site, address).text
        assert "No articles yet" in text, address
        assert "python -m generator add PAGE.html" in text, address
    assert "Where to start" not in page(site, "").text
    if curated == "venezuela":
        assert "No articles yet" in page(site, "compare/facts").text
        maduro = page(site, "actors/nicolas-maduro").text
        assert "Mentions per outlet" not in maduro
        assert "None of the articles quotes Nicolás Maduro directly." in maduro
        history = page(site, "history").text
        assert "None of the articles refers to it directly" in history
    assert problems(site) == []


@pytest.mark.parametrize("missing", CURATED)
def test_each_curated_file_may_be_left_out(project, tmp_path, missing):
    data = project / "site_data"
    (data / missing).unlink()
    if missing == "cleaning.yml":
        # Without its rules Iran Daily's "News ID: 231086" line becomes the headline, so that article's address
        # changes, and teaching.yml and addresses.txt name the old one (errors, rightly): leave them out too.
        (data / "teaching.yml").unlink()
        (data / "addresses.txt").unlink()
    site, result = build(project, tmp_path)
    home = page(site, "")
    assert home.text.count("Venezuela accuses US of plotting coup against Maduro") == (
        0 if missing == "cleaning.yml" else 1
    )
    if missing == "site.yml":
        assert "the-story-in-brief" not in home.ids()  # no heading (teaching.yml's questions still name it)
    if missing == "actors.yml":
        assert not (site / "actors").exists()
        assert "history.yml: names key figures, but there is no actors.yml" in result.stderr
        assert "Key figures" not in page(site, "history").text
        # The teachers' guide skips the pages that are gone, and says so.
        assert "teaching.yml: names /actors/nicolas-maduro/, which the site leaves out" in result.stderr
        assert "People and organisations" not in page(site, "teachers").text
    if missing == "history.yml":
        assert not (site / "history").exists()
        assert (
            "History:"
            not in page(site, "sources/trump-administration-officials-met-with-venezuelan-rebels").text
        )
    if missing == "facts.yml":
        assert not (site / "compare/facts").exists()
        hub = page(site, "compare")
        assert not [a for tag, a in hub.elements if tag == "a" and "facts" in a.get("href", "")]
    if missing == "lexicon.yml":
        assert "No word list has been set up" in page(site, "compare/words").text
    if missing == "glossary.yml":
        assert not (site / "glossary").exists()
    if missing == "teaching.yml":
        assert not (site / "teachers").exists()
        assert "Questions to discuss" not in home.text
    assert problems(site) == []


def test_outlet_profile_parts_are_optional_and_not_rated_stays_distinct():
    outlets, _ = sitedata.parse_sources(SOURCES, "site_data/sources.yml")
    gazette, valley = outlets
    assert (gazette.country, gazette.kind, gazette.ratings) == (None, None, None)
    assert not gazette.profiled and gazette.missing == ("country", "kind", "ratings")
    assert valley.profiled and valley.ratings == ()  # checked: rated by nobody
    partial = SOURCES.replace("    ratings: not rated\n", "")
    valley = sitedata.parse_sources(partial, "site_data/sources.yml")[0][1]
    assert valley.ratings is None and valley.missing == ("ratings",)


def test_site_title_comes_from_site_yml_then_mkdocs_then_a_default(tmp_path):
    data = tmp_path / "site_data"
    data.mkdir()
    (data / "sources.yml").write_text("outlets: []\narticles: []\n", encoding="utf-8")
    assert load_site(data, site_name="Bridge news").info.title == "Bridge news"
    assert load_site(data).info.title == sitedata.DEFAULT_TITLE
    (data / "site.yml").write_text("title: The bridge\nstory: []\n", encoding="utf-8")
    info = load_site(data, site_name="Bridge news").info
    assert (info.title, info.description, info.story) == ("The bridge", "", ())
    home = generate(data).pages["index.md"]
    assert "description:" not in home.split("---\n")[1]  # the theme falls back to mkdocs.yml's
    assert "## The story in brief" not in home


def test_empty_files_are_empty_registries(tmp_path):
    data = tmp_path / "site_data"
    data.mkdir()
    (data / "sources.yml").write_text("outlets: []\narticles: []\n", encoding="utf-8")
    for name in CURATED[2:]:  # a file an editor emptied (only comments left) is an empty registry
        (data / name).write_text("# nothing here yet\n", encoding="utf-8")
    site = load_site(data)
    assert (site.actors, site.events, site.facts, site.lexicon, site.terms) == ((), (), (), (), ())
    assert site.teaching is not None and not site.teaching.has_guide


# -- the starter data of `python -m generator new`


def test_starter_data_builds_an_empty_site(project, tmp_path):
    use_starter(project)
    site, result = build(project, tmp_path)
    home = page(site, "")
    assert "The Riverton bridge" in home.text
    assert "No articles yet" in home.text
    assert "Questions to discuss" in home.text  # the generic default questions
    teachers = page(site, "teachers").text
    assert "This site has no teachers' guide yet" in teachers
    assert not (site / "teachers/packet").exists()
    assert "Teacher notes" in page(site, "teachers/notes").text
    assert "is missing" not in result.stderr  # every file is there
    assert problems(site) == []


def test_starter_data_with_two_articles(project, tmp_path):
    data = use_starter(project)
    for name in ("gazette-bridge.txt", "valley-bridge.txt"):
        (data / "corpus" / name).write_text(ARTICLES[name], encoding="utf-8")
    # What `add` does: the entries go in place of the starter's empty lists, under its header comment.
    starter = (data / "sources.yml").read_text(encoding="utf-8")
    two = SOURCES.split("  - file: valley-protest.txt")[0]
    (data / "sources.yml").write_text(starter.replace("outlets: []\narticles: []\n", two), encoding="utf-8")
    site, result = build(project, tmp_path)
    gazette = page(site, GAZETTE_PAGE)
    # The generic cleaning rules remove the advertisement; the generic lexicon marks "slammed" and "chaos".
    assert "Advertisement" not in " ".join(gazette.text.split("Removed from the scraped page")[:1])
    removed = gazette.text.split("Removed from the scraped page")[1]
    assert "Advertisement advertisement" in removed
    marks = [
        a.get("title") for tag, a in gazette.elements if tag == "mark" and "ms-frame" in a.get("class", "")
    ]
    assert (
        sum((m or "").startswith("Word choice 2 ") for m in marks) == 2
    )  # slammed, chaos: intensifiers, emotive words
    assert "reportedly" in page(site, "compare/words").text
    words = page(site, "compare/words").text
    assert "Hedges and distancing words" in words and "Attribution verbs that judge" in words
    # The generic questions reach every page type the site has.
    assert "Questions to discuss" in gazette.text
    assert "Questions to discuss" in page(site, "compare").text
    assert NO_PROFILE_NOTE in result.stderr
    assert problems(site) == []


STARTER_EXAMPLES = {
    # file: (what the commented example needs around it, the parser)
    "site.yml": ("title: T\n", sitedata.parse_site),
    "sources.yml": ("", sitedata.parse_sources),
    "cleaning.yml": ("rules:\n", sitedata.parse_cleaning),
    "lexicon.yml": ("categories:\n", sitedata.parse_lexicon),
    "teaching.yml": ("", sitedata.parse_teaching),
    "actors.yml": ("", sitedata.parse_actors),
    "facts.yml": ("", sitedata.parse_facts),
    "history.yml": ("", lambda text, path: sitedata.parse_history(text, path, {"tom-hardcastle"})),
    "glossary.yml": ("", sitedata.parse_glossary),
    "attribution.yml": (None, sitedata.parse_attribution),  # its example is one line in the header
    "citations.yml": (None, parse_citations),  # a full list, not a commented example
}


def commented_example(text: str) -> str:
    """The commented-out example after the header's "# Example" line and a bare "#", uncommented; it ends at
    the next bare "#" or at the first line that is not a comment."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Example"))
    assert lines[start + 1] == "#", "a bare '#' line comes between '# Example …' and the example"
    example = []
    for line in lines[start + 2 :]:
        if not line.startswith("# "):
            break
        example.append(line[2:])
    return "\n".join(example) + "\n"


@pytest.mark.parametrize("name", sorted(STARTER_EXAMPLES))
def test_starter_files_validate_and_so_do_their_examples(name):
    text = (STARTER / name).read_text(encoding="utf-8").replace("{{ TITLE }}", "A title")
    prefix, parse = STARTER_EXAMPLES[name]
    parse(text, f"site_data/{name}")
    if prefix is None:
        return
    example = commented_example(text)
    assert example.strip(), f"{name} has no commented example"
    parse(prefix + example, f"site_data/{name} (example)")


def test_starter_folder_is_complete():
    names = sorted(p.relative_to(STARTER).as_posix() for p in STARTER.rglob("*") if p.is_file())
    assert names == sorted([*STARTER_EXAMPLES, "corpus/.gitkeep"])
    assert (STARTER / "corpus/.gitkeep").read_bytes() == b""
    site_yml = (STARTER / "site.yml").read_text(encoding="utf-8")
    assert site_yml.count("{{ TITLE }}") == 1
    for path in STARTER.glob("*.yml"):
        assert "{{ TITLE }}" not in path.read_text(encoding="utf-8") or path.name == "site.yml"
        assert path.read_text(encoding="utf-8").startswith(f"# {path.name} — "), path.name


def test_starter_cleaning_rules_keep_every_paragraph_of_the_real_corpus(tmp_path):
    """The generic rules are generic: on the real corpus they remove furniture, never a kept paragraph."""
    data = tmp_path / "site_data"
    shutil.copytree(ROOT / "site_data", data)
    real = {a.file: {p.text for p in a.paragraphs} for a in load_site(data).articles}
    shutil.copy(STARTER / "cleaning.yml", data / "cleaning.yml")
    (data / "teaching.yml").unlink()  # names the real addresses, which depend on the real rules
    for article in load_site(data).articles:
        assert real[article.file] <= {p.text for p in article.paragraphs}, article.file
