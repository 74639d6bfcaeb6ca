"""Citations not fit to teach from: every web address in the curated files, checked against ``citations.yml``.

Teaching material needs sources a student can trust and check: the original publisher, an archive, an
encyclopedia, a major news organisation, scholarship. ``citations.yml`` lists the sites that are not (fan
wikis, mirrors and scrapers of other sites, list sites, personal blogs) and the hosts that serve raw files
instead of pages (a repository's XML, a data file). ``check`` reports every address in ``site_data/*.yml``
that points at one, with its file and line; comments count, because a comment that says where a date was
checked is a citation too. Nothing is refused: the list is advice to the editor, who replaces the source.

Pure: the CLI reads the files and passes their text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from .sitedata.common import _check_keys, _document, _fail, _seq, _text

URL_RE = re.compile(r"https?://[^\s\"'<>()\[\]{}|\\^`]+")
TRAILING = ".,;:!?’”"


@dataclass(frozen=True)
class SiteRule:
    """A site (a domain and its subdomains, or a path pattern on a host) and why it is listed."""

    domain: str  # "" for a list page on any site (``segment``)
    path: re.Pattern | None
    reason: str
    raw: bool  # a raw file host, not an unsuitable publisher
    segment: str | None = None  # a path segment that marks a page listing other pages ("topic", "tag")

    def matches(self, host: str, path: str) -> bool:
        if (
            self.segment is not None
        ):  # "/topic/<name>": the segment names the kind of list, the next its subject
            return self.segment in path.casefold().strip("/").split("/")[:-1]
        if not (host == self.domain or host.endswith("." + self.domain)):
            return False
        return self.path is None or bool(self.path.match(path))


@dataclass(frozen=True)
class CitationPolicy:
    rules: tuple[SiteRule, ...] = ()


@dataclass(frozen=True)
class BadCitation:
    file: str  # display path, e.g. site_data/actors.yml
    line: int
    url: str
    reason: str


def _host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host.removeprefix("www."), parts.path or "/"


def _pattern(path: str) -> re.Pattern:
    """'/*/*/blob/' → one path segment per '*', the rest literal, matched at the start of the path."""
    return re.compile("^" + "[^/]+".join(re.escape(part) for part in path.split("*")))


def parse_citations(text: str, path: str) -> CitationPolicy:
    """citations.yml: ``unsuitable`` sites and ``raw_file_hosts``, each {domain or host, path, reason}, and
    ``list_pages``, each {segment, reason}: a topic, tag or category page on any site lists other pages and
    supports no single claim."""
    data = _document(text, path)
    _check_keys(path, data, "citations.yml", (), ("unsuitable", "raw_file_hosts", "list_pages"))
    rules: list[SiteRule] = []
    for i, node in enumerate(_seq(path, data, "list_pages", "citations.yml")):
        where = f"list_pages[{i}]"
        _check_keys(path, node, where, ("segment", "reason"))
        segment = _text(path, node, "segment", where).casefold()
        if not re.match(r"^[a-z0-9_-]+$", segment):
            raise _fail(path, node, "segment", f"'segment' in {where} must be one path segment such as topic")
        rules.append(SiteRule("", None, _text(path, node, "reason", where), False, segment))
    for key, host_key in (("unsuitable", "domain"), ("raw_file_hosts", "host")):
        for i, node in enumerate(_seq(path, data, key, "citations.yml")):
            where = f"{key}[{i}]"
            _check_keys(path, node, where, (host_key, "reason"), ("path",))
            domain = _text(path, node, host_key, where).lower()
            if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", domain) or domain.startswith("www."):
                raise _fail(
                    path,
                    node,
                    host_key,
                    f"'{host_key}' in {where} must be a bare domain such as fandom.com "
                    "(no https://, no www., no path: put a path under 'path')",
                )
            pattern = _text(path, node, "path", where, optional=True)
            if pattern is not None and not pattern.startswith("/"):
                raise _fail(path, node, "path", f"'path' in {where} must start with '/', e.g. /*/*/blob/")
            rules.append(
                SiteRule(
                    domain,
                    _pattern(pattern) if pattern else None,
                    _text(path, node, "reason", where),
                    key == "raw_file_hosts",
                )
            )
    return CitationPolicy(tuple(rules))


def urls(text: str) -> Iterable[tuple[int, str]]:
    """Every web address in ``text`` with its line (1-based), trailing punctuation left out."""
    for number, line in enumerate(text.splitlines(), 1):
        for match in URL_RE.finditer(line):
            yield number, match.group(0).rstrip(TRAILING)


def unsuitable_citations(
    files: Mapping[str, str], policy: CitationPolicy, exclude: Iterable[str] = ()
) -> tuple[BadCitation, ...]:
    """The addresses in ``files`` (display path → text) that a rule of ``policy`` lists, in file and line order.

    ``exclude``: addresses that are not citations (an article's own address, an outlet's home page): an
    article from a listed site is still an article to study.
    """
    skip = {u.rstrip("/") for u in exclude}
    found = []
    for file, text in files.items():
        for line, url in urls(text):
            if url.rstrip("/") in skip:
                continue
            host, path = _host(url)
            rule = next((r for r in policy.rules if r.matches(host, path)), None)
            if rule is not None:
                kind = "raw file" if rule.raw else "a list page" if rule.segment else "not fit to teach from"
                found.append(BadCitation(file, line, url, f"{kind}: {rule.reason}"))
    return tuple(found)
