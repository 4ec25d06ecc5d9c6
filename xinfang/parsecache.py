"""Cache each data file's validated content, keyed by its bytes, across runs.

Parsing YAML is most of the cost of loading a large enterprise; a weekly
rebuild after one edit then re-reads only the file that changed.

An entry is keyed by the file's bytes and the source of the whole package, so
a changed rule never answers from an old entry. Entries are pickles, so each
carries an HMAC made with a key private to the user (~/.cache/xinfang/cache.key,
mode 600): an entry someone else wrote into the output folder is ignored, never
unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from importlib import metadata
from pathlib import Path

from . import source_digest
from .outputs import write_atomic

FORMAT = 2


def _code_digest() -> str:
    """Every module of the package and the YAML parser's version: no list of "the validating
    modules" to keep up to date, so no changed rule can ever answer from an old entry (any
    code change costs one full parse)."""
    return hashlib.sha256(f"{FORMAT}|PyYAML=={metadata.version('PyYAML')}|{source_digest()}".encode()).hexdigest()


def _user_key() -> bytes | None:
    """The user's private signing key, created on first use; None if it cannot be kept."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "xinfang"
    path = base / "cache.key"
    try:
        if not path.exists():
            base.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        if path.stat().st_mode & 0o077:
            return None  # readable by others: not a secret any more
        key = path.read_bytes()
        return key if len(key) == 32 else None
    except OSError:
        return None


class ParseCache:
    """Signed pickles of (value, problems, defs, refs, unreadable) per data file."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.key = _user_key()
        self.code = _code_digest()
        self.used: set[Path] = set()

    def _path(self, display: str, digest: str, spec_name: str) -> Path:
        key = hashlib.sha256(f"{self.code}|{spec_name}|{display}|{digest}".encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.pickle"
        self.used.add(path)
        return path

    def has(self, display: str, digest: str, spec_name: str) -> bool:
        return self.key is not None and self._path(display, digest, spec_name).is_file()

    def get(self, display: str, digest: str, spec_name: str):
        if self.key is None:
            return None
        try:
            blob = self._path(display, digest, spec_name).read_bytes()
        except OSError:
            return None
        mac, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(mac, hmac.new(self.key, payload, "sha256").digest()):
            return None
        try:
            return pickle.loads(payload)
        except (pickle.PickleError, EOFError, AttributeError, ImportError, IndexError, TypeError):
            return None

    def put(self, display: str, digest: str, spec_name: str, entry) -> None:
        if self.key is None:
            return
        payload = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        mac = hmac.new(self.key, payload, "sha256").digest()
        try:
            write_atomic(self._path(display, digest, spec_name), mac + payload)
        except OSError:
            pass  # a read-only or full disk only costs speed

    def prune(self) -> None:
        """Forget entries this load did not use: old versions of edited files."""
        for path in self.folder.glob("*/*.pickle"):
            if path not in self.used:
                path.unlink(missing_ok=True)
