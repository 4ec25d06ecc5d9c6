"""Text edits of risk files: the intended values land, everything else stays byte for byte."""

from __future__ import annotations

import datetime as dt

import yaml

from xinfang.returns.yamledit import RiskFileEditor, new_file

FILE = """# 说明：保留这行注释
单位: yi-kuang

隐患:
  - 编号: yk-2026-001
    问题描述: 第一条
    化解措施: |
      第一行措施
      第二行措施
    状态:
    进展情况: []
    # 条目内的注释也保留

  - 编号: yk-2026-002
    问题描述: 第二条   # 行尾注释
    进展情况:
      - 日期: 2026-11-01
        内容: 已有进展
"""


def entries(text: str) -> dict:
    return {e["编号"]: e for e in yaml.safe_load(text)["隐患"]}


def test_fields_notes_and_entries_land_and_the_rest_is_untouched():
    editor = RiskFileEditor(FILE)
    editor.set_field("yk-2026-001", "化解措施", "改写后的措施：含冒号")
    editor.set_field("yk-2026-001", "状态", "已销号")
    editor.set_field("yk-2026-001", "销号日期", dt.date(2026, 11, 19))
    editor.add_progress("yk-2026-001", [(dt.date(2026, 11, 18), "第一条的新进展")])
    editor.add_progress("yk-2026-002", [(dt.date(2026, 11, 19), "yes")])  # a word YAML would read as true
    editor.add_entries([({"编号": "yk-2026-003", "问题描述": "新增\n两行", "涉及人数": 5}, [])])
    text = editor.text()
    found = entries(text)
    first, second = found["yk-2026-001"], found["yk-2026-002"]
    assert first["化解措施"] == "改写后的措施：含冒号" and first["状态"] == "已销号"
    assert first["销号日期"] == dt.date(2026, 11, 19)
    assert first["进展情况"] == [{"日期": dt.date(2026, 11, 18), "内容": "第一条的新进展"}]
    assert second["进展情况"][-1] == {"日期": dt.date(2026, 11, 19), "内容": "yes"}
    assert found["yk-2026-003"] == {"编号": "yk-2026-003", "问题描述": "新增\n两行", "涉及人数": 5}
    for kept in ("# 说明：保留这行注释\n单位: yi-kuang\n", "    # 条目内的注释也保留\n",
                 "    问题描述: 第二条   # 行尾注释\n", "      - 日期: 2026-11-01\n        内容: 已有进展\n"):
        assert kept in text
    assert "销号日期: 2026-11-19\n    进展情况:" in text  # a new key goes where the model orders it


def test_entries_into_an_empty_list_and_a_new_file():
    text = RiskFileEditor("单位: fawu\n隐患: []\n").text()
    assert text == "单位: fawu\n隐患: []\n"
    editor = RiskFileEditor("单位: fawu\n隐患: []\n")
    editor.add_entries([({"编号": "fw-2026-002", "问题描述": "新"}, [(dt.date(2026, 11, 1), "登记")])])
    assert entries(editor.text())["fw-2026-002"]["进展情况"][0]["内容"] == "登记"
    made = new_file("caiwu", "# 财务部\n", [({"编号": "cw-2026-001", "问题描述": "新"}, [])])
    assert made.startswith("# 财务部\n单位: caiwu\n") and entries(made)["cw-2026-001"]["问题描述"] == "新"


def test_every_value_written_reads_back_as_itself():
    from xinfang.returns.yamledit import scalar
    tricky = ["一矿职工反映工资下降约8%。", "一矿: 问题", "一矿 #1", "第二条   ", "yes", "123", "2026-11-20", "~",
              "一矿\t说明", "- 列表", "“引号”开头", "一矿，[括号]", "两行\n第二行", "null", "一矿&别名", "@开头"]
    for text in tricky:
        assert yaml.safe_load("键: " + scalar(text, 0))["键"] == text, text


def _edit_third_and_append(editor: RiskFileEditor) -> str:
    editor.set_field("yk-2026-003", "状态", "已销号")
    editor.add_progress("yk-2026-003", [(dt.date(2026, 11, 20), "第三条的新进展")])
    editor.add_entries([({"编号": "yk-2026-005", "问题描述": "新增"}, [])])
    return editor.text()


def test_composing_only_the_edited_entries_edits_the_same_as_the_whole_file():
    text = FILE + """
  - 编号: yk-2026-003
    问题描述: 第三条
    状态: 化解中

  # 两条之间的注释
  - 编号: yk-2026-004
    问题描述: 第四条
"""
    starts = {"yk-2026-001": 5, "yk-2026-002": 14, "yk-2026-003": 20, "yk-2026-004": 25}
    assert all(text.split("\n")[line - 1].lstrip().startswith(f"- 编号: {i}") for i, line in starts.items())
    partial = RiskFileEditor(text, starts, {"yk-2026-003"})
    assert "yk-2026-001" not in partial.entries  # composed from the skeleton, not the whole text
    assert _edit_third_and_append(partial) == _edit_third_and_append(RiskFileEditor(text))
    # Lines that do not begin entries where the loader said: the whole text is composed instead.
    wrong = RiskFileEditor(text, {**starts, "yk-2026-003": 21}, {"yk-2026-003"})
    assert "yk-2026-001" in wrong.entries
    assert _edit_third_and_append(wrong) == _edit_third_and_append(RiskFileEditor(text))
