"""Validation rules that need more than a text patch: warnings, size limits,
encodings, Python tags, several errors at once. Exact messages as the CLI prints them."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from datacase import apply_patch, check, mini_copy
from xinfang import yamlio

SUMMARY_TAIL = "处错误，未生成任何文件（原有输出保持不变）。"


def patch(data: Path, file: str, find: str, replace: str) -> None:
    apply_patch(data, {"file": file, "find": find, "replace": replace})


def test_overdue_open_entry_is_a_warning_not_an_error(tmp_path, capsys):
    data = mini_copy(tmp_path)
    patch(data, "risks/yi-kuang.yaml", "化解时限: 2026-09-30", "化解时限: 2026-06-20")
    result = check(data, capsys)
    assert result.code == 0
    assert result.stderr.splitlines() == [
        "警告：risks/yi-kuang.yaml:11:11  隐患[1].化解时限: 隐患“yk-001”已超过化解时限（2026-06-20）仍未销号",
    ]
    assert "警告 1 条" in result.stdout


def test_closed_entry_past_deadline_is_not_overdue(tmp_path, capsys):
    # yk-002's deadline (2026-06-20) is before the data date, but it is closed.
    result = check(mini_copy(tmp_path), capsys)
    assert result.code == 0 and result.stderr == ""


def test_every_error_reported_in_one_pass(tmp_path, capsys):
    data = mini_copy(tmp_path)
    patch(data, "units.yaml", "类型: 二级单位", "类型: 二级")
    patch(data, "units.yaml", "    信访电话: 0373-3512110\n", "    信访电话: 3512110\n")
    patch(data, "people.yaml", "手机: 13903731234", "手机: 139")
    patch(data, "risks/yi-kuang.yaml", "涉及人数: 3", "涉及人数: 三")
    patch(data, "risks/yi-kuang.yaml", "责任人: zhou-wu", "责任人: zhou-liu")
    result = check(data, capsys)
    assert result.code == 2
    assert result.problems == [
        "people.yaml:17:9  人员[3].手机: “139”不是有效的电话号码：手机号应为 11 位数字，以 1 开头（如 13903921234）",
        "risks/yi-kuang.yaml:9:10  隐患[1].责任人: 引用的人员“zhou-liu”不存在，是否应为“zhou-wu”（周五）？",
        "risks/yi-kuang.yaml:19:11  隐患[2].涉及人数: 应为整数，却是“三”",
        "units.yaml:10:11  单位[1].信访电话: “3512110”不是有效的电话号码：座机号应写作“区号-号码”（如 0392-3312001）",
        "units.yaml:20:9  单位[3].类型: “二级”不是允许的值（可选：企业、职能部门、二级单位、基层单位、班组），是否应为“二级单位”？",
    ]
    assert result.stderr.splitlines()[-1] == f"数据有 5 {SUMMARY_TAIL}"


def test_oversized_file_refused_through_cli(tmp_path):
    data = mini_copy(tmp_path)
    text = (data / "procedure.yaml").read_text(encoding="utf-8")
    # Valid YAML padded with a comment, one byte over the limit.
    padding = yamlio.MAX_FILE_BYTES + 1 - len(text.encode()) - 2
    (data / "procedure.yaml").write_text(text + "#" + "x" * padding + "\n", encoding="utf-8")
    assert (data / "procedure.yaml").stat().st_size == yamlio.MAX_FILE_BYTES + 1
    proc = run_cli("check", "--quiet", "--data", str(data), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == "procedure.yaml  文件过大（16.0 MB），单个数据文件不得超过 16 MB"


def test_oversized_file_limit_is_what_counts(tmp_path, capsys, monkeypatch):
    data = mini_copy(tmp_path)
    size = (data / "units.yaml").stat().st_size
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", size - 1)
    result = check(data, capsys)
    assert result.code == 2
    assert result.problems == [f"units.yaml  文件过大（{size / 1024 / 1024:.1f} MB），单个数据文件不得超过 0 MB"]
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", size)
    # A fresh --out: the parse cache is keyed by file bytes, not by the limit.
    assert check(data, capsys, "--out", str(tmp_path / "out2")).code == 0


def test_non_utf8_byte_located_by_line_and_column(tmp_path, capsys):
    data = mini_copy(tmp_path)
    path = data / "procedure.yaml"
    # Only the third line is GBK. Its first character, 时 (CA B1), happens to be valid
    # UTF-8 too; 限 (CF DE) is not, and the report points at that byte.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    raw = "".join(lines[:2]).encode("utf-8") + "".join(lines[2:]).encode("gbk")
    path.write_bytes(raw)
    result = check(data, capsys)
    assert result.problems == ["procedure.yaml:3:7  文件不是 UTF-8 编码（请在编辑器中以 UTF-8 格式另存）"]


def test_python_tags_never_execute(tmp_path, capsys):
    """A tag that would create a file, in every position a user could put it."""
    data = mini_copy(tmp_path)
    marker = tmp_path / "hacked"
    touch = f'!!python/object/apply:os.system ["touch {marker}"]'
    patch(data, "procedure.yaml", "    说明: 登记信访事项。\n", f"    说明: {touch}\n")
    patch(data, "units.yaml", "    名称: 党群工作部\n", f"    名称: !!python/object/apply:os.system\n      - touch {marker}\n")
    patch(data, "key-groups.yaml", "分类稳控:", f"x: {touch}\n分类稳控:")
    (data / "contacts.yaml").write_text(f"--- {touch}\n", encoding="utf-8")
    (data / "risks" / "cai-yi-dui.yaml").write_text(
        f"!!python/object/new:subprocess.Popen [[touch, {marker}]]\n", encoding="utf-8")
    result = check(data, capsys)
    proc = run_cli("check", "--quiet", "--data", str(data), "--out", str(tmp_path / "out"))
    assert not marker.exists()
    assert result.code == proc.returncode == 2
    assert "Traceback" not in result.stderr + proc.stderr
    assert result.problems == [
        "contacts.yaml:1:5  应为键值对（“键: 值”），却是列表",
        "key-groups.yaml:1:1  x: 未知的键“x”",
        "procedure.yaml:4:9  办理流程[1].说明: 应为文本，却是列表",
        "risks/cai-yi-dui.yaml:1:1  应为键值对（“键: 值”），却是列表",
        "units.yaml:12:9  单位[2].名称: 应为文本，却是列表",
    ]


def test_python_scalar_tag_is_only_text(tmp_path, capsys):
    # A scalar with a Python tag is read as the plain text it spells; no import happens.
    data = mini_copy(tmp_path)
    patch(data, "procedure.yaml", "说明: 登记信访事项。", "说明: !!python/name:os.system 登记")
    result = check(data, capsys)
    assert result.code == 0, result.stderr


def test_control_characters_refused_but_tabs_and_newlines_kept(tmp_path, capsys):
    data = mini_copy(tmp_path)
    patch(data, "procedure.yaml", "说明: 登记信访事项。", '说明: "登记\\t信访\\n事项。\\x0b"')
    result = check(data, capsys)
    assert result.problems == ["procedure.yaml:4:9  办理流程[1].说明: 含有文档无法保存的控制字符（U+000B），请删除"]
    patch(data, "procedure.yaml", '\\x0b"', '"')
    assert check(data, capsys).code == 0


def test_id_escaping_the_folder_refused_everywhere(tmp_path, capsys):
    data = mini_copy(tmp_path)
    patch(data, "people.yaml", "  - 编号: wu-liu\n",
          "  - 编号: ../../etc/passwd\n    姓名: 某\n    职务: 某\n    单位: hq\n  - 编号: wu-liu\n")
    patch(data, "risks/yi-kuang.yaml", "单位: yi-kuang", "单位: ../yi-kuang")
    result = check(data, capsys)
    hint = "只能由小写英文字母、数字和连字符组成（如 yi-kuang），不能含空格、汉字、“/”或“.”"
    assert result.problems == [
        f"people.yaml:26:9  人员[6].编号: 编号“../../etc/passwd”无效：{hint}",
        f"risks/yi-kuang.yaml:1:5  单位: 编号“../yi-kuang”无效：{hint}",
    ]


def test_missing_data_folder(tmp_path, capsys):
    result = check(tmp_path / "nowhere", capsys)
    assert result.code == 2
    assert result.problems == [f"{tmp_path / 'nowhere'}  数据目录不存在"]
