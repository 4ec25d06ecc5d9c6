"""What changed in the data, in words: "应急指挥部·办公室·主任 由 张某 改为 李某".

The data is flattened into labelled facts and two such snapshots are compared.
Which documents a change reached, and how, is worked out from the documents'
own text (xinfang.docdiff), not from these facts.
A fact that refers to a person or unit keeps the raw ID, so a file's facts
depend on that file alone (and can be kept per file); IDs become names only
when a change is worded. Key persons are confidential and never enter a
snapshot, so snapshots may be stored next to public outputs.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from dataclasses import dataclass

import orjson

from .schema import ListOf, Record, Ref, declared_fields

EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    old: str | None  # None: the fact is new
    new: str | None  # None: the fact was removed

    def __str__(self) -> str:
        if self.old is None:
            return f"新增 {self.label}：{self.new}"
        if self.new is None:
            return f"删除 {self.label}（原为 {self.old}）"
        return f"{self.label} 由 {self.old} 改为 {self.new}"


def _text(value, spec) -> str:
    if value is None or value == [] or value == "":
        return EMPTY
    if isinstance(spec, ListOf):
        return "、".join(_text(v, spec.item) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _ref_kind(spec) -> str:
    spec = spec.item if isinstance(spec, ListOf) else spec
    return spec.kind if isinstance(spec, Ref) and spec.kind in ("person", "unit") else ""


def namer(*datasets):
    """A function naming a person or unit ID from the first dataset that knows it."""
    def name(kind: str, ident: str) -> str:
        for data in datasets:
            if kind == "person" and ident in data.people:
                return data.people[ident].name
            if kind == "unit" and ident in data.units:
                return data.units[ident].label
        return ident
    return name


def _word(value: str | None, kind: str, name) -> str | None:
    if value is None or not kind or value == EMPTY or name is None:
        return value
    return "、".join(name(kind, ident) for ident in value.split("、"))


def _identity(item, index: int) -> tuple[str, str]:
    """A list item's stable key part and its name in words."""
    ident = getattr(item, "id", None)
    name = getattr(item, "name", None)
    if ident:
        label = f"“{name}”" if isinstance(name, str) and name else f"“{ident}”"
        return ident, label
    for attr in ("leader", "person", "year", "level", "place", "indicator", "name", "kind"):
        value = getattr(item, attr, None)
        if value:
            return f"{attr}={value}", f"“{value}”"
    return str(index), f"第{index}项"


def _walk(record, key: str, label: str, out: dict) -> None:
    for f in declared_fields(type(record)):
        spec = f.metadata["spec"]
        value = getattr(record, f.name)
        fkey, flabel = f"{key}/{f.name}", f"{label}·{f.metadata['key']}" if label else f.metadata["key"]
        if isinstance(spec, Record) and value is not None:
            _walk(value, fkey, flabel, out)
        elif isinstance(spec, ListOf) and isinstance(spec.item, Record):
            for index, item in enumerate(value, 1):
                ident, name = _identity(item, index)
                _walk(item, f"{fkey}/{ident}", f"{flabel}{name}", out)
        else:
            out[fkey] = [flabel, _text(value, spec), _ref_kind(spec)]


def _file(record) -> str:
    return record.pos.file if record.pos is not None else ""


def records_by_file(data, files: set[str] | None = None) -> dict[str, list[tuple[str, str, object]]]:
    """The public records of each data file as (key, label, record); no key person enters.

    A list file gives one record per item; a file of settings is one record.
    With `files`, only those files' records.
    """
    groups: dict[str, list] = {}
    sections = [
        ("enterprise", data.enterprise), ("responsibilities", data.responsibilities),
        ("key-groups", data.key_groups), ("emergency", data.emergency), ("procedure", data.procedure),
        ("reception", data.reception), ("holidays", data.holidays), ("partners", data.partners),
    ]
    for key, record in sections:
        if files is None or _file(record) in files:
            groups.setdefault(_file(record), []).append((key, "", record))
    for kind, label, items in (("unit", "单位", data.units.values()), ("person", "人员", data.people.values()),
                               ("risk", "隐患", data.risks), ("campaign", "专项排查", data.campaigns),
                               ("contact", "外部联系单位", data.contacts)):
        for index, item in enumerate(items, 1):
            if files is None or _file(item) in files:
                ident, name = _identity(item, index)
                groups.setdefault(_file(item), []).append((f"{kind}/{ident}", f"{label}{name}", item))
    return groups


def facts(key: str, label: str, record) -> dict[str, list[str]]:
    """One record's facts: key → [label, value, ref kind]."""
    found: dict = {}
    _walk(record, key, label, found)
    return found


