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
    seconds for the whole download (connection, headers, redirects and body); a FetchError saying what went
    wrong otherwise.

    Plain urllib rather than trafilatura's downloader: that one refuses local addresses (a guard for servers
    that fetch what strangers ask for), and an editor's own intranet or test server is fine here. Only http
    and https are followed (a redirect to ftp: or file: is refused).
    """
    import urllib.error

    started = time.monotonic()
    clock = _Deadline(deadline)
    slow = FetchError(
        f"the download took longer than {deadline:g} s (the server is too slow, or keeps the connection "
        f"open); give --timeout SECONDS to wait longer, or {SAVE_HINT}"
    )
    request = _request(url)
    # Each socket operation may wait at most this long; the deadline (which closes the connection when it
    # passes, even while headers trickle in a byte at a time) bounds the sum.
    step = max(1.0, min(15.0, deadline))
    try:
        with clock, _opener(clock).open(request, timeout=step) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"the page is {_megabytes(int(length))}, more than the limit of {_megabytes(max_bytes)}; "
                    f"give --max-size MB to allow a larger one, or {SAVE_HINT}"
                )
            chunks, size = [], 0
            while True:
                if clock.expired or time.monotonic() - started > deadline:
                    raise slow
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
            if clock.expired:  # the connection was closed at the deadline: what came is not the whole page
                raise slow
            return b"".join(chunks), response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the site answered HTTP {exc.code}; check the address, or {SAVE_HINT}") from None
    except Exception as exc:  # noqa: BLE001 - whatever a closed or hostile connection raises, said plainly
        if clock.expired:
            raise slow from None
        reason = getattr(exc, "reason", exc)
        if "unknown url type" in str(reason):  # a redirect to ftp:, file: or another scheme
            raise FetchError(
                f"the site sent it on to an address that is not http or https ({reason}); {SAVE_HINT}"
            ) from None
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"the server did not answer within {step:g} s; {SAVE_HINT}") from None
        raise FetchError(
            f"could not download it ({reason}; this machine may be offline); {SAVE_HINT}"
        ) from None


def _request(url: str):
    import urllib.request

    return urllib.request.Request(
        url, headers={"User-Agent": "Mozilla/5.0 (compatible; microsite-generator)"}
    )


class _Deadline:
    """Closes every connection of a download when ``seconds`` have passed (a timer thread shuts the sockets
    down, which wakes a read blocked on them), so that no server can keep ``add`` waiting: a socket timeout
    alone bounds each read, and a byte every few seconds passes every one of them."""

    def __init__(self, seconds: float):
        import threading

        self.seconds, self.expired = seconds, False
        self.sockets: list = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        return False

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                _shut(sock)

    def watch(self, sock) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                _shut(sock)


def _shut(sock) -> None:
    import contextlib
    import socket

    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def _opener(clock: _Deadline):
    """A urllib opener for http and https only, whose connections ``clock`` can close."""
    import urllib.request

    def watched(connection_class):
        class Watched(connection_class):
            def connect(self):
                super().connect()
                clock.watch(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def do_open(self, http_class, req, **kwargs):
            return super().do_open(watched(http_class), req, **kwargs)

    class HTTPS(urllib.request.HTTPSHandler):
        def do_open(self, http_class, req, **kwargs):
            return super().do_open(watched(http_class), req, **kwargs)

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the editor's proxy settings, as urlopen uses them
        urllib.request.UnknownHandler(),
        HTTP(),
        HTTPS(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def within(seconds: float, slow: str, func, *args):
    """``func(*args)`` run in a child process that is stopped after ``seconds`` (a FetchError ``slow`` then).

    For work on untrusted input that Python cannot interrupt: trafilatura takes minutes on some pages well
    under the size limit (6 MB of links: ~5 min), and no thread can be stopped. The child is forked, so it
    starts at once with what is already imported; its result (or exception) comes back pickled. Where fork
    is not available the work runs here, without a deadline.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Linux and macOS fork
        return func(*args)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, func, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise FetchError(slow)
        ok, value = receive.recv()
    except EOFError:  # the child died without an answer (killed, or out of memory)
        raise FetchError(f"{slow.split(';')[0]}: the work stopped without an answer") from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if ok:
        return value
    raise value


def _child(send, func, args) -> None:
    try:
        result = (True, func(*args))
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
        result = (False, exc)
    try:
        send.send(result)
    except Exception as exc:  # noqa: BLE001 - an exception that cannot be pickled: its message
        send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()
