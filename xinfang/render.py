"""Render document jobs with compiled templates, on every core."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import hashlib
import json
import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

from . import __version__, cores, source_digest, tracking
from .docx.engine import DocxTemplate, FontRole
from .outputs import write_new

PR_SET_PDEATHSIG = 1
# Jobs per batch sent to a worker: with a few batches in flight, a few thousand contexts are
# in memory at once, whatever the number of documents.
MAX_BATCH = 400
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "forms"


@dataclass
class Job:
    """One document to produce: where it goes, from which template, with what data.

    `make` builds the context (plain JSON-able data only) when it is first
    needed: a rebuild never builds the contexts of documents whose data did not
    change. Building it records which data it read in `reads` (see xinfang.tracking).
    """

    path: str  # relative to the output folder, with "/" separators
    template: str  # file name under templates/forms/
    make: Callable[[], dict] = field(repr=False)
    title: str
    confidential: bool = False
    reads: list[str] = field(default_factory=list, repr=False, compare=False)

    @functools.cached_property
    def context(self) -> dict:
        context, self.reads = tracking.capture(self.make)
        return context

    def __getstate__(self) -> dict:
        """A job sent to a worker process carries its context, never `make` and the data behind it."""
        return {**self.__dict__, "context": self.context, "make": None}

    def take_context(self) -> dict:
        """The context for a worker, not kept here (`reads` are): the batch sent holds it."""
        context = self.context
        del self.__dict__["context"]
        return context

    def release(self) -> None:
        """Forget the context and reads once they are used (the context is built again if asked for)."""
        self.__dict__.pop("context", None)
        self.reads = []

    def input_digest(self, template_digest: str) -> str:
        """Everything the output is made of: generator code, template, title, data shown."""
        payload = json.dumps([code_digest(), template_digest, self.template, self.title, self.context],
                             ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def fixed_digest(self, template_digest: str) -> str:
        """What the output depends on besides the data: the generator's code, template and title."""
        parts = (code_digest(), template_digest, self.template, self.title, str(self.confidential))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# Libraries whose version can change a document's bytes: docxtpl joins the tags Word splits
# across runs, Jinja2/MarkupSafe fill the templates, chinesecalendar gives the workdays,
# XlsxWriter writes the workbooks.
RENDERING_LIBRARIES = ("docxtpl", "Jinja2", "MarkupSafe", "chinesecalendar", "XlsxWriter")


@functools.lru_cache(maxsize=None)
def code_digest() -> str:
    """The generator itself: every module of the package and the libraries that shape output.

    Part of every document's inputs, so a changed form module remakes its documents
    although no data changed (a version number alone would be bumped too rarely).
    """
    digest = hashlib.sha256(f"{__version__}|{source_digest()}".encode("utf-8"))
    for library in RENDERING_LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode("utf-8"))
    return digest.hexdigest()


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
        """The template's bytes plus every build-wide setting that reaches the document.

        A workbook has no template file: its layout is code, covered by code_digest.
        """
        if name not in self._digests:
            source = name.encode("utf-8") if is_workbook(name) else (self.template_dir / name).read_bytes()
            digest = hashlib.sha256(source)
            digest.update(repr((sorted(self.fonts.items()), self.author, str(self.when))).encode("utf-8"))
            self._digests[name] = digest.hexdigest()
        return self._digests[name]

    def render(self, job: Job) -> bytes:
        return self.render_context(job.template, job.context, job.title)

    def render_context(self, template: str, context: dict, title: str) -> bytes:
        if is_workbook(template):
            from .returns.workbooks import WRITERS
            return WRITERS[template](context, title, self.author)
        return self.template(template).render(context, title, self.author, self.when)

    def stage(self, template: str, context: dict, title: str, target: Path, kept: str | None) -> tuple[str, bool]:
        """Render into the file `target`, unless the bytes are those already kept (digest `kept`);
        return the bytes' digest and whether they were written."""
        return write_new(self.render_context(template, context, title), target, kept)


def is_workbook(template: str) -> bool:
    """XLSX jobs name their writer (xinfang.returns.workbooks) where DOCX jobs name a template file."""
    return template.endswith(".xlsx")


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


def _render_batch(tasks: list[tuple]) -> list[tuple[str, str, bool]]:
    """Stage (path, template, context, title, target, kept) tasks: a Job's `make` stays in the parent."""
    assert _worker is not None
    return [(path, *_worker.stage(*task)) for path, *task in tasks]


def render_all(renderer: Renderer, jobs: list[Job], folder, sent: Callable[[Job], None]):
    """Render every job into `folder`'s staging area (an OutputFolder); yield (path, digest of
    the bytes, whether they were written: not when they are those already in place) for each,
    as batches finish, in parallel when there are many. `sent(job)` is called, in the jobs'
    order, once a job's context is built and on its way (its `reads` are then known).

    The workers write the files themselves: creating a file is kernel work (on some virtual
    machines over half a millisecond), which would otherwise all fall on this process, and
    the documents' bytes need not travel back.
    """
    def task(job: Job) -> tuple:
        context = job.take_context()
        sent(job)
        return job.path, job.template, context, job.title, folder.target(job.path), folder.kept_output(job.path)

    workers = cores.usable()
    if workers < 2 or len(jobs) < 40:
        for job in jobs:
            path, *rest = task(job)
            yield (path, *renderer.stage(*rest))
        return
    size = max(8, min(len(jobs) // (workers * 8), MAX_BATCH))
    running: set = set()
    # Workers are started afresh ("spawn"), not forked: they need the settings and the contexts
    # they are sent, never the loaded data, which forked ones end up copying page by page
    # (at 20,000 units: about 0.8 GB a forked worker, under 0.1 GB a spawned one).
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker,
                             initargs=(renderer.fonts, renderer.author, renderer.when,
                                       renderer.template_dir)) as pool:
        for start in range(0, len(jobs), size):
            # Two batches per worker: each has the next at hand. Whichever finishes makes room,
            # so a batch holding the company-wide ledger (a minute at 20,000 units) occupies one
            # worker while the other goes on.
            if len(running) >= workers * 2:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield from future.result()
            # Contexts are built here, batch by batch, while the workers render the batches before.
            running.add(pool.submit(_render_batch, [task(job) for job in jobs[start:start + size]]))
        for future in as_completed(running):
            yield from future.result()


def fonts_of(data) -> dict[str, FontRole]:
    f = data.enterprise.documents.fonts
    return {
        "title": FontRole(f.title, f.title_fallback),
        "body": FontRole(f.body, f.body_fallback),
        "heading1": FontRole(f.heading1, f.heading1_fallback),
        "heading2": FontRole(f.heading2, f.heading2_fallback),
        "page_number": FontRole(f.page_number, "宋体"),
    }


def renderer_for(data) -> Renderer:
    return Renderer(fonts_of(data), data.enterprise.documents.issuer, data.today)
