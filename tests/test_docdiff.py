"""Wording what changed in a document from two text dumps: rows, columns, prose, dates."""

from __future__ import annotations

import datetime as dt

from xinfang import docdiff
from xinfang.docx.textdump import Dump, Row, Table

NOV20, NOV23, DEC3 = dt.date(2026, 11, 20), dt.date(2026, 11, 23), dt.date(2026, 12, 3)


def roster(*rows: list[str]) -> Dump:
    head = Row(["序号", "职责", "姓名", "办公电话"], [0, 1, 2, 3], header=True)
    body = [Row([str(i), *cells], [0, 1, 2, 3]) for i, cells in enumerate(rows, 1)]
    return Dump(["应急通讯录", "更新日期：2026年11月20日", "一、应急指挥部", Table([head, *body])])


def test_a_changed_cell_names_row_label_and_column():
    old = roster(["总指挥", "赵国强", "0373-3512001"], ["副总指挥", "李文斌", "0373-3512002"])
    new = roster(["总指挥", "赵国强", "0373-3512009"], ["副总指挥", "李文斌", "0373-3512002"])
    found = docdiff.compare(old, new, NOV20, NOV20)
    assert found == docdiff.Comparison("更新", ["第1行（总指挥） 办公电话 由 0373-3512001 改为 0373-3512009"])


def test_an_inserted_row_is_one_reason_and_renumbering_is_none():
    old = roster(["总指挥", "赵国强", "0373-3512001"], ["成员", "韩雪", "0373-3512111"])
    new = roster(["总指挥", "赵国强", "0373-3512001"], ["副总指挥", "李文斌", "0373-3512002"],
                 ["成员", "韩雪", "0373-3512111"])
    assert docdiff.compare(old, new, NOV20, NOV20).reasons == ["新增 第2行：副总指挥 | 李文斌 | 0373-3512002"]
    assert docdiff.compare(new, old, NOV20, NOV20).reasons == ["删除 第2行：副总指挥 | 李文斌 | 0373-3512002"]


def test_prose_is_worded_by_its_changed_clause():
    old = Dump(["领导小组由赵国强同志任组长，负责全面工作。"])
    new = Dump(["领导小组由钱卫东同志任组长，负责全面工作。"])
    assert docdiff.compare(old, new, NOV20, NOV20).reasons == ["由 领导小组由赵国强同志任组长 改为 领导小组由钱卫东同志任组长"]


def test_the_build_date_alone_is_a_date_only_change_in_any_printed_form():
    old = Dump(["信访隐患排查台账", "期间：2026年11月 | 填报日期：2026年11月20日", "截至 2026-11-20"])
    new = Dump(["信访隐患排查台账", "期间：2026年11月 | 填报日期：2026年11月23日", "截至 2026-11-23"])
    assert docdiff.compare(old, new, NOV20, NOV23) == docdiff.Comparison("仅日期更新", [])
    # Across a month the period in the title is a date too.
    later = Dump(["信访隐患排查台账", "期间：2026年12月 | 填报日期：2026年12月3日", "截至 2026-12-03"])
    assert docdiff.compare(old, later, NOV20, DEC3).kind == "仅日期更新"


def test_another_date_is_content():
    old = roster(["总指挥", "赵国强", "2026-12-31"])
    new = roster(["总指挥", "赵国强", "2027-01-31"])
    assert docdiff.compare(old, new, NOV20, NOV23).reasons == ["第1行（总指挥） 办公电话 由 2026-12-31 改为 2027-01-31"]


def test_the_raw_xml_check_agrees_and_declines_what_it_cannot_tell():
    old = {"word/document.xml": "<w:t>2026年11月20日</w:t><w:t>赵国强</w:t>".encode()}
    same = {"word/document.xml": "<w:t>2026年11月23日</w:t><w:t>赵国强</w:t>".encode()}
    other = {"word/document.xml": "<w:t>2026年11月23日</w:t><w:t>钱卫东</w:t>".encode()}
    assert docdiff.differs_only_in_dates(old, NOV20, docdiff.masked_parts(same, NOV23))
    assert not docdiff.differs_only_in_dates(old, NOV20, docdiff.masked_parts(other, NOV23))
    assert not docdiff.differs_only_in_dates(old, None, docdiff.masked_parts(same, NOV23))


def test_identical_text_on_the_same_date_is_a_layout_change():
    dump = roster(["总指挥", "赵国强", "0373-3512001"])
    assert docdiff.compare(dump, dump, NOV20, NOV20) == docdiff.Comparison("仅版式更新", [])


def case_grid(months: str) -> Table:
    """A form's grid of labels and values (no header row), as the case plan and order print it."""
    return Table([Row(["承办单位", "退管中心"], [0, 1]),
                  Row(["挂号日期", "2026年2月26日", "挂账时间", months], [0, 1, 2, 3])])


def test_a_grid_value_is_named_by_its_label_not_by_the_first_row():
    old = Dump(["一、基本情况", case_grid("8个月"), "二、工作专班", case_grid("8个月")])
    new = Dump(["一、基本情况", case_grid("9个月"), "二、工作专班", case_grid("8个月")])
    assert docdiff.compare(old, new, NOV20, NOV20).reasons == ["一、基本情况 挂账时间 由 8个月 改为 9个月"]


def test_a_new_table_names_its_rows_and_leaves_the_dated_block_above_a_date_change():
    block = lambda day: Table([Row(["填报单位：人力资源部", f"填报日期：2026年11月{day}日"], [0, 1])])  # noqa: E731
    head = Row(["问题描述", "风险等级"], [0, 1], header=True)
    old = Dump(["积案包案责任清单", block(20), Table([head, Row(["统筹外项目停发", "红"], [0, 1])])])
    new = Dump(["积案包案责任清单", block(23), Table([head, Row(["统筹外项目停发", "黄"], [0, 1])]),
                "尚未落实包案的积案（挂号超过3个月仍在办，须明确包案领导）",
                Table([head, Row(["企业年金调整", "黄"], [0, 1])])])
    assert docdiff.compare(old, new, NOV20, NOV23).reasons == [
        "积案包案责任清单 第1行（统筹外项目停发） 风险等级 由 红 改为 黄",
        "新增：尚未落实包案的积案（挂号超过3个月仍在办，须明确包案领导）",
        "新增 尚未落实包案的积案 第1行：企业年金调整 | 黄"]


def test_a_renamed_header_over_a_new_row_is_said():
    old = Dump(["台账", Table([Row(["问题描述", "风险等级"], [0, 1], header=True), Row(["甲", "红"], [0, 1])])])
    new = Dump(["台账", Table([Row(["问题描述", "风险级别"], [0, 1], header=True), Row(["乙", "黄"], [0, 1]),
                              Row(["甲", "红"], [0, 1])])])
    reasons = docdiff.compare(old, new, NOV20, NOV20).reasons
    assert "新增 表头：问题描述 | 风险级别" in reasons and "删除 表头：问题描述 | 风险等级" in reasons


def test_a_value_is_named_only_by_a_label_of_words():
    old = Dump([Table([Row(["姓名", "张三", "年龄", "35"], [0, 1, 2, 3]), Row(["2", "李四"], [0, 1])])])
    new = Dump([Table([Row(["姓名", "张三", "年龄", "36"], [0, 1, 2, 3]), Row(["2", "王五"], [0, 1])])])
    assert docdiff.compare(old, new, NOV20, NOV20).reasons == ["年龄 由 35 改为 36", "由 李四 改为 王五"]
