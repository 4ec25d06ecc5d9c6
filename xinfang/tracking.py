"""Which data each document reads, so a rebuild remakes only what an edit touched.

While a form builds a job's context it sees the Dataset through `Tracked`, a
read-only view that notes every value read as a key such as
"people\tp001\tname". The build keeps each document's keys, and the value
of each key (xinfang.reads). A rebuild reads again only the keys of data files
that changed and builds the context of a document only when one of its keys
changed, so after one phone number changes nothing else is built at all.

Granularity: one key per field read for units, people and the single data
files, so a document that shows a person's name does not depend on their phone;
one key per unit for risk entries (the whole risks/<unit>.yaml), which forms
show in full; one key for whole collections a form iterates. Whatever a form
can reach goes through the view: a Dataset member the view does not offer is an
AttributeError, never an untracked read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from contextlib import contextmanager

from .model import Unit

SEP = "\t"
# Dataset members read field by field (views), as lists of such records, or whole.
SMALL_FILES = ("enterprise", "responsibilities", "key_groups", "emergency", "procedure", "reception",
               "holidays", "partners")
RECORD_LISTS = ("contacts", "campaigns")
WHOLE = ("risks", "key_persons", "has_confidential", "hardship")
PLAIN_TYPES = (str, int, float, bool, type(None), dt.date)  # values read as they are

_recorders: list[set[str]] = []


def note(key: str) -> None:
    if _recorders:
        _recorders[-1].add(key)


@contextmanager
def recording():
    """Collect the keys read inside the block into the yielded set."""
    keys: set[str] = set()
    _recorders.append(keys)
    try:
        yield keys
    finally:
        _recorders.pop()


def per_build(fn):
    """Compute `fn(data, *args)` once per build; every later call notes the keys the first one read.

    For helpers many documents share (a unit's header): the result is shared too, so callers
    copy it before changing it; keyword arguments must be hashable. Only the tracking view
    keeps a memo, and only while the build lasts; on the plain Dataset `fn` is simply called.
    """

    @functools.wraps(fn)
    def shared(data, *args, **kwargs):
        if not isinstance(data, Tracked):
            return fn(data, *args, **kwargs)
        # Keyed by the arguments' identities, which the memo keeps alive: records need not be hashable.
        key = (fn, *map(id, args), *sorted(kwargs.items()))
        found = data._memo.get(key)
        if found is None:
            with recording() as keys:
                result = fn(data, *args, **kwargs)
            found = data._memo[key] = (result, tuple(keys), args)
        if _recorders:
            _recorders[-1].update(found[1])
        return found[0]

    return shared


def plain(value):
    """The Dataset or record behind a view.

    For choosing which documents to make and naming their files: every build
    does that afresh, so those reads need no tracking and skip its cost.
    """
    if isinstance(value, RecordView):
        return value._obj
    return value._data if isinstance(value, Tracked) else value


class RecordView:
    """A record of the Dataset that notes each field read; nested records are views too."""

    __slots__ = ("_obj", "_prefix", "_tracked")

    def __init__(self, obj, prefix: str, tracked: "Tracked"):
        self._obj, self._prefix, self._tracked = obj, prefix, tracked

    def __getattr__(self, name: str):
        value = getattr(self._obj, name)
        key = self._prefix + name
        if type(value) in PLAIN_TYPES:  # the common case first: a field read is one set insertion
            if _recorders:
                _recorders[-1].add(key)
            return value
        if isinstance(value, list):
            if value and isinstance(value[0], Unit):  # Unit.children
                note(key)
                return [self._tracked.unit(u) for u in value]
            if value and dataclasses.is_dataclass(value[0]):
                note(key + SEP + "#")
                return [RecordView(v, f"{key}{SEP}[{i}]{SEP}", self._tracked) for i, v in enumerate(value)]
            note(key)
            return list(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return RecordView(value, key + SEP, self._tracked)
        if callable(value):  # a method may read any field
            note(self._prefix + "*")
            return value
        note(key)
        return value

    def __eq__(self, other) -> bool:
        return isinstance(other, RecordView) and other._obj is self._obj

    def __hash__(self) -> int:
        return id(self._obj)

    def __repr__(self) -> str:
        return f"<{type(self._obj).__name__} {self._prefix.strip()}>"


class _Map:
    """data.units or data.people: records by ID, handed out as views."""

    def __init__(self, kind: str, mapping: dict, view):
        self._kind, self._mapping, self._view = kind, mapping, view

    def __getitem__(self, key: str):
        record = self._mapping.get(key)
        if record is None:
            note(self._kind + SEP + str(key))
            raise KeyError(key)
        return self._view(record)

    def get(self, key: str, default=None):
        record = self._mapping.get(key)
        if record is None:
            note(self._kind + SEP + str(key))
            return default
        return self._view(record)

    def __contains__(self, key) -> bool:
        note(self._kind + SEP + str(key))
        return key in self._mapping

    def __len__(self) -> int:
        note(self._kind)
        return len(self._mapping)

    def __iter__(self):
        note(self._kind)
        return iter(list(self._mapping))

    def keys(self):
        note(self._kind)
        return list(self._mapping)

    def values(self):
        note(self._kind)
        return [self._view(r) for r in self._mapping.values()]

    def items(self):
        note(self._kind)
        return [(k, self._view(r)) for k, r in self._mapping.items()]


class _RiskMap:
    """data.risk_by_id: one risk entry, read whole."""

    def __init__(self, mapping: dict):
        self._mapping = mapping

    def __getitem__(self, key: str):
        note("risk" + SEP + key)
        return self._mapping[key]

    def get(self, key: str, default=None):
        note("risk" + SEP + key)
        return self._mapping.get(key, default)

    def __contains__(self, key) -> bool:
        note("risk" + SEP + str(key))
        return key in self._mapping


class Tracked:
    """The Dataset as forms see it while their reads are recorded."""

    def __init__(self, data):
        self._data = data
        self._units: dict[int, RecordView] = {}
        self._people: dict[int, RecordView] = {}
        self._memo: dict[tuple, tuple] = {}  # per_build results
        self.units = _Map("units", data.units, self.unit)
        self.people = _Map("people", data.people, self.person)
        self.risk_by_id = _RiskMap(data.risk_by_id)

    def __enter__(self) -> "Tracked":
        return self

    def __exit__(self, *exc) -> None:
        # Views and maps point back here: let go of the Dataset, or it would outlive
        # the build as cyclic garbage, left for a slow full collection at exit.
        self._units.clear()
        self._people.clear()
        self._memo.clear()
        self._data = self.units = self.people = self.risk_by_id = None

    def unit(self, unit) -> RecordView:
        view = self._units.get(id(unit))
        if view is None:
            view = self._units[id(unit)] = RecordView(unit, f"units{SEP}{unit.id}{SEP}", self)
        return view

    def person(self, person) -> RecordView:
        view = self._people.get(id(person))
        if view is None:
            view = self._people[id(person)] = RecordView(person, f"people{SEP}{person.id}{SEP}", self)
        return view

    @property
    def root(self) -> RecordView:
        note(f"enterprise{SEP}root_unit")
        return self.unit(self._data.root)

    @property
    def today(self):
        note(f"enterprise{SEP}data_date")
        return self._data.today

    def __getattr__(self, name: str):
        if name in SMALL_FILES:
            return RecordView(getattr(self._data, name), name + SEP, self)
        if name in RECORD_LISTS:
            note(name + SEP + "#")
            return [RecordView(r, f"{name}{SEP}[{i}]{SEP}", self) for i, r in enumerate(getattr(self._data, name))]
        if name in WHOLE:
            note(name)
            return getattr(self._data, name)
        raise AttributeError(f"forms may not read Dataset.{name} (its reads would not be tracked)")

    def own_risks(self, unit) -> list:
        unit = plain(unit)
        note(f"own_risks{SEP}{unit.id}")
        return self._data.own_risks(unit)

    def people_in(self, unit) -> list:
        unit = plain(unit)
        note(f"people_in{SEP}{unit.id}")
        return [self.person(p) for p in self._data.people_in(unit)]

    # The tree walks run through the view only while reads are recorded; choosing
    # documents (nothing recorded) takes the plain Dataset's faster path.
    def descendants(self, unit) -> list:
        if not _recorders:
            return [self.unit(u) for u in self._data.descendants(plain(unit))]
        return type(self._data).descendants(self, unit)

    def ancestors(self, unit) -> list:
        if not _recorders:
            return [self.unit(u) for u in self._data.ancestors(plain(unit))]
        return type(self._data).ancestors(self, unit)

    def assignments_over(self, unit, *, held_here: bool = False) -> list:
        # One key for which assignments there are and whom they cover; the unit's chain and
        # people are read through the view, each assignment's other fields as it is read.
        note(f"responsibilities{SEP}assignments{SEP}*")
        people = self.people_in(unit) if held_here else []
        positions = self._data.assignment_positions([unit, *self.ancestors(unit)], people)
        assignments = self._data.responsibilities.assignments
        return [RecordView(assignments[i], f"responsibilities{SEP}assignments{SEP}[{i}]{SEP}", self)
                for i in positions]

    def risks_under(self, unit) -> list:
        if not _recorders:
            return self._data.risks_under(plain(unit))
        return type(self._data).risks_under(self, unit)


def capture(make):
    """Call `make` with reads recorded: (its result, the sorted keys it read)."""
    with recording() as keys:
        result = make()
    return result, sorted(keys)
