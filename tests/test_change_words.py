"""The change list's wording of fields that are empty on one side only."""

from __future__ import annotations

from xinfang.changes import EMPTY, diff

BEFORE = {"person/zhao-yi/姓名": ("人员“赵一”·姓名", "赵一")}


def test_a_field_the_model_newly_has_left_empty_is_no_change():
    after = {**BEFORE, "person/zhao-yi/离任日期": ("人员“赵一”·离任日期", EMPTY)}
    assert diff(BEFORE, after) == []
    assert diff(after, BEFORE) == []


def test_a_value_written_into_a_new_field_is_a_change():
    after = {**BEFORE, "person/zhao-yi/离任日期": ("人员“赵一”·离任日期", "2026-11-20")}
    assert [str(change) for change in diff(BEFORE, after)] == ["新增 人员“赵一”·离任日期：2026-11-20"]
