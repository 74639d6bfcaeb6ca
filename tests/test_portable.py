"""The site outlives MkDocs 1.x: `python -m generator build --out DIR` writes a project that `mkdocs build` and
`zensical build` both build, with no plugin, into the same site as the plugin build.

The builds are shared with the browser suite (tests/builds.py): one per builder per session.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.errors import SiteDataError
from generator.project import editor_config, project_config, project_files

from .builds import built
from .conftest import ROOT, run_cli

BASE = "http://site.invalid/"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_project_holds_pages_theme_glossary_and_a_config_without_the_plugin(tmp_path_factory):
    project = built("venezuela", "project", tmp_path_factory)
    written = files_of(project)
    generated = [p for p in written if p.startswith("docs/")]
    assert "docs/index.md" in generated and "docs/sources/index.md" in generated
    assert "docs/data/corpus.json" in generated
    assert "docs/assets/images/site-screenshot.png" in generated  # the editor's own docs/, copied
    for theme_file in (
        "partials/toc.html",
        "assets/stylesheets/site.css",
        "assets/stylesheets/a11y.css",
        "assets/javascripts/assign.js",
        "assets/vendor/iframe-worker/shim.js",
    ):
        assert written[f"theme/{theme_file}"] == (ROOT / "templates/theme" / theme_file).read_bytes()
    assert written["glossary.yml"] == (ROOT / "site_data/glossary.yml").read_bytes()
    config = written["mkdocs.yml"].decode()
    assert "microsite" not in re.sub(r"(?m)^#.*\n", "", config)
    for line in (
        "  custom_dir: theme",
        "  variant: classic",
        "  - generator.links_extension",
        "  - generator.glossary_extension:\n      file: glossary.yml",
        "  - assets/stylesheets/a11y.css",
        "  - assets/javascripts/assign.js",
    ):
        assert line in config, line
    assert "watch:" not in config  # the editor's watch list points at folders the project does not have


def test_mkdocs_builds_the_project_into_the_plugins_site(tmp_path_factory):
    plugin = files_of(built("venezuela", "mkdocs", tmp_path_factory))
    project = files_of(built("venezuela", "project-mkdocs", tmp_path_factory))
    assert sorted(project) == sorted(plugin)
    different = sorted(p for p in plugin if project[p] != plugin[p])
    # Only the search index's order differs: MkDocs indexes files in the order it finds them, and the plugin
    # adds the generated pages after the editor's own (and so the classroom copy, which holds the index).
    assert different == ["downloads/classroom-copy.zip", "search/search_index.json"]
    docs = [json.loads(files["search/search_index.json"])["docs"] for files in (plugin, project)]
    key = lambda d: d["location"]  # noqa: E731
    assert sorted(docs[0], key=key) == sorted(docs[1], key=key)
    # Five articles are below site.yml's pagefind_articles: both builds keep Material's lunr search (the one
    # without the plugin never switches; tests/browser/test_search_pagefind.py builds one that does).
    assert docs[0] and not any(p.startswith("pagefind/") for p in plugin)
    assert not any(b"search-pagefind.js" in plugin[p] for p in plugin if p.endswith(".html"))
    zips = [zipfile.ZipFile(io.BytesIO(files["downloads/classroom-copy.zip"])) for files in (plugin, project)]
    names = [z.namelist() for z in zips]
    assert names[0] == names[1] and "teachers/packet/one-lesson/index.html" in names[0]
    assert [n for n in names[0] if zips[0].read(n) != zips[1].read(n)] == [
        "search/search_index.json",
        "search/search_index.js",
    ]


def _content(html: str, page: str) -> str:
    """A page's article, with every link resolved to its address (the two builders write the same address
    in different ways: "./" or "../x/" for a page itself)."""
    article = html[html.index("<article") : html.index("</article>")]
    article = article.replace('<a id="__skip" tabindex="-1"></a>', "")  # Zensical's skip-link target
    # Zensical leaves what carries data-search-exclude out of its index (checked: no "Assign this page" in its
    # search.json), then drops the attribute from the page; MkDocs keeps it on raw HTML.
    article = article.replace(' data-search-exclude=""', "")
    url = urljoin(BASE, page)
    return re.sub(
        r'(\s(?:href|src)=")([^"]*)"',
        lambda m: f'{m.group(1)}{urljoin(url, m.group(2).replace("&amp;", "&"))}"',
        " ".join(article.split()),
    )


def test_zensical_builds_the_same_pages_with_the_same_content(tmp_path_factory):
    mkdocs = built("venezuela", "mkdocs", tmp_path_factory)
    zensical = built("venezuela", "zensical", tmp_path_factory)
    pages = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*.html"))
    assert pages == sorted(p.relative_to(zensical).as_posix() for p in zensical.rglob("*.html"))
    assert (zensical / "data/corpus.json").read_bytes() == (mkdocs / "data/corpus.json").read_bytes()
    marked = 0
    for rel in pages:
        if rel == "404.html" or "<article" not in (mkdocs / rel).read_text():
            continue  # 404.html, and the redirect pages of redirects.yml (copied as they are)
        page = rel.removesuffix("index.html")
        ours, theirs = (
            _content((site / rel).read_text(encoding="utf-8"), page) for site in (mkdocs, zensical)
        )
        assert theirs == ours, f"{rel}: Zensical's content differs from MkDocs'"
        marked += 'class="ms-term"' in theirs
    # Glossary marks on every page that has a term, not only on the article text the generator marks itself
    # (without the extension Zensical marked 4 pages of 33; 29 since no term is marked in a table or a link).
    assert marked >= 25, marked


def test_the_offline_project_builds_with_file_urls(tmp_path_factory):
    """`build --offline`: pages end in .html and link to .html files (they open from disk); the browser
    suite (test_offline.py) opens this build from file:// and searches it."""
    project = built("venezuela", "project-offline", tmp_path_factory)
    config = (project / "mkdocs.yml").read_text()
    assert "use_directory_urls: false" in config and "  - offline" in config
    assert "assets/vendor/iframe-worker/shim.js" in config
    site = built("venezuela", "zensical-offline", tmp_path_factory)
    page = (site / "sources/venezuela-accuses-us-of-plotting-coup-against-maduro.html").read_text("utf-8")
    # The raw-HTML actor links, the Markdown links and the navigation all point at files.
    assert 'class="ms-actor" href="../actors/nicolas-maduro.html' in page
    internal = [h.split("#")[0] for h in re.findall(r'href="([^"]*)"', page) if "://" not in h]
    assert "./index.html" in internal
    assert not [h for h in internal if h.endswith("/")], "a directory URL in the offline build"


