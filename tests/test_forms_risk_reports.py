"""风险预控日报告 and 重大风险专报: which units and entries get one, their content, 无 when nothing."""

from __future__ import annotations

import copy
import dataclasses

from formdocs import all_text, body_text, find_table, open_docx, render
from xinfang.forms import daily_report, major_risk_report
from xinfang.forms.common import output_path
from xinfang.forms.ledger import ledger_units
from xinfang.forms.scope import issuing_units

DAY = "2026年11月20日"
PERIOD = ""  # the current report: dated inside, not in its file name


def _daily(built, data, unit_id):
    return open_docx(built / output_path(data, data.units[unit_id], "风险预控日报告", PERIOD))


def _open_reds(data, unit=None):
    risks = data.risks_under(unit) if unit else data.risks
    return [r for r in risks if r.level == "红" and r.state != "已销号"]


def test_daily_reports_go_to_the_ledger_units_and_blanks_to_issuing_units(example):
    filled = daily_report.DECLARATION.jobs(example, blank=False)
    assert [j.path for j in filled] == [output_path(example, u, "风险预控日报告", PERIOD) for u in ledger_units(example)]
    blanks = daily_report.DECLARATION.jobs(example, blank=True)
    assert len(blanks) == len(issuing_units(example))
    assert all(j.title.endswith("（空白）") and not j.confidential for j in blanks)


def test_company_report_lists_every_open_red_entry_with_leader_and_latest_progress(built, example):
    doc = _daily(built, example, "hq")
    reds = _open_reds(example)
    [table] = find_table(doc, "序号", "单位", "问题描述", "人数", "包案领导", "最新进展")
    assert len(table) - 1 == len(reds) == 7
    by_description = {row[2]: row for row in table[1:]}
    for risk in reds:
        row = by_description[risk.description]
        assert row[4] == example.people[risk.leader].name
        latest = max(risk.progress, key=lambda p: p.date)
        assert row[5] == f"{latest.date.isoformat()} {latest.note}"
        assert row[7] == risk.status(example.today)
    text = body_text(doc)
    assert "北辰能源集团有限公司主要领导赵国强：" in text
    assert f"截至{DAY}，全公司在办信访隐患23条，其中红色7条（超期1条）；当日未发现新的隐患。" in text
    # Nothing was registered on the data date: the section says 无 and has no table.
    assert text.split("二、当日新发现隐患", 1)[1].split("\n")[1] == "无。"
    assert not find_table(doc, "序号", "单位", "问题描述", "人数", "等级")
    assert "每天下班前报送所在单位领导" in text


def test_unit_without_red_entries_says_none_and_lists_a_new_one(example):
    data = copy.deepcopy(example)
    unit = data.units["yi-kuang"]
    assert not _open_reds(data, unit)
    found = dataclasses.replace(data.own_risks(unit)[0], id="yk-2026-099", state="在办", closed=None,
                                registered=data.today, level="黄", progress=[])
    data.risks.append(found)
    for cached in ("_own_risks", "risk_by_id"):
        data.__dict__.pop(cached, None)
    job = next(j for j in daily_report.DECLARATION.jobs(data, blank=False) if "/一矿/一矿-" in j.path)
    doc = render(data, job)
    text = body_text(doc)
    assert text.split("一、红色隐患稳控情况", 1)[1].split("\n")[1] == "无。"
    assert "无红色隐患；当日新发现隐患1条。" in text
    assert "红色0条" not in text and "其中红色0" not in text
    [table] = find_table(doc, "序号", "单位", "问题描述", "人数", "等级")
    assert table[1][2] == found.description and table[1][4] == "黄"


def test_daily_blank_has_empty_rows_and_no_entry(built, example):
    doc = open_docx(built / output_path(example, example.units["yi-kuang"], "风险预控日报告", "", blank=True))
    text = all_text(doc)
    [reds] = find_table(doc, "序号", "单位", "问题描述", "人数", "包案领导")
    assert len(reds) == 6 and all(not "".join(r) for r in reds[1:])
    assert "当日新发现隐患____条" in text and "填写说明" in text
    assert not any(r.description[:20] in text for r in example.risks)


def test_one_special_report_per_open_red_entry_in_its_units_folder(example):
    jobs = major_risk_report.DECLARATION.jobs(example, blank=False)
    reds = _open_reds(example)
    assert sorted(j.path for j in jobs) == sorted(
        output_path(example, example.units[r.unit], "重大风险专报", r.id) for r in reds)
    data = copy.deepcopy(example)
    risk = data.risk_by_id["wy-2026-001"]
    risk.state, risk.closed = "已销号", data.today
    assert len(major_risk_report.DECLARATION.jobs(data, blank=False)) == len(jobs) - 1
    assert not any("wy-2026-001" in j.path for j in major_risk_report.DECLARATION.jobs(data, blank=False))
    assert "/人力资源部/人力资源部-重大风险专报-rl-2026-001.docx" in "\n".join(j.path for j in jobs)


def test_special_report_states_facts_case_progress_and_requests(built, example):
    risk = example.risk_by_id["rl-2026-001"]
    case = next(c for c in example.reception.cases if c.risk == risk.id)
    doc = open_docx(built / output_path(example, example.units[risk.unit], "重大风险专报", risk.id))
    text = body_text(doc)
    assert text.startswith("内部资料 注意保密\n重大风险专报\n人力资源部　隐患编号：rl-2026-001\n公司信访办公室：")
    assert risk.description in text
    assert f"涉及人数：{risk.people_count}人" in text
    assert "包案领导：赵国强（党委书记、董事长）。" in text
    assert f"化解方案：{case.plan}" in text
    dates = [line.split("：", 1)[0] for line in text.split("四、进展情况\n", 1)[1].split("\n五、", 1)[0].split("\n")]
    assert len(dates) == len(risk.progress) and dates[0].startswith("2026年")
    assert "该隐患的化解时限2026年10月31日已过，仍未化解，请信访办公室协调有关部门研究解决" in text
    assert "确定包案专班" not in text  # it has a case
    assert "将在30分钟内电话报告" in text


def test_special_report_asks_for_a_task_force_when_a_backlog_case_has_none(example):
    data = copy.deepcopy(example)
    data.reception.cases = [c for c in data.reception.cases if c.risk != "rl-2026-001"]
    job = next(j for j in major_risk_report.DECLARATION.jobs(data, blank=False) if "rl-2026-001" in j.path)
    text = body_text(render(data, job))
    assert "属积案，尚未落实“一案一专班、一案一方案”，请信访维稳工作领导小组确定包案专班。" in text
    assert "该隐患已列入积案包案" not in text


def test_special_report_without_progress_says_so(example):
    data = copy.deepcopy(example)
    risk = data.risk_by_id["rl-2026-001"]
    risk.progress = []
    job = next(j for j in major_risk_report.DECLARATION.jobs(data, blank=False) if "rl-2026-001" in j.path)
    text = body_text(render(data, job))
    assert "四、进展情况\n无。挂号以来尚无进展记录。\n五、请求事项" in text


def test_special_report_blank_names_no_entry(built, example):
    doc = open_docx(built / output_path(example, example.units["yi-kuang"], "重大风险专报", "", blank=True))
    text = body_text(doc)
    assert "填报单位：第一煤矿" in text and "问题描述：________" in text
    assert not any(r.id in text or r.description[:20] in text for r in example.risks)
