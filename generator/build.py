"""The build, top to bottom: read ``site_data/`` → parse → clean → model → analyse → render → write.

This module, ``output``, the CLI and the plugin are the only places that touch the disk. ``generate`` does
everything in memory and raises before anything is written, so a bad input never damages the last good site;
``output.write_pages`` then replaces the output folder's generated files in one step.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from . import classroom, integrity, project, qr, quiz_index, sitedata
from .analyse import analyse_article
from .analyse.mentions import matcher
from .analyse.names import long_paragraphs, reading_of, remember, unattributed_quotes, unknown_names
from .analysis_cache import GRADES, QR_MASKS, DiskCache, bytecode_cache, read_table, write_table
from .assemble import make_article
from .errors import SiteDataError, SiteDataErrors
from .model import PROFILE, Article, Attribution, Site, Warning
from .navigation import left_out_of_menu, project_nav
from .output import check_output_folder, write_pages, write_zip
from .overrides import apply_quote_overrides
from .parse import decode
from .readability import remember_grades, used_grades
from .render import SOURCE_LINKS, SOURCE_LINKS_FILE_URLS, addresses, redirect_page, render_site
from .teach import handout_key, left_out, teaching_addresses

ROOT = Path(__file__).resolve().parent.parent
# templates/ sits beside the package in the repository (and an editable install); a wheel carries it inside
# the package as generator/templates (see pyproject.toml), so an editor can `pip install` the generator.
TEMPLATES = next(
    (p for p in (Path(__file__).resolve().parent / "templates", ROOT / "templates") if p.is_dir()),
    ROOT / "templates",
)


@dataclass(frozen=True)
class Result:
    site: Site
    pages: dict[str, str]  # docs-relative path → content

    @property
    def warnings(self) -> tuple[Warning, ...]:
        return self.site.warnings


def _read(path: Path, display: str) -> str:
    if not path.is_file():
        raise SiteDataError(
            display, "is missing; it is needed to build the site (see README, 'Editing the site')"
        )
    return decode(path.read_bytes(), display)


# The articles of the last load_site, parsed, cleaned and analysed, by a hash of everything that made them:
# `mkdocs serve` then re-analyses only the articles an edit changed (see _fingerprint). The stages are pure
# functions of these inputs, so a cached article is the article the stages would make again.
_ANALYSED: dict[str, tuple[Article, tuple[Warning, ...]]] = {}
# Each curated file's parsed value in the last load_site, with what it was parsed from (see curated()).
_PARSED: dict[str, tuple[tuple, object]] = {}
# The curated files an article's parsing, cleaning and analysis read (sources.yml's entry and outlet are
# in the key apart, so adding an article or editing another one's entry changes nothing here).
ANALYSIS_INPUTS = (
    "site.yml",  # words per minute
    "cleaning.yml",
    "actors.yml",
    "attribution.yml",
    "history.yml",
    "facts.yml",
    "lexicon.yml",
)


def forget_caches() -> None:
    """Forget everything kept in this process between builds (analysed articles, rendered pages, compiled
    templates, folded texts, grades…), so that the next build works as a first build in a new process does:
    for the benchmark's cold figures and for tests."""
    import functools
    import sys

    from . import memo, readability, render, views
    from .analyse import names, people

    _ANALYSED.clear()
    _PARSED.clear()
    memo.forget()
    qr.forget_masks()
    readability.forget_grades()
    render._ENVIRONMENTS.clear()
    names._READINGS.clear()
    people._FINDER.clear()
    views._LAST.clear()
    quiz_index._LAST.clear()
    for module in list(sys.modules.values()):  # every functools.lru_cache of the generator (fold, spans…)
        if getattr(module, "__name__", "").startswith("generator."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def _fingerprint(site_data: Path, name: str, words_per_minute: int) -> str:
    """A hash of the curated files every article's analysis depends on (absent ones included as absent)."""
    digest = hashlib.sha256(f"{name}\0{words_per_minute}".encode())
    for file in ANALYSIS_INPUTS:
        path = site_data / file
        digest.update(f"\0{file}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"\0absent")
    return digest.hexdigest()


def load_site(site_data: Path, site_name: str | None = None, cache: Path | None = None) -> Site:
    """Read and validate everything in ``site_data``; every article is parsed, cleaned and analysed.

    Only sources.yml must be there: a corpus and its outlets build a whole site, and every other file makes it
    richer. ``site_name`` (mkdocs.yml's) titles a site that has no site.yml. ``cache``: a folder where analysed
    articles are kept between processes (analysis_cache.py; the plugin's and the CLI's ``.cache/microsite/``
    beside mkdocs.yml); None keeps them in this process only.
    """
    site_data = Path(site_data)
    name = site_data.name
    warnings: list[Warning] = []

    def curated(file: str, parse, default=None, *extra, required: bool = False):
        """Parse site_data/<file> if it is there (only sources.yml must be)."""
        path = site_data / file
        if not required and not path.is_file():
            return default
        text, display = _read(path, f"{name}/{file}"), f"{name}/{file}"
        # The parsers are pure: the same text gives the same frozen values, kept from the last build (a
        # sources.yml of 1,000 entries takes a second to parse with its line numbers), and the pages' caches
        # (memo.py) then compare the same objects.
        key = (parse, text, display, extra)
        last = _PARSED.get(file)
        if last is not None and last[0] == key:
            return last[1]
        value = parse(text, display, *extra)
        _PARSED[file] = (key, value)
        return value

    info = curated("site.yml", sitedata.parse_site)
    if info is None:
        info = sitedata.default_site(site_name)
        warnings.append(
            Warning(
                f"{name}/site.yml",
                f"is missing, so the site is titled '{info.title}' "
                f"({'site_name in mkdocs.yml' if site_name else 'a default'}) and the home page has no "
                "description or story in brief; add site.yml to give them",
                kind="missing-file",
                subject="site.yml",
            )
        )
    sources_path = f"{name}/sources.yml"
    outlets, entries = curated("sources.yml", sitedata.parse_sources, required=True)
    for outlet in outlets:
        # Not an error: a new site lists its outlets before anyone has looked them up. The pages say "no profile
        # yet"; the note tells the editor what to add.
        if outlet.missing:
            state = "no profile yet" if outlet.missing == PROFILE else "an incomplete profile"
            warnings.append(
                Warning(
                    sources_path,
                    f"outlet '{outlet.id}' has {state} ({', '.join(outlet.missing)}); add them with citations",
                    kind="outlet-profile",
                    subject=outlet.id,
                )
            )
    rules = curated("cleaning.yml", sitedata.parse_cleaning)
    if rules is None:
        rules = sitedata.default_cleaning()
        warnings.append(
            Warning(
                f"{name}/cleaning.yml",
                "is missing, so only the built-in detectors (repeated lines, repeated quotations, related "
                "headlines) remove page furniture; add cleaning.yml with rules for any furniture that gets through",
                kind="missing-file",
                subject="cleaning.yml",
            )
        )
    groups, actors = curated("actors.yml", sitedata.parse_actors, ((), ()))
    attribution = curated("attribution.yml", sitedata.parse_attribution, Attribution())
    match = matcher(actors, attribution)
    has_actors = (site_data / "actors.yml").is_file()
    topics, events = curated(
        "history.yml",
        sitedata.parse_history,
        ((), ()),
        frozenset(a.id for a in actors) if has_actors else None,
    )
    if not has_actors and any(e.figures for e in events):
        warnings.append(
            Warning(
                f"{name}/history.yml",
                "names key figures, but there is no actors.yml to say who they are; the history page leaves "
                "them out until actors.yml is back",
                kind="missing-file",
                subject="actors.yml",
            )
        )
    teaching = curated("teaching.yml", sitedata.parse_teaching)
    story, facts = curated("facts.yml", sitedata.parse_facts, (None, ()))
    lexicon = curated("lexicon.yml", sitedata.parse_lexicon, ())
    terms = curated("glossary.yml", sitedata.parse_glossary, ())
    corpus = site_data / "corpus"
    files = (
        sorted(p.name for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))
        if corpus.is_dir()
        else []
    )
    errors: list[SiteDataError] = []
    by_file = {e.file: e for e in entries}
    in_corpus = set(files)
    for entry in entries:
        if entry.file not in in_corpus:
            errors.append(
                SiteDataError(
                    sources_path,
                    f"lists '{entry.file}', which is not in {name}/corpus/ "
                    f"(files there: {', '.join(files) or 'none'})",
                    line=entry.line,
                    key="file",
                )
            )
    for file in files:
        if file not in by_file:
            errors.append(
                SiteDataError(
                    f"{name}/corpus/{file}",
                    f"has no entry in {sources_path}; add one with '- file: {file}', its outlet and language",
                )
            )
    outlet_by_id = {o.id: o for o in outlets}
    articles: list[Article] = []
    depends = _fingerprint(site_data, name, info.words_per_minute)
    analysed: dict[str, tuple[Article, tuple[Warning, ...]]] = {}
    disk = DiskCache(cache) if cache is not None else None
    readings: list = []  # (article, its names reading) from the disk cache
    unread: list = []  # entries to write once unknown_names has read their article (see store below)

    def store(with_readings: bool) -> None:
        for on_disk, article, notes, overridden in unread:
            disk.put(on_disk, (article, notes, reading_of(overridden) if with_readings else None))
        disk.prune()  # only the entries of this build's articles stay on disk
        if disk.warning is not None:
            warnings.append(disk.warning)

    for file in files:
        if file not in by_file:
            continue
        display = f"{name}/corpus/{file}"
        try:
            text = _read(corpus / file, display)
        except SiteDataError as exc:  # reported with the others (every bad file at once)
            errors.append(exc)
            continue
        entry, outlet = by_file[file], outlet_by_id[by_file[file].outlet]
        # The entry's lines in sources.yml are left out: the analysis never reads them (errors and the quote
        # overrides' notes, made below on every build, name them), and an edit to one entry moves every one after.
        unplaced = replace(entry, line=0, quotes=tuple(replace(q, line=0) for q in entry.quotes))
        key = hashlib.sha256(
            repr((depends, file, text, unplaced, outlet)).encode("utf-8", "surrogatepass")
        ).hexdigest()
        on_disk = disk.key(key) if disk is not None else None
        stored = disk.get(on_disk) if on_disk is not None and key not in _ANALYSED else None
        reading = None  # unknown_names' reading of the article, kept on disk with it
        if key in _ANALYSED:
            article, notes = _ANALYSED[key]
        elif stored is not None and stored[0].outlet == outlet:
            # The outlet is in the key; the very object of this build's sources.yml is the one pages compare.
            article, notes, reading = replace(stored[0], outlet=outlet), stored[1], stored[2]
        else:
            try:
                article, notes = make_article(file, text, entry, outlet, rules, f"{name}/corpus")
            except SiteDataError as exc:
                errors.append(exc)
                continue
            article = analyse_article(
                article, info.words_per_minute, match, actors, attribution, events, facts, lexicon
            )
        analysed[key] = (article, notes)
        # The editor's quote overrides (the entry's, in the key above) on the analysed article, every build.
        overridden, failed, override_notes = apply_quote_overrides(
            article, entry.quotes, actors, sources_path
        )
        errors.extend(failed)
        articles.append(overridden)
        warnings.extend(notes)
        warnings.extend(override_notes)
        if on_disk is not None:
            disk.used.add(on_disk)  # kept by prune, from memory or from disk
            if reading is not None:
                readings.append((overridden, reading))
            elif key not in _ANALYSED:
                unread.append((on_disk, article, notes, overridden))
    _ANALYSED.clear()  # only the last build's: a long `mkdocs serve` session does not keep every version
    _ANALYSED.update(analysed)
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            errors.append(
                SiteDataError(
                    sources_path,
                    f"'{article.file}' and '{seen[article.id]}' both get the page address "
                    f"/sources/{article.id}/; give one of them its own 'slug' in its entry",
                    line=by_file[article.file].line,
                    key="slug",
                )
            )
        seen[article.id] = article.file
        if article.id in sitedata.RESERVED:  # an entry's own slug was refused already: this one is made
            errors.append(
                SiteDataError(
                    sources_path,
                    f"'{article.file}' would get the page address /sources/{article.id}/ from its headline, "
                    "but that is the list of all sources; give its entry a 'slug' of its own",
                    line=by_file[article.file].line,
                    key="slug",
                )
            )
    errors.extend(integrity.override_anchors(facts, articles, f"{name}/facts.yml"))
    warnings.extend(integrity.dangling(name, rules, facts, outlets, entries))
    if errors:
        if disk is not None:
            store(with_readings=False)  # what was analysed is kept: the next build, fixed, needs it
        raise errors[0] if len(errors) == 1 else SiteDataErrors(errors)
    remember(attribution, readings)
    warnings.extend(unknown_names(tuple(articles), attribution, f"{name}/corpus"))
    if disk is not None:
        store(with_readings=True)
    warnings.extend(long_paragraphs(tuple(articles), f"{name}/corpus"))
    warnings.extend(unattributed_quotes(tuple(articles), f"{name}/corpus"))
    return Site(
        info=info,
        articles=tuple(articles),
        outlets=outlets,
        warnings=tuple(warnings),
        actors=actors,
        groups=groups,
        topics=topics,
        events=events,
        terms=terms,
        story=story,
        facts=facts,
        lexicon=lexicon,
        teaching=teaching,
    )


def generate(
    site_data: Path,
    templates: Path = TEMPLATES,
    directory_urls: bool | str = True,
    site_name: str | None = None,
    site_url: str | None = None,  # mkdocs.yml's: the public address QR codes encode (see qr.py)
    cache: Path | None = None,  # the analysis cache's folder (see load_site); None: none on disk
) -> Result:
    site = load_site(site_data, site_name, cache)
    bytecode = bytecode_cache(cache) if cache is not None else None
    # What an earlier build worked out from page text, kept in the cache folder (see read_table): the QR
    # codes' masks (qr.py) and the pages' reading grades (readability.py).
    tables = {QR_MASKS: (qr.remember_masks, qr.used_masks), GRADES: (remember_grades, used_grades)}
    known = {}
    if cache is not None:
        for name, (remember, _) in tables.items():
            known[name] = read_table(cache, name)
            remember(known[name])
    pages = render_site(site, templates, directory_urls, site_url, bytecode)
    if cache is not None:
        for name, (_, used) in tables.items():
            table = used()
            if table and table != known[name]:
                write_table(cache, name, table)
    if site.teaching is not None:
        # Pages the teachers' guide names that a missing or empty curated file leaves out: the guide skips
        # them; the editor hears about it (any other address that is not a page stopped render_site).
        published = set(addresses(pages))
        gaps = dict.fromkeys(a for a in teaching_addresses(site.teaching) if a not in published)
        notes = tuple(
            Warning(
                f"{Path(site_data).name}/teaching.yml",
                f"names {address}, which the site leaves out while {left_out(address, site)} is missing or "
                "empty; the guide skips it",
                kind="missing-file",
                subject=left_out(address, site),
            )
            for address in gaps
        )
        site = replace(site, warnings=site.warnings + notes)
    redirects_file = Path(site_data) / "redirects.yml"
    moved: set[str] = set()
    if redirects_file.is_file():
        display = f"{Path(site_data).name}/redirects.yml"
        published = set(addresses(pages))
        redirects = sitedata.parse_redirects(_read(redirects_file, display), display)
        for old, new in list(redirects.items()):
            # A page that moved takes its printable handout with it: that address was given out too.
            handouts = (f"/handouts/{handout_key(old)}/", f"/handouts/{handout_key(new)}/")
            if handouts[0] not in published and handouts[1] in published and handouts[0] not in redirects:
                redirects[handouts[0]] = handouts[1]
        for old, new in redirects.items():
            if new not in published:
                raise SiteDataError(
                    display, f"{old} redirects to {new}, which is not a page of the site", key=old
                )
            if old in published:
                raise SiteDataError(
                    display,
                    f"{old} is still a page of the site; a redirect is for an address that no longer has one",
                    key=old,
                )
            path, content = redirect_page(old, new)
            pages[path] = content
            moved.add(old)
    listed = Path(site_data) / "addresses.txt"
    if listed.is_file():
        display = f"{Path(site_data).name}/addresses.txt"
        notes = integrity.check_addresses(_read(listed, display), display, site, pages, moved)
        site = replace(site, warnings=site.warnings + notes)
    return Result(site, pages)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder by relative path (hidden files and caches left out); {} if it is not there."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(folder).parts)
    }


