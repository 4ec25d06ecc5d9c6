"""The last build's public facts, per data file and record, for the change list.

One file per data file, one line per record: its key, a hash of its content
and its facts, the key and facts as JSON. A rebuild reads the files of the data files that
changed, and of those words only the records whose hash differs, so editing
one person in a people.yaml of ten thousand costs one record, not ten thousand.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from . import changes
from .outputs import write_atomic
from .schema import declared_fields

INDEX = "index.json"
FORMAT = 2  # 2: a .tsv of records per data file
_UNSAFE = re.compile(r"[\t\n\r]")


def _quoted(key: str) -> str:
    """A record key as stored: as JSON when a tab or line break in a name could split the line."""
    return json.dumps(key, ensure_ascii=False) if _UNSAFE.search(key) or key.startswith('"') else key


def _unquoted(text: str) -> str:
    return json.loads(text) if text.startswith('"') else text


def record_hash(record) -> str:
    """A hash of everything the record's facts are made of: its fields as read from the data."""
    values = tuple(getattr(record, f.name) for f in declared_fields(type(record)))
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=12).hexdigest()


class SnapshotStore:
    """The facts of the last build in `folder`: an index of data files and one file each."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        try:
            stored = json.loads((self.folder / INDEX).read_text("utf-8"))
        except (OSError, ValueError):
            stored = {}
        # A store of another format (one JSON file per data file) is not compared with.
        self.index = stored.get("sources", {}) if stored.get("format") == FORMAT else {}
        self.empty = not self.index  # a first build: nothing to compare with
        self._pending: tuple[dict, list] = ({}, [])

    def _path(self, name: str) -> Path:
        return self.folder / f"{hashlib.sha256(name.encode('utf-8')).hexdigest()[:32]}.tsv"

    def _staged(self, name: str) -> Path:
        """Where `compare` writes a data file's new facts until `save` puts them in place."""
        path = self._path(name)
        return path.with_name(f".{path.name}.staged")

    def _lines(self, name: str) -> dict[str, tuple[str, str]]:
        """A data file's stored records: key → (hash, facts as JSON)."""
        if name not in self.index:
            return {}
        try:
            text = self._path(name).read_text("utf-8")
        except OSError:
            return {}
        found = {}
        for line in text.splitlines():
            key, digest, facts = line.split("\t", 2)
            found[_unquoted(key)] = (digest, facts)
        return found

    def compare(self, data) -> list[changes.Change]:
        """The data changes since the last build (none on a first build); `save` keeps this build's facts."""
        sources = data.sources
        changed = sorted(n for n in set(sources) | set(self.index) if self.index.get(n) != sources.get(n))
        records = changes.records_by_file(data, set(changed))
        old, new = {}, {}
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in changed:
            stored = self._lines(name)
            lines = []
            for key, label, record in records.get(name, []):
                digest = record_hash(record)
                before = stored.pop(key, None)
                if before and before[0] == digest:
                    lines.append(f"{_quoted(key)}\t{digest}\t{before[1]}")
                    continue
                facts = changes.facts(key, label, record)
                if not self.empty:  # a first build lists no changes: its facts are only stored
                    new.update(facts)
                if before:
                    old.update(json.loads(before[1]))
                lines.append(f"{_quoted(key)}\t{digest}\t{changes.dumps(facts).decode('utf-8')}")
            for _, text in stored.values():  # records no longer in the file
                old.update(json.loads(text))
            if name in sources:  # written now, not held: a first build of 20,000 units has 0.5 GB of facts
                self._staged(name).write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
        self._pending = (dict(sources), changed)
        return [] if self.empty else changes.diff(old, new, changes.namer(data))

    def save(self) -> None:
        """Keep the facts `compare` worked out: changed files rewritten, removed ones forgotten."""
        sources, changed = self._pending
        for name in changed:
            if name in sources:
                os.replace(self._staged(name), self._path(name))
            else:
                self._path(name).unlink(missing_ok=True)
        for old in self.folder.glob("*.json"):  # the facts of a store of the earlier format
            if old.name != INDEX:
                old.unlink(missing_ok=True)
        write_atomic(self.folder / INDEX, json.dumps({"format": FORMAT, "sources": sources}, ensure_ascii=False,
                                                     indent=1).encode("utf-8"))
