"""Cache each data file's validated content, keyed by its bytes, across runs.

Parsing YAML is most of the cost of loading a large enterprise; a weekly
rebuild after one edit then re-reads only the file that changed.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from . import __version__
from .outputs import write_atomic

FORMAT = 1


class ParseCache:
    """Pickled (value, problems, defs, refs) per data file, in one folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.used: set[Path] = set()

    def _path(self, display: str, digest: str, spec_name: str) -> Path:
        key = hashlib.sha256(f"{FORMAT}|{__version__}|{spec_name}|{display}|{digest}".encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.pickle"
        self.used.add(path)
        return path

    def prune(self) -> None:
        """Forget entries this load did not use: old versions of edited files."""
        for path in self.folder.glob("*/*.pickle"):
            if path not in self.used:
                path.unlink(missing_ok=True)

    def get(self, display: str, digest: str, spec_name: str):
        try:
            return pickle.loads(self._path(display, digest, spec_name).read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, IndexError, TypeError):
            return None

    def put(self, display: str, digest: str, spec_name: str, entry) -> None:
        try:
            write_atomic(self._path(display, digest, spec_name), pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only or full disk only costs speed