# --------------------------------------------------------------------------- the config, case by case

EDITOR = """\
site_name: Library vote   # a comment about the plugin that the project must not repeat
docs_dir: pages
site_dir: ../public
theme:
  name: material
  custom_dir: overrides
plugins:
  - search
  - microsite:
      site_data: data
      templates: tpl
watch: [data]
extra:
  analytics: !ENV [ANALYTICS, none]
"""


def test_editor_config_says_where_things_are():
    editor = editor_config(EDITOR, "mkdocs.yml")
    assert (editor.site_name, editor.docs_dir, editor.custom_dir) == ("Library vote", "pages", "overrides")
    assert (editor.site_data, editor.templates) == ("data", "tpl")
    assert editor_config("site_name: x\n", "mkdocs.yml").site_data == "site_data"
    # The public address the QR codes encode (qr.py checks it); a tag the builder resolves is not read here.
    assert editor_config("site_url: https://x.org/\n", "mkdocs.yml").site_url == "https://x.org/"
    assert editor_config("site_url: !ENV [SITE_URL]\n", "mkdocs.yml").site_url is None
    assert editor.site_url is None


def test_project_config_keeps_the_editors_settings_and_spells_out_the_plugins():
    config = project_config(EDITOR, "mkdocs.yml", glossary=False, offline=False)
    body = "".join(line for line in config.splitlines(keepends=True) if not line.startswith("#"))
    assert "a comment about the plugin" not in config
    assert "microsite" not in body and "site_dir" not in body and "watch" not in body
    assert "docs_dir: docs" in body and "custom_dir: theme" in body
    assert "analytics: !ENV [ANALYTICS, none]" in body  # the builder resolves it, as before
    assert "glossary_extension" not in body  # no glossary terms, no extension
    # No markdown_extensions in the editor's config: MkDocs' defaults stay beside ours.
    assert "  - toc\n  - tables\n  - fenced_code\n  - generator.links_extension\n" in body
    offline = project_config("site_name: x\ntheme: material\n", "mkdocs.yml", glossary=True, offline=True)
    assert "theme:\n  name: material\n  custom_dir: theme" in offline
    assert "plugins:\n  - offline\n" in offline and "use_directory_urls: false" in offline
    assert "polyfills:\n    - assets/vendor/iframe-worker/shim.js" in offline


def test_bad_editor_config_names_the_file_and_line():
    with pytest.raises(SiteDataError, match=r"mkdocs\.yml:3: is not valid YAML: expected the node content"):
        project_config("site_name: x\ntheme: [\n", "mkdocs.yml", glossary=False, offline=False)


