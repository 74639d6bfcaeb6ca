"""``add``: one article into a site's corpus, as a library function (the CLI parses options and reports).

``add_article`` reads the source (a saved page, a URL or plain text, each within a size limit) and
extracts the article (``extract``), both within one deadline (a hostile server or page cannot keep it
running), then, under the lock, refuses one already in the corpus (``ingest``),
decides the outlet and language, and writes the corpus file, the saved page and the ``sources.yml`` entry;
then it builds the site in memory and undoes everything if that fails. With ``build``, the modules that
touch the disk.

Two ``add``s at once: the second waits for the first (a lock on the ``site_data/`` folder), then reads
``sources.yml`` afresh, so neither loses the other's entry; a rollback restores exactly what this ``add``
read under the lock. Files keep their modes; new ones get the usual mode for the user's umask.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import fetch, ingest, sitedata
from .assemble import make_slug
from .build import TEMPLATES, generate
from .errors import SiteDataError, SiteDataErrors
from .extract import Extracted, extract_html
from .parse import decode, header, normalise, units
from .sitewrite import locked, write_keeping_mode

GIVEN = "given when the article was added"  # the source of a value given to `add` (--title, --author …)


class AddRefused(Exception):
    """The article cannot be added as asked (a duplicate, an unreadable source, a missing option)."""


@dataclass(frozen=True)
class AddOptions:
    outlet: str | None = None  # an outlet id of sources.yml, or the name of a new outlet
    language: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD
    republished: bool = False
    max_bytes: int = int(fetch.DEFAULT_MAX_MB * 1_000_000)
    deadline: float = fetch.DEFAULT_DEADLINE  # seconds for reading the source and extracting the article
    lock_wait: float = 120.0  # seconds to wait for another add to finish


@dataclass(frozen=True)
class Added:
    """What was added, for the CLI to report."""

    file: str
    site: object  # the Site built with the new article
    article: object
    url: str | None
    language: str
    new_outlet: dict | None
    notes: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()  # lines of the extractor's text left out (headline or byline printed again)
    plain_text: bool = False


def add_article(source: str, site_data: Path, options: AddOptions = AddOptions()) -> Added:
    """Add the article at ``source`` to ``site_data``; AddRefused, ExtractionError or SiteDataError(s) when it
    cannot be (and then nothing in ``site_data`` has changed)."""
    if options.date and not _iso_date(options.date):
        raise AddRefused(f"--date {options.date!r} is not a date written YYYY-MM-DD (for example 2025-03-04)")
    sources_path = site_data / "sources.yml"
    if not sources_path.is_file():
        raise AddRefused(
            f"{site_data}/ is not a microsite's site_data folder (it has no sources.yml); "
            "start one with `python -m generator new DIR`, or give --site-data"
        )
    started = time.monotonic()
    data, origin, fetched, is_url = _read(source, options)
    extracted = None
    if is_url or _is_html(origin, data):
        # Outside the lock (it reads nothing add writes), in a child process stopped at the deadline.
        left = options.deadline - (time.monotonic() - started)
        slow = (
            f"reading and extracting the article took longer than {options.deadline:g} s (an article page "
            "takes a few seconds: this one may be built to stall extractors, or not be an article page); "
            "give --timeout SECONDS to wait longer"
        )
        try:
            extracted = fetch.within(
                max(left, 0.0), slow, extract_html, data, fetched, _byline_roles(site_data)
            )
        except fetch.FetchError as exc:
            raise AddRefused(str(exc)) from None
    with locked(site_data, options.lock_wait, AddRefused):
        return _add(data, origin, fetched, is_url, extracted, source, site_data, options)


def _read(source: str, options: AddOptions) -> tuple[bytes, str, str | None, bool]:
    try:
        if re.match(r"^https?://", source, re.I):
            data, fetched = fetch.download(source, options.max_bytes, options.deadline)
            return data, source, fetched, True
        path = Path(source)
        return fetch.read_file(path, options.max_bytes), path.name, None, False
    except fetch.FetchError as exc:
        raise AddRefused(str(exc)) from None


def _is_html(origin: str, data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return origin.lower().endswith((".html", ".htm", ".xhtml")) or head.startswith(
        (b"<!doctype html", b"<html", b"<!--")
    )


def _add(  # noqa: C901 - one pass: read, extract, check, write, verify
    data: bytes,
    origin: str,
    fetched: str | None,
    is_url: bool,
    extracted: Extracted | None,
    source: str,
    site_data: Path,
    options: AddOptions,
) -> Added:
    sources_path = site_data / "sources.yml"
    display = f"{site_data.name}/sources.yml"
    # Read under the lock: another add may have written since this one started.
    sources_bytes = sources_path.read_bytes()
    sources_text = decode(sources_bytes, display)
    outlets, entries = sitedata.parse_sources(sources_text, display)
    corpus_dir = site_data / "corpus"
    corpus = (
        {
            p.name: p.read_bytes().decode("utf-8", "replace")
            for p in sorted(corpus_dir.iterdir())
            if p.is_file() and not p.name.startswith(".")
        }
        if corpus_dir.is_dir()
        else {}
    )
    urls = {e.file: e.url for e in entries if e.url}

    notes: list[str] = []
    fields: dict = {}
    if extracted is not None:
        text = ingest.corpus_text(extracted)
        url = options.url or (extracted.url.value if extracted.url else None)
        site_name = extracted.site_name.value if extracted.site_name else None
        read = (
            f"the page at {source} (downloaded on {dt.date.today().isoformat()})"
            if is_url
            else f"the saved page {origin}"
        )
        tool = f"trafilatura {_version('trafilatura')}"
        for key, found in (
            ("title", extracted.title),
            ("author", extracted.author),
            ("published", extracted.published),
        ):
            if found is not None:
                fields[key] = {
                    "value": found.value,
                    "source": f"inferred: {found.where} of {read}, read by {tool}",
                }
        page_language = extracted.language.value if extracted.language else None
    else:
        text = decode(data, origin)
        url, site_name, page_language = options.url, None, None
    for key, value in (("title", options.title), ("author", options.author), ("published", options.date)):
        if value:
            fields[key] = {"value": " ".join(value.split()), "source": GIVEN}

    reason = ingest.duplicate_of(text, url, corpus if not options.republished else {}, urls)
    if reason:
        hint = (
            ""
            if "address" in reason
            else " (a wire story or republished article from another outlet? add it with --republished)"
        )
        raise AddRefused(f"this article is already in the corpus: {reason}{hint}")

    outlet_id, new_outlet = _outlet(outlets, options.outlet, url, site_name, extracted)
    language, note, comment = _language(options.language, page_language, extracted, entries)
    if note:
        notes.append(note)

    file = ingest.corpus_name(list(corpus), text)
    entry: dict = {"file": file, "outlet": outlet_id, "language": language}
    if comment:
        entry["#language"] = comment
    if options.republished:
        entry["#outlet"] = "added with --republished: its wording is also in another corpus file"
    if url:
        entry["url"] = url
        if options.url:
            entry["#url"] = f"{GIVEN} (--url)"
        elif extracted and extracted.url:
            entry["#url"] = f"from {extracted.url.where}"
    entry.update(fields)

    new_sources = ingest.add_to_sources(sources_text, display, entry, new_outlet)
    sitedata.parse_sources(new_sources, display)  # what we write must read back

    # Write the article (and the page it came from), then sources.yml; build in memory to be sure the site
    # still generates, and undo everything if it does not.
    corpus_dir.mkdir(parents=True, exist_ok=True)
    written = [corpus_dir / file]
    try:
        write_keeping_mode(corpus_dir / file, text.encode("utf-8") if extracted is not None else data)
        if extracted is not None:
            originals = site_data / "originals"
            originals.mkdir(exist_ok=True)
            original = originals / (file.rsplit(".", 1)[0] + ".html")
            written.append(original)
            write_keeping_mode(original, data)
        write_keeping_mode(sources_path, new_sources.encode("utf-8"))
        result = _build(
            site_data,
            sources_path,
            sources_text,
            display,
            entry,
            new_outlet,
            file,
            outlet_id,
            extracted,
            text,
        )
    except BaseException:
        # Exactly what this add read under the lock: no other add can have written since.
        for path in written:
            path.unlink(missing_ok=True)
        write_keeping_mode(sources_path, sources_bytes)
        raise
    article = next(a for a in result.site.articles if a.file == file)
    return Added(
        file=file,
        site=result.site,
        article=article,
        url=url,
        language=language,
        new_outlet=new_outlet,
        notes=tuple(notes),
        dropped=extracted.dropped if extracted is not None else (),
        plain_text=extracted is None,
    )


def _build(
    site_data, sources_path, sources_text, display, entry, new_outlet, file, outlet_id, extracted, text
):
    try:
        return generate(site_data, TEMPLATES)
    except (SiteDataError, SiteDataErrors) as exc:
        # Two outlets often print the same headline (a wire story): the new article's address takes its
        # outlet's id too, and says so, rather than failing.
        errors = exc.errors if isinstance(exc, SiteDataErrors) else [exc]
        clash = [e for e in errors if e.key == "slug" and f"'{file}'" in e.message]
        if len(clash) != len(errors) or not clash:
            raise
        title = (extracted.title.value if extracted and extracted.title else None) or (
            getattr(header(tuple(units(text))).title, "text", None) or file
        )
        entry["slug"] = f"{make_slug(title)}-{outlet_id}"
        entry["#slug"] = "another article has the same headline; this address adds the outlet"
        write_keeping_mode(
            sources_path, ingest.add_to_sources(sources_text, display, entry, new_outlet).encode("utf-8")
        )
        return generate(site_data, TEMPLATES)


def _outlet(outlets, outlet_option, url, site_name, extracted: Extracted | None) -> tuple[str, dict | None]:
    """The outlet: named by the editor, or the one whose homepage has the article's host, or by site name."""
    by_id = {o.id: o for o in outlets}
    if outlet_option and outlet_option in by_id:
        return outlet_option, None
    host = _host(url) if url else None
    match = next((o for o in outlets if host and o.homepage and _host(o.homepage) == host), None)
    name = outlet_option or site_name
    if match is None and name and not outlet_option:
        match = next((o for o in outlets if normalise(o.name) == normalise(name)), None)
    if match is not None and not outlet_option:
        return match.id, None
    if not name:
        if not host:
            known = ", ".join(sorted(by_id)) or "none yet"
            raise AddRefused(
                f"say which outlet published it with --outlet (an id from sources.yml: {known}; "
                "or the name of a new outlet)"
            )
        name = host
    outlet_id = make_slug(name) or "outlet"
    if outlet_id in by_id:
        raise AddRefused(
            f"an outlet with id '{outlet_id}' exists ({by_id[outlet_id].name}); give --outlet {outlet_id} "
            "to add the article to it"
        )
    where = (
        f"the site name in {extracted.site_name.where}"
        if extracted and extracted.site_name and name == site_name
        else "given with --outlet"
        if outlet_option
        else "the page's address (it gives no site name)"
    )
    new = {"id": outlet_id, "name": name, "#name": f"{where}; add country, kind and ratings with citations"}
    if url:
        new["homepage"] = f"{url.split('://', 1)[0]}://{_netloc(url)}/"
    return outlet_id, new


