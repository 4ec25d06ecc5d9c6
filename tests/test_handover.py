"""`generate.py handover`: preview and --apply agree, comments and untouched lines survive, reruns do nothing."""

from __future__ import annotations

import difflib
import json
import re
import signal
from pathlib import Path

import pytest

from conftest import run_cli
from datacase import check, mini_copy
from xinfang import cli, loader
from xinfang.errors import XinfangError
from xinfang.handover import carry_out, make_plan
from xinfang.textedit import Edit, EditConflict, apply

QIAN_ER_TO_SUN_SAN = """\
交接：钱二（qian-er）→ 孙三（sun-san）
campaigns.yaml
  7:11  专项排查[1].牵头领导：钱二 → 孙三
enterprise.yaml
  10:9  领导小组.副组长[1]：钱二 → 孙三
reception.yaml
  12:11  包案[1].包案领导：钱二 → 孙三
responsibilities.yaml
  12:10  责任分工[1].责任人：钱二 → 孙三
  20:11  五项责任[1].责任人[1]：钱二 → 孙三
risks/yi-kuang.yaml
  8:11  隐患[1].包案领导：钱二 → 孙三
units.yaml
  8:11  单位[1].分管领导：钱二 → 孙三
people.yaml
  11 行后  钱二：加上“离任日期: 2026-06-30”（此人保留在名单中，历史文档仍显示其姓名）"""


def handover(data: Path, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    term = signal.getsignal(signal.SIGTERM)
    try:
        code = cli.main(["handover", *args, "--data", str(data), "--out", str(data.parent / "out")])
    finally:
        signal.signal(signal.SIGTERM, term)
    out, err = capsys.readouterr()
    return code, out, err


def files(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*.yaml"))}


def commented(data: Path) -> Path:
    """The mini data with comments where the edits fall: after a value, in a flow list's line, own lines."""
    edits = {
        "units.yaml": ("    分管领导: qian-er\n", "    分管领导: qian-er     # 分管信访\n"),
        "enterprise.yaml": ("  副组长: [qian-er]\n", "  # 副组长按党委文件\n  副组长: [qian-er]   # 党委副书记\n"),
        "people.yaml": ("  - 编号: sun-san\n", "  # ---- 党群工作部 ----\n  - 编号: sun-san\n"),
    }
    for name, (old, new) in edits.items():
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
    return data


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, list[int]]]:
    """(opcode, 1-based old line numbers) of each difference between two versions of a file."""
    old, new = before.decode("utf-8").splitlines(True), after.decode("utf-8").splitlines(True)
    found = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            found.append((tag, list(range(i1 + 1, i2 + 1)) if tag != "insert" else [i1]))
    return found


def test_preview_lists_each_place_and_changes_nothing(tmp_path, capsys):
    data = mini_copy(tmp_path)
    before = files(data)
    code, out, err = handover(data, capsys, "钱二", "sun-san")
    assert code == 0, err
    assert out == QIAN_ER_TO_SUN_SAN + "\n共 8 处。以上只是预览，数据未改动；确认无误后加 --apply 执行。\n"
    assert files(data) == before


def test_apply_changes_exactly_the_previewed_lines_and_keeps_comments(tmp_path, capsys):
    data = commented(mini_copy(tmp_path))
    before = files(data)
    _, preview, _ = handover(data, capsys, "qian-er", "孙三")
    code, out, err = handover(data, capsys, "qian-er", "孙三", "--apply")
    assert code == 0, err
    assert out.startswith(preview.rsplit("\n共 ", 1)[0])  # the same plan as the preview
    after = files(data)
    planned: dict[str, list[tuple[str, list[int]]]] = {}
    current = None
    for line in preview.splitlines()[1:-1]:
        if not line.startswith("  "):
            current = line
            continue
        place = re.match(r"  (\d+)(:\d+| 行后)", line)
        kind = "insert" if place.group(2) == " 行后" else "replace"
        planned.setdefault(current, []).append((kind, [int(place.group(1))]))
    touched = {name for name in before if before[name] != after[name]}
    assert touched == set(planned)
    assert not [p for p in data.rglob("*") if p.name.endswith(".handover")]  # no staged file left
    for name in touched:
        assert changed_lines(before[name], after[name]) == planned[name], name
    units = after["units.yaml"].decode("utf-8")
    assert "    分管领导: sun-san     # 分管信访\n" in units  # the comment kept, in its column
    enterprise = after["enterprise.yaml"].decode("utf-8")
    assert "  # 副组长按党委文件\n  副组长: [sun-san]   # 党委副书记\n" in enterprise
    assert "  # ---- 党群工作部 ----\n" in after["people.yaml"].decode("utf-8")
    assert "    办公电话: 0373-3512002\n    离任日期: 2026-06-30\n" in after["people.yaml"].decode("utf-8")


