"""Each unit's blank forms as one zip, written deterministically next to the blanks.

The blanks of a unit are the blank jobs in its own folder (空白模板/<ancestors>/<unit>/);
the zip goes in that folder as <unit>-全部空白模板.zip. Entry names are the files'
own names, sorted, UTF-8 flagged, with fixed times and attributes, so the same
blanks always give the same bytes. Members are stored, not compressed again:
a .docx is already a deflated zip. `stage_zips` also packs the one zip of every
unit's return workbook (xinfang.forms.return_workbook).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections import defaultdict

from ..cores import map_forked
from ..docx import zipwriter
from ..outputs import write_new

SUFFIX = "全部空白模板.zip"
FORK_FROM = 64  # zips: fewer are packed in this process (starting workers costs more)


def bundle(paths_and_bytes) -> bytes:
    """A deterministic zip of (name, bytes) pairs, entries sorted by name."""
    return zipwriter.build([zipwriter.store(name, content)
                            for name, content in sorted(paths_and_bytes, key=lambda item: item[0])])


def bundle_path(folder: str) -> str:
    return f"{folder}/{posixpath.basename(folder)}-{SUFFIX}"


def groups(jobs) -> dict[str, list]:
    """Zip path → the blank jobs whose documents lie directly in that unit's folder."""
    found: dict[str, list] = defaultdict(list)
    for job in jobs:
        found[bundle_path(posixpath.dirname(job.path))].append(job)
    return dict(sorted(found.items()))


def stage_zips(folder, zips: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """Stage each (path, members) zip of (entry name, output path) members, unless its members
    are all as last time; the zips are packed and written on every core (those of a national
    group's blanks hold 1.3 GB).

    A zip's input digest is its members' names and the digests of their bytes; a member comes
    from the staging area when it was just rendered, else from where an earlier build left it.
    """
    todo = []
    for path, members in zips:
        names = sorted((name, folder.output_digest(member)) for name, member in members)
        digest = hashlib.sha256(json.dumps(names, ensure_ascii=False).encode("utf-8")).hexdigest()
        if not folder.is_current(path, digest):
            todo.append((path, members, digest))

    def pack(item) -> tuple[str, bool]:
        path, members, _ = item
        content = bundle([(name, folder.source(member).read_bytes()) for name, member in members])
        return write_new(content, folder.target(path), folder.kept_output(path))

    for (path, _, digest), (output, written) in zip(todo, map_forked(pack, todo, min_items=FORK_FROM)):
        folder.record(path, output, written, digest)


def stage_bundles(folder, jobs) -> None:
    """After `stage` rendered the blanks into `folder` (an OutputFolder), add each unit's zip."""
    stage_zips(folder, [(path, [(posixpath.basename(job.path), job.path) for job in members])
                        for path, members in groups(jobs).items()])