def snapshot_by_file(data, files: set[str] | None = None) -> dict[str, dict]:
    """Every public fact, grouped by the data file it was read from (see `records_by_file`)."""
    return {file: {k: v for key, label, record in records for k, v in facts(key, label, record).items()}
            for file, records in records_by_file(data, files).items()}


def snapshot(data, files: set[str] | None = None) -> dict[str, list[str]]:
    """All facts of `snapshot_by_file` in one dict, sorted by key."""
    return dict(sorted(kv for group in snapshot_by_file(data, files).values() for kv in group.items()))


def diff(old: dict, new: dict, name=None) -> list[Change]:
    """The changes from `old` to `new`, IDs worded with `name` (see `namer`).

    A record added or removed whole is one change ("新增 隐患“X”：…"), not one per field.
    """
    added = _records(new) - _records(old)
    removed = _records(old) - _records(new)
    changes, whole = [], {}
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before and after and before[1] == after[1]:
            continue
        if (before or after)[1] == EMPTY and not (before and after):
            continue  # an empty field is one not written: a field the model newly has is no change
        record = _record_of(key)
        if record in added or record in removed:
            whole.setdefault(record, []).append(after or before)
            continue
        label = (after or before)[0]
        kind = (after or before)[2] if len(after or before) > 2 else ""
        changes.append(Change(key, label, _word(before[1], kind, name) if before else None,
                              _word(after[1], kind, name) if after else None))
    for record, facts in whole.items():
        label, brief = facts[0][0].split("·", 1)[0], _brief(record, facts)
        changes.append(Change(record, label, None, brief) if record in added else Change(record, label, brief, None))
    return sorted(handovers(changes, name), key=lambda change: change.key)


@dataclass(frozen=True)
class Handover:
    """Someone left (离任日期 set) and someone else took over their roles: one change, not one per role."""

    key: str
    leaving: str
    successor: str
    day: str
    roles: tuple[str, ...]

    def __str__(self) -> str:
        shown = "、".join(self.roles[:5]) + ("等" if len(self.roles) > 5 else "")
        return (f"人员交接：{self.leaving} {self.day} 离任，{self.successor} 接任其 {len(self.roles)} 项职务"
                f"（{shown}）")


_LEFT = re.compile(r"^人员“(?P<name>.+)”·离任日期$")
_KEYED = re.compile(r"“(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)”")


def handovers(found: list[Change], name=None) -> list:
    """`found` with each handover's changes (generate.py handover, or the same by hand) folded into one."""
    for left in [c for c in found if _LEFT.match(c.label) and c.old in (None, EMPTY) and c.new not in (None, EMPTY)]:
        leaving, leaver_id = _LEFT.match(left.label).group("name"), left.key.split("/")[1]
        successors = collections.Counter(c.new for c in found if c.old == leaving and c.new)
        if not successors:
            continue  # left without a successor: the roles' own changes say what happened
        successor = successors.most_common(1)[0][0]

        def keyed_by(change: Change) -> str | None:  # a record keyed by a person's ID, e.g. 接访规则“wang-jun”
            match = _KEYED.search(change.label)
            return match.group("id") if match else None

        part = [c for c in found if c is not left and (
            (c.old and leaving in c.old.split("、") and (c.new is None or leaving not in c.new.split("、")))
            or keyed_by(c) == leaver_id
            or (c.old is None and keyed_by(c) and name and name("person", keyed_by(c)) == successor))]
        roles = list(dict.fromkeys(_KEYED.sub("", c.label).split("·")[0] if keyed_by(c) else c.label for c in part))
        found = [c for c in found if c is not left and c not in part]
        found.append(Handover(left.key, leaving, successor, left.new, tuple(roles)))
    return found


# Facts of these kinds belong to a list record, keyed "<kind>/<ID or identity>/<field>…".
RECORD_KINDS = ("unit", "person", "risk", "campaign", "contact")
# The YAML keys that best say what a whole new or removed record is, in order of preference.
BRIEF_KEYS = ("问题描述", "职务", "名称", "姓名")


def _record_of(key: str) -> str | None:
    kind, _, rest = key.partition("/")
    return f"{kind}/{rest.split('/', 1)[0]}" if kind in RECORD_KINDS else None


def _records(facts: dict) -> set[str]:
    return {_record_of(key) for key in facts} - {None}


def _brief(record: str, facts: list) -> str:
    values = {fact[0].rsplit("·", 1)[-1]: fact[1] for fact in facts}
    return next((values[key] for key in BRIEF_KEYS if values.get(key) not in (None, EMPTY)),
                record.split("/", 1)[1])


def dumps(snap: dict) -> bytes:
    """Compact UTF-8 JSON with sorted keys (json.dumps's bytes, several times faster: a first
    build of a national group stores the facts of 300,000 records)."""
    return orjson.dumps(snap, option=orjson.OPT_SORT_KEYS)

