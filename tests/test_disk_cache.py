"""The on-disk analysis cache (issue 18, generator/analysis_cache.py): a build in a new process analyses only
the articles whose inputs changed; the cache never changes a page and never fails a build.

Expectations written before the code: every analysed article (and its notes and names reading) comes back
from JSON equal to itself, hostile text included; pages from a warm cache are the pages of a cold build; each
input of the key (a curated file the analysis reads, the article's text, its sources.yml entry, the code)
misses exactly the articles it touches; a damaged entry is a miss and is written again; a folder that cannot
be written gives one note; the plugin and the CLI keep the cache in .cache/microsite/ beside mkdocs.yml.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import generator.build
from generator import analysis_cache
from generator.analyse import names
from generator.build import _ANALYSED, forget_caches, generate, load_site
from generator.model import Mention, Sourced, Warning

from .conftest import SITE_DATA, run_cli
from .sites import REALNEWS_EVENTS

ARTICLES = 5  # in site_data/corpus


@pytest.fixture
def counted(monkeypatch):
    """The number of articles analysed (not taken from a cache) since the fixture was made."""
    calls = []
    real = generator.build.analyse_article
    monkeypatch.setattr(generator.build, "analyse_article", lambda *a, **k: calls.append(1) or real(*a, **k))
    forget_caches()
    yield calls
    forget_caches()


@pytest.fixture
def copy(tmp_path):
    """A copy of site_data/ that a test may edit, and a cache folder beside it."""
    shutil.copytree(SITE_DATA, tmp_path / "site_data")
    return tmp_path / "site_data", tmp_path / ".cache" / "microsite"


def entries(cache: Path) -> list[Path]:
    return sorted((cache / analysis_cache.ENTRIES).glob("*.json"))


def hostile(article):
    """The article with text no corpus file can hold but a cache must keep: a lone surrogate, NUL, the line
    and paragraph separators, quotes, backslashes, HTML, JSON and astral characters."""
    text = 'Lone \ud800 and \udfff, NUL \0, \u2028\u2029, "quoted" \\ </script> {"a": [1]} 𝕏 👩‍👩‍👧 \x7f'
    paragraph = replace(article.paragraphs[0], text=text)
    mention = Mention("\ud83d", paragraph.id, 0, 4, "Lone")
    return replace(
        article,
        paragraphs=(paragraph, *article.paragraphs[1:]),
        mentions=(mention, *article.mentions),
        author=Sourced("\ud800", "text line 1: \udbff"),
        discovered=None,
    )


def round_trip(entry):
    """Through the JSON text the cache writes (ASCII, as put writes it)."""
    data = json.dumps(analysis_cache.encode(entry), ensure_ascii=True)
    assert data.isascii()
    return analysis_cache.decode(json.loads(data))


def test_every_analysed_article_round_trips(made_site):
    sites = [SITE_DATA, *(made_site(f"realnews-{event}") / "site_data" for event in REALNEWS_EVENTS)]
    seen = 0
    for site_data in sites:
        forget_caches()
        site = load_site(site_data)
        analysed = {article.file: (article, notes) for article, notes in _ANALYSED.values()}
        for shown in site.articles:  # after the editor's quote overrides: what check's names reading read
            entry = (*analysed[shown.file], names.reading_of(shown))
            article = entry[0]
            assert entry[2] is not None
            assert round_trip(entry) == entry, article.file
            seen += 1
    assert seen >= ARTICLES + 25  # the five articles and the 25 of the realnews events
    forget_caches()
    article = load_site(SITE_DATA).articles[0]
    # Types come back as the model has them: tuples, not lists; None where it is None.
    back = round_trip((article, (), None))[0]
    assert (
        type(back.paragraphs) is tuple and type(back.mentions[0]) is Mention and back.discovered is not None
    )
    bad = hostile(article)
    notes = (Warning("x/\ud800", "NUL \0 \ud800", kind="metadata", subject=None),)
    assert round_trip((bad, notes, None)) == (bad, notes, None)
    assert round_trip((bad, notes, None))[0].paragraphs[0].text == bad.paragraphs[0].text
    forget_caches()


def test_a_warm_cache_gives_the_pages_of_a_cold_build_and_analyses_nothing(tmp_path, counted, monkeypatch):
    cache = tmp_path / "cache"
    cold = generate(SITE_DATA, cache=cache)
    assert len(counted) == ARTICLES and len(entries(cache)) == ARTICLES
    assert list((cache / analysis_cache.TEMPLATES).glob("*/__jinja2_*.cache"))  # the compiled templates
    forget_caches()  # a new process: nothing in memory
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: compiled.append(1) or real(*a, **k))
    warm = generate(SITE_DATA, cache=cache)
    assert len(counted) == ARTICLES  # none analysed again
    assert compiled == []  # no template compiled again
    assert warm.pages == cold.pages
    assert warm.site == cold.site and warm.site.warnings == cold.site.warnings
    # The outlet is the very object of this build's sources.yml (pages' caches compare by identity).
    by_id = {o.id: o for o in warm.site.outlets}
    assert all(a.outlet is by_id[a.outlet.id] for a in warm.site.articles)


def test_compiled_templates_are_read_only_where_nobody_else_could_write_them(tmp_path, monkeypatch):
    """Jinja runs what its bytecode cache holds: a compiled template that others may write is compiled again
    from the template, never run; a folder others may write is no cache at all."""
    cache = tmp_path / "cache"
    generate(SITE_DATA, cache=cache)
    files = list((cache / analysis_cache.TEMPLATES).glob("*/__jinja2_*.cache"))
    here = files[0].parent
    assert here.stat().st_mode & 0o077 == 0  # made for this user alone
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: compiled.append(1) or real(*a, **k))
    forget_caches()
    for file in files:
        file.chmod(0o666)  # anyone may write it now
    generate(SITE_DATA, cache=cache)
    assert len(compiled) == len(files)  # every template compiled, none read
    compiled.clear()
    here.chmod(0o777)
    assert analysis_cache.bytecode_cache(cache) is None
    here.chmod(0o700)
    assert analysis_cache.bytecode_cache(cache) is not None
    (cache / analysis_cache.TEMPLATES).chmod(0o757)
    assert analysis_cache.bytecode_cache(cache) is None
    forget_caches()


def _edit_curated(site_data: Path) -> None:
    (site_data / "lexicon.yml").write_text(
        (site_data / "lexicon.yml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )


def _edit_article(site_data: Path) -> None:
    path = sorted((site_data / "corpus").iterdir())[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")


def _edit_entry(site_data: Path) -> None:
    sources = site_data / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    first = text.index("  - file:", text.index("\narticles:"))
    end = text.index("\n", first)
    sources.write_text(text[: end + 1] + "    slug: an-edited-entry\n" + text[end + 1 :], encoding="utf-8")


@pytest.mark.parametrize(
    "edit, missed",
    [
        (_edit_curated, ARTICLES),  # a file in ANALYSIS_INPUTS: every article
        (_edit_article, 1),
        (_edit_entry, 1),
        (None, ARTICLES),  # the code: another code_key
        ("nothing", 0),
    ],
    ids=["curated-file", "article-text", "sources-entry", "code", "nothing"],
)
def test_each_input_of_the_key_misses_what_it_touches(copy, counted, monkeypatch, edit, missed):
    site_data, cache = copy
    load_site(site_data, cache=cache)
    forget_caches()
    counted.clear()
    if edit is None:
        monkeypatch.setattr(analysis_cache, "code_key", lambda: "another version of the generator")
    elif callable(edit):
        edit(site_data)
    site = load_site(site_data, cache=cache)
    assert len(counted) == missed
    # What stays on disk is this build's: one entry per article (the old versions pruned).
    assert len(entries(cache)) == ARTICLES
    forget_caches()
    assert site == load_site(site_data)


def test_libraries_and_the_code_are_in_the_code_key(monkeypatch):
    first = analysis_cache.code_key()
    analysis_cache.code_key.cache_clear()
    real = analysis_cache.importlib.metadata.version
    monkeypatch.setattr(
        analysis_cache.importlib.metadata,
        "version",
        lambda name: "0.0-upgraded" if name == "pyphen" else real(name),  # textstat's syllables
    )
    try:
        assert analysis_cache.code_key() != first
    finally:
        analysis_cache.code_key.cache_clear()


def _edited(change):
    """Damage to an entry's JSON (the line after its header), with the header's checksum made to fit, so that
    only the check of the types can find it."""

    def damage(data: bytes) -> bytes:
        header, _, body = data.partition(b"\n")
        entry = json.loads(body)
        change(entry)
        body = json.dumps(entry).encode()
        return json.dumps(analysis_cache._header(json.loads(header)["key"], body)).encode() + b"\n" + body

    return damage


def _set(path, value):
    def change(entry):
        *parents, last = path
        for step in parents:
            entry = entry[step]
        if value is KeyError:
            del entry[last]
        else:
            entry[last] = value

    return _edited(change)


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "not-json": lambda data: b"{not json\n{",
    "binary": lambda data: b"\x00\xff\xfe garbage\n\x00",
    "hand-edited": lambda data: data.replace(
        b'"text": "', b'"text": "Edited. ', 1
    ),  # checksum no longer fits
    "old-schema": lambda data: data.replace(b'"schema": 1', b'"schema": 0', 1),
    "other-key": lambda data: data.replace(b'"key": "', b'"key": "0', 1),
    "wrong-type": _set((0, "stats", "words"), "many"),
    "bool-for-int": _set((0, "paragraphs", 0, "line"), True),
    "list-for-text": _set((0, "paragraphs", 0, "text"), ["a list"]),
    "null-title": _set((0, "title"), None),
    "missing-field": _set((0, "stats", "grade"), KeyError),
    "extra-field": _set((0, "stats", "extra"), 1),
    "short-entry": _edited(lambda entry: entry.pop()),
    "null-entry": _edited(lambda entry: entry.clear()),
}


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """site_data/'s site loaded once with a cache, and that cache (copy it before changing it)."""
    cache = tmp_path_factory.mktemp("cold") / "cache"
    forget_caches()
    site = load_site(SITE_DATA, cache=cache)
    forget_caches()
    return site, cache


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_entry_is_a_miss_and_is_written_again(tmp_path, cold, counted, damage):
    site, original = cold
    cache = tmp_path / "cache"
    shutil.copytree(original, cache)
    victim = entries(cache)[0]
    data = victim.read_bytes()
    victim.write_bytes(DAMAGE[damage](data))
    assert victim.read_bytes() != data
    assert load_site(SITE_DATA, cache=cache) == site
    assert len(counted) == 1
    assert victim.read_bytes() == data  # written again, whole


