"""Bring the published site folder in line with a finished build, file by file.

A file whose bytes did not change is left alone (its time stamp too, so a web
server, a file share or rsync sees only what really changed); a new or changed
file is written under a temporary name in its own folder and renamed over the
old one, so a reader never sees half a page; files the build no longer produces
are removed. Only a complete, successful build is synced. A file is hard-linked
where the file system allows (the downloads stay one copy on disk with the output
folder's documents, which are always replaced, never written in place), else copied.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SyncResult:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def tree(folder: Path) -> dict[str, Path]:
    """Every file under `folder` by its "/"-separated relative path."""
    out = {}
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath, name)
            out[path.relative_to(folder).as_posix()] = path
    return out


def _same(source: Path, dest: Path) -> bool:
    try:
        ours, theirs = dest.stat(), source.stat()
        if os.path.samestat(ours, theirs):  # linked by an earlier sync
            return True
        if ours.st_size != theirs.st_size:
            return False
        return dest.read_bytes() == source.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def _copy_atomic(source: Path, dest: Path) -> None:
    """Link or copy under a temporary name in dest's folder, then rename over dest; no
    temporary file survives an error or an interrupt (SIGTERM arrives as KeyboardInterrupt)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(f".{dest.name}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()  # a killed sync's leftover would stop the link
        try:
            os.link(source, temp)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(source, temp)  # in the kernel where it can, not through Python
        os.replace(temp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def sync(sources: dict[str, Path], site_dir: Path) -> SyncResult:
    """Make `site_dir` hold exactly `sources` (relative path → file to copy from)."""
    result = SyncResult()
    before = tree(site_dir) if site_dir.is_dir() else {}
    for rel in sorted(sources):
        dest = site_dir / rel
        if rel in before:
            if _same(sources[rel], dest):
                result.unchanged += 1
                continue
            result.changed.append(rel)
        else:
            result.new.append(rel)
            for parent in reversed(Path(rel).parents[:-1]):  # a file where a folder must go
                if (site_dir / parent).is_file():
                    (site_dir / parent).unlink()
            if dest.is_dir():
                _remove_tree(dest)
        _copy_atomic(sources[rel], dest)
    for rel in sorted(set(before) - set(sources)):
        (site_dir / rel).unlink(missing_ok=True)
        result.removed.append(rel)
    _prune_empty_dirs(site_dir)
    return result


def _remove_tree(folder: Path) -> None:
    shutil.rmtree(folder)


def _prune_empty_dirs(root: Path) -> None:
    """Remove folders left empty (deepest first; a folder still holding files stays)."""
    for dirpath, _dirs, _names in os.walk(root, topdown=False):
        if Path(dirpath) != root:
            with contextlib.suppress(OSError):
                os.rmdir(dirpath)
