"""Each unit's blank forms as one zip, written deterministically next to the blanks.

The blanks of a unit are the blank jobs in its own folder (空白模板/<ancestors>/<unit>/);
the zip goes in that folder as <unit>-全部空白模板.zip. Entry names are the files'
own names, sorted, UTF-8 flagged, with fixed times and attributes, so the same
blanks always give the same bytes. Members are stored, not compressed again:
a .docx is already a deflated zip.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections import defaultdict

from ..docx import zipwriter

SUFFIX = "全部空白模板.zip"


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


def input_digest(folder, jobs) -> str:
    """What a zip is made of: its members' names and the digests of their bytes."""
    members = sorted((posixpath.basename(job.path), folder.output_digest(job.path)) for job in jobs)
    return hashlib.sha256(json.dumps(members, ensure_ascii=False).encode("utf-8")).hexdigest()


def stage_bundles(folder, jobs) -> list[str]:
    """After `stage` rendered the blanks into `folder` (an OutputFolder), add each unit's zip.

    A member comes from the staging area when it was just rendered, else from the
    output folder where an earlier build left it unchanged. Returns the zip paths.
    """
    staged = set(folder.staged)
    for path, members in groups(jobs).items():
        digest = input_digest(folder, members)
        if folder.is_current(path, digest):
            continue
        items = []
        for job in members:
            source = (folder.staging if job.path in staged else folder.root) / job.path
            items.append((posixpath.basename(job.path), source.read_bytes()))
        folder.put(path, bundle(items), digest)
    return list(groups(jobs))
