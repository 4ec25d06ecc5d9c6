"""From a returned file's rows to the changes it asks for: new entries, progress notes, field changes, conflicts.

A field counts as changed by the unit when its cell differs from the value the
workbook was issued with (kept on its hidden sheet). When the office changed the
same field since then, to something else, that is a conflict: reported with the
three values and left as the office has it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from ..forms.return_workbook import covered_units
from . import cells
from .columns import (BY_HEADER, CAMPAIGN, CHOICE, COLUMNS, DATE, ENTRY_SHEET, FORM_NAME, FORMAT_VERSION, ID,
                      INT, PERSON, PROGRESS_DATE, PROGRESS_NOTE, TEXT, column_letter)
from ..errors import Pos, Problem
from .reader import ReturnFile, Row
from .values import digest, fields_of

DEFAULTS = {"状态": "在办", "排查方式": "日常排查"}


def problem(file: str, ref: str, field: str, message: str) -> Problem:
    """A problem of a returned file, located as `文件名 工作表!单元格` (a DOCX: its table, row and column)."""
    return Problem(Pos(f"{file} {ref}".strip()), field, message)


@dataclass
class EntryPlan:
    """What one row asks for: a new entry, or changes to an existing one."""

    row: Row
    unit: str  # the unit whose risk file holds (or will hold) the entry
    ident: str  # "" for a new entry until numbered
    new: bool
    fields: dict  # new: every field; existing: the fields to change (canonical values)
    before: dict = field(default_factory=dict)  # existing: each changed field's current value
    notes: list = field(default_factory=list)  # progress notes to append: (date, text)
    merged: dict = field(default_factory=dict)  # every field after the change, for validation
    failed: set = field(default_factory=set)  # headers whose cells could not be read (already reported)


@dataclass
class Conflict:
    ident: str
    key: str
    issued: object
    office: object
    unit: object
    ref: str


@dataclass
class ReturnPlan:
    file: ReturnFile
    unit: object  # model.Unit
    entries: list[EntryPlan] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class People:
    """Resolves what a unit wrote for a person: an ID, "姓名（职务）", "姓名（职务，单位）" or a unique name."""

    LABEL = re.compile(r"^(?P<name>[^（(]+)[（(](?P<post>[^，,）)]*)(?:[，,](?P<unit>[^）)]*))?[）)]$")

    def __init__(self, data):
        self.data = data
        self.by_name: dict[str, list] = {}
        self.by_label: dict[str, list] = {}  # both labels a workbook may offer, exactly as offered
        for person in sorted(data.people.values(), key=lambda p: p.id):
            self.by_name.setdefault(person.name, []).append(person)
            unit = data.units[person.unit].label
            for label in (f"{person.name}（{person.post}）", f"{person.name}（{person.post}，{unit}）"):
                self.by_label.setdefault(label, []).append(person)
        self.known: dict[str, str] = {}  # what was written → ID, for the many rows naming the same people

    def resolve(self, written: str) -> str:
        if written in self.data.people:
            return written
        if written not in self.known:
            self.known[written] = self._resolve(written)
        return self.known[written]

    def _resolve(self, written: str) -> str:
        # A label picked from the list is matched whole: a post may hold brackets of its own.
        found = self.by_label.get(written.strip()) or self._typed(written)
        if len(found) == 1:
            return found[0].id
        if not found:
            raise cells.CellError(f"人员“{written}”不存在（请从下拉列表中选择；新来的人员须先加入 people.yaml）")
        options = "；".join(f"{p.name}（{p.post}，{self.data.units[p.unit].label}）" for p in found)
        raise cells.CellError(f"“{written}”有 {len(found)} 人同名，请写明是哪一位：{options}")

    def _typed(self, written: str) -> list:
        """The people a typed name fits: "姓名", "姓名(职务)" or "姓名（职务，单位）", brackets of either width."""
        match = self.LABEL.match(written)
        name = (match.group("name") if match else written).strip()
        found = self.by_name.get(name, [])
        if match and len(found) > 1:
            found = [p for p in found if p.post == match.group("post").strip()] or found
            if match.group("unit") and len(found) > 1:
                found = [p for p in found if self.data.units[p.unit].label == match.group("unit").strip()] or found
        return found


def locate(return_file: ReturnFile, row: Row, header: str) -> str:
    """Where a column's cell of the row is, also when it is empty."""
    if header in row.cells:
        return row.cells[header].ref
    if return_file.kind == "xlsx":
        return f"{ENTRY_SHEET}!{column_letter(header)}{row.number}"
    return row.first_ref


