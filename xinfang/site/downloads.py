"""The blank templates offered for download, rendered once and kept in a cache folder.

The forms package decides which blanks exist (`xinfang.forms.blank_jobs`); this
module only renders them and files each under its unit, so a new form appears
on the site without any change here. Blank jobs never carry confidential data
(`blank_jobs` asserts it). Rendered files are cached by what they are made of,
so a rebuild renders only blanks whose inputs changed, and the bytes stay on
disk instead of in memory (MkDocs or the site sync copies them from there).
Missing entries are made by worker processes while the main process builds the
pages (`Pending`), so a first build keeps both cores busy.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .. import forms
from ..render import renderer_for
from ..forms.common import office_full_name, unit_folder
from ..outputs import write_atomic
from ..render import Renderer

FILLED_WORK = "~filled"  # the key of the filled examples' work, after every unit id
STALE_DAYS = 14  # cache entries unused this long are removed


@dataclass
class Download:
    unit: str  # unit id; "" for the filled examples of the standard forms (xinfang.site.filled_forms)
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


@dataclass
class _Unit:
    """One unit's share of the work: blanks to render, then its zip if that is missing."""

    jobs: list  # (Job, target path) not in the cache yet
    members: list[tuple[str, Path]]  # every blank of the unit: (name in the zip, cached file)
    bundle: Path | None  # the zip to pack, or None when cached


_worker = None


def _init_worker(fonts, author, when, template_dir) -> None:
    global _worker
    _worker = Renderer(fonts, author, when, template_dir)


def _make(renderer, units: list[_Unit]) -> None:
    from ..forms import blank_bundle
    for unit in units:
        for job, target in unit.jobs:
            write_atomic(target, renderer.render(job))
        if unit.bundle is not None:
            write_atomic(unit.bundle, blank_bundle.bundle([(n, src.read_bytes()) for n, src in unit.members]))


def _make_in_worker(units: list[_Unit]) -> None:
    assert _worker is not None
    _make(_worker, units)


