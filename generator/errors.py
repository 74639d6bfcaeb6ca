"""The one error type the generator raises for bad input, always naming where the problem is."""

from __future__ import annotations


class SiteDataError(Exception):
    """Bad input: names the file, the line or key, what is wrong and what would be valid."""

    def __init__(self, path: str, message: str, *, line: int | None = None, key: str | None = None):
        self.path = path
        self.line = line
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.key:
            where += f" ({self.key})"
        return f"{where}: {self.message}"


class SiteDataErrors(Exception):
    """Several independent input errors found in one pass, so the editor can fix them all at once."""

    def __init__(self, errors: list[SiteDataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
