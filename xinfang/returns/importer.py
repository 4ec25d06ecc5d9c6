"""`generate.py import`: read returned files, check every row by the data's own rules, preview, apply.

Order: load and check the data → read every file → plan each return → number new
entries → check each changed entry with the model's own record rules → edit the
risk files' text → load the whole data folder again with the edited texts in
place (the same `check` as a build) → preview, and with `apply` write the files
atomically under the build's folder lock. Any problem anywhere means nothing is
written.

A preview keeps what it checked (the edited texts and the preview) under the digest
of its inputs: the data files and the returned files, and the package's code (the
signed cache of xinfang.parsecache keys by it). `--apply` on exactly those inputs
writes the checked texts without doing the work again.
"""

from __future__ import annotations

import collections
import datetime as dt
import gc
import hashlib
import re
from pathlib import Path

import yaml

from .. import clerkchecks, loader
from ..cores import map_forked
from ..errors import DataError, Problem
from ..layout import RISKS_DIR
from ..model import RISK_RECORD
from ..outputs import locked, write_atomic
from ..parsecache import ParseCache
from ..schema import MISSING, Context
from .columns import BY_HEADER, PROGRESS_DATE, PROGRESS_NOTE
from .plan import EntryPlan, People, ReturnPlan, find_unit, locate, plan_return, problem
from .reader import ReturnFileError, read
from .values import fields_of
from .yamledit import RiskFileEditor, entry_lines, new_file

SUFFIXES = (".xlsx", ".docx")
PARALLEL_MIN_FILES = 32  # fewer returns are read sooner than workers start
WRITTEN_SHOWN = 20  # files named after applying; the preview names every unit
PREVIEWS = ".cache/import"  # under the output folder: the last preview's checked texts
NEW_FILE_HEADER = "# yaml-language-server: $schema=../schema/risks.schema.json\n# {label}信访隐患排查台账（由报送表导入时新建）\n\n"


class ImportRefused(DataError):
    """Raised when any returned file has a problem: nothing is written."""

    subject = "报送表"
    outcome = "未写入任何数据（data/ 保持不变）。"


