"""Writing to a site's ``site_data/`` safely: one writer at a time (a lock on the folder) and files swapped in
whole with their modes kept. Used by ``add``."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def write_keeping_mode(path: Path, data: bytes) -> None:
    """Write beside the target and swap it in (a reader never sees half a file), keeping the file's mode, or
    for a new file the mode the user's umask gives (a temporary file is made 0600)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class locked:
    """An exclusive lock on the site_data/ folder itself for the whole add (fcntl.flock on the folder: no
    lock file is left behind): a second add waits up to ``wait`` seconds, then refuses with a clear message."""

    def __init__(self, site_data: Path, wait: float, refused: type[Exception]):
        self.path, self.wait, self.refused, self.fd = site_data, wait, refused, None

    def __enter__(self):
        import fcntl

        self.fd = os.open(self.path, os.O_RDONLY)
        started = time.monotonic()
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() - started > self.wait:
                    os.close(self.fd)
                    raise self.refused(
                        f"another `add` has been writing to {self.path}/ for over {self.wait:g} s; try again "
                        "when it has finished"
                    ) from None
                time.sleep(0.1)

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        return False