def test_the_editors_theme_files_win_and_their_docs_may_not_shadow_a_generated_page():
    files = project_files(
        {"index.md": "# Home\n"},
        docs={"about.md": b"# About\n"},
        theme={"partials/toc.html": b"ours", "assets/site.css": b"ours"},
        custom={"partials/toc.html": b"theirs"},
        config="site_name: x\n",
        glossary=None,
    )
    assert files["theme/partials/toc.html"] == b"theirs" and files["theme/assets/site.css"] == b"ours"
    assert files["docs/about.md"] == b"# About\n" and "glossary.yml" not in files
    with pytest.raises(SiteDataError, match=r"docs/index\.md: exists, but the generator makes that page"):
        project_files({"index.md": ""}, {"index.md": b""}, {}, {}, "site_name: x\n", None)


# --------------------------------------------------------------------------- the glossary extension


def test_glossary_extension_reads_its_file_and_says_when_it_cannot(tmp_path):
    import markdown

    (tmp_path / "glossary.yml").write_text(
        "terms:\n  - term: junta\n    definition: A ruling group.\n    source: https://example.org/junta\n"
    )
    html = markdown.markdown(
        "The junta ruled.",
        extensions=["generator.glossary_extension"],
        extension_configs={"generator.glossary_extension": {"file": str(tmp_path / "glossary.yml")}},
    )
    # The definition is the glossary's text, not the page's: out of the search index in either build.
    assert (
        '<span class="ms-term" tabindex="0">junta<span class="ms-term__def" data-search-exclude="" role="tooltip">'
        in html
    )
    with pytest.raises(
        ValueError, match=r"glossary\.yml: is missing \(looked for .*\); .* run the build from"
    ):
        markdown.markdown("x", extensions=["generator.glossary_extension"])
    (tmp_path / "bad.yml").write_text("terms:\n  - term: junta\n")
    with pytest.raises(ValueError, match=r"bad\.yml:2.*needs 'definition'"):
        markdown.markdown(
            "x",
            extensions=["generator.glossary_extension"],
            extension_configs={"generator.glossary_extension": {"file": str(tmp_path / "bad.yml")}},
        )


def test_no_term_is_marked_inside_a_raw_html_link(tmp_path):
    """The extension marks as the plugin does (analyse/glossary.py, tests/test_history.py): not inside a link
    written as raw HTML, and the first use after it."""
    import markdown

    (tmp_path / "glossary.yml").write_text(
        "terms:\n  - term: dictator\n    definition: A ruler.\n    source: https://example.org/d\n"
    )
    html = markdown.markdown(
        '- <a href="https://example.org/x">Rebels drive out the Cuban dictator</a> (a dictator, said X)',
        extensions=["generator.glossary_extension"],
        extension_configs={"generator.glossary_extension": {"file": str(tmp_path / "glossary.yml")}},
    )
    link = html[html.index("<a ") : html.index("</a>")]
    assert "ms-term" not in link and "Rebels drive out the Cuban dictator" in link
    assert '(a <span class="ms-term" tabindex="0">dictator<span' in html


def test_build_out_refuses_a_docs_page_the_generator_makes(project: Path, tmp_path: Path):
    (project / "docs" / "sources").mkdir(parents=True)
    (project / "docs" / "sources" / "index.md").write_text("# Mine\n")
    out = tmp_path / "out"
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert "docs/sources/index.md: exists, but the generator makes that page" in result.stderr
    assert not out.exists()


def test_a_project_written_before_is_replaced_but_not_an_editors_project(tmp_path):
    from generator.output import MARK, OutputError, check_output_folder
    from generator.project import HEADER

    folder = tmp_path / "project"
    folder.mkdir()
    (folder / MARK).write_text("")
    (folder / "mkdocs.yml").write_text(HEADER.format(source="mkdocs.yml") + "site_name: x\n")
    assert check_output_folder(folder) == folder.resolve()
    (folder / "mkdocs.yml").write_text("site_name: the editor's own\n")  # a mark copied along, say
    with pytest.raises(OutputError, match="holds mkdocs.yml"):
        check_output_folder(folder)


def test_a_new_sites_project_builds_with_zensical(tmp_path_factory):
    """The editor's way: `new`, then `build --out` and `zensical build --strict` (no glossary terms yet, so
    no glossary extension and no glossary.yml)."""
    site = built("new", "zensical", tmp_path_factory)
    assert (site / "index.html").is_file() and (site / "about" / "index.html").is_file()
    project = site.parent
    assert not (project / "glossary.yml").exists()
    assert "- generator.glossary_extension" not in (project / "mkdocs.yml").read_text()
