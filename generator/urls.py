"""Web addresses from untrusted input: one rule for every URL the site links to.

Curated YAML (sources, citations, ratings, outlet homepages) and saved pages (``add`` reads a page's
canonical link) give addresses that end up as links. A string that merely starts with ``https://`` can still
carry Markdown (``)[x](javascript:…)``), attribute syntax (``){:onclick=…}``) or quotes, so every address is
parsed and rebuilt from its parts: the scheme must be http or https, a host is required, user names and
passwords are refused (``https://bank.example@evil.example/`` shows one host and goes to another), and every
character a browser would percent-encode is encoded (the WHATWG URL standard's path, query and fragment sets,
as UTF-8). What is kept is the address the browser would request.

Templates print addresses only as HTML attribute values through :func:`href` (never inside Markdown link
syntax), which also writes the characters Markdown and its extensions read (``[ ] ( ) | { } * _``…) as
character references: the browser reads the same address, Markdown sees no syntax.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from markupsafe import Markup

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# What the browser strips from both ends of an address before parsing it (C0 controls and space).
_STRIP = "".join(chr(c) for c in range(0x21))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?"
_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*\.?$")
# WHATWG URL standard: the characters each part percent-encodes (besides C0 controls and non-ASCII).
_PATH_SET = frozenset(' "#<>?`{}')
_QUERY_SET = frozenset(" \"#<>'")
_FRAGMENT_SET = frozenset(' "<>`')
# Characters written as references inside an attribute value: HTML's own specials, and what Markdown, its
# extensions (attr_list, abbr, tables, footnotes) and Jinja would read as syntax around or inside raw HTML.
_ATTRIBUTE = {ord(c): f"&#{ord(c)};" for c in "&\"'<>[](){}|*_`\\~^=!#"}


class UrlError(ValueError):
    """Not an address the site can link to; the message says why, in words for an editor."""


def _encode(text: str, unsafe: frozenset[str]) -> str:
    out = []
    for ch in text:
        if ch in unsafe or ord(ch) > 0x7E or ord(ch) < 0x21:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "".join(out)


def _host(netloc: str) -> tuple[str, str]:
    """(host, ':port' or '') of an authority without user info, lower-cased, IDNA-encoded, checked."""
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            raise UrlError("its host starts with '[' but has no closing ']'")
        host, rest = netloc[: end + 1], netloc[end + 1 :]
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise UrlError(f"its host {host} is not an IPv6 address") from None
    else:
        host, colon, port = netloc.partition(":")
        rest = colon + port
        try:
            host = host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
        except UnicodeError:
            raise UrlError(f"its host '{host}' is not a valid domain name") from None
        if not _HOST.match(host):
            raise UrlError(f"its host '{host}' is not a domain name or IP address")
    if rest:
        port = rest[1:]
        if not rest.startswith(":") or not port.isdigit() or not 0 < int(port) < 65536:
            raise UrlError(f"'{rest}' after the host is not a port number")
        rest = f":{int(port)}"
    return host, rest


def web_url(value) -> str:
    """The address rebuilt by the one rule (see the module docstring), or :class:`UrlError` saying why not."""
    if not isinstance(value, str):
        raise UrlError("it is not text")
    text = value.strip(_STRIP)
    if not text:
        raise UrlError("it is empty")
    if _CONTROL.search(text):
        raise UrlError("it contains a line break, tab or control character")
    if "\\" in text:
        # Browsers read "\" as "/" in http(s) addresses, Python does not: the two would disagree on the host.
        raise UrlError("it contains a backslash (\\); web addresses use /")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not text[len(scheme) + 1 :].startswith("//"):
        raise UrlError("it must start with https:// (or http://)")
    if not parts.netloc:
        raise UrlError("it has no host after https://")
    if "@" in parts.netloc:
        raise UrlError("it has a user name or password before the host (…@); a link never needs one")
    host, port = _host(parts.netloc)
    if port and int(port[1:]) == DEFAULT_PORTS[scheme]:
        port = ""
    url = f"{scheme}://{host}{port}{_encode(parts.path, _PATH_SET) or '/'}"
    # urlsplit keeps '?' and '#' out of the parts; an empty query or fragment says nothing, so it is dropped.
    if parts.query:
        url += "?" + _encode(parts.query, _QUERY_SET)
    if parts.fragment:
        url += "#" + _encode(parts.fragment, _FRAGMENT_SET)
    return url


def is_web_url(value) -> bool:
    try:
        web_url(value)
    except UrlError:
        return False
    return True


def attribute(value) -> Markup:
    """Any text as an HTML attribute value (inside double quotes): quote-safe and inert to Markdown."""
    return Markup(str(value).translate(_ATTRIBUTE))


def href(value) -> Markup:
    """An address for ``href="…"``: rebuilt by the one rule, then written for the attribute."""
    return attribute(web_url(value))
