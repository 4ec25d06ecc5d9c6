"""`generate.py handover`: move every role of a person who leaves to their successor.

A plan lists each place the data names the one leaving (except closed ledger
entries, which are history) and what it becomes; the one leaving stays in
people.yaml with a 离任日期, so archived documents keep their name. A new
successor given on the command line is added to people.yaml next to them.
The preview and --apply come from the same plan; --apply first checks the
edited data as a whole and writes nothing unless it is valid, and a second run
finds nothing left to do.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import loader
from .errors import DataError, XinfangError
from .layout import CONFIDENTIAL_DIR, RISKS_DIR
from .jsonschema import write_schemas
from .outputs import locked
from .schema import ID_RE, LANDLINE_RE, MOBILE_RE
from .textedit import Edit, EditConflict, apply
from .who import find_person, unit_label

PEOPLE_FILE = "people.yaml"
SCHEMA_DIR = "schema"  # data/schema: the editor's JSON Schemas, which list people as completions
# Role groups a clerk may name with --role: (name, file or folder, path prefix).
ROLES: list[tuple[str, str, str]] = [
    ("领导小组", "enterprise.yaml", "领导小组."),
    ("领导小组办公室", "enterprise.yaml", "领导小组办公室."),
    ("单位", "units.yaml", ""),
    ("责任", "responsibilities.yaml", ""),
    ("接访", "reception.yaml", "接访规则"),
    ("包案", "reception.yaml", "包案"),
    ("专项排查", "campaigns.yaml", ""),
    ("应急", "emergency.yaml", ""),
    ("隐患", f"{RISKS_DIR}/", ""),
    ("重点人员", f"{CONFIDENTIAL_DIR}/", ""),
    ("联席会议", "partners.yaml", ""),
]
ROLE_NAMES = [name for name, _, _ in ROLES]


@dataclass
class Newcomer:
    """A successor not yet in people.yaml, as given on the command line."""

    id: str
    name: str
    post: str
    unit: str
    office_phone: str | None = None
    mobile: str | None = None

    def yaml_lines(self, indent: str) -> list[str]:
        inner = indent + "  "
        lines = [f"{indent}- 编号: {self.id}", f"{inner}姓名: {_scalar(self.name)}",
                 f"{inner}职务: {_scalar(self.post)}", f"{inner}单位: {self.unit}"]
        if self.office_phone:
            lines.append(f"{inner}办公电话: {self.office_phone}")
        if self.mobile:
            lines.append(f"{inner}手机: {self.mobile}")
        return lines


def _scalar(text: str) -> str:
    """`text` as a YAML value: plain where that reads back as the same text, else double-quoted."""
    try:
        node = yaml.compose(f"k: {text}", Loader=yaml.SafeLoader)
        value = node.value[0][1]
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str") and value.value == text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Change:
    """One line of the preview: a place, and what happens there."""

    file: str
    line: int
    col: int
    text: str


@dataclass
class Plan:
    old: object
    joining: object  # a Person, or a Newcomer to add to people.yaml
    changes: list[Change] = field(default_factory=list)
    edits: dict[str, list[Edit]] = field(default_factory=dict)  # file → its edits
    kept: list = field(default_factory=list)  # personrefs.Use in closed ledger entries: history, left as is

    def add(self, file: str, change_text: str, edit: Edit) -> None:
        self.changes.append(Change(file, edit.line, edit.col, change_text))
        self.edits.setdefault(file, []).append(edit)


def role_of(file: str, path: str) -> str | None:
    for name, place, prefix in ROLES:
        if (file == place or (place.endswith("/") and file.startswith(place))) and path.startswith(prefix):
            return name
    return None


def make_plan(data, data_dir: Path, old: str, new: str, roles: list[str] | None = None,
              newcomer: dict | None = None, left_on: dt.date | None = None) -> Plan:
    """What handing `old`'s roles (or only `roles`) over to `new` changes, as edits per file.

    Handing over every role means `old` leaves: people.yaml records the day
    (`left_on`, by default the data date). Handing over some roles does not.
    """
    unknown = [role for role in roles or [] if role not in ROLE_NAMES]
    if unknown:
        raise XinfangError(f"无效的职务类别“{'、'.join(unknown)}”（可选：{'、'.join(ROLE_NAMES)}）")
    if roles and left_on:
        raise XinfangError("只交接部分职务（--role）时此人并未离任，不能同时写 --date 离任日期")
    leaving = find_person(data, old)
    joining = _successor(data, new, newcomer)
    if joining.id == leaving.id:
        raise XinfangError("离任人和接任人是同一人")
    plan = Plan(leaving, joining)
    closed = {(r.pos.file, r.path) for r in data.risks if r.state == "已销号"}
    wanted = [u for u in data.uses if u.person == leaving.id and (not roles or role_of(u.pos.file, u.path) in roles)]
    # An alias (*x) is reported at its anchor's place: edit each place once.
    places: dict[tuple, object] = {}
    for use in wanted:
        places.setdefault((use.pos.file, use.pos.line, use.pos.col), use)
    wanted = list(places.values())
    mine = [u for u in wanted if (u.pos.file, u.path.split(".", 1)[0]) not in closed]
    plan.kept = [u for u in wanted if u not in mine]
    held = {_list_of(u.path) for u in data.uses if u.person == joining.id} - {None}
    namesakes = sum(p.name == joining.name for p in data.people.values() if p.id != joining.id)
    for use in mine:
        parent = _list_of(use.path)
        if parent is not None and parent in held:
            edit = Edit(use.pos.line, use.pos.col, use.written, action="remove")
            text = f"{use.path}：删去{leaving.name}（{joining.name}已在此列表中）"
        else:
            # A place that names the one leaving by name names the successor by name too, if only one has it.
            by_name = use.written != use.person and not namesakes
            edit = Edit(use.pos.line, use.pos.col, use.written, joining.name if by_name else joining.id)
            text = f"{use.path}：{leaving.name} → {joining.name}"
        plan.add(use.pos.file, text, edit)
    _people_edits(data, data_dir, plan, leaving, joining, None if roles else (left_on or data.today))
    return plan


def _list_of(path: str) -> str | None:
    """The list a path's item is in ("领导小组.成员" for "领导小组.成员[3]"), or None for a single field."""
    found = re.fullmatch(r"(.*)\[\d+\]", path)
    return found.group(1) if found else None


