"""QR codes for "Assign this page": an SVG of the page's public address, drawn at build time with segno (no
script, no request; a phone camera opens the page from the projector).

A QR code is only as good as its address: the site's public address comes from ``site_url`` in mkdocs.yml,
which may be empty (then the page says so and shows no code) or a local one (``mkdocs serve`` sets
127.0.0.1:8000), which no student's phone can open. Neither is ever encoded.
"""

from __future__ import annotations

import functools
import ipaddress
from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from .escape import escape_inline
from .urls import UrlError, web_url

LOCAL_HOSTS = {"localhost", "localhost."}


def public_base(site_url: str | None) -> str | None:
    """The site's public address with a final "/", or None when it is unknown, not a web address or local."""
    if not site_url:
        return None
    try:
        url = web_url(site_url)
    except UrlError:
        return None
    host = (urlsplit(url).hostname or "").strip("[]")
    # This computer's own address (mkdocs serve's) opens nothing on a student's phone. A school network's
    # private address can be right, so only loopback is refused.
    try:
        ip = ipaddress.ip_address(host)
        local = ip.is_loopback or ip.is_unspecified
    except ValueError:
        local = host in LOCAL_HOSTS
    if local:
        return None
    return url if url.endswith("/") else url + "/"


def page_url(base: str, address: str) -> str:
    """The public address of a site page ("/sources/x/") under the site's base address."""
    return base + address.lstrip("/")


# The mask segno chose for each address drawn (or read from the cache folder by build.py). Choosing it (drawing
# the code with all eight masks and scoring each by the standard's penalty rules) is four fifths of a code's
# cost, some 4 ms: 8 s of a first build at 1,000 articles with a public site_url. The choice is a pure
# function of the address (and segno's version, in the cache's key), so drawing with the known mask gives the
# very same code. Any mask 0-7 makes a valid code of the same address: a wrong one read from a damaged cache
# could change how a code looks, never what it says.
_MASKS: dict[str, int] = {}
_USED: set[str] = (
    set()
)  # the addresses drawn in this process (since forget_masks), whose masks build.py keeps
MASKS = range(8)


def remember_masks(masks: dict) -> None:
    """Take the masks of addresses drawn before (by an earlier build); anything that is not one is ignored."""
    for url, mask in masks.items():
        if type(url) is str and type(mask) is int and mask in MASKS:
            _MASKS.setdefault(url, mask)


def used_masks() -> dict[str, int]:
    """The masks of the addresses drawn in this process, to keep for the next one."""
    return {url: _MASKS[url] for url in sorted(_USED) if url in _MASKS}


def forget_masks() -> None:
    _MASKS.clear()
    _USED.clear()


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code of ``url``, dark on light whatever the palette, named for screen readers."""
    _USED.add(url)
    return _drawn(url)


@functools.lru_cache(maxsize=1 << 15)
def _drawn(url: str) -> Markup:
    # Cached: a pure function of the address, and every page of every build has one.
    code = segno.make(url, error="m", micro=False, mask=_MASKS.get(url))
    _MASKS[url] = code.mask
    svg = code.svg_inline(scale=3, border=4, dark="#000", light="#fff", svgclass="ms-qr__code", title=None)
    label = escape_inline(f"QR code of {url}")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