def find_unit(data, return_file: ReturnFile, problems: list, labels: set[str]):
    """The unit a return belongs to: its hidden sheet for workbooks, its 填报单位 for DOCX ledgers."""
    name = return_file.name
    if return_file.kind == "docx":
        wanted = return_file.unit_label
        found = [u for u in data.units.values() if wanted in (u.name, u.label)]
        if len(found) != 1:
            problems.append(problem(name, "填报单位", "", f"找不到填报单位“{wanted}”（应为 units.yaml 中的单位名称）"))
            return None
        return found[0]
    meta = return_file.meta
    if meta.get("表格") != FORM_NAME:
        problems.append(problem(name, "", "", f"不是{FORM_NAME}（可能是其他表格的工作簿），无法导入"))
        return None
    if meta.get("格式版本") != str(FORMAT_VERSION):
        problems.append(problem(name, "", "", f"报送表的格式版本“{meta.get('格式版本')}”无法识别"
                                              f"（本工具为第 {FORMAT_VERSION} 版）：请使用信访办公室最新下发的报送表"))
        return None
    unit = data.units.get(meta.get("单位编号", ""))
    if unit is None:
        problems.append(problem(name, "", "", f"报送表所属单位“{meta.get('单位编号')}”在 units.yaml 中不存在"))
        return None
    named = name.split(f"-{FORM_NAME}", 1)[0] if f"-{FORM_NAME}" in name else None
    if named and named != unit.label and named in labels:
        problems.append(problem(name, "", "", f"文件名表明是{named}的报送表，内容却是{unit.label}的"
                                              f"（是否把其他单位的报送表改了名？）"))
        return None
    return unit


def plan_return(data, return_file: ReturnFile, unit, problems: list, people: "People") -> ReturnPlan:
    plan = ReturnPlan(return_file, unit)
    name = return_file.name
    problems += [problem(name, ref, f, message) for ref, f, message in return_file.problems]
    issued_date = return_file.meta.get("数据日期")
    if issued_date and issued_date != data.today.isoformat():
        plan.notices.append(f"此报送表按 {issued_date} 的数据下发，当前数据日期为 {data.today.isoformat()}；"
                            f"下发后办公室改过的内容以办公室为准，双方都改了的列为冲突")
    covered = {u.id for u in covered_units(data, unit)}
    campaigns = {c.name: c.id for c in data.campaigns} | {c.id: c.id for c in data.campaigns}
    own = [r for u in covered for r in data.own_risks(data.units[u])]
    by_content = {(r.description.strip(), r.registered): r for r in own}
    for row in return_file.rows:
        values, failed = _parse_row(return_file, row, people, campaigns, problems)
        ident = values.pop("编号", None) or ""
        risk = data.risk_by_id.get(ident) if ident else None
        if risk is None and not ident and values.get("问题描述") and values.get("挂号日期"):
            risk = by_content.get((values["问题描述"].strip(), dt.date.fromisoformat(values["挂号日期"])))
        if risk is not None and risk.unit not in covered:
            owner = data.units[risk.unit].label
            problems.append(problem(name, locate(return_file, row, "编号"), "编号",
                                    f"隐患“{risk.id}”属于{owner}，不能由{unit.label}的报送表修改"))
            continue
        if risk is None and ident in return_file.issued:  # issued pre-filled, since removed by the office
            plan.notices.append(f"隐患 {ident}（{locate(return_file, row, '编号')}）下发后已从数据中删除，"
                                f"单位对它的填报未导入，请与单位核实")
            continue
        if risk is None and ident and return_file.kind == "xlsx":
            problems.append(problem(name, locate(return_file, row, "编号"), "编号",
                                    f"编号“{ident}”不存在：新增隐患请将编号留空，由导入时统一编号"))
            continue
        notes = _notes(return_file, row, values, problems)
        if notes is None:
            continue
        if risk is None:
            entry = EntryPlan(row, unit.id, ident, True, {**DEFAULTS, **values}, notes=notes)
        else:
            entry = _changes(data, return_file, plan, row, risk, values, notes)
        entry.failed = failed
        if entry.new or entry.fields or entry.notes:
            plan.entries.append(entry)
    return plan