def collect(paths: list[Path]) -> list[Path]:
    """The files named, and every .xlsx/.docx in a folder named (Office's ~$ lock files skipped)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                            and not p.name.startswith(("~$", ".")))
        else:
            found.append(path)
    return found


def run_import(paths: list[Path], *, data_dir: Path, out_dir: Path, apply: bool, reporter) -> str:
    files = collect(paths)
    if not files:
        raise ImportRefused([problem("", "", "", "没有找到要导入的报送表（.xlsx 或 .docx）")])
    # Taken before anything is read: a preview is kept under the bytes it was made from, even
    # when the data is edited while it runs.
    inputs = _inputs_digest(files, Path(data_dir))
    if apply:
        with locked(Path(out_dir)):
            saved = _previewed(inputs, Path(out_dir))
            if saved is not None:
                reporter.step("数据和报送表与上次预览时相同：直接写入预览时检查过的内容")
                return _write(saved["preview"], saved["texts"], Path(data_dir), Path(out_dir))
    reporter.step(f"读取并检查数据：{data_dir}")
    # Not pruned: the trial load of the edits below leaves its files' entries in the cache, so
    # that `--apply` after a preview, and the build after that, find them parsed already.
    data = loader.load(Path(data_dir), cache_dir=Path(out_dir) / ".cache" / "parsed", prune=False)
    gc.freeze()  # as in a build: the loaded data holds no garbage worth rescanning
    try:
        reporter.step(f"读取报送表：{len(files)} 份")
        return _import_loaded(data, files, inputs, data_dir=Path(data_dir), out_dir=Path(out_dir), apply=apply)
    finally:
        gc.unfreeze()


def _import_loaded(data, files: list[Path], inputs: str | None, *, data_dir: Path, out_dir: Path,
                   apply: bool) -> str:
    problems: list[Problem] = []
    plans = _plans(data, files, problems)
    _number(data, plans)
    for plan in plans:
        for entry in plan.entries:
            problems += _check_entry(data, plan, entry)
    if problems:
        raise ImportRefused(problems)
    texts = _edited_files(data, Path(data_dir), plans)
    _check_whole(Path(data_dir), Path(out_dir), texts, plans)
    preview = describe(data, plans)
    if not apply:
        _keep_preview(inputs, out_dir, {"preview": preview, "texts": texts})
        return preview + "\n\n以上为预览，未写入任何数据；确认无误后加 --apply 写入 data/。"
    with locked(Path(out_dir)):
        return _write(preview, texts, data_dir, out_dir)


def _write(preview: str, texts: dict[str, str], data_dir: Path, out_dir: Path) -> str:
    """Write the edited files (the caller holds the lock); the saved preview is spent."""
    for relative, text in sorted(texts.items()):
        write_atomic(data_dir / relative, text.encode("utf-8"))
    ParseCache(out_dir / PREVIEWS).prune()
    names = sorted(texts)
    written = "、".join(names[:WRITTEN_SHOWN]) + (f" 等 {len(names)} 个" if len(names) > WRITTEN_SHOWN else "")
    return (preview + f"\n\n已写入 {len(texts)} 个数据文件：{written or '（无）'}。"
            "\n请运行 generate.py 重新生成文档，并按发放清单重新下发。")


def _inputs_digest(files: list[Path], data_dir: Path) -> str | None:
    """The bytes a preview is made of: every data file, and the returned files in the order given;
    None when a file cannot be read (the full check reports it in Chinese)."""
    digest = hashlib.sha256()
    try:
        for path in sorted(data_dir.rglob("*.y*ml")):
            digest.update(f"{path.relative_to(data_dir).as_posix()}\0".encode("utf-8") + path.read_bytes())
        for path in files:
            digest.update(f"\0{path.name}\0".encode("utf-8") + path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _keep_preview(inputs: str | None, out_dir: Path, checked: dict) -> None:
    if inputs is not None:
        store = ParseCache(out_dir / PREVIEWS)
        store.put("preview", inputs, "import", checked)
        store.prune()  # only the last preview is kept


def _previewed(inputs: str | None, out_dir: Path) -> dict | None:
    """What the last preview checked, if it was made from exactly these bytes and this code."""
    if inputs is None:
        return None
    saved = ParseCache(out_dir / PREVIEWS).get("preview", inputs, "import")
    return saved if isinstance(saved, dict) and {"preview", "texts"} <= saved.keys() else None


def _plans(data, files: list[Path], problems: list[Problem]) -> list[ReturnPlan]:
    """Each file read and planned, on all cores; then, in the files' order, one return per unit."""
    people = People(data)
    labels = {unit.label for unit in data.units.values()}  # the unit a return's file name names
    plans, seen = [], {}
    read_and_planned = map_forked(lambda path: _read_and_plan(data, path, labels, people), files,
                                  min_items=PARALLEL_MIN_FILES)
    for path, (found, unit_id, plan, planned) in zip(files, read_and_planned):
        problems += found
        if unit_id is None:
            continue
        if unit_id in seen:
            label = data.units[unit_id].label
            problems.append(problem(path.name, "", "", f"与 {seen[unit_id]} 同属{label}：同一单位一次只能导入一份报送表"))
            continue
        seen[unit_id] = path.name
        problems += planned
        plan.unit = data.units[unit_id]
        plans.append(plan)
    return plans


def _read_and_plan(data, path: Path, labels: set[str], people: People) -> tuple:
    """(problems reading it, its unit's ID or None, its plan, problems of its rows) for one file.

    The plan comes back without the workbook's rows and issue record (only the rows it
    changes, in its entries) and without the unit object, so that little is sent between
    processes; _plans attaches the unit again.
    """
    found, planned = [], []
    try:
        return_file = read(path)
    except ReturnFileError as exc:
        return [problem(path.name, "", "", str(exc))], None, None, []
    unit = find_unit(data, return_file, found, labels)
    if unit is None:
        return found, None, None, []
    plan = plan_return(data, return_file, unit, planned, people)
    return_file.rows, return_file.issued, return_file.problems, plan.unit = [], {}, [], None
    return found, unit.id, plan, planned


_ID = re.compile(r"^(?P<prefix>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<year>\d{4})-(?P<number>\d+)$")


