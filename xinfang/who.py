"""`generate.py who`: every place the data names a person, and the documents that show them."""

from __future__ import annotations

import dataclasses
import difflib

from . import tracking
from .errors import XinfangError
from .layout import CONFIDENTIAL_DIR

SECTIONS = ("forms", "blanks")


def find_person(data, query: str):
    """The person whose ID or name is `query`; a Chinese error when none or several fit."""
    query = query.strip()
    if query in data.people:
        return data.people[query]
    named = sorted((p for p in data.people.values() if p.name == query), key=lambda p: p.id)
    if len(named) == 1:
        return named[0]
    if named:
        listed = "；".join(f"{p.id}（{p.post}，{unit_label(data, p.unit)}）" for p in named)
        raise XinfangError(f"有 {len(named)} 人都叫“{query}”：{listed}。请改用编号")
    choices = sorted(data.people) + sorted({p.name for p in data.people.values()})
    close = difflib.get_close_matches(query, choices, n=3, cutoff=0.5)
    hint = f"是否要找：{'、'.join(close)}？" if close else "请用 people.yaml 中的编号或姓名查询。"
    raise XinfangError(f"people.yaml 中没有编号或姓名为“{query}”的人员。{hint}")


def unit_label(data, unit_id: str) -> str:
    unit = data.units.get(unit_id)
    return unit.label if unit else unit_id


def records_by_path(data) -> dict[tuple[str, str], object]:
    """Every loaded record under (file, path), so a reference's path names its record."""
    found = {}

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if value.pos is not None:
                found[(value.pos.file, value.path)] = value
            for f in dataclasses.fields(value):
                if f.name != "children":
                    walk(getattr(value, f.name))

    for value in (data.enterprise, list(data.units.values()), data.responsibilities, data.emergency,
                  data.campaigns, data.reception, data.risks, data.key_persons, data.partners, data.hardship):
        walk(value)
    return found


def record_label(record, confidential: bool) -> str:
    """How a record is named in the list: its name, or its ID (only the ID for confidential records)."""
    if confidential:
        return getattr(record, "id", "") or ""
    for attr in ("short_name", "name", "id"):
        value = getattr(record, attr, None)
        if isinstance(value, str) and value:
            return value
    return ""


def where_used(data, person_id: str) -> list[str]:
    """One line per place the data names the person: file:line:column, field, and whose record."""
    records = records_by_path(data)
    closed = {(r.pos.file, r.path) for r in data.risks if r.state == "已销号"}
    lines = []
    for use in sorted(data.uses, key=lambda u: (u.pos.file, u.pos.line, u.pos.col)):
        if use.person != person_id:
            continue
        confidential = use.pos.file.startswith(f"{CONFIDENTIAL_DIR}/")
        label = ""
        parts = use.path.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            record = records.get((use.pos.file, ".".join(parts[:cut])))
            if record is not None and record_label(record, confidential):
                label = f"（{record_label(record, confidential)}）"
                break
        written = f"，写作“{use.written}”" if use.written != use.person else ""
        secret = "（涉密）" if confidential else ""
        history = "（已销号，属历史记录，交接时保留）" if (use.pos.file, parts[0]) in closed else ""
        lines.append(f"  {use.pos}  {use.path}{label}{written}{secret}{history}")
    return lines


def documents_showing(data, person_id: str) -> tuple[list[str], list[str]]:
    """The output documents (forms and blank templates) that read anything of the person,
    and those that cannot be made now (with why), so they were not looked into."""
    from .forms import jobs_for
    prefix = f"people{tracking.SEP}{person_id}{tracking.SEP}"
    found, failed = [], []
    with tracking.Tracked(data) as view:
        for section in SECTIONS:
            for job in jobs_for(section, view):
                try:
                    _, keys = tracking.capture(job.make)
                except XinfangError as exc:
                    failed.append(f"{job.path}：{exc}")
                    continue
                # Reading only the 离任日期 decides whether someone is listed, not that they are shown.
                if any(key.startswith(prefix) and key != f"{prefix}left" for key in keys):
                    found.append(job.path)
    return sorted(found), failed


def report(data, query: str) -> str:
    person = find_person(data, query)
    head = f"{person.name}（编号 {person.id}）：{person.post}，{unit_label(data, person.unit)}"
    if person.left:
        head += f"；已于 {person.left.isoformat()} 离任"
    lines = [head, f"  {person.pos}  人员信息"]
    used = where_used(data, person.id)
    lines += [f"担任或出现在以下 {len(used)} 处："] + used if used else ["在其他数据文件中没有出现。"]
    documents, failed = documents_showing(data, person.id)
    if documents:
        lines += [f"显示此人的文档 {len(documents)} 份（在输出目录中）："] + [f"  {path}" for path in documents]
    else:
        lines.append("没有文档显示此人。")
    if failed:
        lines += [f"另有 {len(failed)} 份文档现在无法生成，未能查看："] + [f"  {line}" for line in failed]
    if used and not person.left:
        lines.append(f"此人离任时，运行 generate.py handover {person.name} 接任人 交接全部职务。")
    return "\n".join(lines)
