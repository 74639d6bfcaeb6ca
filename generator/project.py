"""A complete project that both MkDocs and Zensical build into the site, with no plugin of ours.

``python -m generator build --out DIR`` writes it (build.py reads the inputs and writes the files; this
module only decides what they are)::

    DIR/mkdocs.yml     the editor's config, without the microsite plugin, with what the plugin adds spelled
                       out: theme.custom_dir, extra_css, extra_javascript, the glossary extension, and the
                       links extension (the pages' raw-HTML links are written as Markdown links are:
                       Zensical resolves them so, and generator.links_extension makes MkDocs do the same)
    DIR/docs/          the editor's own docs/ and the generated pages as real Markdown files
    DIR/theme/         templates/theme/ (the partial override, CSS, scripts, the vendored search shim),
                       with the editor's own custom_dir files over it (theirs win, as with the plugin)
    DIR/glossary.yml   site_data/glossary.yml, read by the Markdown extension ``generator.glossary_extension``

Zensical reads mkdocs.yml but runs no MkDocs plugins or hooks (and ``theme.variant: classic`` keeps
Material's look there; MkDocs ignores the key). With ``offline`` the pages link to ``.html`` files and
Material's (or Zensical's) offline plugin makes search work from disk: the classroom copy.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .errors import SiteDataError

# The shim Material's offline plugin would otherwise load from a CDN (the plugin skips its own URL when a
# polyfill contains "iframe-worker"; Zensical's does the same).
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"
THEME_DIR = "theme"
GLOSSARY = "glossary.yml"
GLOSSARY_EXTENSION = "generator.glossary_extension"
LINKS_EXTENSION = "generator.links_extension"
# What MkDocs uses when a config lists no markdown_extensions (kept when we add the glossary's).
MKDOCS_DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code")
# Keys that point outside the project or at our plugin's folders, which the project does not have.
DROPPED_KEYS = ("site_dir", "watch")

HEADER_START = "# Written by `python -m generator build`"  # output.py knows the project's config by it
HEADER = """\
# Written by `python -m generator build` from {source}; every build rewrites this folder, so edit {source}
# and the site's data instead. `mkdocs build` and `zensical build`, run in this folder, both build the site into
# site/ with no plugin of ours: the pages are files in docs/, the look is theme/, links in the pages' raw
# HTML are resolved like Markdown links (generator.links_extension does it for MkDocs; Zensical does it
# itself), and the glossary's tooltips come from the Markdown extension generator.glossary_extension (it
# reads glossary.yml).
"""


@dataclass(frozen=True)
class EditorConfig:
    """What the editor's mkdocs.yml says about where things are (paths relative to its folder)."""

    site_name: str | None
    docs_dir: str
    custom_dir: str | None
    site_data: str  # the microsite plugin's options
    templates: str | None
    site_url: str | None = None  # the public address QR codes encode (qr.py); a tag such as !ENV is not read
    has_nav: bool = False  # the editor wrote a nav: it is kept; else the project gets the site's menu
    not_in_nav: str = ""  # the pages the editor keeps out of the menu (gitignore-style lines)


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps tags such as !ENV and !!python/name:… for the builder to resolve
    yaml.width = 110
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(text: str, display: str) -> CommentedMap:
    try:
        data = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SiteDataError(
            display,
            f"is not valid YAML: {getattr(exc, 'problem', exc)}",
            line=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(data, CommentedMap):
        raise SiteDataError(display, "must be a mapping of settings (site_name: …, theme: …)")
    return data


def _plugin(entry) -> tuple[str, object]:
    if isinstance(entry, dict) and len(entry) == 1:
        name = next(iter(entry))
        return str(name), entry[name]
    return str(entry), None


def editor_config(text: str, display: str) -> EditorConfig:
    data = _load(text, display)
    theme = data.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    options: dict = {}
    for entry in data.get("plugins") or ():
        name, value = _plugin(entry)
        if name == "microsite" and isinstance(value, dict):
            options = dict(value)
    name = data.get("site_name")
    return EditorConfig(
        site_name=str(name) if isinstance(name, str) else None,
        docs_dir=str(data.get("docs_dir") or "docs"),
        custom_dir=str(custom_dir) if custom_dir else None,
        site_data=str(options.get("site_data") or "site_data"),
        templates=str(options["templates"]) if options.get("templates") else None,
        site_url=data.get("site_url") if isinstance(data.get("site_url"), str) else None,
        has_nav=data.get("nav") is not None,
        not_in_nav=str(data.get("not_in_nav") or ""),
    )


def _plain(node):
    """The node without the editor's comments (they describe the plugin build), tags and flow style kept."""
    if isinstance(node, CommentedMap):
        new = CommentedMap((key, _plain(value)) for key, value in node.items())
    elif isinstance(node, CommentedSeq):
        new = CommentedSeq(_plain(value) for value in node)
    else:
        return node
    if node.tag.value:
        new.yaml_set_ctag(node.tag)
    if node.fa.flow_style():
        new.fa.set_flow_style()
    return new


def _append(data: CommentedMap, key: str, items) -> None:
    values = data.get(key)
    if not isinstance(values, list):
        values = CommentedSeq()
        data[key] = values
    present = {str(v) for v in values}
    values.extend(item for item in items if item not in present)


# not_in_nav lines for a corpus whose article pages the menu leaves out (navigation.menu_articles).
SOURCES_OUT_OF_MENU = "/sources/*\n!/sources/index.md\n"


def project_config(
    text: str,
    display: str,
    *,
    glossary: bool,
    offline: bool,
    nav: list | None = None,
    articles_out_of_menu: bool = False,
) -> str:
    """The project's mkdocs.yml, made from the editor's: the same settings, and what the plugin adds (with
    ``nav``, the site's menu the plugin sets: navigation.site_nav; ``articles_out_of_menu``: a large corpus,
    whose article pages that menu leaves out, which the plugin marks not in the menu)."""
    loaded = _load(text, display)
    data = _plain(loaded)
    _safe_for_the_theme(data, loaded, display)
    if nav is not None and data.get("nav") is None:
        data["nav"] = nav
        if articles_out_of_menu:
            lines = str(data.get("not_in_nav") or "")
            data["not_in_nav"] = (
                lines + ("" if lines.endswith("\n") or not lines else "\n") + SOURCES_OUT_OF_MENU
            )
    for key in DROPPED_KEYS:
        data.pop(key, None)
    data["docs_dir"] = "docs"
    theme = data.get("theme")
    if not isinstance(theme, dict):
        theme = CommentedMap(name=theme or "material")
        data["theme"] = theme
    theme["custom_dir"] = THEME_DIR
    theme.setdefault("variant", "classic")
    # The files under templates/theme/ that the plugin adds to every page, listed where it lists them
    # (imported here: the plugin imports the build, which imports this module).
    from .plugin import EXTRA_CSS, EXTRA_JAVASCRIPT

    _append(data, "extra_css", EXTRA_CSS)
    _append(data, "extra_javascript", EXTRA_JAVASCRIPT)
    plugins = CommentedSeq(
        entry for entry in (data.get("plugins") or ()) if _plugin(entry)[0] not in ("microsite", "offline")
    )
    if "plugins" in data or offline:
        data["plugins"] = plugins
    if offline:
        plugins.append("offline")
        data["use_directory_urls"] = False
        extra = data.get("extra")
        if not isinstance(extra, dict):
            extra = CommentedMap()
            data["extra"] = extra
        _append(extra, "polyfills", [OFFLINE_SHIM])
    if "markdown_extensions" not in data:
        data["markdown_extensions"] = CommentedSeq(MKDOCS_DEFAULT_EXTENSIONS)
    extensions = data["markdown_extensions"]
    if not isinstance(extensions, list):
        raise SiteDataError(display, "markdown_extensions must be a list", key="markdown_extensions")
    extensions.append(LINKS_EXTENSION)
    if glossary:
        extensions.append(CommentedMap({GLOSSARY_EXTENSION: CommentedMap(file=GLOSSARY)}))
    out = io.StringIO()
    _yaml().dump(data, out)
    return HEADER.format(source=display) + out.getvalue()


def _safe_for_the_theme(data: CommentedMap, loaded: CommentedMap, display: str) -> None:
    """Material prints site_name and site_description raw into attributes (aria-label="…", <meta
    content="…">), and site_url (every page's canonical link) and repo_url raw into href="…", under MkDocs
    and Zensical alike; with no plugin to escape them, the project's config holds them escaped (names as HTML,
    an entity already written kept) and rebuilt (addresses, by the one URL rule: quotes percent-encoded)."""
    from .urls import UrlError, web_url

    for key in ("site_name", "site_description"):
        if isinstance(data.get(key), str):
            data[key] = html.escape(html.unescape(data[key]), quote=True)
    for key in ("site_url", "repo_url"):
        value = data.get(key)
        if not value:
            continue
        try:
            data[key] = web_url(value)
        except UrlError as exc:
            raise SiteDataError(
                display,
                f"{key} {value!r} is not a web address the site can use: {exc} (such as https://www.example.org/)",
                line=loaded.lc.key(key)[0] + 1,
                key=key,
            ) from None


def project_files(
    pages: dict[str, str],
    docs: dict[str, bytes],
    theme: dict[str, bytes],
    custom: dict[str, bytes],
    config: str,
    glossary: bytes | None,
    docs_display: str = "docs",
) -> dict[str, bytes]:
    """Every file of the project by path: the editor's docs beside the generated pages (a clash is an
    error, as in the plugin build), our theme under the editor's custom_dir, the config and the glossary."""
    files: dict[str, bytes] = {"mkdocs.yml": config.encode("utf-8")}
    for rel, content in docs.items():
        files[f"docs/{rel}"] = content
    # The same file, or another one published at the same address (docs/history/index.md beside the
    # generated history.md: both are /history/, and a builder keeps one of them).
    addresses = {_address(rel): rel for rel in docs if _address(rel)}
    for rel, content in pages.items():
        mine = rel if rel in docs else addresses.get(_address(rel))
        if mine is not None:
            raise SiteDataError(
                f"{docs_display}/{mine}",
                f"exists, but the generator makes that page ({_address(rel) or rel}); remove or rename "
                f"{docs_display}/{mine}",
            )
        files[f"docs/{rel}"] = content.encode("utf-8")
    for rel, content in {**theme, **custom}.items():
        files[f"{THEME_DIR}/{rel}"] = content
    if glossary is not None:
        files[GLOSSARY] = glossary
    return files


def _address(rel: str) -> str | None:
    """The address a Markdown file of docs/ is published at (index.md and README.md are their folder's)."""
    if not rel.endswith(".md"):
        return None
    folder, _, name = rel[: -len(".md")].rpartition("/")
    path = folder if name in ("index", "README") else f"{folder}/{name}".lstrip("/")
    return f"/{path}/" if path else "/"