def _successor(data, new: str, newcomer: dict | None):
    if not newcomer:
        return find_person(data, new)
    if new in data.people:
        person = data.people[new]
        if person.name != newcomer["name"]:
            raise XinfangError(f"编号“{new}”已是 people.yaml 中的“{person.name}”；新增人员请另取编号")
        return person  # added by an earlier run
    problems = []
    if not ID_RE.match(new):
        problems.append(f"编号“{new}”无效：只能由小写英文字母、数字和连字符组成（如 wang-jun）")
    for key, what in (("name", "--name 姓名"), ("post", "--post 职务"), ("unit", "--unit 单位编号")):
        if not newcomer.get(key):
            problems.append(f"新增人员须给出 {what}")
    if newcomer.get("unit") and newcomer["unit"] not in data.units:
        problems.append(f"单位“{newcomer['unit']}”不存在（填 units.yaml 中的单位编号）")
    if newcomer.get("mobile") and not MOBILE_RE.match(newcomer["mobile"]):
        problems.append(f"手机号“{newcomer['mobile']}”无效：应为 11 位数字，以 1 开头")
    if newcomer.get("office_phone") and not LANDLINE_RE.match(newcomer["office_phone"]):
        problems.append(f"办公电话“{newcomer['office_phone']}”无效：座机号应写作“区号-号码”")
    if problems:
        raise XinfangError("；".join(problems))
    return Newcomer(new, **newcomer)


def _people_edits(data, data_dir: Path, plan: Plan, leaving, joining, left_on: dt.date | None) -> None:
    """The one leaving gets a 离任日期 (`left_on`, None for a partial handover); a newcomer is added after them."""
    lines, texts = [], []
    if left_on is not None and leaving.left is None:
        lines.append(" " * (leaving.pos.col - 1) + f"离任日期: {left_on.isoformat()}")
        texts.append(f"{leaving.name}：加上“离任日期: {left_on.isoformat()}”（此人保留在名单中，历史文档仍显示其姓名）")
    if isinstance(joining, Newcomer):
        lines += [""] + joining.yaml_lines(" " * max(leaving.pos.col - 3, 0))
        texts.append(f"新增人员 {joining.name}（{joining.id}）：{joining.post}，{unit_label(data, joining.unit)}")
    if not lines:
        return
    edit = Edit(_item_end(data_dir / PEOPLE_FILE, leaving), 0, action="insert", lines=tuple(lines))
    plan.edits.setdefault(PEOPLE_FILE, []).append(edit)
    plan.changes += [Change(PEOPLE_FILE, edit.line, 0, text) for text in texts]


