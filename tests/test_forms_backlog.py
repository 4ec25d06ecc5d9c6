"""积案挂牌督办单 and 一案一策化解方案: one of each per backlog case, with its five-responsibility chain."""

from __future__ import annotations

import copy

from formdocs import all_text, find_table, open_docx, render
from xinfang.forms import backlog, case_plan, supervision_order
from xinfang.forms.common import output_path
from xinfang.jinja import cn_date
from xinfang.model import FIVE_RESPONSIBILITIES

ORDER, PLAN = "积案挂牌督办单", "一案一策化解方案"


def _case(data, case_id):
    return next(c for c in data.reception.cases if c.id == case_id)


def _doc(built, data, form, case_id):
    case = _case(data, case_id)
    unit = data.units[data.risk_by_id[case.risk].unit]
    return open_docx(built / output_path(data, unit, form, case_id))


def test_every_backlog_case_gets_both_documents_in_its_units_folder(built, example):
    cases = backlog.backlog_cases(example)
    assert [c.id for c in cases] == [f"ba-2026-0{i}" for i in range(1, 6)]
    for module, form in ((supervision_order, ORDER), (case_plan, PLAN)):
        paths = sorted(j.path for j in module.DECLARATION.jobs(example, blank=False))
        expected = sorted(output_path(example, backlog.case_unit(example, c), form, c.id) for c in cases)
        assert paths == expected
        assert all((built / p).exists() for p in paths)
    assert "文档/北辰能源/退管中心/退管中心-一案一策化解方案-ba-2026-02.docx" in expected


def test_case_not_yet_backlog_gets_no_order(example):
    data = copy.deepcopy(example)
    case = _case(data, "ba-2026-02")
    data.risk_by_id[case.risk].registered = data.today  # found today: not open for 3 months yet
    ids = {j.path for j in supervision_order.DECLARATION.jobs(data, blank=False)}
    assert not any("ba-2026-02" in p for p in ids) and len(ids) == 4


def test_order_shows_the_case_and_its_chain(built, example):
    case = _case(example, "ba-2026-02")
    risk = example.risk_by_id[case.risk]
    doc = _doc(built, example, ORDER, case.id)
    text = all_text(doc)
    assert "积案挂牌督办单" in text and risk.description in text
    assert f"承办单位 | {example.units['tuiguan'].name}" in text
    assert f"包案编号 | {case.id} | 隐患编号 | {risk.id}" in text
    assert f"化解时限 | {cn_date(case.deadline)}" in text
    assert "挂账时间 | 8个月" in text
    [chain] = find_table(doc, "责任", "承担者", "责任人", "主要职责")
    rows = {r[0]: r for r in chain[1:]}
    assert list(rows) == list(FIVE_RESPONSIBILITIES)
    assert "赵国强（党委书记、董事长）" in rows["首要责任"][2]
    assert rows["直接责任"][2] == "周海涛（副总经理）"  # the 分管领导 whose assignment covers 退管中心
    assert rows["管理责任"][2].startswith("高淑珍（退管中心主任）")
    assert rows["包案责任"][2] == "周海涛（副总经理）；专班成员：高淑珍、任志伟、苏慧"
    assert "孙丽萍" in rows["督查责任"][2] and "马丽华" in rows["督查责任"][2]
    assert rows["督查责任"][1] == "公司纪委和信访办公室"
    s = example.procedure.supervision
    assert f"收到本督办单后{s.feedback_workdays}个工作日内书面反馈化解进展" in text
    assert f"化解时限届满前{s.reminder_days}日" in text
    [progress] = find_table(doc, "日期", "进展情况")
    assert [r[1] for r in progress[1:]] == [p.note for p in risk.progress]
    assert "督办单位 | 信访办公室 | 签发人 | 马丽华（党群工作部部长、信访办公室主任）" in text
    assert "填写说明" not in text


def test_plan_shows_task_force_plan_steps_and_rules(built, example):
    case = _case(example, "ba-2026-03")
    risk = example.risk_by_id[case.risk]
    text = all_text(_doc(built, example, PLAN, case.id))
    assert f"{example.units['er-kuang'].name}\n一案一策化解方案" in text
    assert case.plan in text and f"台账所列化解措施：{risk.measures}" in text
    assert "专班成员 | 谢光明、卢建平、杨帆、吕娜" in text
    assert f"化解时限：{cn_date(case.deadline)}。" in text
    assert f"积案化解率低于{example.reception.award_threshold}%的单位取消年度评先资格" in text
    assert "首要责任" in text and "督查责任" in text


def test_chain_falls_back_when_the_data_lacks_a_duty(example):
    data = copy.deepcopy(example)
    data.responsibilities.five = [d for d in data.responsibilities.five if d.name != "督查责任"]
    rows = {r["name"]: r for r in backlog.chain(data, _case(data, "ba-2026-01"))}
    assert rows["督查责任"]["holder"] == "纪委和信访办公室"
    assert rows["督查责任"]["people"] == "马丽华（党群工作部部长、信访办公室主任）"  # the office's director


def test_blanks_have_the_chain_wording_and_no_case(built, example):
    unit = example.units["yi-kuang"]
    for form in (ORDER, PLAN):
        doc = open_docx(built / output_path(example, unit, form, "", blank=True))
        text = all_text(doc)
        assert unit.name in text and "填写说明" in text
        assert not any(r.description in text for r in example.risks)
        assert not any(c.plan in text for c in example.reception.cases)
        [chain] = find_table(doc, "责任", "承担者", "责任人", "主要职责")
        assert [r[0] for r in chain[1:]] == list(FIVE_RESPONSIBILITIES)
        assert all(r[2] == "" for r in chain[1:])


def test_blank_plan_leaves_lines_for_progress(example):
    unit = example.units["yi-kuang"]
    blanks = case_plan.DECLARATION.jobs(example, blank=True)
    job = next(j for j in blanks if j.path.endswith(f"{unit.label}-{PLAN}.docx"))
    [progress] = find_table(render(example, job), "日期", "进展情况")
    assert len(progress) == 1 + case_plan.BLANK_PROGRESS and all(r == ["", ""] for r in progress[1:])
