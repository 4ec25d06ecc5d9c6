"""Write an output folder safely: a lock, staged files, atomic renames, a manifest.

Files are staged in a hidden folder next to their destination and moved into
place with os.replace only after every one of them was produced, so a failed
or killed build leaves each earlier output whole. The manifest remembers what
each output was made from; an output whose inputs did not change is skipped.
An output no longer made is never deleted: it moves to 归档/<period>/<its path>,
the period being the month of the data date it was made for.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .docx.textdump import made_on
from .errors import BuildLockedError
from .reads import ReadIndex

MANIFEST = ".manifest.json"
MANIFEST_FORMAT = 2  # 2: documents record the data keys they read
STAGING = ".staging"
ARCHIVE = "归档"  # outputs no longer made, by the period they were made for
UNDATED = "未注明时期"  # the archive folder of a file whose date cannot be read


@dataclass
class Outcome:
    """What a build did to one output folder."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    archived: dict[str, str] = field(default_factory=dict)  # output path → where it was archived

    def merge(self, other: "Outcome") -> None:
        for name in ("new", "changed", "unchanged"):
            getattr(self, name).extend(getattr(other, name))
        self.archived.update(other.archived)


@contextlib.contextmanager
def locked(folder: Path, what: str = "输出目录"):
    """Hold an exclusive lock on `folder` itself for a whole build.

    The lock is on the folder, so no lock file lies in or next to it; a folder this
    created stays only if the build put something in it.
    """
    folder = Path(folder)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"另一个生成任务正在使用{what} {folder}，请等它完成后再运行。") from None
        yield
    finally:
        os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: the build failed before writing


class OutputFolder:
    """An output folder under a build: knows what it held and stages what comes.

    The manifest keeps, per output, the digest of its fixed inputs (code, template,
    title), the data keys it read (documents only; see xinfang.reads) and the
    digest of its bytes.
    """

    def __init__(self, root: Path, section: str, manifest: dict):
        self.root = Path(root)
        self.section = section  # manifest section, e.g. "forms" or "blanks"
        self.staging = self.root / STAGING / section
        self.manifest = manifest  # read_manifest(root), shared by the build's folders
        stored = manifest.get(section, {})
        self.previous: dict[str, dict] = stored.get("files", {})
        self.reads = ReadIndex(stored.get("reads"))
        self.current: dict[str, dict] = {}
        self.staged: dict[str, None] = {}  # paths rendered anew, in order (a dict: asked for often)
        self._folders: set[Path] = set()  # made during this build: mkdir once, not once per file
        self.outcome = Outcome()
        shutil.rmtree(self.staging, ignore_errors=True)  # leftovers of a killed build

    def is_current(self, path: str, input_digest: str, reads_data: bool = False) -> bool:
        """True when `path` exists and was made from exactly these inputs.

        A document (`reads_data`) also needs every data value it read last time
        unchanged: call `self.reads.refresh` first.
        """
        entry = self.previous.get(path)
        if not entry or entry.get("input") != input_digest or ("reads" in entry) != reads_data:
            return False
        if reads_data and not self.reads.unchanged(entry["reads"]):
            return False
        if not os.path.isfile(os.path.join(self.root, path)):  # os.path: asked for every output
            return False
        self.current[path] = entry
        self.outcome.unchanged.append(path)
        return True

    def source(self, path: str) -> Path:
        """Where the bytes this build keeps at `path` are now: staged, or left in place unchanged."""
        return (self.staging if path in self.staged else self.root) / path

    def output_digest(self, path: str) -> str:
        """The digest of the bytes this build keeps at `path` (kept or staged)."""
        return self.current[path]["output"]

    def target(self, path: str) -> Path:
        """Where a new version of `path` is staged."""
        return self.staging / path

    def kept_output(self, path: str) -> str | None:
        """The digest of the bytes now at `path`, if the last build made it and it is still there:
        new bytes with this digest need not be written."""
        old = self.previous.get(path)
        return old["output"] if old and (self.root / path).is_file() else None

    def record(self, path: str, digest: str, written: bool, input_digest: str, reads: str | None = None) -> None:
        """Note the output `path` made now: its bytes' digest, whether they were staged (`written`,
        by `write_new` in a render or zip worker) or are those already in place, and for a
        document the data keys it read (`self.reads.encode`)."""
        old = self.previous.get(path)
        self.current[path] = {"input": input_digest, "output": digest}
        if reads is not None:
            self.current[path]["reads"] = reads
        if not written:
            if old and "text" in old:
                self.current[path]["text"] = old["text"]
            self.outcome.unchanged.append(path)
            return
        self.staged[path] = None
        (self.outcome.changed if old and (self.root / path).exists() else self.outcome.new).append(path)

    def text_mark(self, path: str) -> str | None:
        """The text mark (xinfang.distribution) of the version now at `path`, if it was compared when made."""
        old = self.previous.get(path)
        return old.get("text") if old else None

    def note_text(self, path: str, mark: str | None) -> None:
        if mark:
            self.current[path]["text"] = mark

    def commit(self) -> Outcome:
        """Move staged files into place, archive outputs no longer made, update the manifest.

        The build saves the manifest (write_manifest) once every section committed.
        """
        for path in self.staged:
            target = self.root / path
            self._make_folder(target.parent)
            os.replace(self.staging / path, target)
        for path in sorted(set(self.previous) - set(self.current)):
            self.outcome.archived[path] = archive(self.root, path)
            _prune_empty_dirs(self.root, (self.root / path).parent)
        self.manifest[self.section] = {"reads": self.reads.stored(self.current),
                                       "files": dict(sorted(self.current.items()))}
        shutil.rmtree(self.staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            (self.root / STAGING).rmdir()
        return self.outcome

    def _make_folder(self, folder: Path) -> None:
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            (self.root / STAGING).rmdir()


def read_manifest(root: Path) -> dict:
    """The manifest of an output folder; empty when missing, unreadable or of another format."""
    try:
        manifest = orjson.loads((Path(root) / MANIFEST).read_bytes())
    except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
        return {"format": MANIFEST_FORMAT}
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        return {"format": MANIFEST_FORMAT}
    return manifest


def write_manifest(root: Path, manifest: dict) -> None:
    write_atomic(Path(root) / MANIFEST, orjson.dumps(manifest))  # compact UTF-8, as json.dumps would write it


def write_new(content: bytes, target: Path, kept: str | None) -> tuple[str, bool]:
    """Write `content` to the staged file `target` unless it is the output already in place
    (digest `kept`); the digest of the content, and whether it was written."""
    digest = hashlib.sha256(content).hexdigest()
    if digest == kept:
        return digest, False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return digest, True


def write_atomic(path: Path, content: bytes) -> None:
    """Replace `path` with `content` in one step; never leave it half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_bytes(content)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def archive(root: Path, path: str) -> str:
    """Move the output `path` to 归档/<period>/`path` in one rename; return where it went ("" if missing).

    A file already archived there under the same name is kept: the newcomer gets a numbered name.
    """
    source = Path(root) / path
    if not source.is_file():
        return ""
    made = made_on(source)
    period = f"{made.year}年{made.month}月" if made else UNDATED
    target = Path(root) / ARCHIVE / period / path
    number = 1
    while target.exists():
        number += 1
        target = target.with_name(f"{Path(path).stem}（{number}）{Path(path).suffix}")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target.relative_to(root).as_posix()


def _prune_empty_dirs(root: Path, folder: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