def _parse_row(return_file, row: Row, people: People, campaigns: dict, problems) -> tuple[dict, set]:
    """The row's values by header, and the headers whose cells could not be read (each reported)."""
    values, failed = {}, set()
    for header, cell in row.cells.items():
        column = BY_HEADER[header]
        try:
            value = _cell_value(column, cell.value, people, campaigns)
        except cells.CellError as exc:
            problems.append(problem(return_file.name, cell.ref, header, str(exc)))
            failed.add(header)
            continue
        if value not in (None, ""):
            values[header] = value
    return values, failed


def _cell_value(column, value, people: People, campaigns: dict):
    if column.kind == DATE:
        return None if cells.text(value) == "" else cells.as_date(value).isoformat()
    if column.kind == INT:
        return None if cells.text(value) == "" else cells.as_int(value)
    written = cells.text(value)
    if not written or column.kind in (TEXT, CHOICE, ID):
        return written
    if column.kind == PERSON:
        return people.resolve(written)
    if column.kind == CAMPAIGN:
        if written not in campaigns:
            raise cells.CellError(f"专项排查“{written}”不存在（请从下拉列表中选择）")
        return campaigns[written]
    return written  # history: shown to the unit, never read back


def _notes(return_file, row: Row, values: dict, problems) -> list | None:
    """The row's new progress note as [(date, text)], [] when none, None when half filled in."""
    day, note = values.pop(PROGRESS_DATE, None), values.pop(PROGRESS_NOTE, None)
    values.pop("已有进展", None)
    if note and not day and return_file.kind == "docx":
        match = re.match(r"^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(.*)$", note, re.S)
        if match:
            try:
                day, note = cells.as_date(match.group(1)).isoformat(), match.group(2).strip()
            except cells.CellError:
                pass
    if note and not day:
        problems.append(problem(return_file.name, locate(return_file, row, PROGRESS_DATE), PROGRESS_DATE,
                                "填写了新进展内容，还须填写进展日期"))
        return None
    if day and not note:
        problems.append(problem(return_file.name, locate(return_file, row, PROGRESS_NOTE), PROGRESS_NOTE,
                                "填写了新进展日期，还须填写进展内容"))
        return None
    return [(dt.date.fromisoformat(day), note)] if note else []


def _changes(data, return_file, plan: ReturnPlan, row: Row, risk, values: dict, notes: list) -> EntryPlan:
    """Changes a row asks of an existing entry, against what it was issued with."""
    current = fields_of(risk)
    issued = None
    if risk.id in return_file.issued:
        stored_digest, stored = return_file.issued[risk.id]
        issued = json.loads(stored)
        if digest(issued) != stored_digest:  # the hidden sheet was edited: trust nothing on it
            issued = None
    entry = EntryPlan(row, risk.unit, risk.id, False, {})
    for column in COLUMNS:
        key = column.key
        if not key or key == "编号" or (not column.editable and return_file.kind == "xlsx"):
            continue
        written = values.get(column.header)
        if written is None:
            continue  # an emptied cell is not a request to delete the field

        base = issued[key] if issued is not None else current[key]
        if written == base or written == current[key]:
            continue
        if issued is not None and current[key] != base:
            plan.conflicts.append(Conflict(risk.id, key, base, current[key], written,
                                           locate(return_file, row, column.header)))
            continue
        entry.fields[key], entry.before[key] = written, current[key]
    known = {(p.date, p.note.strip()) for p in risk.progress}
    entry.notes = [(day, note) for day, note in notes if (day, note.strip()) not in known]
    return entry