def _number(data, plans: list[ReturnPlan]) -> None:
    """Give new entries IDs in their unit's pattern (e.g. yk-2026-004), unique company-wide."""
    taken = set(data.risk_by_id) | {e.ident for p in plans for e in p.entries if e.ident}
    prefixes = collections.defaultdict(collections.Counter)
    for risk in data.risks:
        match = _ID.match(risk.id)
        if match:
            prefixes[risk.unit][match.group("prefix")] += 1
    used_elsewhere = {prefix: unit for unit, counter in prefixes.items() for prefix in counter}
    highest: dict[tuple[str, str], int] = {}  # (prefix, year) → the highest number taken
    for ident in taken:
        match = _ID.match(ident)
        if match:
            key = (match.group("prefix"), match.group("year"))
            highest[key] = max(highest.get(key, 0), int(match.group("number")))
    for plan in plans:
        for entry in plan.entries:
            if not entry.new or entry.ident:
                continue
            unit_id = entry.unit
            if prefixes[unit_id]:
                prefix = prefixes[unit_id].most_common(1)[0][0]
            else:
                initials = "".join(part[0] for part in unit_id.split("-"))
                prefix = initials if used_elsewhere.get(initials, unit_id) == unit_id else unit_id
            registered = entry.fields.get("挂号日期")
            year = registered[:4] if registered else str(data.today.year)
            number = highest.get((prefix, year), 0) + 1
            entry.ident = f"{prefix}-{year}-{number:03d}"
            highest[(prefix, year)] = number


def _check_entry(data, plan: ReturnPlan, entry: EntryPlan) -> list[Problem]:
    """The entry after the change, checked by the model's own record rules (types, values, rules);
    the data's warnings about what the unit wrote become the return's notices."""
    if entry.new:
        merged, notes = dict(entry.fields), entry.notes
    else:
        risk = data.risk_by_id[entry.ident]
        merged = {**fields_of(risk), **entry.fields}
        notes = [(p.date, p.note) for p in risk.progress] + entry.notes
    merged["编号"] = entry.ident
    entry.merged = merged
    # The entry written as the risk file would hold it, read back by the model's own record.
    text = entry_lines(_yaml_fields(merged), notes, 0)
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)).value[0]
    ctx = Context("entry")
    record = RISK_RECORD.load(node, "", ctx)
    found = []
    for rule in ctx.problems:
        header = _header_of(rule.path)
        if header not in entry.failed:  # else its cell was reported already
            found.append(problem(plan.file.name, locate(plan.file, entry.row, header), header, rule.message))
    if record is not MISSING:
        for warning in clerkchecks.future_dates([record], data.today):
            header = _header_of(warning.path)
            if header in entry.row.cells:  # about what this return wrote, not what the data held
                plan.notices.append(f"{entry.row.cells[header].ref}  {header}: {warning.message}")
    return found


def _header_of(path: str) -> str:
    """The workbook column a record path such as 风险等级 or 进展情况[2].日期 is filled in."""
    key = re.split(r"[.\[]", path)[0] if path else ""
    if key == "进展情况":
        return PROGRESS_DATE if path.endswith("日期") else PROGRESS_NOTE
    return key if key in BY_HEADER else "编号"


def _edited_files(data, data_dir: Path, plans: list[ReturnPlan]) -> dict[str, str]:
    """risks/<unit>.yaml → its new text, for every file a return changes."""
    by_unit: dict[str, list[EntryPlan]] = collections.defaultdict(list)
    for plan in plans:
        for entry in plan.entries:
            by_unit[entry.unit].append(entry)
    starts: dict[str, dict[str, int]] = collections.defaultdict(dict)  # file → {entry ID: first line}
    for risk in data.risks:
        starts[risk.pos.file][risk.id] = risk.pos.line
    texts = {}
    for unit_id, entries in sorted(by_unit.items()):
        relative = f"{RISKS_DIR}/{unit_id}.yaml"
        path = data_dir / relative
        added = [(_yaml_fields(e.fields | {"编号": e.ident}), e.notes) for e in entries if e.new]
        if not path.exists():
            header = NEW_FILE_HEADER.format(label=data.units[unit_id].label)
            texts[relative] = new_file(unit_id, header, added)
            continue
        editor = RiskFileEditor(path.read_text("utf-8-sig"), starts[relative], {e.ident for e in entries if not e.new})
        for entry in entries:
            if entry.new:
                continue
            for key, value in entry.fields.items():
                editor.set_field(entry.ident, key, _yaml_value(key, value))
            if entry.notes:
                editor.add_progress(entry.ident, entry.notes)
        if added:
            editor.add_entries(added)
        texts[relative] = editor.text()
    return texts