def _language(option, page_language, extracted, entries) -> tuple[str, str | None, str | None]:
    """The language, a note for the editor when it was assumed, and the comment for its entry."""
    if option:
        return option, None, None
    if page_language:
        return page_language, None, f"from {extracted.language.where}"
    used = Counter(e.language for e in entries)
    # Plain text declares nothing: the corpus's language, or English on an empty corpus (the word lists of
    # the starter site are English); said in the entry and on screen so that an editor can correct it.
    language = used.most_common(1)[0][0] if used else "en"
    assumed = "the language of most of the corpus" if used else "English: the corpus has no article yet"
    note = (
        f"language: '{language}' assumed ({assumed}); the source does not say: correct it in sources.yml "
        "or give --language"
    )
    return language, note, f"assumed: {assumed} (the source does not declare one)"


def _byline_roles(site_data: Path) -> frozenset[str]:
    """attribution.yml's byline_roles: words that make part of a byline a job title, not a name."""
    path = site_data / "attribution.yml"
    if not path.is_file():
        return frozenset()
    shown = f"{site_data.name}/attribution.yml"
    attribution = sitedata.parse_attribution(decode(path.read_bytes(), shown), shown)
    return frozenset(w.casefold() for w in attribution.byline_roles)


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", text))


def _netloc(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc.lower()


def _host(url: str) -> str:
    return _netloc(url).removeprefix("www.")


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)
