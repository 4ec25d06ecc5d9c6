"""Render document jobs with compiled templates, on every core."""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .docx.engine import DocxTemplate, FontRole

PR_SET_PDEATHSIG = 1
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "forms"


@dataclass
class Job:
    """One document to produce: where it goes, from which template, with what data."""

    path: str  # relative to the output folder, with "/" separators
    template: str  # file name under templates/forms/
    context: dict  # plain JSON-able data only, so it can be hashed and sent to workers
    title: str
    confidential: bool = False
    digest: str = field(default="", compare=False)

    def input_digest(self, template_digest: str) -> str:
        """What the output depends on: generator version, template bytes, data shown."""
        if not self.digest:
            payload = json.dumps([__version__, template_digest, self.template, self.title, self.context],
                                 ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            self.digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self.digest


class Renderer:
    """Compiles each template once per build and renders jobs with it."""

    def __init__(self, fonts: dict[str, FontRole], author: str, when, template_dir: Path = TEMPLATE_DIR):
        self.fonts, self.author, self.when = fonts, author, when
        self.template_dir = Path(template_dir)
        self._templates: dict[str, DocxTemplate] = {}
        self._digests: dict[str, str] = {}

    def template(self, name: str) -> DocxTemplate:
        if name not in self._templates:
            self._templates[name] = DocxTemplate(self.template_dir / name, self.fonts)
        return self._templates[name]

    def template_digest(self, name: str) -> str:
        """The template's bytes plus every build-wide setting that reaches the document."""
        if name not in self._digests:
            digest = hashlib.sha256((self.template_dir / name).read_bytes())
            digest.update(repr((sorted(self.fonts.items()), self.author, str(self.when))).encode("utf-8"))
            self._digests[name] = digest.hexdigest()
        return self._digests[name]

    def render(self, job: Job) -> bytes:
        return self.template(job.template).render(job.context, job.title, self.author, self.when)


_worker: Renderer | None = None


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the build process dies (e.g. kill -9)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: orphans finish their batch and exit
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(fonts, author, when, template_dir) -> None:
    global _worker
    _die_with_parent()
    # The parent handles Ctrl-C and SIGTERM and shuts the pool down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = Renderer(fonts, author, when, template_dir)


def _render_batch(jobs: list[Job]) -> list[tuple[str, bytes]]:
    assert _worker is not None
    return [(job.path, _worker.render(job)) for job in jobs]


def render_all(renderer: Renderer, jobs: list[Job], workers: int | None = None):
    """Yield (path, bytes) for every job; in parallel when there are many."""
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers < 2 or len(jobs) < 40:
        for job in jobs:
            yield job.path, renderer.render(job)
        return
    size = max(8, len(jobs) // (workers * 8))
    batches = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(workers, initializer=_init_worker,
                             initargs=(renderer.fonts, renderer.author, renderer.when,
                                       renderer.template_dir)) as pool:
        for results in pool.map(_render_batch, batches):
            yield from results