def test_data_after_apply_is_valid_and_rerun_changes_nothing(tmp_path, capsys):
    data = mini_copy(tmp_path)
    assert handover(data, capsys, "qian-er", "sun-san", "--apply")[0] == 0
    result = check(data, capsys)
    assert result.code == 0, result.stderr
    assert "警告 0 条" in result.stdout  # nothing left for the one who left
    capsys.readouterr()
    assert cli.main(["who", "钱二", "--data", str(data), "--out", str(tmp_path / "out")]) == 0
    shown = capsys.readouterr().out.splitlines()
    # history keeps him in people.yaml; no role and no document (not even the unit's roster) names him
    assert shown[0] == "钱二（编号 qian-er）：党委副书记，测试能源；已于 2026-06-30 离任"
    assert shown[2:4] == ["在其他数据文件中没有出现。", "没有文档显示此人。"]
    once = files(data)
    code, out, _ = handover(data, capsys, "qian-er", "sun-san", "--apply")
    assert code == 0
    assert out == "交接：钱二（qian-er）→ 孙三（sun-san）\n钱二已没有需要交接的职务，数据无需改动。\n"
    assert files(data) == once


def test_successor_already_in_a_list_is_not_listed_twice_and_closed_entries_keep_their_person(tmp_path, capsys):
    data = mini_copy(tmp_path)
    code, out, _ = handover(data, capsys, "wu-liu", "zhou-wu", "--apply")
    assert code == 0
    assert "  13:21  包案[1].专班成员[2]：删去吴六（周五已在此列表中）" in out.splitlines()
    assert out.splitlines()[-3:-1] == ["不改动（已销号的隐患属历史记录，仍写原来的人）：",
                                       "  risks/yi-kuang.yaml:21:10  隐患[2].责任人"]
    text = (data / "reception.yaml").read_text(encoding="utf-8")
    assert "    专班成员: [zhou-wu]\n" in text
    ledger = (data / "risks/yi-kuang.yaml").read_text(encoding="utf-8")
    assert "    责任人: wu-liu\n" in ledger  # yk-002 is closed: history keeps who handled it
    result = check(data, capsys)
    assert result.code == 0 and "警告 0 条" in result.stdout, result.stderr


def test_new_successor_is_added_to_people_after_the_one_leaving(tmp_path, capsys):
    data = mini_copy(tmp_path)
    args = ("qian-er", "wang-jun", "--name", "王军", "--post", "党委副书记", "--unit", "hq",
            "--mobile", "13903731999", "--office-phone", "0373-3512009")
    code, preview, err = handover(data, capsys, *args)
    assert code == 0, err
    assert "  11 行后  新增人员 王军（wang-jun）：党委副书记，测试能源" in preview.splitlines()
    (data / "schema").mkdir()
    assert handover(data, capsys, *args, "--apply")[0] == 0
    schema = json.loads((data / "schema" / "units.schema.json").read_text(encoding="utf-8"))
    assert {"wang-jun", "王军"} <= set(schema["$defs"]["人员"]["examples"])  # offered to the editor at once
    people = (data / "people.yaml").read_text(encoding="utf-8")
    assert ("    办公电话: 0373-3512002\n    离任日期: 2026-06-30\n\n  - 编号: wang-jun\n    姓名: 王军\n"
            "    职务: 党委副书记\n    单位: hq\n    办公电话: 0373-3512009\n    手机: 13903731999\n"
            "  - 编号: sun-san\n") in people
    new = loader.load(data)
    assert new.people["wang-jun"].name == "王军"
    assert sorted(u.path for u in new.uses if u.person == "wang-jun") == [
        "专项排查[1].牵头领导", "五项责任[1].责任人[1]", "包案[1].包案领导", "单位[1].分管领导",
        "责任分工[1].责任人", "隐患[1].包案领导", "领导小组.副组长[1]"]
    once = files(data)
    assert handover(data, capsys, *args, "--apply")[0] == 0  # the same command again: nothing to do
    assert files(data) == once