class Pending:
    """Downloads still being rendered in worker processes while the pages are built.

    `wait()` before anything reads the files (MkDocs' copy, the site sync); `cancel()`
    when the build fails. Without work it is already done."""

    def __init__(self, renderer=None, work: list[_Unit] = ()):
        self.pool, self.futures = None, []
        if work:
            workers = min(os.cpu_count() or 1, 4)
            size = max(1, len(work) // (workers * 8))
            self.pool = ProcessPoolExecutor(workers, initializer=_init_worker,
                                            initargs=(renderer.fonts, renderer.author, renderer.when,
                                                      renderer.template_dir))
            self.futures = [self.pool.submit(_make_in_worker, work[i:i + size])
                            for i in range(0, len(work), size)]

    def wait(self) -> None:
        try:
            for future in self.futures:
                future.result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool, self.futures = None, []


@dataclass
class FilledChoice:
    """The filled examples chosen (xinfang.site.filled_forms), for the downloads page."""

    titles: list[str] = field(default_factory=list)  # in the forms' order
    left_out: list[str] = field(default_factory=list)  # forms with no example the site may show


def collect(data, cache: Path) -> tuple[list[Download], Pending, FilledChoice]:
    """Every blank template and each unit's zip of them, keyed to its unit, with the work
    still to do on missing cache entries, and the filled examples chosen. The company's own
    files are made at once (the downloads page shows their sizes); the units' files are made
    in the background."""
    jobs = forms.blank_jobs(data)
    if not jobs:
        return [], Pending(), FilledChoice()
    cache.mkdir(parents=True, exist_ok=True)
    renderer = renderer_for(data)
    by_folder = {unit_folder(data, u): u.id for u in data.units.values()}
    out: list[Download] = []
    work: dict[str, _Unit] = {}
    for job in jobs:
        unit = by_folder.get(_unit_folder_of(job), data.root.id)
        todo = work.setdefault(unit, _Unit([], [], None))
        dl = Download(unit, job.title, f"downloads/{unit}/{posixpath.basename(job.path)}",
                      _cached(job, renderer, cache, todo))
        out.append(dl)
        todo.members.append((dl.name, dl.source))
    out += _bundles(data, work, cache)
    out += _returns(data, renderer, by_folder, work, cache)
    out += _examples(data, renderer, work, cache)
    filled, choice = _filled(data, renderer, work, cache)
    out += filled
    _make(renderer, [work.pop(data.root.id)] if data.root.id in work else [])
    pending = Pending(renderer, [u for _, u in sorted(work.items()) if u.jobs or u.bundle])
    return sorted(out, key=lambda d: d.uri), pending, choice


def _bundles(data, work: dict[str, _Unit], cache: Path) -> list[Download]:
    """Each unit's blanks as one zip, packed as xinfang.forms.blank_bundle packs them for build/."""
    from ..forms import blank_bundle
    out = []
    for unit_id, todo in sorted(work.items()):
        unit = data.units[unit_id]
        name = posixpath.basename(blank_bundle.bundle_path(unit_folder(data, unit)))
        source = cache / f"{_key(sorted((n, src.name) for n, src in todo.members))}.zip"
        if source.is_file():
            os.utime(source)
        else:
            todo.bundle = source
        out.append(Download(unit_id, f"{unit.label}全部空白模板（压缩包）", f"downloads/{unit_id}/{name}", source))
    return out


def _returns(data, renderer, by_folder: dict[str, str], work: dict[str, _Unit], cache: Path) -> list[Download]:
    """Each ledger-keeping unit's return workbook, made with the unit's blanks (never in their zip)."""
    from ..forms import return_workbook
    out, office = [], office_full_name(data)
    for job in return_workbook.jobs(data, blank=False):
        unit = by_folder.get(_unit_folder_of(job), data.root.id)
        source = _cached(job, renderer, cache, work.setdefault(unit, _Unit([], [], None)))
        out.append(Download(unit, f"{job.title}（Excel，填好后报送{office}）",
                            f"downloads/{unit}/{posixpath.basename(job.path)}", source))
    return out


def _examples(data, renderer, work: dict[str, _Unit], cache: Path) -> list[Download]:
    """The filled examples (示例) of the petition-handling forms, offered with the company's
    blanks (never in its zip). They hold a made-up petitioner only (xinfang.forms.petition_case)."""
    from ..forms import petition_forms
    todo = work.setdefault(data.root.id, _Unit([], [], None))
    return [Download(data.root.id, job.title, f"downloads/{data.root.id}/{posixpath.basename(job.path)}",
                     _cached(job, renderer, cache, todo)) for job in petition_forms.jobs(data, blank=False)]


def _filled(data, renderer, work: dict[str, _Unit], cache: Path) -> tuple[list[Download], FilledChoice]:
    """One filled example of each standard form the site may show (xinfang.site.filled_forms),
    rendered in the background: the page does not show their sizes."""
    from . import filled_forms
    chosen, left_out = filled_forms.choose(data)
    todo = work.setdefault(FILLED_WORK, _Unit([], [], None))
    found = [Download(filled_forms.UNIT, filled_forms.title(job), f"{filled_forms.FOLDER}/{filled_forms.file_name(job)}",
                      _cached(job, renderer, cache, todo)) for _, job in chosen]
    return found, FilledChoice([dl.title for dl in found], left_out)


def _unit_folder_of(job) -> str:
    """The unit folder a job's file lies in, without the top folder (空白模板/, 报送表/)."""
    return posixpath.dirname(job.path).split("/", 1)[-1]


def _cached(job, renderer, cache: Path, todo: _Unit) -> Path:
    """The job's file in the cache, keyed by everything it is made of; to be rendered (`todo`) when missing."""
    # The template digest covers the renderer's fonts, author and date as well.
    digest = job.input_digest(renderer.template_digest(job.template))
    source = cache / f"{_key(digest)}{posixpath.splitext(job.path)[1]}"
    if source.is_file():
        os.utime(source)  # keeps it from prune()
    else:
        todo.jobs.append((job, source))
    return source


def prune(cache: Path) -> None:
    """Forget cached files nobody used for STALE_DAYS (each build touches what it uses)."""
    limit = time.time() - STALE_DAYS * 86400
    for path in cache.glob("*.*"):
        if path.suffix in (".docx", ".xlsx", ".zip") and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
