"""Reading an article's source for ``add``: a page downloaded from its address, or a file, both within a size
limit, and the download within an overall deadline (a server that sends a byte every few seconds cannot keep
``add`` running, and a 50 MB page is refused before it is read into memory, parsed or kept).
"""

from __future__ import annotations

import time
from pathlib import Path

DEFAULT_MAX_MB = (
    10.0  # the largest page of the extraction benchmark is 1.4 MB of HTML; a long article's text is ~100 KB
)
DEFAULT_DEADLINE = 60.0  # seconds for a whole download
SAVE_HINT = "save the page in a browser (File → Save Page As…, 'Web page, HTML only') and add the saved file"


class FetchError(Exception):
    """The source cannot be read as asked: the message says why and what to do."""


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a FetchError when it is missing or larger than ``max_bytes``."""
    if not path.is_file():
        raise FetchError("no such file (give a saved .html page, a .txt file or an https:// address)")
    size = path.stat().st_size
    if size > max_bytes:
        raise FetchError(
            f"the file is {_megabytes(size)}, more than the limit of {_megabytes(max_bytes)} (an article's saved "
            "page is rarely over 2 MB: is this the right file?); give --max-size MB to allow a larger one"
        )
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew while it was read
        raise FetchError(f"the file is larger than the limit of {_megabytes(max_bytes)}")
    return data


def download(url: str, max_bytes: int, deadline: float = DEFAULT_DEADLINE) -> tuple[bytes, str]:
    """The page at url and the address it was finally served from, within ``max_bytes`` and ``deadline``
    seconds for the whole download; a FetchError saying what went wrong otherwise.

    Plain urllib rather than trafilatura's downloader: that one refuses local addresses (a guard for servers
    that fetch what strangers ask for), and an editor's own intranet or test server is fine here.
    """
    import urllib.error
    import urllib.request

    started = time.monotonic()
    request = urllib.request.Request(
        url, headers={"User-Agent": "Mozilla/5.0 (compatible; microsite-generator)"}
    )
    # Each socket operation may wait at most this long; the deadline bounds the sum.
    step = max(1.0, min(15.0, deadline))
    try:
        with urllib.request.urlopen(request, timeout=step) as response:  # noqa: S310 - the editor's own URL
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"the page is {_megabytes(int(length))}, more than the limit of {_megabytes(max_bytes)}; "
                    f"give --max-size MB to allow a larger one, or {SAVE_HINT}"
                )
            chunks, size = [], 0
            while True:
                if time.monotonic() - started > deadline:
                    raise FetchError(
                        f"the download took longer than {deadline:g} s (the server is too slow, or keeps the "
                        f"connection open); give --timeout SECONDS to wait longer, or {SAVE_HINT}"
                    )
                chunk = response.read1(65536)  # returns what has arrived, so the deadline is checked often
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(
                        f"the page is more than the limit of {_megabytes(max_bytes)}; give --max-size MB to "
                        f"allow a larger one, or {SAVE_HINT}"
                    )
                chunks.append(chunk)
            return b"".join(chunks), response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the site answered HTTP {exc.code}; check the address, or {SAVE_HINT}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"the server did not answer within {step:g} s; {SAVE_HINT}") from None
        raise FetchError(
            f"could not download it ({reason}; this machine may be offline); {SAVE_HINT}"
        ) from None