def _yaml_value(key: str, value):
    if key in ("化解时限", "挂号日期", "销号日期") and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _yaml_fields(fields: dict) -> dict:
    return {key: _yaml_value(key, value) for key, value in fields.items()}


def _check_whole(data_dir: Path, out_dir: Path, texts: dict[str, str], plans: list[ReturnPlan]) -> None:
    """Load the data folder as it would be after the import; the edits must say exactly what was planned."""
    try:
        after = loader.load(data_dir, cache_dir=out_dir / ".cache" / "parsed", prune=False, replaced=texts)
    except DataError as exc:
        raise ImportRefused([Problem(p.pos, p.path, f"导入后数据检查未通过：{p.message}")
                             for p in exc.problems if not p.warning]) from None
    for plan in plans:
        for entry in plan.entries:
            risk = after.risk_by_id.get(entry.ident)
            wanted = {k: v for k, v in entry.merged.items() if k != "编号"}
            if risk is None or {k: v for k, v in fields_of(risk).items() if k in wanted} != wanted or \
                    not all(any(p.date == d and p.note == n for p in risk.progress) for d, n in entry.notes):
                raise RuntimeError(f"import: the edited file does not hold entry {entry.ident} as planned")


def _shown(data, key: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if key in ("包案领导", "责任人"):
        return data.people[value].name if value in data.people else str(value)
    if key == "专项排查":
        return next((c.name for c in data.campaigns if c.id == value), str(value))
    return str(value)


def describe(data, plans: list[ReturnPlan]) -> str:
    """The preview: per unit, in the order of the returns, what the import changes."""
    lines = []
    totals = collections.Counter()
    for plan in plans:
        lines.append(f"{plan.unit.label}（{plan.file.name}）：")
        lines += [f"  注意：{notice}" for notice in plan.notices]
        if not plan.entries and not plan.conflicts:
            lines.append("  无变化（内容与现有数据相同）")
        for entry in plan.entries:
            if entry.new:
                f = entry.fields
                lines.append(f"  新增隐患 {entry.ident}（{f.get('风险等级')}，{f.get('问题类别')}，"
                             f"{f.get('涉及人数')} 人）：{_short(f.get('问题描述', ''))}")
                totals["new"] += 1
            for key, value in entry.fields.items() if not entry.new else ():
                if key == "状态" and value == "已销号":
                    closed = entry.merged.get("销号日期")
                    lines.append(f"  {entry.ident} 销号（销号日期 {closed}）")
                    totals["closed"] += 1
                    continue
                if key == "销号日期" and entry.fields.get("状态") == "已销号":
                    continue
                lines.append(f"  {entry.ident} {key} 由 {_shown(data, key, entry.before.get(key))} "
                             f"改为 {_shown(data, key, value)}")
                totals["changed"] += 1
            for day, note in entry.notes:
                lines.append(f"  {entry.ident} 新增进展：{day.isoformat()} {_short(note)}")
                totals["notes"] += 1
        for c in plan.conflicts:
            lines.append(f"  冲突 {c.ident} {c.key}（{c.ref}）：下发时为 {_shown(data, c.key, c.issued)}，"
                         f"办公室已改为 {_shown(data, c.key, c.office)}，单位填报 {_shown(data, c.key, c.unit)}；"
                         f"保留办公室的值，请与单位核实")
            totals["conflicts"] += 1
    lines.append("")
    lines.append(f"共 {len(plans)} 份报送表：新增隐患 {totals['new']} 条，新增进展 {totals['notes']} 条，"
                 f"销号 {totals['closed']} 条，修改 {totals['changed']} 处，冲突 {totals['conflicts']} 处。")
    return "\n".join(lines)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"
