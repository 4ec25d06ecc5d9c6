"""专项排查报告, 领导接访安排表 and 包案责任清单: opened and checked against the data."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from formdocs import all_text, find_table, open_docx, render
from xinfang.forms import case_ownership, inspection_report, reception_schedule
from xinfang.forms.common import output_path
from xinfang.forms.narrative import months_between
from xinfang.numbers import change_percent
from xinfang.jinja import cn_date
from xinfang.model import ReceptionRule
from xinfang.workdays import WorkCalendar

D = dt.date


def _campaign(data, campaign_id):
    return next(c for c in data.campaigns if c.id == campaign_id)


def _report(built, data, campaign_id):
    campaign = _campaign(data, campaign_id)
    return open_docx(built / output_path(data, data.root, "专项排查报告", campaign.name))


# --- 专项排查报告 -------------------------------------------------------------

def test_campaign_starts_ten_working_days_before_new_year(built, example):
    campaign = _campaign(example, "2027-yuandan-chunjie")
    assert campaign.milestone == D(2027, 1, 1) and campaign.lead_days == 10
    text = all_text(_report(built, example, campaign.id))
    # Back from 2027-01-01 across two weekends: Dec 31, 30, 29, 28, 25, 24, 23, 22, 21, 18.
    assert "排查时间：2026年12月18日至2027年1月1日。" in text
    assert "关于2027年元旦春节前信访隐患专项排查情况的报告" in text


def test_every_campaign_period_follows_the_calendar(built, example):
    calendar = WorkCalendar(example.holidays)
    for campaign in example.campaigns:
        start = calendar.workdays_before(campaign.milestone, campaign.lead_days)
        text = all_text(_report(built, example, campaign.id))
        assert f"排查时间：{cn_date(start)}至{cn_date(campaign.milestone)}。" in text


def test_partial_year_is_not_set_against_a_whole_year(built, example):
    doc = _report(built, example, "er-kuang-guanbi")
    text = all_text(doc)
    assert "2026年的信访数字统计至2026年11月20日，未满全年，不与2025年全年数字作同比" in text
    [table] = find_table(doc, "指标")
    assert table[0] == ["指标", "2025年（全年）", "2026年（截至11月20日）"]
    rows = {row[0]: row for row in table[1:]}
    assert rows["信访批次"][1:] == ["403", "303"] and rows["信访人次"][1:] == ["901", "469"]
    assert "24.81" not in text and "同比−" not in text
    # What the enterprise itself reports only as percentages, against the same part of 2025.
    assert "2026年（截至11月20日），退休人员上访率同比下降57%，进京上访批次同比下降100%。" in text


def _whole_years(data):
    data = copy.deepcopy(data)
    for f in data.enterprise.figures:
        f.as_of = None
    return data


def test_year_on_year_changes_worded_in_the_report(example):
    data = _whole_years(example)
    job = next(j for j in inspection_report.DECLARATION.jobs(data, blank=False) if "第二煤矿" in j.path)
    doc = render(data, job)
    [table] = find_table(doc, "指标")
    assert table[0][-1] == "同比"
    rows = {row[0]: row for row in table[1:]}
    assert rows["信访批次"][1:] == ["403", "303", "下降24.81%"]
    assert rows["信访人次"][1:] == ["901", "469", "下降47.94%"]
    text = all_text(doc)
    assert "2026年与2025年相比，信访批次下降24.81%，人次下降47.94%，详见下表。" in text
    assert "同比−" not in text and "−24.81%" not in text


def test_two_partial_years_to_the_same_day_compare(example):
    import datetime as dt
    data = copy.deepcopy(example)
    for f in data.enterprise.figures:
        f.as_of = dt.date(f.year, 11, 20)
    job = next(j for j in inspection_report.DECLARATION.jobs(data, blank=False) if "第二煤矿" in j.path)
    text = all_text(render(data, job))
    assert "2026年（截至11月20日）与2025年（截至11月20日）相比，信访批次下降24.81%" in text


def test_change_words():
    from xinfang.numbers import change_words, percent_words
    assert change_words(303, 403) == "下降24.81%"
    assert change_words(5, 4) == "上升25.00%"
    assert change_words(4, 4) == "持平"
    assert change_words(3, 0) == "—"
    assert percent_words(-57) == "下降57%" and percent_words(16.7) == "上升16.7%" and percent_words(0) == "持平"


def test_percent_only_year(example):
    from xinfang.model import Change, YearFigures
    data = copy.deepcopy(example)
    data.enterprise.figures = [YearFigures(year=2026, changes=[Change(indicator="信访工作总量", percent=-16.7)])]
    job = inspection_report.DECLARATION.jobs(data, blank=False)[0]
    text = all_text(render(data, job))
    assert "2026年，信访工作总量同比下降16.7%。" in text
    assert "暂不作同比分析" not in text and not find_table(render(data, job), "指标")


def test_change_percent_sign_and_cut_decimals():
    assert change_percent(303, 403) == "−24.81%"
    assert change_percent(469, 901) == "−47.94%"  # −47.9467…: cut, not rounded
    assert change_percent(5, 4) == "+25.00%"
    assert change_percent(4, 4) == "0.00%"
    assert change_percent(3, 0) == "—"


def test_no_year_on_year_without_last_years_figures(example):
    data = copy.deepcopy(example)
    data.enterprise.figures = [f for f in data.enterprise.figures if f.year == data.enterprise.year]
    data.enterprise.figures[0].changes = []
    job = inspection_report.DECLARATION.jobs(data, blank=False)[0]
    text = all_text(render(data, job))
    assert "本年度或上年度的信访统计数字不全，暂不作同比分析。" in text
    assert not find_table(render(data, job), "指标")


def test_counts_red_items_and_unit_table(built, example):
    campaign = _campaign(example, "er-kuang-guanbi")
    entries = inspection_report.campaign_entries(example, campaign)
    assert entries, "the example's closure campaign has entries linked to it"
    doc = _report(built, example, campaign.id)
    text = all_text(doc)
    reds = [r for r in entries if r.level == "红"]
    # Under way on the data date: counts as of that day, in the present tense.
    assert f"截至2026年11月20日，本次排查已发现信访隐患{len(entries)}条，涉及{sum(r.people_count for r in entries)}人，" \
           f"其中红色{len(reds)}条" in text
    [levels] = find_table(doc, "风险等级", "隐患数（条）")
    assert levels[1][:2] == ["红", str(len(reds))]
    assert levels[-1][:2] == ["合计", str(len(entries))]
    [units] = find_table(doc, "单位", "红色")
    named = {row[0]: row for row in units[1:-1]}
    for unit_id in {r.unit for r in entries}:
        label = example.units[unit_id].label
        assert named[label][4] == str(sum(r.unit == unit_id for r in entries))
    assert units[-1][0] == "合计" and units[-1][4] == str(len(entries))
    for red in reds:
        assert red.description in text
        assert example.people[red.leader].name in text


def test_campaign_counts_only_the_entries_linked_to_it(example):
    """An unlinked entry registered inside the campaign's period and scope is not counted:
    daily screening found it, not the campaign."""
    data = copy.deepcopy(example)
    campaign = _campaign(data, "er-kuang-guanbi")
    linked = {r.id for r in data.risks if r.campaign == campaign.id}
    inside = next(r for r in data.risks if r.campaign is None and r.unit == "er-kuang")
    inside.registered = D(2026, 11, 10)
    found = {r.id for r in inspection_report.campaign_entries(data, campaign)}
    assert found == linked and inside.id not in found
    other = _campaign(data, "2027-yuandan-chunjie")
    assert inspection_report.campaign_entries(data, other) == []


def _signed(doc) -> str:
    """The 成文日期: the last non-empty body paragraph."""
    return [p.text for p in doc.paragraphs if p.text.strip()][-1]


def test_report_is_dated_by_its_campaign_and_worded_by_phase(built, example):
    # Under way (2026-11-03 … 2026-12-15 on 2026-11-20): present tense, dated the milestone.
    text = all_text(_report(built, example, "er-kuang-guanbi"))
    assert "自2026年11月3日起在" in text and "至2026年12月15日结束" in text and "现将排查进展情况报告如下。" in text
    assert "开展了" not in text and "五、正在采取的工作措施" in text
    assert _signed(_report(built, example, "er-kuang-guanbi")) == "2026年12月15日"
    # Not begun (starts 2026-12-18): future tense, no count tables, dated the milestone.
    doc = _report(built, example, "2027-yuandan-chunjie")
    text = all_text(doc)
    assert "拟于2026年12月18日至2027年1月1日在全公司各部门、各单位范围内开展" in text
    assert "本次排查将于2026年12月18日开始，排查发现的问题待排查结束后报告。" in text
    assert "五、拟采取的工作措施" in text and not find_table(doc, "风险等级")
    assert "（一）按风险等级统计" not in text and "共发现信访隐患0条" not in text
    assert _signed(doc) == "2027年1月1日"


def test_ended_campaign_in_the_past_tense(example):
    data = copy.deepcopy(example)
    data.enterprise.data_date = D(2026, 12, 20)
    job = next(j for j in inspection_report.DECLARATION.jobs(data, blank=False) if "第二煤矿" in j.path)
    doc = render(data, job)
    text = all_text(doc)
    assert "于2026年11月3日至2026年12月15日在" in text and "开展了第二煤矿关闭退出职工分流安置专项排查" in text
    assert "本次排查共发现信访隐患5条" in text and "五、采取的工作措施" in text
    assert _signed(doc) == "2026年12月15日"


def test_report_without_partners_focus_or_measures_leaves_nothing_hanging(example):
    data = copy.deepcopy(example)
    campaign = _campaign(data, "er-kuang-guanbi")
    campaign.departments, campaign.focus, campaign.measures, campaign.next_steps = [], [], [], []
    campaign.trigger = "“关闭退出”节点"
    job = next(j for j in inspection_report.DECLARATION.jobs(data, blank=False) if "第二煤矿" in j.path)
    text = all_text(render(data, job))
    assert "会同" not in text.split("\n")[2]
    assert "本次排查的重点是：" not in text
    assert "本次排查未列出专门的工作措施。" in text and "下一步工作待排查结束后另行部署。" in text
    assert "为做好“‘关闭退出’节点”前后" in text and "““" not in text and "””" not in text


def test_warning_for_special_screening_without_campaign(example, tmp_path):
    from datacase import mini_copy
    from xinfang.loader import load
    data = mini_copy(tmp_path)
    path = data / "risks" / "yi-kuang.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  - 编号:")
    line_end = text.index("\n", first)
    path.write_text(text[:line_end + 1] + "    排查方式: 专项排查\n" + text[line_end + 1:], encoding="utf-8")
    warnings = [p.message for p in load(data).warnings]
    assert any(m.endswith("的排查方式是专项排查，但未填在哪次专项排查中发现（专项排查编号），不会计入任何专项排查报告")
               for m in warnings), warnings


# --- 领导接访安排表 -----------------------------------------------------------

def _schedule(built, data):
    first, last = reception_schedule.schedule_months(data)
    path = output_path(data, data.root, "领导接访安排表", reception_schedule.period_text(first, last))
    return open_docx(built / path)


def test_schedule_covers_the_months_after_the_data_date(built, example):
    assert example.today == D(2026, 11, 20)
    doc = _schedule(built, example)
    [table] = find_table(doc, "日期", "星期", "时间", "接访领导")
    rows = table[1:]
    calendar = WorkCalendar(example.holidays)
    # The first Wednesday of December 2026 is the 2nd: 赵国强's monthly reception.
    monthly = [r for r in rows if r[3].startswith("赵国强")]
    assert [r[0] for r in monthly] == ["2026年12月2日", "2027年1月6日", "2027年2月3日"]
    assert monthly[0][1] == "星期三" and monthly[0][4] == "定点接访"
    assert monthly[0][6] == "2026年11月27日"  # 3 working days before: Nov 30, 27 (weekend skipped)
    for row in rows:
        day = dt.date(*map(int, row[0].replace("年", "-").replace("月", "-").rstrip("日").split("-")))
        assert calendar.is_workday(day), row
        assert D(2026, 12, 1) <= day <= D(2027, 2, 28)
    assert "3个工作日内告知信访人承办部门和办理时限，一般在15个工作日内办结" in all_text(doc)


def test_a_reception_on_national_day_moves_and_is_announced_three_working_days_before(example):
    data = copy.deepcopy(example)
    data.enterprise.data_date = D(2026, 8, 20)  # schedules September to November 2026
    data.reception.rules = [ReceptionRule(leader=data.enterprise.group.leader, mode="定点接访", cycle="每月",
                                          weekday="星期四", week_of_month=1, time="9:00—11:30", place="接待室")]
    sessions = reception_schedule.sessions(data)
    assert [s["iso"] for s in sessions] == ["2026-09-03", "2026-10-08", "2026-11-05"]
    october = sessions[1]
    # 2026-10-01 is the first Thursday but National Day: it moves to Thursday 2026-10-08,
    # announced 3 working days before: Sep 30, 29, 28 (Oct 1–7 off).
    assert october["notice_iso"] == "2026-09-28"
    assert october["note"] == "原定10月1日，遇节假日顺延"
    text = all_text(render(data, reception_schedule.DECLARATION.jobs(data, blank=False)[0]))
    assert "2026年10月8日 | 星期四" in text and "2026年9月28日" in text and "2026年10月1日" not in text


def test_weekly_rule_lists_every_weekday_and_holiday_moves_do_not_duplicate(example):
    data = copy.deepcopy(example)
    data.enterprise.data_date = D(2026, 8, 20)
    data.reception.rules = [ReceptionRule(leader=data.enterprise.group.leader, mode="预约接访", cycle="每周",
                                          weekday="星期二", time="15:00", place="接待室")]
    dates = [s["iso"] for s in reception_schedule.sessions(data)]
    # Tuesday Oct 6 falls in the holiday and moves to Oct 8; no Tuesday of September is lost.
    assert "2026-10-06" not in dates and "2026-10-08" in dates
    assert [d for d in dates if d.startswith("2026-09")] == ["2026-09-01", "2026-09-08", "2026-09-15",
                                                             "2026-09-22", "2026-09-29"]
    assert len(dates) == len(set(dates))


# --- 包案责任清单 -------------------------------------------------------------

def test_backlog_months_in_the_case_list(built, example):
    case = next(c for c in example.reception.cases if c.id == "ba-2026-01")
    risk = next(r for r in example.risks if r.id == case.risk)
    assert (risk.registered, example.today) == (D(2026, 1, 19), D(2026, 11, 20))
    doc = open_docx(built / output_path(example, example.root, "包案责任清单", "2026年11月"))
    [table] = find_table(doc, "序号", "问题描述", "单位", "挂号日期")
    row = next(r for r in table[1:] if r[1] == risk.description)
    assert row[3:6] == ["2026年1月19日", "10个月", example.people[case.leader].name]
    assert row[8] == cn_date(case.deadline)
    assert len(table) - 1 == len(example.reception.cases)
    text = all_text(doc)
    assert f"低于{example.reception.award_threshold}%的单位取消年度评先资格" in text
    assert f"超过{example.reception.backlog_months}个月仍未化解的，认定为积案" in text


def test_months_between_and_backlog_rule(example):
    assert months_between(D(2026, 5, 10), D(2026, 11, 9)) == 5
    assert months_between(D(2026, 5, 10), D(2026, 11, 10)) == 6
    assert months_between(D(2026, 1, 31), D(2026, 2, 28)) == 0
    data = copy.deepcopy(example)
    risk = next(r for r in data.risks if r.state == "在办")
    risk.registered = D(2026, 8, 20)  # exactly 3 months before the data date: not yet backlog
    assert not case_ownership.is_backlog(data, risk)
    risk.registered = D(2026, 8, 19)
    assert case_ownership.is_backlog(data, risk)


def test_unit_case_list_holds_only_its_subtree(built, example):
    risks = {r.id: r for r in example.risks}
    case = example.reception.cases[0]
    unit = example.units[risks[case.risk].unit]
    doc = open_docx(built / output_path(example, unit, "包案责任清单", "2026年11月"))
    [table] = find_table(doc, "序号", "问题描述", "单位", "挂号日期")
    under = {u.id for u in example.descendants(unit)}
    expected = [risks[c.risk].description for c in example.reception.cases if risks[c.risk].unit in under]
    assert sorted(r[1] for r in table[1:]) == sorted(expected)


# --- blanks ---------------------------------------------------------------------

@pytest.mark.parametrize("form", ["专项排查报告", "领导接访安排表", "包案责任清单"])
def test_blanks_carry_the_unit_header_and_no_personal_data(built, example, form):
    unit = example.units["yi-kuang"]
    text = all_text(open_docx(built / output_path(example, unit, form, "", blank=True)))
    assert unit.name in text
    assert example.people[unit.liaison].name in text
    assert "填写说明" in text
    for p in example.people.values():
        assert not p.mobile or p.mobile not in text
    for k in example.key_persons:
        assert k.name not in text
    if form == "包案责任清单":
        assert not any(risk.description in text for risk in example.risks)


def test_schedule_notes_name_the_channels_and_the_equipment(built, example):
    text = all_text(_schedule(built, example))
    assert "注：1.接访时间、地点提前3个工作日在企业内网、公告栏公告，职工可通过电话、线上平台预约；" in text
    assert "接访情况记入接访登记簿，接待室配备录音录像设备，保障双方权益。" in text


def test_schedule_notes_without_channels_keep_todays_wording(example):
    data = copy.deepcopy(example)
    rec = data.reception
    rec.notice_channels, rec.booking_channels, rec.equipment = [], [], None
    [job] = reception_schedule.DECLARATION.jobs(data, blank=False)
    text = all_text(render(data, job))
    assert "注：1.接访时间、地点提前3个工作日公告；接访日遇法定节假日" in text
    assert "接访情况记入接访登记簿。" in text and "职工可通过" not in text


def test_schedule_leader_with_a_bracketed_post_is_not_nested(example):
    data = copy.deepcopy(example)
    leader = data.people[data.reception.rules[0].leader]
    leader.post = "党委书记（兼）"
    [job] = reception_schedule.DECLARATION.jobs(data, blank=False)
    text = all_text(render(data, job))
    assert f"党委书记（兼）{leader.name}" in text and "（党委书记（兼））" not in text
