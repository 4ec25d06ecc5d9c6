"""Document and manual generator for an enterprise petition office (信访办)."""

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"


@functools.lru_cache(maxsize=None)
def source_digest() -> str:
    """Every module of the package, by path and bytes: part of the key of anything the code
    makes (documents, parse cache entries), read once per process."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8"))
        digest.update(source.read_bytes())
    return digest.hexdigest()
