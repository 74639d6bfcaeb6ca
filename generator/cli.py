"""Command line: ``python -m generator build | check | export``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from .build import TEMPLATES, generate, write_pages
from .errors import SiteDataError, SiteDataErrors
from .export import corpus_json

SITE_DATA = click.option(
    "--site-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site_data"),
    show_default=True,
    help="Folder with corpus/, sources.yml, cleaning.yml and site.yml.",
)


def _generate(site_data: Path):
    try:
        return generate(site_data, TEMPLATES)
    except (SiteDataError, SiteDataErrors) as exc:
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
      python -m generator check                 # validate site_data/ and show the cleaning report
      python -m generator build --out build/docs
      python -m generator export > corpus.json
    """


@main.command()
@SITE_DATA
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the generated Markdown pages into (replaced as a whole).",
)
def build(site_data: Path, out: Path):
    """Write the generated pages as real Markdown files.

    MkDocs does this in memory on `mkdocs build`; real files keep the site portable to tools that read
    mkdocs.yml but run no plugins. The folder given is replaced only when generation succeeded.

    \b
    Example:
      python -m generator build --out build/docs
      python -m generator build --site-data ../other-story/site_data --out /tmp/pages
    """
    result = _generate(site_data)
    write_pages(result.pages, out)
    for warning in result.warnings:
        click.echo(f"note: {warning.path}: {warning.message}", err=True)
    click.echo(f"wrote {len(result.pages)} files to {out}")


@main.command()
@SITE_DATA
def check(site_data: Path):
    """Validate site_data/ and print the cleaning report and what the editor should look at.

    Exits with status 1 if there are errors (nothing would build), 0 otherwise; notes do not fail.

    \b
    Example:
      python -m generator check
      python -m generator check --site-data ../other-story/site_data
    """
    result = _generate(site_data)
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
    if result.warnings:
        click.echo(f"\n{len(result.warnings)} note(s) for the editor:")
        for warning in result.warnings:
            click.echo(f"  note: {warning.path}: {warning.message}")
    click.echo("\nok: the site data is valid")


@main.command()
@SITE_DATA
def export(site_data: Path):
    """Print the corpus as JSON (the same as data/corpus.json in the built site).

    \b
    Example:
      python -m generator export > corpus.json
      python -m generator export | jq '.articles[].title'
    """
    result = _generate(site_data)
    click.echo(json.dumps(corpus_json(result.site), ensure_ascii=False, indent=1))


@main.command()
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The site's mkdocs.yml.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
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
    import zipfile

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = config_file.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        try:
            cfg = load_config(str(config_file), site_dir=str(site))
            plugins = [p for p in _plugin_list(config_file) if _plugin_name(p) != "offline"]
            cfg = load_config(
                str(config_file),
                site_dir=str(site),
                plugins=[*plugins, "offline"],
                extra={**cfg.extra, "polyfills": [OFFLINE_SHIM]},
            )
            mkdocs_build(cfg)
        except (Abort, ConfigurationError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site).as_posix())
    click.echo(f"wrote {out}: unzip it and open index.html")


# The shim Material's offline plugin would otherwise load from a CDN (the plugin skips its own URL when a
# polyfill contains "iframe-worker").
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"


def _plugin_list(config_file: Path) -> list:
    import yaml

    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) or {}  # noqa: S506
    return list(data.get("plugins") or [])


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


@main.command(name="addresses")
@SITE_DATA
def addresses_command(site_data: Path):
    """Print every address the site publishes, one per line (the format of site_data/addresses.txt).

    Addresses are promises to teachers who assign pages: tests fail when one listed in
    site_data/addresses.txt disappears. When a page moves, add `/old/: /new/` to site_data/redirects.yml.

    \b
    Example:
      python -m generator addresses | diff site_data/addresses.txt -
    """
    from .render import addresses

    result = _generate(site_data)
    for address in addresses(result.pages):
        click.echo(address)
