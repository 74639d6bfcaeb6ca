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


@functools.lru_cache(maxsize=1 << 15)
def qr_svg(url: str) -> Markup:
    """An inline SVG QR code of ``url``, dark on light whatever the palette, named for screen readers.
    (Cached: a pure function of the address, and every page of every build has one.)"""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=4, dark="#000", light="#fff", svgclass="ms-qr__code", title=None)
    label = escape_inline(f"QR code of {url}")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
