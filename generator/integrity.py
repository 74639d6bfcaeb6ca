"""Checks across curated files, made once everything is read: what one file names must exist in another.

A reference that would silently do nothing is an error when it breaks a page (an override's paragraph that
an article does not have; an address teachers were given that is no longer published) and a note when it
only applies to nothing (a cleaning rule or an override naming an outlet or article sources.yml no longer
lists), so that removing an article never breaks the build but a misspelt name is never silent.
"""

from __future__ import annotations

import difflib
import functools

from . import sitedata
from .errors import SiteDataError, SiteDataErrors
from .model import Site, Warning
from .render import addresses
from .teach import handout_key, left_out


def dangling(name: str, rules, facts, outlets, entries) -> list[Warning]:
    """Curation that names an outlet or article sources.yml does not list applies to nothing: a note, not an
    error, so that removing an article (or an outlet) does not break cleaning.yml or facts.yml, but never
    silent, since a misspelt name would leave furniture or a correction out."""
    outlet_ids, files = {o.id for o in outlets}, {e.file for e in entries}
    notes = []
    for rule in (*rules.patterns, *rules.detectors.values()):
        for kind, names, known in (("outlet", rule.outlets, outlet_ids), ("file", rule.files, files)):
            for missing in (n for n in names if n not in known):
                hint = _hint(missing, known)
                notes.append(
                    Warning(
                        f"{name}/cleaning.yml",
                        f"rule '{rule.id}' names the {kind} '{missing}', which sources.yml does not list, so "
                        f"it applies to nothing there{hint}",
                    )
                )
    for fact in facts:
        for o in fact.overrides:
            if o.file not in files:
                notes.append(
                    Warning(
                        f"{name}/facts.yml:{o.line}",
                        f"fact '{fact.id}' has an override for '{o.file}', which sources.yml does not list, "
                        f"so it changes nothing{_hint(o.file, files)}",
                    )
                )
    return notes


def _hint(name: str, known) -> str:
    return _closest(name, tuple(sorted(known)))


@functools.lru_cache(maxsize=1024)
def _closest(name: str, known: tuple[str, ...]) -> str:
    """Cached: difflib reads every file name of a large corpus, and every build asks again."""
    near = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean '{near[0]}'?)" if near else ""


def override_anchors(facts, articles, path: str) -> list[SiteDataError]:
    """An override naming a paragraph the article does not have would link to nothing (and fail the strict
    build after MkDocs has cleaned site/): an error now, with the paragraphs there are."""
    paragraphs = {a.file: [p.id for p in a.paragraphs] for a in articles}
    errors = []
    for fact in facts:
        for o in fact.overrides:
            have = paragraphs.get(o.file)
            if o.paragraph and have is not None and o.paragraph not in have:
                errors.append(
                    SiteDataError(
                        path,
                        f"fact '{fact.id}': the override for {o.file} names paragraph {o.paragraph}, but the "
                        f"article has {len(have)} paragraph(s){f' (p1–{have[-1]})' if have else ''}",
                        line=o.line,
                        key="paragraph",
                    )
                )
    return errors


def _missing_file(address: str, site: Site) -> str | None:
    """The curated file whose absence leaves ``address`` out (render.left_out, the teachers' pages and the
    handouts of pages left out), or None."""
    if address.startswith("/teachers/") and site.teaching is None:
        return "teaching.yml"
    if address.startswith("/handouts/"):
        key = address[len("/handouts/") :].strip("/")
        for page in ("/glossary/", "/history/", "/actors/", "/compare/facts/"):
            if key == handout_key(page) or (page == "/actors/" and key.startswith("actors-")):
                return left_out(page, site)
    return left_out(address, site)


def check_addresses(
    text: str, display: str, site: Site, pages: dict[str, str], moved: set[str]
) -> tuple[Warning, ...]:
    """addresses.txt, when there is one: every address it lists must still be published (teachers assigned
    them), as a page or a redirect; a published page it does not list is a note (a new page, or a line
    removed by mistake). An address a missing optional file leaves out is a note too: leaving out
    glossary.yml must not break the build (as for the teachers' guide, see render.left_out)."""
    listed = sitedata.parse_address_lines(text, display)
    redirects = display.rsplit("/", 1)[0] + "/redirects.yml"
    published = set(addresses(pages))
    gone = [(line, a) for line, a in listed if a not in published and a not in moved]
    errors = [
        SiteDataError(
            display,
            f"lists {address}, which the site no longer publishes; teachers may have assigned it: bring the "
            f"page back, or add '{address}: /its/new/address/' to {redirects}",
            line=line,
        )
        for line, address in gone
        if not _missing_file(address, site)
    ]
    if errors:
        raise errors[0] if len(errors) == 1 else SiteDataErrors(errors)
    notes = []
    by_file: dict[str, list[str]] = {}
    for _, address in gone:
        by_file.setdefault(_missing_file(address, site), []).append(address)
    for file, gone_addresses in by_file.items():
        notes.append(
            Warning(
                display,
                f"lists {_some(gone_addresses)}, which the site leaves out while {file} is missing or empty; "
                "teachers who were given these addresses will not find them",
                kind="missing-file",
                subject=file,
            )
        )
    new = sorted(published - {a for _, a in listed})
    if new:
        notes.append(
            Warning(
                display,
                f"does not list {len(new)} published address(es): {_some(new)}; add them once they are final "
                f"(python -m generator addresses | diff {display} -), and never remove a line",
                kind="addresses",
            )
        )
    return tuple(notes)


def _some(items: list[str], n: int = 5) -> str:
    return ", ".join(items[:n]) + (f" and {len(items) - n} more" if len(items) > n else "")
