"""The blank templates offered for download, rendered once and kept in a cache folder.

The forms package decides which blanks exist (`xinfang.forms.blank_jobs`); this
module only renders them and files each under its unit, so a new form appears
on the site without any change here. Blank jobs never carry confidential data
(`blank_jobs` asserts it). Rendered files are cached by what they are made of,
so a rebuild renders only blanks whose inputs changed, and the bytes stay on
disk instead of in memory (MkDocs copies them from there).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .. import forms
from ..build import renderer_for
from ..forms.common import unit_folder
from ..outputs import write_atomic
from ..render import render_all

STALE_DAYS = 14  # cache entries unused this long are removed


@dataclass
class Download:
    unit: str  # unit id
    title: str
    uri: str  # site path, e.g. downloads/yi-kuang/一矿-信访隐患排查台账.docx
    source: Path  # the rendered file in the cache

    @property
    def href(self) -> str:
        return quote(self.uri)

    @property
    def name(self) -> str:
        return posixpath.basename(self.uri)

    @property
    def size_kb(self) -> int:
        return max(1, round(self.source.stat().st_size / 1024))


def _key(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def collect(data, cache: Path) -> list[Download]:
    """Every blank template, rendered (or taken from the cache), keyed to its unit."""
    jobs = forms.blank_jobs(data)
    if not jobs:
        return []
    cache.mkdir(parents=True, exist_ok=True)
    renderer = renderer_for(data)
    # The renderer's fonts, author and date shape the document too, not only the job.
    setting = (sorted((k, vars(v)) for k, v in renderer.fonts.items()), renderer.author, renderer.when)
    by_folder = {unit_folder(data, u): u.id for u in data.units.values()}
    out, todo, targets = [], [], {}
    for job in jobs:
        source = cache / f"{_key(job.input_digest(renderer.template_digest(job.template)), setting)}.docx"
        folder = posixpath.dirname(job.path).split("/", 1)[-1]  # drop the 空白模板/ top folder
        unit = by_folder.get(folder, data.root.id)
        out.append(Download(unit, job.title, f"downloads/{unit}/{posixpath.basename(job.path)}", source))
        if source.is_file():
            os.utime(source)
        else:
            todo.append(job)
            targets[job.path] = source
    for path, content in render_all(renderer, todo):
        write_atomic(targets[path], content)
    return sorted(out, key=lambda d: d.uri)


def bundles(data, downloads: list[Download], cache: Path) -> list[Download]:
    """Each unit's blanks as one zip, packed as xinfang.forms.blank_bundle packs them for build/."""
    try:
        from ..forms import blank_bundle
    except ImportError:
        return []
    by_unit: dict[str, list[Download]] = {}
    for dl in downloads:
        by_unit.setdefault(dl.unit, []).append(dl)
    out = []
    for unit_id, members in sorted(by_unit.items()):
        unit = data.units[unit_id]
        name = posixpath.basename(blank_bundle.bundle_path(unit_folder(data, unit)))
        source = cache / f"{_key(sorted((m.name, m.source.name) for m in members))}.zip"
        if source.is_file():
            os.utime(source)
        else:
            write_atomic(source, blank_bundle.bundle([(m.name, m.source.read_bytes()) for m in members]))
        out.append(Download(unit_id, f"{unit.label}全部空白模板（压缩包）", f"downloads/{unit_id}/{name}", source))
    return out


def prune(cache: Path) -> None:
    """Forget cached files nobody used for STALE_DAYS (each build touches what it uses)."""
    limit = time.time() - STALE_DAYS * 86400
    for path in cache.glob("*.*"):
        if path.suffix in (".docx", ".zip") and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