def test_a_place_that_names_by_name_gets_the_successors_name(tmp_path, capsys):
    data = mini_copy(tmp_path)
    units = data / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("分管领导: qian-er", "分管领导: 钱二"), encoding="utf-8")
    assert handover(data, capsys, "钱二", "孙三", "--apply")[0] == 0
    assert "    分管领导: 孙三\n" in units.read_text(encoding="utf-8")
    assert "    包案领导: sun-san\n" in (data / "risks/yi-kuang.yaml").read_text(encoding="utf-8")


def test_a_person_named_through_an_alias_is_replaced_once_at_the_anchor(tmp_path, capsys):
    data = mini_copy(tmp_path)
    path = data / "emergency.yaml"
    text = path.read_text(encoding="utf-8").replace("总指挥: zhao-yi", "总指挥: &chief zhao-yi")
    path.write_text(text.replace("主任: sun-san", "主任: *chief"), encoding="utf-8")
    code, out, err = handover(data, capsys, "zhao-yi", "qian-er", "--apply")
    assert code == 0, err
    assert "  2:8  应急指挥部.总指挥：赵一 → 钱二" in out.splitlines()
    text = path.read_text(encoding="utf-8")
    assert "总指挥: &chief qian-er" in text and "主任: *chief" in text


def test_some_roles_only_and_the_person_stays(tmp_path, capsys):
    data = mini_copy(tmp_path)
    code, out, _ = handover(data, capsys, "qian-er", "sun-san", "--role", "隐患", "--role", "包案", "--apply")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("  ")] == [
        "  12:11  包案[1].包案领导：钱二 → 孙三", "  8:11  隐患[1].包案领导：钱二 → 孙三"]
    assert "离任日期" not in (data / "people.yaml").read_text(encoding="utf-8")
    assert sum(u.person == "qian-er" for u in loader.load(data).uses) == 5


@pytest.mark.parametrize("args, message", [
    (("qian-er", "wang-jun", "--name", "王军", "--unit", "nowhere", "--mobile", "139"),
     "错误：新增人员须给出 --post 职务；单位“nowhere”不存在（填 units.yaml 中的单位编号）；"
     "手机号“139”无效：应为 11 位数字，以 1 开头"),
    (("qian-er", "王军"), "错误：people.yaml 中没有编号或姓名为“王军”的人员。请用 people.yaml 中的编号或姓名查询。"),
    (("qian-er", "钱二"), "错误：离任人和接任人是同一人"),
    (("qian-er", "sun-san", "--role", "财务"),
     "错误：无效的职务类别“财务”（可选：领导小组、领导小组办公室、单位、责任、接访、包案、专项排查、应急、隐患、重点人员、联席会议）"),
    (("qian-er", "sun-san", "--name", "王军"), "错误：编号“sun-san”已是 people.yaml 中的“孙三”；新增人员请另取编号"),
    (("qian-er", "sun-san", "--role", "包案", "--date", "2026-06-01"),
     "错误：只交接部分职务（--role）时此人并未离任，不能同时写 --date 离任日期"),
])
def test_bad_requests_are_chinese_errors_and_touch_nothing(tmp_path, capsys, args, message):
    data = mini_copy(tmp_path)
    before = files(data)
    code, out, err = handover(data, capsys, *args, "--apply")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == message
    assert files(data) == before


def test_a_file_changed_after_planning_is_not_overwritten(tmp_path):
    data = mini_copy(tmp_path)
    plan = make_plan(loader.load(data), data, "qian-er", "sun-san")
    units = data / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("分管领导: qian-er", "分管领导: li-si"),
                     encoding="utf-8")
    before = files(data)
    with pytest.raises(XinfangError, match="units.yaml 在读取后被改动过"):
        carry_out(data, tmp_path / "out", plan)
    assert files(data) == before