def test_a_cache_that_cannot_be_written_gives_one_note_and_the_same_site(tmp_path, cold, counted):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")  # root ignores permissions; no one can make a folder under a file
    site = load_site(SITE_DATA, cache=blocked / "microsite")
    notes = [w for w in site.warnings if w.kind == "cache"]
    assert len(notes) == 1 and str(blocked / "microsite") in notes[0].path
    assert "cache: false" in notes[0].message
    assert replace(site, warnings=tuple(w for w in site.warnings if w.kind != "cache")) == cold[0]
    assert analysis_cache.bytecode_cache(blocked / "microsite") is None  # templates compiled as without it


def _plugin_build(project: Path, options: str):
    """on_config and on_pre_build of the project's mkdocs.yml with these plugin options added."""
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(
        text.replace("      templates: templates", f"      templates: templates{options}"), encoding="utf-8"
    )
    config = load_config(str(config_file), site_dir=str(project / "site"))
    plugin = config.plugins["microsite"]
    config = config.plugins.on_config(config)
    try:
        plugin.on_pre_build(config)
    finally:
        plugin.on_build_error(error=RuntimeError("test"))  # hands generation's objects back to the collector


def _listing(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    "options, folder",
    [
        ("", ".cache/microsite"),
        ("\n      cache: false", None),
        ("\n      cache_dir: ../elsewhere", "../elsewhere"),
    ],
    ids=["default", "off", "cache_dir"],
)
def test_the_plugin_keeps_its_cache_beside_mkdocs_yml(project, counted, options, folder):
    before = {name: _listing(project / name) for name in ("site_data", "docs")}
    _plugin_build(project, options)
    assert {name: _listing(project / name) for name in ("site_data", "docs")} == before
    tables = {analysis_cache.GRADES, analysis_cache.QR_MASKS}  # test_kept_tables.py's
    every = list(project.parent.rglob("*.json"))
    made = [p.relative_to(project.parent).as_posix() for p in every if p.name not in tables]
    if folder is None:
        assert made == [] and len(every) == 0 and not (project / ".cache").exists()
    else:
        where = (project / folder).resolve() / analysis_cache.ENTRIES
        assert len(list(where.glob("*.json"))) == ARTICLES == len(made)
        assert {p.parent for p in every if p.name in tables} == {where.parent}  # the tables beside them


def test_the_plugin_refuses_a_cache_dir_that_is_no_path(project):
    with pytest.raises(PluginError, match=r"cache_dir 'a\\x00b' in mkdocs.yml is not a usable folder path"):
        _plugin_build(project, '\n      cache_dir: "a\\x00b"')  # YAML's escape: a NUL in the path


@pytest.mark.parametrize("inside", ["site_data/cache", "docs", "docs/.cache", "templates/theme"])
def test_the_plugin_refuses_a_cache_dir_in_the_editors_folders(project, inside):
    with pytest.raises(PluginError, match="cache_dir .* is inside"):
        _plugin_build(project, f"\n      cache_dir: {inside}")


def test_the_cli_keeps_the_cache_beside_mkdocs_yml_and_no_cache_turns_it_off(project):
    proc = run_cli("check", "--no-cache", "--site-data", str(project / "site_data"))
    assert proc.returncode == 0, proc.stderr
    assert not (project / ".cache").exists()
    proc = run_cli("export", "--site-data", str(project / "site_data"))
    assert proc.returncode == 0, proc.stderr
    assert len(entries(project / ".cache" / "microsite")) == ARTICLES