def _item_end(path: Path, person) -> int:
    """The last line (1-based) of the person's item in people.yaml: their last field or list entry."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    indent = person.pos.col - 1
    last = person.pos.line
    for number in range(person.pos.line, len(lines)):
        line = lines[number]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip()) < indent:
            break
        if not line.lstrip().startswith("#"):
            last = number + 1
    return last


def preview(plan: Plan) -> str:
    """The plan in Chinese, file by file."""
    lines = [f"交接：{plan.old.name}（{plan.old.id}）→ {plan.joining.name}（{plan.joining.id}）"]
    if not plan.changes:
        lines.append(f"{plan.old.name}已没有需要交接的职务，数据无需改动。")
        return "\n".join(lines)
    for file in sorted({c.file for c in plan.changes}, key=lambda f: (f == PEOPLE_FILE, f)):
        lines.append(file)
        for change in sorted((c for c in plan.changes if c.file == file), key=lambda c: (c.line, c.col)):
            where = f"{change.line}:{change.col}" if change.col else f"{change.line} 行后"
            lines.append(f"  {where}  {change.text}")
    if plan.kept:
        lines.append("不改动（已销号的隐患属历史记录，仍写原来的人）：")
        lines += [f"  {use.pos}  {use.path}" for use in plan.kept]
    return "\n".join(lines)


def edited_texts(data_dir: Path, plan: Plan) -> dict[str, str]:
    """Each file the plan touches, as it will read after the edits."""
    texts = {}
    for file, edits in plan.edits.items():
        path = data_dir / file
        text = path.read_bytes().decode("utf-8")
        try:
            texts[file] = apply(text, edits)
        except EditConflict:
            raise XinfangError(f"{file} 在读取后被改动过，请重新运行交接命令") from None
    return texts


def carry_out(data_dir: Path, out_dir: Path, plan: Plan) -> list[str]:
    """Write the plan's edits, after checking the edited data as a whole; returns the files written."""
    texts = edited_texts(data_dir, plan)
    with locked(out_dir):
        with tempfile.TemporaryDirectory() as tmp:
            trial = Path(tmp) / "data"
            shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns(SCHEMA_DIR))
            for file, text in texts.items():
                (trial / file).write_bytes(text.encode("utf-8"))
            try:
                loader.load(trial)
            except DataError as exc:
                raise XinfangError("交接后的数据不能通过检查，未做任何修改：\n" + "\n".join(
                    str(p) for p in exc.problems if not p.warning)) from None
        _replace_all({data_dir / file: text.encode("utf-8") for file, text in texts.items()})
        if isinstance(plan.joining, Newcomer) and (data_dir / SCHEMA_DIR).is_dir():
            write_schemas(data_dir / SCHEMA_DIR, loader.load(data_dir))  # the newcomer as a completion
    return sorted(texts)


def _replace_all(contents: dict[Path, bytes]) -> None:
    """Write every file beside its place first, then move them all in: an interruption while
    writing leaves the data as it was, and the moves take a moment."""
    staged = {}
    try:
        for path, content in contents.items():
            temp = path.with_name(f".{path.name}.handover")
            temp.write_bytes(content)
            staged[path] = temp
        for path, temp in staged.items():
            os.replace(temp, path)
    finally:
        for temp in staged.values():
            temp.unlink(missing_ok=True)


def run(data_dir: Path, out_dir: Path, old: str, new: str, *, apply_changes: bool, roles: list[str],
        newcomer: dict | None, left_on: dt.date | None) -> str:
    data = loader.load(data_dir)
    plan = make_plan(data, data_dir, old, new, roles, newcomer, left_on)
    text = preview(plan)
    if not plan.changes:
        return text
    if not apply_changes:
        return f"{text}\n共 {len(plan.changes)} 处。以上只是预览，数据未改动；确认无误后加 --apply 执行。"
    written = carry_out(data_dir, out_dir, plan)
    return (f"{text}\n已交接，修改了 {len(written)} 个文件：{'、'.join(written)}。"
            "重新生成文档后，变更清单会列出因此更新的文档。")
