"""The data keys outputs read (see xinfang.tracking): their current values, and
the record of them a build leaves in its manifest.

A rebuild works out which keys changed without touching most of them: a key
belongs to one data file (or, for whole collections, to a folder of them), and
only the keys of files whose bytes changed are read again. An output is current
when none of the keys it read changed; the list of its keys is stored as
indices into one table per manifest section, so checking it costs a set test.
"""

from __future__ import annotations

import array
import base64
import dataclasses
import hashlib
import sys

from .layout import CONFIDENTIAL_DIR, RISKS_DIR
from .model import Unit
from .tracking import PLAIN_TYPES, SEP

ABSENT = "<无>"
# The data file each kind of key is read from; "…/" means any file in that folder.
SOURCE_OF = {
    "units": "units.yaml", "people": "people.yaml", "people_in": "people.yaml",
    "enterprise": "enterprise.yaml", "responsibilities": "responsibilities.yaml",
    "key_groups": "key-groups.yaml", "emergency": "emergency.yaml", "procedure": "procedure.yaml",
    "reception": "reception.yaml", "holidays": "holidays.yaml", "contacts": "contacts.yaml",
    "campaigns": "campaigns.yaml",
    "risk": f"{RISKS_DIR}/", "risks": f"{RISKS_DIR}/",
    "key_persons": f"{CONFIDENTIAL_DIR}/", "has_confidential": f"{CONFIDENTIAL_DIR}/",
    "partners": "partners.yaml", "hardship": f"{CONFIDENTIAL_DIR}/",
}
COMPACT_GROWTH = 1.25  # rebuild the key table once it is this much larger than when last rebuilt


def source_of(key: str) -> str:
    head, _, rest = key.partition(SEP)
    if head == "own_risks":
        return f"{RISKS_DIR}/{rest}.yaml"
    return SOURCE_OF[head]


def fingerprint(value):
    """A record's whole content as nested tuples (positions and Unit.children left out)."""
    if isinstance(value, Unit):
        return value.id
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, fingerprint(getattr(value, f.name))) for f in dataclasses.fields(value)
                     if f.name != "children")
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(v) for v in value)
    return value


class Values:
    """The current value of each key of one Dataset, hashed.

    Not memoized: a ReadIndex hashes each key once (when it first sees it, or when its
    data file changed), and a memo would hold a second copy of every key's hash.
    """

    def __init__(self, data):
        self.data = data

    def hash(self, key: str) -> str:
        return hashlib.blake2b(self.read(key).encode("utf-8"), digest_size=8).hexdigest()

    def read(self, key: str) -> str:
        """The value a form saw when it noted `key`, as text."""
        data = self.data
        head, *rest = key.split(SEP)
        if not rest:
            if head in ("units", "people"):
                return data.sources.get(SOURCE_OF[head], ABSENT)
            if head in ("risks", "key_persons", "has_confidential", "hardship"):
                return self._folder(SOURCE_OF[head]) + repr(data.has_confidential)
        if head == "own_risks":
            return data.sources.get(source_of(key), ABSENT)
        if head == "people_in":
            return repr(tuple(p.id for p in data.people_by_unit.get(rest[0], ())))
        if head == "risk":
            return repr(fingerprint(data.risk_by_id.get(rest[0])))
        if head in ("units", "people"):
            record = getattr(data, head).get(rest[0])
            if len(rest) == 1:
                return "有" if record is not None else ABSENT
            return _walk(record, rest[1:])
        if head in SOURCE_OF:
            return _walk(getattr(data, head), rest)
        raise ValueError(f"unknown data key: {key!r}")

    def _folder(self, prefix: str) -> str:
        found = sorted((name, digest) for name, digest in self.data.sources.items() if name.startswith(prefix))
        return hashlib.sha256(repr(found).encode("utf-8")).hexdigest()


def _walk(value, parts: list[str]) -> str:
    for part in parts:
        if value is None:
            return ABSENT
        if part == "#":
            return repr(len(value))
        if part == "*":
            return repr(fingerprint(value))
        if part.startswith("["):
            index = int(part[1:-1])
            value = value[index] if index < len(value) else None
        else:
            value = getattr(value, part, None)
    return repr(value) if type(value) in PLAIN_TYPES else repr(fingerprint(value))


def encode(indices) -> str:
    packed = array.array("I", sorted(indices))
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def decode(text: str) -> array.array:
    packed = array.array("I", base64.b64decode(text))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


class ReadIndex:
    """One manifest section's table of keys read, with each value's hash at the last build."""

    def __init__(self, stored: dict | None = None):
        stored = stored or {}
        self.keys: list[str] = stored.get("keys", [])
        self.hashes: list[str] = stored.get("hashes", [])
        self.sources: dict[str, str] = stored.get("sources", {})  # the data files' digests then
        # The table's size when last rebuilt; a new table holds only keys its documents read.
        self.base = stored.get("base", len(self.keys))
        self.fresh = not self.keys
        self.changed: set[int] = set()
        self._position: dict[str, int] | None = None

    def refresh(self, values: Values) -> None:
        """Find the keys whose values changed; their hashes become the current ones."""
        now, before = values.data.sources, self.sources
        files = {name for name in now.keys() | before.keys() if now.get(name) != before.get(name)}
        folders = {name.split("/", 1)[0] + "/" for name in files if "/" in name}
        if files:
            for i, key in enumerate(self.keys):
                source = source_of(key)
                if source in files or source in folders:
                    current = values.hash(key)
                    if current != self.hashes[i]:
                        self.hashes[i] = current
                        self.changed.add(i)
        self.sources = dict(now)

    def unchanged(self, encoded: str) -> bool:
        """True when no key in `encoded` (an output's keys) changed."""
        return not self.changed or self.changed.isdisjoint(decode(encoded))

    def encode(self, keys: list[str], values: Values) -> str:
        """An output's keys as indices into the table, adding keys not seen before."""
        if self._position is None:
            self._position = {key: i for i, key in enumerate(self.keys)}
        position = self._position
        indices = []
        for key in keys:
            i = position.get(key)
            if i is None:
                i = position[key] = len(self.keys)
                self.keys.append(key)
                self.hashes.append(values.hash(key))
            indices.append(i)
        return encode(indices)

    def stored(self, entries: dict[str, dict]) -> dict:
        """The table for the manifest; rebuilt without unused keys once it has grown enough."""
        if self.fresh:
            self.base = len(self.keys)
        elif len(self.keys) > COMPACT_GROWTH * self.base + 1000:
            self._compact(entries)
        return {"keys": self.keys, "hashes": self.hashes, "sources": self.sources, "base": self.base}

    def _compact(self, entries: dict[str, dict]) -> None:
        decoded = {path: decode(entry["reads"]) for path, entry in entries.items() if "reads" in entry}
        used = sorted({i for indices in decoded.values() for i in indices}, key=self.keys.__getitem__)
        renumber = {old: new for new, old in enumerate(used)}
        for path, indices in decoded.items():
            entries[path]["reads"] = encode(renumber[i] for i in indices)
        self.keys = [self.keys[i] for i in used]
        self.hashes = [self.hashes[i] for i in used]
        self.base = len(self.keys)
        self._position = None
