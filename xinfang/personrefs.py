"""References to people: written as an ID or as a unique name, resolved to IDs.

Every field that names a person (组长, 包案领导, 责任人 …) may hold the
person's ID or, where only one person has it, their name. After loading, each
reference becomes a `Use` (which person, as written, where), names are replaced
by IDs in the records, and references that fit nobody, or more than one person,
are reported in words a clerk can act on.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import NamedTuple

from .errors import Pos, Problem
from .schema import ID_RE, ListOf, Record, Ref, declared_fields

ID_CUTOFF = 0.8  # an unknown ID at least this similar to an existing one is taken for a typo
NAME_CUTOFF = 0.5


class Use(NamedTuple):
    """One place the data names a person."""

    person: str  # the person's ID
    written: str  # as the file writes it: the ID or the name
    pos: Pos
    path: str


def resolve(refs: list, people: dict, defined: set, units: dict | None = None) -> tuple[list[Use], list[Problem]]:
    """The uses of people among `refs` (kind, value, pos, path), and the problems of those that fit nobody.

    `defined` holds every person ID people.yaml defines, also those whose record
    has an error of its own (and so is not in `people`): no second message for them.
    """
    by_name: dict[str, list] = {}
    for person in sorted(people.values(), key=lambda p: p.id):
        by_name.setdefault(person.name, []).append(person)
    uses, problems = [], []
    for kind, written, pos, path in refs:
        if kind != "person":
            continue
        if written in people:
            uses.append(Use(written, written, pos, path))
            continue
        if written in defined:
            continue
        named = by_name.get(written, [])
        if len(named) == 1:
            uses.append(Use(named[0].id, written, pos, path))
        elif named:
            problems.append(Problem(pos, path, _ambiguous(written, named, units or {})))
        else:
            problems.append(Problem(pos, path, _unknown(written, people, by_name)))
    return uses, problems


def _ambiguous(name: str, named: list, units: dict) -> str:
    def unit_label(unit_id: str) -> str:
        unit = units.get(unit_id)
        return unit.label if unit else unit_id

    candidates = "；".join(f"{p.id}（{p.post}，{unit_label(p.unit)}）" for p in named)
    return f"有 {len(named)} 人都叫“{name}”：{candidates}。请改写为其中一人的编号"


def _unknown(written: str, people: dict, by_name: dict) -> str:
    if ID_RE.match(written):
        close = difflib.get_close_matches(written, sorted(people), n=1, cutoff=ID_CUTOFF)
        if close:
            return f"引用的人员“{written}”不存在，是否应为“{close[0]}”（{people[close[0]].name}）？"
        return (f"引用的人员“{written}”不存在：people.yaml 中没有这个编号。"
                "如是新来的人员，请先在 people.yaml 中添加（编号、姓名、职务、单位），再在这里引用")
    close = difflib.get_close_matches(written, sorted(by_name), n=1, cutoff=NAME_CUTOFF)
    if close:
        return f"people.yaml 中没有叫“{written}”的人员，是否应为“{close[0]}”？"
    return (f"people.yaml 中没有叫“{written}”的人员。"
            "如是新来的人员，请先在 people.yaml 中添加（编号、姓名、职务、单位），再在这里引用")


def ids_for_names(uses: list[Use]) -> dict[str, str]:
    """Name → ID for each reference written as a name."""
    return {use.written: use.person for use in uses if use.written != use.person}


def _is_person_ref(spec) -> bool:
    return isinstance(spec, Ref) and spec.kind == "person"


def rewrite(value, names: dict[str, str]) -> None:
    """Replace every person reference written as a name by the ID, in `value` and below."""
    if not names:
        return
    if isinstance(value, list):
        for item in value:
            rewrite(item, names)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for f in declared_fields(type(value)):
        spec, current = f.metadata["spec"], getattr(value, f.name)
        if current is None:
            continue
        if _is_person_ref(spec):
            setattr(value, f.name, names.get(current, current))
        elif isinstance(spec, ListOf) and _is_person_ref(spec.item):
            setattr(value, f.name, [names.get(item, item) for item in current])
        elif isinstance(spec, (Record, ListOf)):
            rewrite(current, names)
