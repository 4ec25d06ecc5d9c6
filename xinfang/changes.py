"""What changed in the data, in words: "应急指挥部·办公室·主任 由 张某 改为 李某".

The data is flattened into labelled facts (people and units named, not by ID),
two such snapshots are compared, and each change is attributed to the outputs
whose data shows its new value. Key persons are confidential and never enter a
snapshot, so snapshots may be stored next to public outputs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

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


def _text(value, spec, data) -> str:
    if value is None or value == [] or value == "":
        return EMPTY
    if isinstance(spec, ListOf):
        return "、".join(_text(v, spec.item, data) for v in value)
    if isinstance(spec, Ref):
        if spec.kind == "person" and value in data.people:
            return data.people[value].name
        if spec.kind == "unit" and value in data.units:
            return data.units[value].label
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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


def _walk(record, key: str, label: str, data, out: dict) -> None:
    for f in declared_fields(type(record)):
        spec = f.metadata["spec"]
        value = getattr(record, f.name)
        fkey, flabel = f"{key}/{f.name}", f"{label}·{f.metadata['key']}" if label else f.metadata["key"]
        if isinstance(spec, Record) and value is not None:
            _walk(value, fkey, flabel, data, out)
        elif isinstance(spec, ListOf) and isinstance(spec.item, Record):
            for index, item in enumerate(value, 1):
                ident, name = _identity(item, index)
                _walk(item, f"{fkey}/{ident}", f"{flabel}{name}", data, out)
        else:
            out[fkey] = (flabel, _text(value, spec, data))


def snapshot(data) -> dict[str, list[str]]:
    """Every public fact of the data as key → [label, value]; no key person enters."""
    out: dict = {}
    sections = [
        ("enterprise", "", data.enterprise),
        ("responsibilities", "", data.responsibilities),
        ("key-groups", "", data.key_groups),
        ("emergency", "", data.emergency),
        ("procedure", "", data.procedure),
        ("reception", "", data.reception),
        ("holidays", "", data.holidays),
    ]
    for key, label, record in sections:
        _walk(record, key, label, data, out)
    for kind, label, items in (("unit", "单位", data.units.values()), ("person", "人员", data.people.values()),
                               ("risk", "隐患", data.risks), ("campaign", "专项排查", data.campaigns),
                               ("contact", "外部联系单位", data.contacts)):
        for index, item in enumerate(items, 1):
            ident, name = _identity(item, index)
            _walk(item, f"{kind}/{ident}", f"{label}{name}", data, out)
    return {k: list(v) for k, v in sorted(out.items())}


def diff(old: dict, new: dict) -> list[Change]:
    changes = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before and after and before[1] == after[1]:
            continue
        label = (after or before)[0]
        changes.append(Change(key, label, before[1] if before else None, after[1] if after else None))
    return changes


def _strings(value, found: set) -> set:
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, found)
    elif isinstance(value, list):
        for v in value:
            _strings(v, found)
    elif value is not None:
        found.add(str(value))
    return found


def attribute(changes: list[Change], context: dict) -> list[Change]:
    """The changes whose new value this output's data shows."""
    shown = _strings(context, set())
    text = "\n".join(shown)
    return [c for c in changes if c.new not in (None, EMPTY) and (c.new in shown or (len(c.new) > 3 and c.new in text))]


def dumps(snap: dict) -> bytes:
    return json.dumps(snap, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8")

