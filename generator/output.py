"""Writing what the generator makes, without ever losing what is already there.

``build --out DIR`` replaces a folder as a whole, so it must be sure the folder is one it made: it refuses the
project, ``site_data/``, ``docs/``, any folder holding ``mkdocs.yml`` or ``.git``, and any non-empty folder
without its mark (a file named ``.microsite-generated``, which it writes in every folder it makes). Pages are
written beside the folder and swapped in with renames; what a killed run leaves beside it (named after the
folder, and marked) is removed, or put back if the swap was cut off half-way, on the next run. ``offline
--out FILE`` writes the zip beside the file and renames it over an old zip, never over anything else.

``mkdocs build`` (through the plugin) builds into a folder beside ``site/`` and swaps it in only once the
build has succeeded, strict warnings included, so a failure that MkDocs itself finds late (a broken link in
an editor's page) leaves the last good site as it was; dot-files kept in ``site/`` (a ``.git`` of a
deployment checkout) are carried over.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

MARK = ".microsite-generated"
MARK_TEXT = (
    "This folder was written by `python -m generator build --out`; the next build replaces all of it.\n"
    "Do not keep anything of your own here.\n"
)


class OutputError(Exception):
    """An output folder or file the generator must not replace; the message says why and what to do."""


def _docs_dirs(folder: Path) -> set[Path]:
    """The docs folder of a mkdocs.yml in ``folder`` (``docs_dir``, default docs), if there is one."""
    config = folder / "mkdocs.yml"
    if not config.is_file():
        return set()
    m = re.search(
        r"^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", config.read_text("utf-8", "replace"), re.M
    )
    return {(folder / (m.group(1) if m else "docs")).resolve()}


def check_output_folder(out: Path, site_data: Path | None = None) -> Path:
    """``out`` resolved, or :class:`OutputError` when replacing it could destroy something not ours."""
    target = Path(out).resolve()
    shown = str(out)
    if target.exists() and not target.is_dir():
        raise OutputError(f"--out {shown} is a file, not a folder; give a folder for the pages")
    if site_data is not None:
        data = Path(site_data).resolve()
        if target == data or data.is_relative_to(target):
            raise OutputError(
                f"--out {shown} holds the site data ({site_data}); replacing it would delete it"
            )
        if target.is_relative_to(data):
            raise OutputError(
                f"--out {shown} is inside the site data ({site_data}); write the pages elsewhere"
            )
    for folder in (target, *target.parents):
        for docs in _docs_dirs(folder):
            if target == docs or target.is_relative_to(docs):
                raise OutputError(
                    f"--out {shown} is the docs folder of {folder / 'mkdocs.yml'} (or inside it), where the "
                    "editor's own pages live; write the pages to a folder of their own, such as build/docs"
                )
    for name in ("mkdocs.yml", ".git"):
        if (target / name).exists() and not (name == "mkdocs.yml" and _ours(target)):
            raise OutputError(
                f"--out {shown} holds {name}: it is a project folder, not one the generator made"
            )
    if target.is_dir() and any(target.iterdir()) and not (target / MARK).is_file():
        raise OutputError(
            f"--out {shown} is a folder with files in it that the generator did not write (it has no "
            f"{MARK} file); give a new or empty folder, or remove that one yourself"
        )
    return target


def _ours(folder: Path) -> bool:
    """A project an earlier `build --out` wrote: marked, and its mkdocs.yml starts as the generator writes it
    (so an editor's own project with a stray mark in it is still refused)."""
    from .project import HEADER_START

    config = folder / "mkdocs.yml"
    return (folder / MARK).is_file() and config.read_text("utf-8", "replace").startswith(HEADER_START)


def _leftovers(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}-*"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mark(folder: Path) -> None:
    folder.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the pages are meant to be read
    (folder / MARK).write_text(MARK_TEXT, encoding="utf-8")


def tidy(target: Path) -> None:
    """Remove what a killed run left beside ``target``; put the old folder back if the swap was cut off."""
    olds = [p for p in _leftovers(target, "old") if (p / MARK).is_file() or not any(p.iterdir())]
    if not target.exists() and olds:
        os.replace(olds.pop(), target)
    for path in [*olds, *(p for p in _leftovers(target, "generated") if (p / MARK).is_file())]:
        shutil.rmtree(path, ignore_errors=True)


def write_pages(pages: dict[str, str | bytes], out: Path, site_data: Path | None = None) -> None:
    """Write pages under ``out``, replacing what a previous run wrote there (built beside it, then swapped)."""
    target = check_output_folder(out, site_data)
    target.parent.mkdir(parents=True, exist_ok=True)
    tidy(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.generated-", dir=target.parent))
    _mark(staging)
    for rel, content in pages.items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old)  # an empty folder is replaced by a rename; so is a marked one
        os.replace(staging, target)
        shutil.rmtree(old)
    else:
        os.replace(staging, target)


def write_zip(out: Path, fill: Callable[[zipfile.ZipFile], None]) -> Path:
    """Write a zip at ``out`` (``fill`` adds its members): beside it first, then renamed over it. Refuses to
    replace anything that is not a zip, so a mistyped --out cannot overwrite site_data/sources.yml."""
    target = Path(out).resolve()
    if target.is_dir():
        raise OutputError(f"--out {out} is a folder; give the name of the zip file to write")
    if target.exists() and not zipfile.is_zipfile(target):
        raise OutputError(f"--out {out} exists and is not a zip file; give a new name, or remove it yourself")
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
    for stale in _leftovers(target, "partial"):
        stale.unlink(missing_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.partial-", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            fill(archive)
        partial.chmod(mode)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


BUILDING = ".microsite-building"


def site_staging(final: Path) -> Path:
    """A new empty folder beside the site folder ``final`` for MkDocs to build into (marked, since MkDocs's
    cleaning leaves dot-files alone); what a killed build left beside ``final`` is tidied first."""
    final = Path(final).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    tidy_site(final)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    staging.chmod(0o777 & ~_umask())
    (staging / BUILDING).write_text("A site being built; it replaces the site folder beside it when done.\n")
    return staging


def swap_site(staging: Path, final: Path) -> None:
    """Put the finished build in place of the site folder, carrying over the old one's dot-files (MkDocs's
    cleaning keeps them too)."""
    staging, final = Path(staging), Path(final).resolve()
    if final.exists() and not final.is_dir():
        raise OutputError(f"{final} is a file, not a site folder; the new site is in {staging}")
    if not final.exists():
        os.replace(staging, final)
        (final / BUILDING).unlink(missing_ok=True)
        return
    staging.chmod(final.stat().st_mode & 0o7777)
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.replaced-", dir=final.parent))
    try:
        os.replace(final, old)
    except OSError:
        # site/ cannot be renamed (a mount point, a folder the user may write into but not its parent):
        # its contents are replaced instead, as MkDocs's own cleaning would have.
        old.rmdir()
        _replace_contents(staging, final)
        return
    os.replace(staging, final)
    (final / BUILDING).unlink(missing_ok=True)
    _carry_dot_files(old, final)
    shutil.rmtree(old)


def _replace_contents(staging: Path, final: Path) -> None:
    for entry in final.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in staging.iterdir():
        if entry.name != BUILDING:
            if (final / entry.name).exists():  # a dot-file the build made, over the old one's
                shutil.rmtree(final / entry.name, ignore_errors=True)
            os.replace(entry, final / entry.name)
    shutil.rmtree(staging)


def discard_site(staging: Path) -> None:
    """A failed build's folder, removed (the site folder beside it was never touched)."""
    if (Path(staging) / BUILDING).is_file():
        shutil.rmtree(staging, ignore_errors=True)


def _carry_dot_files(old: Path, final: Path) -> None:
    for entry in old.iterdir():
        if entry.name.startswith(".") and not (final / entry.name).exists():
            os.replace(entry, final / entry.name)


def tidy_site(final: Path) -> None:
    """After a killed build: remove its unfinished folder; finish a swap it cut off (the last site put back
    if it was moved aside, its dot-files carried over)."""
    for stale in _leftovers(final, "building"):
        discard_site(stale)
    for old in _leftovers(final, "replaced"):
        if not final.exists():
            os.replace(old, final)
            continue
        _carry_dot_files(old, final)
        shutil.rmtree(old, ignore_errors=True)
    if final.is_dir():
        (final / BUILDING).unlink(missing_ok=True)  # cut off just after the new site was swapped in
