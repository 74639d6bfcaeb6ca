"""The on-disk cache of analysed articles: a rebuild in a new process (``mkdocs build`` after an edit to
``site_data/``) analyses only the articles whose inputs changed.

An entry is one file, ``<folder>/analysis/<key>.json``: a line of JSON with the schema, the key and a checksum,
then the JSON of an analysed ``Article``, the notes its parsing and cleaning gave and what check's list of
unknown names read in it. It is JSON, never pickle: a cache file is a file on disk anyone can edit, and
reading one must never run code. The codec below is driven by the model's own type hints
(``dataclasses.fields`` + ``typing.get_type_hints``), so tuples come back as tuples, ``None`` only where the
type allows it, and anything that does not fit the types exactly (a corrupt, truncated, hand-edited or
old-schema file) is a miss: the article is analysed again and the entry rewritten. The cache can make a build
faster, never different, and never make it fail: a folder it cannot write gives one note and the build goes on.

The key (``DiskCache.key``) is the in-process key of ``build._ANALYSED`` (the curated files the analysis
reads, the file's name and text, its sources.yml entry and outlet) with ``code_key()``: a hash of every
``.py`` file of the generator package, the Python version, the versions of the libraries the analysis calls
(and of what they require) and ``SCHEMA``. Upgrading the generator or a library therefore misses every entry.

Size: a build deletes the entries it did not use (``prune``), so the folder holds one entry per article of
the last build, whatever the number of edits before it.

The same folder keeps Jinja's compiled templates (``bytecode_cache``, in ``jinja/``): a new process then does
not compile them again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import types
import typing
from pathlib import Path

import jinja2

from .analyse.names import _Reading
from .model import Article, Warning

SCHEMA = 1  # raise when the file layout changes in a way the type hints do not show
# The libraries analysis runs (parse, clean, analyse/: textstat's grades, regex for editors' patterns,
# nameparser, slugify for addresses) and pyyaml, which reads the curated files it is given. What each of them
# requires is hashed too (textstat's syllables come from pyphen).
LIBRARIES = ("textstat", "regex", "nameparser", "python-slugify", "pyyaml")
PACKAGE = Path(__file__).resolve().parent
FOLDER = Path(".cache") / "microsite"  # beside mkdocs.yml, as Material's own plugins keep .cache/
ENTRIES = "analysis"


class Mismatch(ValueError):
    """A cache file's content does not fit the model's types: a miss."""


# ------------------------------------------------------------------------------------------------ the codec


def _is_dataclass(hint) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


@functools.cache
def _hints(cls) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


@functools.cache
def _encoder(hint):
    """A function from a value of type ``hint`` to JSON data (TypeError for a type the codec does not know)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, float, bool, type(None)):
        return lambda value: value
    if _is_dataclass(hint):
        fields = tuple((name, _encoder(h)) for name, h in _hints(hint))
        return lambda value: {name: enc(getattr(value, name)) for name, enc in fields}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda value: value.value
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _encoder(args[0])
        return lambda value: [item(v) for v in value]
    if origin is tuple and args:
        items = tuple(_encoder(a) for a in args)
        return lambda value: [enc(v) for enc, v in zip(items, value, strict=True)]
    if origin is frozenset:
        item = _encoder(args[0])
        # Sorted by their JSON, so the same set always writes the same file.
        return lambda value: sorted((item(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if origin is dict and args[0] is str:
        item = _encoder(args[1])
        return lambda value: {k: item(v) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        arms = tuple((a, _encoder(a)) for a in args)

        def union(value):
            for arm, enc in arms:
                if _instance(value, arm):
                    return enc(value)
            raise TypeError(f"{value!r} is none of {hint}")

        return union
    raise TypeError(f"the cache cannot store {hint!r}")


def _instance(value, hint) -> bool:
    """Whether a value is of a union's arm (its outer type is enough: the arm's encoder checks the rest)."""
    origin = typing.get_origin(hint) or hint
    if hint is type(None):
        return value is None
    if origin is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, origin)


@functools.cache
def _decoder(hint):
    """A function from JSON data to a value of type ``hint``, raising Mismatch for data that does not fit."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str or hint is bool:

        def exact(data):
            if type(data) is not hint:
                raise Mismatch(f"{data!r} is not a {hint.__name__}")
            return data

        return exact
    if hint is int:

        def integer(data):
            if type(data) is not int:
                raise Mismatch(f"{data!r} is not an int")
            return data

        return integer
    if hint is float:

        def number(data):
            if type(data) not in (int, float):
                raise Mismatch(f"{data!r} is not a number")
            return float(data)

        return number
    if hint is type(None):

        def none(data):
            if data is not None:
                raise Mismatch(f"{data!r} is not null")
            return None

        return none
    if _is_dataclass(hint):
        fields = tuple((name, _decoder(h)) for name, h in _hints(hint))
        names = frozenset(name for name, _ in fields)

        # A frozen dataclass's __init__ sets each field through object.__setattr__: filling __dict__ at once
        # makes the same object (every field given, no __post_init__ in the model) in a third of the time, and
        # a warm build decodes some 100,000 of them at 1,000 articles.
        plain = not hasattr(hint, "__post_init__") and "__slots__" not in vars(hint)

        def record(data):
            if type(data) is not dict or data.keys() != names:
                raise Mismatch(f"not the fields of {hint.__name__}")
            values = {name: dec(data[name]) for name, dec in fields}
            if not plain:
                return hint(**values)
            made = object.__new__(hint)
            made.__dict__.update(values)
            return made

        return record
    if isinstance(hint, type) and issubclass(hint, enum.Enum):

        def member(data):
            try:
                return hint(data)
            except (ValueError, TypeError):
                raise Mismatch(f"{data!r} is not a {hint.__name__}") from None

        return member
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def sequence(data):
            if type(data) is not list:
                raise Mismatch(f"{data!r} is not a list")
            return tuple(item(v) for v in data)

        return sequence
    if origin is tuple and args:
        items = tuple(_decoder(a) for a in args)

        def fixed(data):
            if type(data) is not list or len(data) != len(items):
                raise Mismatch(f"{data!r} is not a list of {len(items)}")
            return tuple(dec(v) for dec, v in zip(items, data, strict=True))

        return fixed
    if origin is frozenset:
        item = _decoder(args[0])

        def group(data):
            if type(data) is not list:
                raise Mismatch(f"{data!r} is not a list")
            return frozenset(item(v) for v in data)

        return group
    if origin is dict and args[0] is str:
        item = _decoder(args[1])

        def mapping(data):
            if type(data) is not dict:
                raise Mismatch(f"{data!r} is not an object")
            return {k: item(v) for k, v in data.items()}

        return mapping
    if origin in (typing.Union, types.UnionType):
        arms = tuple(_decoder(a) for a in args)

        def union(data):
            for dec in arms:
                try:
                    return dec(data)
                except Mismatch:
                    continue
            raise Mismatch(f"{data!r} fits none of {hint}")

        return union
    raise TypeError(f"the cache cannot read {hint!r}")


# What an entry holds: the analysed article, the notes its parsing and cleaning gave, and what check's list of
# unknown names read in it (None when the build stopped before that list was made).
ENTRY = tuple[Article, tuple[Warning, ...], _Reading | None]


def encode(value, hint=ENTRY):
    """``value`` (of type ``hint``) as JSON data."""
    return _encoder(hint)(value)


def decode(data, hint=ENTRY):
    """JSON data back as a value of type ``hint``; Mismatch if it does not fit."""
    return _decoder(hint)(data)


# -------------------------------------------------------------------------------------------------- the key


def _requirements(name: str, seen: set[str]) -> None:
    """``name`` and every distribution it requires (extras left out), into ``seen`` (normalised names)."""
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        return
    seen.add(key)
    try:
        requires = importlib.metadata.requires(name) or []
    except importlib.metadata.PackageNotFoundError:
        return
    for requirement in requires:
        if "extra ==" in requirement:
            continue
        _requirements(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0], seen)


@functools.cache
def code_key() -> str:
    """A hash of what makes the analysis beside its inputs: the generator's code, Python, the libraries."""
    digest = hashlib.sha256(f"schema {SCHEMA}\0python {sys.version}\0".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    libraries: set[str] = set()
    for name in LIBRARIES:
        _requirements(name, libraries)
    for name in sorted(libraries):
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\0{name} {version}".encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------------ the folder


def _header(key: str, body: bytes) -> dict:
    """An entry file's first line: the schema, the key and a checksum of the rest (the entry's JSON), so that
    a file edited by hand, or damaged on disk, is a miss even when its content still fits the types."""
    return {"schema": SCHEMA, "key": key, "sha256": hashlib.sha256(body).hexdigest()}


class DiskCache:
    """One build's use of the cache folder: ``get`` and ``put`` entries by key, then ``prune`` what the build
    did not use. Every failure to read is a miss; the first failure to write becomes ``warning``."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.entries = self.folder / ENTRIES
        self.used: set[str] = set()
        self.warning: Warning | None = None
        self.hits = self.misses = 0

    def key(self, analysed_key: str) -> str:
        return hashlib.sha256(f"{code_key()}\0{analysed_key}".encode()).hexdigest()

    def get(self, key: str):
        """The entry of ``key`` (article, notes, reading), or None: absent, unreadable, edited since it was
        written (its checksum), or not fitting the types."""
        self.used.add(key)
        try:
            header, _, body = (self.entries / f"{key}.json").read_bytes().partition(b"\n")
            if json.loads(header) != _header(key, body):
                raise Mismatch("another schema, key or content")
            entry = decode(json.loads(body))
        except (OSError, ValueError, TypeError, RecursionError):  # json's and Mismatch are ValueErrors
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry) -> None:
        """Write the entry of ``key`` whole (a temporary file renamed over it), or note why it could not be."""
        self.used.add(key)
        if self.warning is not None:
            return  # one note per build, and no more attempts: the folder is not writable
        body = json.dumps(encode(entry), ensure_ascii=True).encode("ascii")
        data = json.dumps(_header(key, body)).encode("ascii") + b"\n" + body
        try:
            self.entries.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.entries)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(temp, self.entries / f"{key}.json")
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.warning = Warning(
                str(self.folder),
                f"the analysis cache cannot be written there ({exc.strerror or exc}), so the next build "
                "analyses every article again; the site is the same. Make the folder writable, or turn the "
                "cache off (plugin option cache: false, or --no-cache)",
                kind="cache",
                subject=str(self.folder),
            )

    def prune(self) -> None:
        """Delete the entries this build did not use (and temporary files a killed build left an hour ago)."""
        try:
            names = os.listdir(self.entries)
        except OSError:
            return
        old = time.time() - 3600
        for name in names:
            path = self.entries / name
            try:
                unused = name.endswith(".json") and name[:-5] not in self.used
                if unused or (name.endswith(".tmp") and path.stat().st_mtime < old):
                    path.unlink()
            except OSError:
                continue  # another build's, or not ours to delete: it stays, the build goes on


# ------------------------------------------------------------------------------------------- Jinja's bytecode

TEMPLATES = "jinja"


def _private(path: Path | int, *, group: bool = False) -> bool:
    """Whether a folder or an open file is this user's and nobody else may write it (``group``: the group may).

    Jinja runs the code it reads from its bytecode cache (marshal), so the cache is read only where nobody but
    this user could have written it: never a shared or world-writable folder (an editor's ``cache_dir`` could
    point anywhere), nor a file another account left there."""
    try:
        info = os.fstat(path) if isinstance(path, int) else os.lstat(path)
    except OSError:
        return False
    others = stat.S_IWOTH if group else stat.S_IWGRP | stat.S_IWOTH
    owner = info.st_uid == os.getuid() if hasattr(os, "getuid") else True
    return owner and not info.st_mode & others and not stat.S_ISLNK(info.st_mode)


class _Bytecode(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates in the cache folder, where a failure to write is no failure of the build, and
    a file this user did not write alone is never read (see _private)."""

    def load_bytecode(self, bucket) -> None:
        try:
            fd = os.open(self._get_cache_filename(bucket), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return  # not there (or a link): compiled from the template
        with os.fdopen(fd, "rb") as file:
            if _private(file.fileno()):
                bucket.load_bytecode(file)

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):  # the next build compiles the template again; the same pages
            super().dump_bytecode(bucket)


def bytecode_cache(folder: Path) -> jinja2.BytecodeCache | None:
    """The compiled templates' cache in ``folder`` (None if it cannot be made: the build compiles them).

    Compiling the 21 templates takes about a second in every new process (``mkdocs build``). Jinja checks each
    file against its template's source and its own version; the code that makes the environment (its options
    and filters, render.py) is in ``code_key()``, which names the subfolder, so a generator upgrade never reads
    another version's bytecode. Jinja runs what it reads there, so its folders are made for this user alone
    and the cache is not used (the templates are compiled) where someone else could write (_private)."""
    root = Path(folder) / TEMPLATES
    here = root / code_key()[:32]
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        root.mkdir(mode=0o700, exist_ok=True)
        here.mkdir(mode=0o700, exist_ok=True)
        for other in os.listdir(root):  # another version's: never read again
            if other != here.name:
                shutil.rmtree(root / other, ignore_errors=True)
    except OSError:
        return None
    if not (_private(Path(folder), group=True) and _private(root) and _private(here)):
        return None
    return _Bytecode(str(here))


# ------------------------------------------------------------------ tables of values worked out from page text

# Small values rendering works out again in every new process, each a pure function of its input (a QR code's
# mask of its address, a page's reading grade of its text): kept as JSON tables, a line with the key and a
# checksum, then the table. A table whose key or checksum does not match is not read; the module that takes
# one (qr.remember_masks, readability.remember_grades) takes only values of the right type and range.
QR_MASKS = "qr-masks.json"
GRADES = "grades.json"


def table_key(name: str) -> dict:
    """What a table's values depend on beside their inputs: the generator's code and its libraries (code_key;
    segno, which draws the QR codes, is not an analysis library, so it is named here)."""
    try:
        segno = importlib.metadata.version("segno")
    except importlib.metadata.PackageNotFoundError:
        segno = None
    return {"table": name, "code": code_key(), "segno": segno}


def read_table(folder: Path, name: str) -> dict:
    """The table an earlier build kept as ``name`` in ``folder``, or {} (none, damaged, another version's)."""
    try:
        header, _, body = (Path(folder) / name).read_bytes().partition(b"\n")
        if json.loads(header) != {"key": table_key(name), "sha256": hashlib.sha256(body).hexdigest()}:
            return {}
        table = json.loads(body)
    except (OSError, ValueError):
        return {}
    return table if type(table) is dict else {}


def write_table(folder: Path, name: str, table: dict) -> None:
    """Keep a table (a temporary file renamed over the last); a failure only costs the next build the time to
    work its values out again (an unwritable folder is noted by the analysis cache)."""
    body = json.dumps(table, ensure_ascii=True, sort_keys=True).encode("ascii")
    header = json.dumps({"key": table_key(name), "sha256": hashlib.sha256(body).hexdigest()}).encode()
    with contextlib.suppress(OSError):
        Path(folder).mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=name, suffix=".tmp", delete=False) as file:
            file.write(header + b"\n" + body)
        os.replace(file.name, Path(folder) / name)