def write_project(
    config_file: Path,
    out: Path,
    site_data: Path | None = None,
    offline: bool = False,
    cache: Path | None = None,
) -> Result:
    """Write the project that MkDocs and Zensical both build without our plugin (see project.py) to ``out``.

    The editor's mkdocs.yml says where docs/, a custom_dir and (the plugin's options) site_data/ and the
    templates are; ``site_data`` overrides it. Nothing is written unless generation succeeds.
    """
    config_file = Path(config_file)
    display = config_file.name
    text = _read(config_file, display)
    editor = project.editor_config(text, display)
    base = config_file.parent
    site_data = Path(site_data) if site_data is not None else base / editor.site_data
    check_output_folder(out, site_data)  # before the work, so a refusal comes at once
    templates = base / editor.templates if editor.templates else TEMPLATES
    # Raw-HTML links written as Markdown links are (see links_extension.py).
    links = SOURCE_LINKS_FILE_URLS if offline else SOURCE_LINKS
    result = generate(
        site_data, templates, links, site_name=editor.site_name, site_url=editor.site_url, cache=cache
    )
    glossary = site_data / project.GLOSSARY
    terms = bool(result.site.terms)
    docs = _tree(base / editor.docs_dir)
    # The menu the plugin sets (navigation.py), written into the config unless the editor wrote their own.
    nav = None if editor.has_nav else project_nav(result.pages, result.site, list(docs), editor.not_in_nav)
    files = project.project_files(
        result.pages,
        docs=docs,
        theme=_tree(templates / "theme"),
        custom=_tree(base / editor.custom_dir) if editor.custom_dir else {},
        config=project.project_config(
            text,
            display,
            glossary=terms,
            offline=offline,
            nav=nav,
            articles_out_of_menu=bool(left_out_of_menu(result.site)),
        ),
        glossary=glossary.read_bytes() if terms else None,
        docs_display=editor.docs_dir.rstrip("/"),
    )
    write_pages(files, out, site_data)
    return result


def write_classroom_copy(site_dir: Path, out: Path | None = None) -> Path:
    """Zip the built site at ``site_dir`` as the classroom copy (see classroom.py), by default into the site's
    own downloads/ folder, where the teachers' guide links it. Members are sorted and dated 1980-01-01, so the
    same site always gives the same zip."""
    site_dir = Path(site_dir)
    out = Path(out) if out else site_dir / classroom.DOWNLOADS / classroom.ZIP_NAME
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())

    def fill(archive: zipfile.ZipFile) -> None:
        for path in files:
            for name, content in classroom.member(path.relative_to(site_dir).as_posix(), path.read_bytes()):
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, content, compresslevel=classroom.COMPRESS_LEVEL)

    return write_zip(out, fill)