def test_handover_through_a_real_process(tmp_path):
    data = mini_copy(tmp_path)
    proc = run_cli("handover", "qian-er", "--data", str(data))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "错误：handover 命令需要两个参数：离任人和接任人（姓名或编号），如 generate.py handover 赵国强 王军")
    proc = run_cli("handover", "qian-er", "sun-san", "--date", "2026-13-01", "--data", str(data))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "错误：参数 --date: “2026-13-01”不是有效日期，日期应写作 YYYY-MM-DD，如 2026-12-01")
    proc = run_cli("handover", "qian-er", "sun-san", "--apply", "--data", str(data), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1].startswith("已交接，修改了 7 个文件：")


# --- the text edits behind --apply -------------------------------------------

@pytest.mark.parametrize("line, edit, result", [
    ("a: [x, old, y]\n", Edit(1, 8, "old", action="remove"), "a: [x, y]\n"),
    ("a: [x, old]\n", Edit(1, 8, "old", action="remove"), "a: [x]\n"),
    ("a: [old]\n", Edit(1, 5, "old", action="remove"), "a: []\n"),
    ("a: 'old'  # c\n", Edit(1, 4, "old", "newer"), "a: 'newer' # c\n"),
    ("a: old      # c\n", Edit(1, 4, "old", "newer"), "a: newer    # c\n"),
    ("a: older  # c\n", Edit(1, 4, "older", "new"), "a: new    # c\n"),
    ("a: \"old\"\n", Edit(1, 4, "old", "new"), "a: \"new\"\n"),
    ("a: old\r\n", Edit(1, 4, "old", "new"), "a: new\r\n"),
    ("a: &boss old\n", Edit(1, 4, "old", "new"), "a: &boss new\n"),
])
def test_text_edits(line, edit, result):
    assert apply(line, [edit]) == result


def test_block_list_item_removed_with_its_line_only():
    text = "a:\n  - x\n  - old   # gone\n  # kept\n  - y\n"
    assert apply(text, [Edit(3, 5, "old", action="remove")]) == "a:\n  - x\n  # kept\n  - y\n"


def test_edit_refuses_text_that_is_not_what_it_expects():
    with pytest.raises(EditConflict):
        apply("a: older\n", [Edit(1, 4, "old", "new")])


@pytest.mark.slow  # two builds, a handover and a diff, each a CLI process
def test_the_change_list_words_a_handover_as_one_change(tmp_path):
    from conftest import copy_data
    data, out = copy_data(tmp_path), tmp_path / "build"
    assert run_cli("forms", "--data", str(data), "--out", str(out), "--quiet").returncode == 0
    assert run_cli("handover", "赵国强", "李文斌", "--apply", "--data", str(data), "--out", str(out)).returncode == 0
    assert run_cli("forms", "--data", str(data), "--out", str(out), "--quiet").returncode == 0
    lines = (out / "变更清单.txt").read_text("utf-8").splitlines()
    assert lines[2:4] == [
        "数据变化 1 处：",
        "  - 人员交接：赵国强 2026-11-20 离任，李文斌 接任其 9 项职务"
        "（应急指挥部·总指挥、领导小组·组长、包案、接访规则、责任分工等）",
    ]
    from conftest import DATA
    shown = run_cli("diff", str(DATA), str(data)).stdout.splitlines()  # diff words it the same
    assert shown[1] == lines[3]


def test_a_handover_folds_only_the_leavers_roles():
    from xinfang.changes import Change, handovers
    found = [Change("person/p1/离任日期", "人员“甲”·离任日期", "（空）", "2026-11-20"),
             Change("enterprise/组长", "领导小组·组长", "甲", "乙"),
             Change("reception/甲规则", "接访规则“p1”·周期", "每月", None),
             Change("reception/乙规则", "接访规则“p2”·周期", None, "每月"),
             Change("units/u1/电话", "单位“一矿”·电话", "0373-1", "0373-2")]
    folded = handovers(found, lambda kind, ident: {"p1": "甲", "p2": "乙"}[ident])
    assert [str(c) for c in folded] == ["单位“一矿”·电话 由 0373-1 改为 0373-2",
                                         "人员交接：甲 2026-11-20 离任，乙 接任其 2 项职务（领导小组·组长、接访规则）"]
