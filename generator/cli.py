"""Command line: ``python -m generator new | add | check | build | export | offline | downloads | addresses``.

The commands parse options, call the library (``add.add_article`` for add, ``build`` for the pages,
``curate`` for the to-do list ``check`` prints) and report; ``build`` and ``add`` are, with this module and
the plugin, the only ones that touch the disk.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path

import click

from .analysis_cache import FOLDER
from .build import TEMPLATES, generate
from .errors import SiteDataError, SiteDataErrors
from .export import corpus_json
from .fetch import DEFAULT_DEADLINE, DEFAULT_MAX_MB
from .output import OutputError, write_zip
from .project import OFFLINE_SHIM

SITE_DATA = click.option(
    "--site-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site_data"),
    show_default=True,
    help="Folder with corpus/, sources.yml, cleaning.yml and site.yml.",
)


CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The site's mkdocs.yml (it says where docs/ and the site data are).",
)


NO_CACHE = click.option(
    "--no-cache",
    is_flag=True,
    help="Analyse every article again, and keep nothing in .cache/microsite/ beside mkdocs.yml.",
)


def _cache(project: Path, no_cache: bool) -> Path | None:
    """The analysis cache of the project in ``project`` (the folder of its mkdocs.yml), as the plugin keeps it
    (analysis_cache.py): none with --no-cache, or for a site_data/ that is not beside a mkdocs.yml (a copy
    being checked is not a project, and nothing is written beside it)."""
    if no_cache or not (project / "mkdocs.yml").is_file():
        return None
    return project.resolve() / FOLDER


def _generate(site_data: Path, no_cache: bool = False):
    try:
        return generate(site_data, TEMPLATES, cache=_cache(site_data.parent, no_cache))
    except (SiteDataError, SiteDataErrors) as exc:
        _fail(exc)


def _fail(exc: SiteDataError | SiteDataErrors):
    errors = exc.errors if isinstance(exc, SiteDataErrors) else [exc]
    for error in errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"{len(errors)} error(s); nothing was written.", err=True)
    sys.exit(1)


@click.group()
def main():
    """Generate the microsite's pages from a corpus of news articles and curated data.

    \b
    Examples:
      python -m generator new ../library-vote --title "The library vote"   # start a new microsite
      python -m generator add saved-page.html   # add an article (a saved page, a URL or plain text)
      python -m generator check                 # validate site_data/ and show the cleaning report
      python -m generator build --out build/project   # a project Zensical builds too
      python -m generator export > corpus.json
    """


@main.command()
@click.option(
    "--site-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with corpus/, sources.yml and the curated files [default: the microsite plugin's "
    "site_data in the config, else site_data].",
)
@CONFIG
@click.option(
    "--out",
    type=click.Path(path_type=Path),  # checked by output.check_output_folder, which says why it refuses
    required=True,
    help="Folder to write the project into (replaced as a whole, site/ inside it included; a new or empty "
    "folder, or one an earlier build wrote).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="File URLs (pages end in .html) and search that works from disk: the offline classroom copy.",
)
@NO_CACHE
def build(site_data: Path | None, config_file: Path, out: Path, offline: bool, no_cache: bool):
    """Write a complete project that `mkdocs build` and `zensical build` both build, with no plugin.

    OUT gets mkdocs.yml (yours, with what the microsite plugin adds written out), docs/ (your own pages
    and the generated ones as real Markdown files), theme/ (the site's CSS, scripts and partial override)
    and glossary.yml (read by the Markdown extension generator.glossary_extension). Zensical, the
    successor of MkDocs and Material, reads mkdocs.yml but runs no plugins: this is how to publish with
    it. OUT is replaced only when generation succeeded.

    \b
    Example:
      python -m generator build --out build/project
      cd build/project && zensical build      # or: mkdocs build; the site is in build/project/site/
      python -m generator build --offline --out build/offline   # pages open from disk, search included
    """
    from .build import write_project

    try:
        config = Path(config_file)
        cache = None if no_cache or not config.is_file() else config.resolve().parent / FOLDER
        result = write_project(config_file, out, site_data, offline=offline, cache=cache)
    except (SiteDataError, SiteDataErrors) as exc:
        _fail(exc)
    except OutputError as exc:
        click.echo(f"error: {exc}; nothing was written.", err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"note: {warning.path}: {warning.message}", err=True)
    click.echo(
        f"wrote the project to {out}: {len(result.pages)} generated files in {out}/docs/; "
        f"build it with `cd {out} && zensical build` or `mkdocs build`"
    )


@main.command()
@SITE_DATA
@NO_CACHE
def check(site_data: Path, no_cache: bool):
    """Validate site_data/ and print the cleaning report and what the editor should look at.

    Exits with status 1 if there are errors (nothing would build), 0 otherwise; notes do not fail.

    \b
    Example:
      python -m generator check
      python -m generator check --site-data ../other-story/site_data
    """
    result = _generate(site_data, no_cache)
    site = result.site
    click.echo(f"{len(site.articles)} articles from {len(site.outlets)} outlets in {site_data}/")
    for article in sorted(site.articles, key=lambda a: a.file):
        rules = Counter(r.rule for r in article.removed)
        click.echo(f"\n{article.file} → /sources/{article.id}/")
        click.echo(f"  {article.title.value}")
        click.echo(
            f"  {len(article.paragraphs)} paragraphs kept; {len(article.removed)} lines removed "
            f"({', '.join(f'{k} ×{v}' for k, v in sorted(rules.items()))})"
        )
        for removed in article.removed:
            text = removed.text if len(removed.text) <= 90 else removed.text[:87] + "…"
            click.echo(f"    line {removed.line:>3} [{removed.rule}] {text}")
        subheads = [p for p in article.paragraphs if p.kind == "subhead"]
        if subheads:
            # Kept on the detector's word: an editor checks that each is the article's own (else a rule).
            click.echo(
                f"  {len(subheads)} line(s) kept as subheadings (check that each is the article's own):"
            )
            for p in subheads:
                click.echo(f"    line {p.line:>3} [subheads] {p.text[:87]}")
        for credit in article.credits:
            click.echo(f"  credit: {credit.value[:90]} ({credit.source})")
    if result.warnings:
        click.echo(f"\n{len(result.warnings)} note(s) for the editor:")
        for warning in result.warnings:
            click.echo(f"  note: {warning.path}: {warning.message}")
    _echo_reading(result)
    _echo_todo(site, site_data)
    click.echo("\nok: the site data is valid")


def _echo_reading(result) -> None:
    from .readability import TARGET, reading_report

    report = reading_report(result.pages, result.site)
    click.echo(
        f"\nReading grade of the site's own words on each page (Flesch–Kincaid; at most {TARGET:g} for readers "
        "of 15; article text, quotations and tables not counted):"
    )
    for address, g in report.pages:
        flag = f"  OVER {TARGET:g}" if g.grade > TARGET else ""
        click.echo(f"  {g.grade:5.1f}  {address}  ({g.words} words){flag}")
    click.echo(
        f"  {len(report.over)} of {len(report.pages)} pages over {TARGET:g}"
        + (": " + ", ".join(a for a, _ in report.over) if report.over else "")
    )
    if report.curated:
        click.echo(
            "\nReading grade of the curated explanations, by file and field (rewrite the entries listed):"
        )
        for file, field, g, over in report.curated:
            names = f"; over {TARGET:g}: {', '.join(over[:6])}{' …' if len(over) > 6 else ''}" if over else ""
            click.echo(f"  {g.grade:5.1f}  {file} {field} ({g.words} words){names}")


def _citations(site, site_data: Path):
    """citations.yml's findings over every site_data/*.yml, or None when there is no citations.yml."""
    from .citations import parse_citations, unsuitable_citations
    from .parse import decode

    policy_file = site_data / "citations.yml"
    if not policy_file.is_file():
        return None
    shown = f"{site_data.as_posix()}/citations.yml"
    try:
        policy = parse_citations(decode(policy_file.read_bytes(), shown), shown)
    except SiteDataError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    files = {
        f"{site_data.as_posix()}/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted(site_data.glob("*.yml"))
    }
    own = [a.url for a in site.articles if a.url] + [o.homepage for o in site.outlets if o.homepage]
    return unsuitable_citations(files, policy, own)


def _echo_todo(site, site_data: Path, brief: bool = False) -> None:
    from .curate import next_steps

    citations = _citations(site, site_data)
    if citations is not None and not brief:
        click.echo(f"\n{len(citations)} citation(s) not fit to teach from (sites listed in citations.yml)")
    todos = next_steps(site, site_data.as_posix(), citations)
    if not todos:
        click.echo("\nNothing left to curate.")
        return
    if brief:  # after `add`: the headings and counts; `check` gives the whole list
        counts = Counter(t.section for t in todos)
        click.echo(f"\nWhat to curate next ({len(todos)}; `python -m generator check` lists them):")
        for section, n in counts.items():
            click.echo(f"  {section}: {n}")
        return
    click.echo(f"\nWhat to curate next ({len(todos)}):")
    section = None
    for todo in todos:
        if todo.section != section:
            section = todo.section
            click.echo(f"  {section}:")
        click.echo(f"    - {todo.file}: {todo.text}")


@main.command()
@SITE_DATA
@NO_CACHE
def export(site_data: Path, no_cache: bool):
    """Print the corpus as JSON (the same as data/corpus.json in the built site).

    \b
    Example:
      python -m generator export > corpus.json
      python -m generator export | jq '.articles[].title'
    """
    result = _generate(site_data, no_cache)
    click.echo(json.dumps(corpus_json(result.site), ensure_ascii=False, indent=1))


@main.command()
@CONFIG
@click.option(
    "--out",
    type=click.Path(path_type=Path),  # checked by output.write_zip: only an old zip is ever replaced
    default=Path("classroom-copy.zip"),
    show_default=True,
    help="The zip file to write.",
)
def offline(config_file: Path, out: Path):
    """Build a copy of the site that works opened from disk (file://), search included, and zip it.

    Uses Material's offline plugin, with the iframe-worker shim it needs served from the site itself
    (templates/theme/assets/vendor/), so search works in a classroom without internet. Unzip it anywhere and open
    index.html in a browser.

    \b
    Example:
      python -m generator offline --out classroom-copy.zip
    """
    import tempfile

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = config_file.resolve()
    # MkDocs logs what went wrong (the generator's file:line messages among them) and then raises only
    # "Aborted with a BuildError!": keep the log's errors and warnings to print with it.
    said = _Collect()
    logging.getLogger("mkdocs").addHandler(said)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        try:
            _refuse_non_zip(out)
            cfg = load_config(str(config_file), site_dir=str(site))
            plugins = [p for p in _plugin_list(config_file) if _plugin_name(p) != "offline"]
            cfg = load_config(
                str(config_file),
                site_dir=str(site),
                plugins=[*plugins, "offline"],
                extra={**cfg.extra, "polyfills": [OFFLINE_SHIM]},
            )
            mkdocs_build(cfg)
            write_zip(out, lambda archive: _zip_folder(archive, site))
        except (Abort, ConfigurationError, OutputError) as exc:
            for message in said.messages:
                click.echo(f"error: {message}", err=True)
            if not said.messages or not isinstance(exc, Abort):
                click.echo(f"error: {exc}", err=True)
            click.echo("nothing was written.", err=True)
            sys.exit(1)
        finally:
            logging.getLogger("mkdocs").removeHandler(said)
    click.echo(f"wrote {out}: unzip it and open index.html")


class _Collect(logging.Handler):
    """Keeps the warnings and errors MkDocs logs during a build, to report them with its failure."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _refuse_non_zip(out: Path) -> None:
    """Before building, the same refusal write_zip makes: nothing but an old zip is ever replaced."""
    import zipfile

    if out.is_dir() or (out.exists() and not zipfile.is_zipfile(out)):
        raise OutputError(
            f"--out {out} exists and is not a zip file; give a new name (such as classroom-copy.zip), "
            "or remove it yourself"
        )


def _zip_folder(archive, site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.is_file():
            archive.write(path, path.relative_to(site).as_posix())


def _plugin_list(config_file: Path) -> list:
    import yaml

    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) or {}  # noqa: S506
    return list(data.get("plugins") or [])


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


@main.command()
@click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site (mkdocs build's or any other build's output folder).",
)
def downloads(site_dir: Path):
    """Add the classroom copy to a built site: SITE/downloads/classroom-copy.zip, which the teachers' guide links.

    `mkdocs build` does this itself; run it after a build that runs no plugins (Zensical). The copy is the built
    site made to work opened from disk (file://), search included.

    \b
    Example:
      python -m generator downloads --site site
    """
    from .build import write_classroom_copy

    if not (site_dir / "index.html").is_file():
        click.echo(f"error: {site_dir} has no index.html; build the site first", err=True)
        sys.exit(1)
    try:
        out = write_classroom_copy(site_dir)
    except OutputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {out}")


@main.command(name="addresses")
@SITE_DATA
@NO_CACHE
def addresses_command(site_data: Path, no_cache: bool):
    """Print every address the site publishes, one per line (the format of site_data/addresses.txt).

    Addresses are promises to teachers who assign pages: tests fail when one listed in
    site_data/addresses.txt disappears. When a page moves, add `/old/: /new/` to site_data/redirects.yml.

    \b
    Example:
      python -m generator addresses | diff site_data/addresses.txt -
    """
    from .render import addresses

    result = _generate(site_data, no_cache)
    for address in addresses(result.pages):
        click.echo(address)


# --------------------------------------------------------------------------- new and add

STARTER = TEMPLATES / "new"


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--title",
    help="The site's name (default: made from the folder's name). Change it later in mkdocs.yml and site_data/site.yml.",
)
def new(directory: Path, title: str | None):
    """Start a new microsite in DIRECTORY: mkdocs.yml, docs/, site_data/ (an empty corpus, empty registries,
    generic cleaning rules, loaded words and questions) and a README with the editor's steps.

    It builds at once with `mkdocs build` (a site that says it has no articles yet). DIRECTORY must be new
    or empty: nothing is overwritten.

    \b
    Example:
      python -m generator new ../library-vote --title "The Eastside library vote"
      cd ../library-vote
      python -m generator add ~/Downloads/council-votes.html
      mkdocs build
    """
    if directory.exists() and any(directory.iterdir()):
        click.echo(
            f"error: {directory} is not empty; nothing was written. Give a new folder's name.", err=True
        )
        sys.exit(1)
    title = (
        title or directory.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize()
    ).strip()
    if not title:
        click.echo("error: give the site a name with --title", err=True)
        sys.exit(1)
    if not (STARTER / "site_data" / "sources.yml").is_file():
        click.echo(f"error: the starter files are missing ({STARTER}); reinstall the generator", err=True)
        sys.exit(1)
    files = {
        path.relative_to(STARTER).as_posix(): path.read_bytes()
        for path in sorted(STARTER.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    from .scaffold import fill

    for rel, content in fill(files, title).items():
        target = directory / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    click.echo(f"made a new microsite, '{title}', in {directory}/ ({len(files)} files). Next:")
    click.echo(f"  cd {directory}")
    click.echo("  python -m generator add PAGE.html      # a saved web page, a URL or a plain-text file")
    click.echo("  python -m generator check              # what to curate next")
    click.echo("  mkdocs serve                           # preview; mkdocs build to publish")


@main.command()
@click.argument("source")
@SITE_DATA
@click.option(
    "--outlet",
    help="The outlet: its id in sources.yml, or the name of a new one. Needed for plain text; for a web "
    "page it is found from the page's site name or address.",
)
@click.option("--language", help="Language code (en, es, en-GB…) when the page does not declare one.")
@click.option(
    "--url", "url_option", help="The article's address, for a plain-text file or a page that does not say."
)
@click.option("--title", help="The headline, when the text lacks it or gets it wrong.")
@click.option("--author", help='The author(s) ("Ann Lee and Tom Hale"), when the text does not say.')
@click.option("--date", "date_option", help="The publication date, YYYY-MM-DD, when the text does not say.")
@click.option(
    "--republished",
    is_flag=True,
    help="The same wording is already in the corpus from another outlet (a wire story or a republished "
    "article) and you want both: skip the same-text check (the same address is still refused).",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.01),
    default=DEFAULT_MAX_MB,
    show_default=True,
    help="The largest page or file to read, in MB (a saved article page is rarely over 2 MB).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=DEFAULT_DEADLINE,
    show_default=True,
    help="Seconds that reading SOURCE (a download) and extracting its article may take in all.",
)
def add(
    source: str,
    site_data: Path,
    outlet: str | None,
    language: str | None,
    url_option: str | None,
    title: str | None,
    author: str | None,
    date_option: str | None,
    republished: bool,
    max_size: float,
    timeout: float,
):
    """Add an article to the corpus from SOURCE: a saved web page (.html), a URL, or a plain-text file.

    A web page goes through trafilatura, which finds the article's text, headline, author, date, site name
    and address; the article is written to site_data/corpus/ in the corpus's plain-text form, the page is
    kept in site_data/originals/, and sources.yml gets an entry saying where each value came from. Plain
    text is copied unchanged; the build reads its headline, byline and date as for any corpus file, and
    --title, --author, --date and --url give what it lacks (recorded as given when the article was added).

    The same article twice (the same address, or the same text) is refused and nothing is written. Two adds
    at once are safe: the second waits for the first. After adding, the list of what to curate next is
    printed (as by `check`).

    \b
    Examples:
      python -m generator add ~/Downloads/council-votes.html
      python -m generator add https://www.example.com/news/2025/03/04/library-vote
      python -m generator add notes/radio-interview.txt --outlet "Riverton Radio"
      python -m generator add notes/call.txt --outlet "Riverton Radio" --author "Alex Moreno" --date 2025-03-05
      python -m generator add page.html --site-data ../library-vote/site_data
    """
    from .add import AddOptions, AddRefused, add_article
    from .extract import ExtractionError

    options = AddOptions(
        outlet=outlet,
        language=language,
        url=url_option,
        title=title,
        author=author,
        date=date_option,
        republished=republished,
        max_bytes=int(max_size * 1_000_000),
        deadline=timeout,
    )
    try:
        added = add_article(source, site_data, options)
    except (SiteDataError, SiteDataErrors) as exc:
        errors = exc.errors if isinstance(exc, SiteDataErrors) else [exc]
        for error in errors:
            click.echo(f"error: {error}", err=True)
        click.echo("nothing was added.", err=True)
        sys.exit(1)
    except (AddRefused, ExtractionError) as exc:
        click.echo(f"error: {source}: {exc}; nothing was added.", err=True)
        sys.exit(1)
    _report_added(added, site_data)


def _how_to_give(key: str, option: str) -> str:
    """What an editor does about a value nobody knows: the article is in, so `add` again would be refused."""
    return f"; to give it, add `{key}` to the article's entry in sources.yml (when adding: {option})"


def _report_added(added, site_data: Path) -> None:
    article = added.article
    click.echo(f"added {site_data / 'corpus'}/{added.file} → /sources/{article.id}/ ({article.outlet.name})")
    untitled = article.title.source.startswith("no headline")  # assemble's "Untitled article (file)"
    for label, value, key, option in (
        ("headline", article.title, "title", "--title"),
        ("author", article.author, "author", "--author"),
        ("published", article.published, "published", "--date YYYY-MM-DD"),
    ):
        missing = not value.known or (key == "title" and untitled)
        shown = "not known" if not value.known else value.value
        click.echo(f"  {label}: {shown} — {value.source}" + (_how_to_give(key, option) if missing else ""))
    address = added.url or "not known" + _how_to_give("url", "--url")
    click.echo(f"  address: {address}")
    click.echo(f"  language: {added.language}")
    click.echo(f"  {len(article.paragraphs)} paragraphs")
    if added.dropped:
        click.echo(f"  left out of the text: {len(added.dropped)} line(s) repeating the headline or byline")
    removed = [
        r for r in article.removed if r.rule not in ("title", "subtitle", "byline", "place", "dateline")
    ]
    if removed:
        click.echo(f"  cleaning removes {len(removed)} line(s):")
        for r in removed:
            click.echo(f"    line {r.line} [{r.rule}] {r.text[:80]}")
    if added.new_outlet:
        click.echo(f"  new outlet: {added.new_outlet['id']} ({added.new_outlet['name']})")
    for note in added.notes:
        click.echo(f"  note: {note}")
    if untitled:
        click.echo("  note: the parser found no headline in the text (the site shows it as untitled)")
    _echo_todo(added.site, site_data, brief=True)
